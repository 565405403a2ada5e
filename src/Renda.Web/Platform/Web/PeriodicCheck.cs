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
                try
                {
                    await TickAsync(clock.GetUtcNow(), stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "{Check} failed; will retry at the next tick.", GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
