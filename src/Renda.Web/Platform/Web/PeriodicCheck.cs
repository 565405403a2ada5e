namespace Renda.Web.Platform.Web;

/// <summary>
/// A background check that runs now and then every <see cref="IntervalKey"/> minutes (default Renda:Deadlines:CheckMinutes,
/// 15; 0 switches the timer off) on the injected clock. A failed run is logged and retried at the next tick; tests call
/// the check directly instead of waiting for the timer.
/// </summary>
public abstract class PeriodicCheck(TimeProvider clock, IConfiguration config, ILogger logger) : BackgroundService
{
    protected virtual string IntervalKey => "Renda:Deadlines:CheckMinutes";
    protected virtual int DefaultMinutes => 15;

    protected abstract Task TickAsync(DateTimeOffset now, CancellationToken ct);

    /// <summary>When the timer last ran the check (on the injected clock), and whether that run failed: for the health checks.</summary>
    public DateTimeOffset? LastRunAt { get; protected set; }
    public bool LastRunFailed { get; protected set; }

    /// <summary>Minutes between runs; 0 when the timer is off.</summary>
    public int IntervalMinutes => Math.Max(0, config.GetValue(IntervalKey, DefaultMinutes));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = config.GetValue(IntervalKey, DefaultMinutes);
        if (minutes <= 0)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), clock);
        try
        {
            do
            {
                var name = GetType().Name;
                // One span and one duration per run, so a slow or failing check shows in the traces and in Prometheus.
                using var span = Telemetry.Source.StartActivity(name);
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var outcome = "ok";
                try
                {
                    await TickAsync(clock.GetUtcNow(), stoppingToken);
                    LastRunFailed = false;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    outcome = "error";
                    LastRunFailed = true;
                    span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.Message);
                    logger.LogError(e, "{Check} failed; will retry at the next tick.", name);
                }
                LastRunAt = clock.GetUtcNow();
                Telemetry.BackgroundRuns.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,
                    new KeyValuePair<string, object?>("check", name), new KeyValuePair<string, object?>("outcome", outcome));
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
