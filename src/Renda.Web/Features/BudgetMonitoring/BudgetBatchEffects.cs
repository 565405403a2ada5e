namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>
/// What follows an applied batch, inside the batch's transaction: the monthly aggregates of what it touched are recomputed,
/// then the warning rules run over what it could change. The import calls this once per batch, before committing.
/// </summary>
public static class BudgetBatchEffects
{
    public static async Task ApplyAsync(RendaDbContext db, BudgetBatchScope scope, CancellationToken ct)
    {
        await BudgetAggregates.RefreshAsync(db, scope, ct);
        await WarningRules.RunAsync(db, scope, ct);
    }
}
