using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.BudgetMonitoring.Pages;

/// <summary>/budget/below — the congress above sees the execution totals and warning counts of those below (never their payments).</summary>
public class BelowModel(RendaDbContext db) : BudgetPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public IReadOnlyList<BelowCongress> Congresses { get; private set; } = [];

    protected override async Task ReadAsync(CancellationToken ct)
    {
        Year ??= WorkCalendar.Today(Db.Clock).Year;
        Congresses = await BudgetServiceQueries.BelowAsync(Db, Actor, Year.Value, ct);
    }
}
