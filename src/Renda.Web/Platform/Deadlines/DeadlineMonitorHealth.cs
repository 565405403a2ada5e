using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Renda.Web.Platform.Deadlines;

/// <summary>
/// The deadline monitor in the health report (/health/ready, details at /health/detail for operations): when it last ran,
/// how many clocks are overdue, and how many are past due but not yet marked — which grows when the monitor stops.
/// Degraded when its last run failed or it has not run for three intervals.
/// </summary>
public sealed class DeadlineMonitorHealth(DeadlineMonitor monitor, IServiceScopeFactory scopes, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = WorkCalendar.LocalDate(now);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
        var overdue = await db.Deadlines.CountAsync(d => d.Status == DeadlineStatus.Overdue, cancellationToken);
        var unmarked = await db.Deadlines.CountAsync(d => d.Status == DeadlineStatus.Open && d.DueOn < today, cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["lastRunAt"] = monitor.LastRunAt?.ToString("O") ?? "",
            ["intervalMinutes"] = monitor.IntervalMinutes,
            ["overdue"] = overdue,
            ["pastDueNotMarked"] = unmarked,
        };
        if (monitor.LastRunFailed)
            return HealthCheckResult.Degraded("上次期限检查失败，将在下次定时重试。", data: data);
        if (monitor.IntervalMinutes > 0 && monitor.LastRunAt is { } last && now - last > TimeSpan.FromMinutes(3 * monitor.IntervalMinutes))
            return HealthCheckResult.Degraded($"期限检查已超过 {3 * monitor.IntervalMinutes} 分钟未运行。", data: data);
        return HealthCheckResult.Healthy(monitor.IntervalMinutes > 0 ? "期限检查按时运行。" : "期限检查的定时已关闭。", data);
    }
}
