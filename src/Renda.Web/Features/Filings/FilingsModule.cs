using Renda.Web.Platform.Web.Pages;
using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Attachments;
using Renda.Web.Platform.Demo;

namespace Renda.Web.Features.Filings;

/// <summary>The module's entry points (docs/MODULES.md): its services, its API under /api/v1, its demo data. Its pages are found by folder.</summary>
public static class FilingsModule
{
    public static IServiceCollection AddFilings(this IServiceCollection services, IConfiguration config)
    {
        // The Chinese names of the records this module's clocks run for, and their pages (the deadline list's sub-label).
        Platform.Deadlines.Deadlines.Describe(FilingWorkflow.Subject, "备案文件", id => $"/filings/{id}");
        Platform.Deadlines.Deadlines.Describe(ReviewWorkflow.Subject, "备案审查");
        Platform.Deadlines.Deadlines.Describe(ReviewSuggestionWorkflow.Subject, "审查建议", _ => "/filings/suggestions");
        services.AddSingleton<IWorkbenchItems, FilingsWorkbench>();
        services.AddScoped<IUpwardFilingReceiver, UpwardFilingReceiver>();
        services.AddSingleton<IAgendaSubject, FilingSubject>();
        // The filing's document: staff of the receiving congress see it; the filer attaches it to its own filing.
        AttachmentAccess.Register(FilingWorkflow.Subject,
            async (db, user, id) => int.TryParse(id, out var fid) && await db.Set<Filing>().AnyAsync(f => f.Id == fid && f.CongressId == user.CongressId, default) && new FilingActor(user).MayRead(user.CongressId!.Value),
            async (db, user, id) => int.TryParse(id, out var fid) && await db.Set<Filing>().FirstOrDefaultAsync(f => f.Id == fid, default) is { } f
                && (new FilingActor(user).MayRead(f.CongressId) || (f.FilerHandlingUnitId is { } u && user.HandlingUnitIds.Contains(u))));
        return services;
    }

    public static RouteGroupBuilder MapFilings(this RouteGroupBuilder api)
    {
        FilingsApi.Map(api);
        return api;
    }

    /// <summary>Loads the module's part of the demo story (DOMAIN.md's Haixi cast), once.</summary>
    public static async Task SeedFilingsAsync(this DemoSeed seed, CancellationToken ct)
    {
        await FilingDemo.EnsureAsync(seed.Db, seed.Calendar, seed.Password, ct);
    }
}
