using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.BudgetMonitoring.Pages.Warnings;

/// <summary>/budget/warnings/statistics — a year's warnings by rule, unit and state; time to close; share closed; Excel export.</summary>
public class StatisticsModel(RendaDbContext db, WorkCalendar calendar) : WarningPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public WarningStatistics S { get; private set; } = null!;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        // Without a year: the latest year that has warnings (the current year's data may not have raised any yet).
        Year = await ChooseYearAsync(Db.Set<BudgetWarning>().Where(w => w.CongressId == Actor.CongressId).Select(w => w.Year), Year, ct);
        S = await BudgetWarningQueries.StatisticsAsync(Db, calendar, Actor.CongressId, Year.Value, ct);
    }
}
