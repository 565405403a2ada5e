using Renda.Web.Platform.Attachments;
using Renda.Web.Platform.Demo;
using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>
/// Budget online supervision (预算联网监督, 监督法 第三十条; DOMAIN.md §5): the finance bureau's indicators, treasury payments and
/// debt in; query and analysis down to a single payment; warnings sent to the government and tracked to closure; a read-only
/// service for deputies. The module's entry points (docs/MODULES.md); its pages are found by folder.
/// </summary>
public static class BudgetMonitoringModule
{
    public static IServiceCollection AddBudgetMonitoring(this IServiceCollection services, IConfiguration config)
    {
        // The Chinese names of the records this module's clocks run for, and their pages (the deadline list's sub-label).
        Platform.Deadlines.Deadlines.Describe(BudgetClocks.DataSubject, "预算执行数据报送");
        Platform.Deadlines.Deadlines.Describe(BudgetClocks.WarningSubject, "预算预警", id => $"/budget/warnings/{id}");
        services.AddHostedService<BudgetDataClockCheck>();
        AddWarnings(services);
        return services;
    }

    /// <summary>Warnings: the home page's alerts, and the attachments of the units' answers (the warning's staff, and its unit's officers while it waits for the answer).</summary>
    private static void AddWarnings(IServiceCollection services)
    {
        services.AddSingleton<IWorkbenchItems, BudgetMonitoringWorkbench>();
        AttachmentAccess.Register(BudgetWarningWorkflow.Subject,
            async (db, user, id) => int.TryParse(id, out var wid) && await db.Set<BudgetWarning>().FirstOrDefaultAsync(w => w.Id == wid, default) is { } w && new BudgetActor(user).MaySee(w),
            async (db, user, id) => int.TryParse(id, out var wid) && await db.Set<BudgetWarning>().FirstOrDefaultAsync(w => w.Id == wid, default) is { } w
                && BudgetWarningQueries.MayAttach(w, new BudgetActor(user)));
    }

    public static RouteGroupBuilder MapBudgetMonitoring(this RouteGroupBuilder api)
    {
        BudgetImportApi.Map(api);
        BudgetWarningsApi.Map(api);
        BudgetAnalysisApi.Map(api);
        return api;
    }

    /// <summary>Loads the module's part of the demo story (Haixi 2023 and the current year in progress), once.</summary>
    public static async Task SeedBudgetMonitoringAsync(this DemoSeed seed, CancellationToken ct)
    {
        await BudgetDemo.EnsureAsync(seed, ct);
        await BudgetWarningDemo.ReplayAsync(seed, ct);
    }
}
