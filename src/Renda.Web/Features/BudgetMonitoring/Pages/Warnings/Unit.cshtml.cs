namespace Renda.Web.Features.BudgetMonitoring.Pages.Warnings;

/// <summary>/budget/warnings/unit — the warnings sent to the officer's unit: those to answer first, overdue first (phone first).</summary>
public class UnitModel(RendaDbContext db) : WarningPageModel(db)
{
    public List<WarningItem> Items { get; private set; } = [];
    protected override bool MayOpen => Actor.UnitIds.Count > 0;

    protected override async Task LoadAsync(CancellationToken ct) => Items = await BudgetWarningQueries.UnitQueueAsync(Db, Actor, ct);
}
