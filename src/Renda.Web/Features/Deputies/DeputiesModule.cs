using Renda.Web.Platform.Attachments;
using Renda.Web.Platform.Demo;
using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Deputies;

/// <summary>
/// Deputies' work (代表工作, DOMAIN.md §7): liaison stations and their funding, reception days and constituents' opinions,
/// trainings, forums, 六联系 contact records, four-level joint inspections, and the duty archive filled from every module.
/// The module's entry points (docs/MODULES.md); its pages are found by folder.
/// </summary>
public static class DeputiesModule
{
    public static IServiceCollection AddDeputies(this IServiceCollection services, IConfiguration config)
    {
        // The Chinese names of the records this module's clocks run for, and their pages (the deadline list's sub-label).
        Platform.Deadlines.Deadlines.Describe(ConstituentOpinionWorkflow.Subject, "群众意见", id => $"/deputies/opinions/{id}");
        // Stations and receptions: the yearly reception minimum on the staff's home page and in the deputies' inbox.
        services.AddSingleton<IWorkbenchItems, DeputiesWorkbench>();
        services.AddHostedService<ReceptionReminder>();
        // A training's materials (课件、讲义): read by the congress's staff and council, added by its staff.
        AttachmentAccess.Register(Training.Subject,
            async (db, user, id) => int.TryParse(id, out var tid) && new DeputyActivitiesActor(user).MayRead && await db.Set<Training>().AnyAsync(t => t.Id == tid && t.CongressId == user.CongressId),
            async (db, user, id) => int.TryParse(id, out var tid) && new DeputyActivitiesActor(user).IsStaff && await db.Set<Training>().AnyAsync(t => t.Id == tid && t.CongressId == user.CongressId));
        return services;
    }

    public static RouteGroupBuilder MapDeputies(this RouteGroupBuilder api)
    {
        DeputiesApi.Map(api);
        DeputyActivitiesApi.Map(api);
        DutyArchiveApi.Map(api);
        return api;
    }

    /// <summary>Loads the module's part of the demo story (Haixi 2023 and the current year), once.</summary>
    public static async Task SeedDeputiesAsync(this DemoSeed seed, CancellationToken ct)
    {
        await DeputiesDemo.EnsureAsync(seed, ct);
        await DeputyActivitiesDemo.EnsureAsync(seed, ct);
        // Last: the archive is filled from every module's demo records, these included.
        await DutyArchiveDemo.EnsureAsync(seed, ct);
    }
}
