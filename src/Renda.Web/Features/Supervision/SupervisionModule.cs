using Renda.Web.Platform.Web.Pages;
using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Demo;

namespace Renda.Web.Features.Supervision;

/// <summary>The module's entry points (docs/MODULES.md): its services, its API under /api/v1, its demo data. Its pages are found by folder.</summary>
public static class SupervisionModule
{
    public static IServiceCollection AddSupervision(this IServiceCollection services, IConfiguration config)
    {
        // The Chinese names of the records this module's clocks run for, and their pages (the deadline list's sub-label).
        Platform.Deadlines.Deadlines.Describe(WorkReport.Subject, "工作报告", id => $"/supervision/reports/{id}");
        services.AddSingleton<IWorkbenchItems, SupervisionWorkbench>();
        services.AddSingleton<IAgendaSubject, WorkReportResolutionSubject>();
        services.AddSingleton<IAgendaSubject, WorkReportApprovalSubject>();
        WorkReportAttachments.Register();
        return services;
    }

    public static RouteGroupBuilder MapSupervision(this RouteGroupBuilder api)
    {
        SupervisionApi.Map(api);
        return api;
    }

    /// <summary>Loads the module's part of the demo story (DOMAIN.md's Haixi cast), once.</summary>
    public static async Task SeedSupervisionAsync(this DemoSeed seed, CancellationToken ct)
    {
        await SupervisionDemo.EnsureAsync(seed.Db, seed.Calendar, ct);
    }
}
