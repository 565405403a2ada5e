using Renda.Web.Platform.Web.Pages;
using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Demo;

namespace Renda.Web.Features.Legislation;

/// <summary>The module's entry points (docs/MODULES.md): its services, its API under /api/v1, its demo data. Its pages are found by folder.</summary>
public static class LegislationModule
{
    public static IServiceCollection AddLegislation(this IServiceCollection services, IConfiguration config)
    {
        // The Chinese names of the records this module's clocks run for, and their pages (the deadline list's sub-label).
        Platform.Deadlines.Deadlines.Describe(LegislationClocks.FilingSubject, "法规报送备案", id => $"/legislation/bills/{id}");
        Platform.Deadlines.Deadlines.Describe(LegislationClocks.ApprovalSubject, "报请批准的法规", _ => "/legislation/approvals");
        services.AddSingleton<IWorkbenchItems, LegislationWorkbench>();
        services.AddSingleton<IAgendaSubject, BillSubject>();
        services.AddSingleton<IAgendaSubject, ApprovalSubject>();
        // The Word document a version was read from: whoever may read the bill sees it; it is attached only with its upload.
        Platform.Attachments.AttachmentAccess.Register(BillWorkflow.VersionSource,
            async (db, user, id) => int.TryParse(id, out var vid) && new LegislationActor(user).MayRead
                && await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Set<BillVersion>(), v => v.Id == vid && db.Set<Bill>().Any(b => b.Id == v.BillId && b.CongressId == user.CongressId)),
            (_, _, _) => Task.FromResult(false));
        return services;
    }

    public static RouteGroupBuilder MapLegislation(this RouteGroupBuilder api)
    {
        LegislationApi.Map(api);
        return api;
    }

    /// <summary>Loads the module's part of the demo story (DOMAIN.md's Haixi cast), once.</summary>
    public static async Task SeedLegislationAsync(this DemoSeed seed, CancellationToken ct)
    {
        await LegislationDemo.EnsureAsync(seed.Db, seed.Calendar, ct);
    }
}
