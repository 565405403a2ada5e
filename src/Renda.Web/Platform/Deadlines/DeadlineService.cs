namespace Renda.Web.Platform.Deadlines;

public static class DeadlineService
{
    /// <summary>The monitor is a singleton so tests (and operators) can run a check directly: app.Services.GetRequiredService&lt;DeadlineMonitor&gt;().RunOnceAsync(now).</summary>
    public static IServiceCollection AddRendaDeadlines(this IServiceCollection services)
    {
        services.AddSingleton<DeadlineMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineMonitor>());
        return services;
    }
}
