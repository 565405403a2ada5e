using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.BudgetMonitoring.Pages.Warnings;

/// <summary>/budget/warnings — the congress's warnings, urgent first (all years unless one is chosen), filtered by rule, unit, state and year; staff recheck a year here.</summary>
public class IndexModel(RendaDbContext db) : WarningPageModel(db)
{
    [BindProperty(SupportsGet = true)] public WarningRuleKind? Rule { get; set; }
    [BindProperty(SupportsGet = true)] public int? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public BudgetWarningStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    public Page<WarningItem> Result { get; private set; } = new([], 1, 30, 0);
    public List<(int Id, string Name)> Units { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        // Without a year: every year, urgent first — open warnings of last year's data must not hide behind an empty current year.
        Year ??= 0;
        Result = await BudgetWarningQueries.ListAsync(Db, Actor.CongressId, new WarningFilter(Rule, UnitId, Status, Year == 0 ? null : Year, PageNumber, 30), ct);
        Units = (await Db.Set<BudgetUnit>().AsNoTracking().Where(u => u.CongressId == Actor.CongressId && Db.Set<BudgetWarning>().Any(w => w.BudgetUnitId == u.Id))
            .OrderBy(u => u.Code).Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
    }

    public Task<IActionResult> OnPostRecheckAsync(int year, CancellationToken ct)
    {
        var raised = 0;
        return StepAsync(async a => raised = await BudgetWarningWorkflow.RecheckAsync(Db, a, year, ct), "", () =>
        {
            TempData["Message"] = raised == 0 ? $"已按现行规则重新检查{year}年数据，没有新的预警。" : $"已按现行规则重新检查{year}年数据，新产生 {raised} 条预警。";
            return $"/budget/warnings?year={year}";
        }, ct);
    }

    public string PageLink(int page) => $"/budget/warnings?rule={Rule}&unitId={UnitId}&status={Status}&year={Year}&page={page}";
}
