namespace Renda.Web.Features.Laws;

/// <summary>
/// In demo mode, fills the regulations database from the laws collection in the background after start-up (a full import
/// takes longer than a start-up should): from Renda:LawsDir, or else ../shared/data/laws next to the repository the
/// application runs from (./run.sh: the working directory is src/Renda.Web). No folder, no import, no failure; an empty
/// Renda:LawsDir turns it off. Re-running is cheap: unchanged files are skipped.
/// </summary>
public sealed class LawDemo(IServiceProvider services, IConfiguration config, TimeProvider clock, ILogger<LawDemo> log) : BackgroundService
{
    public static string? Folder(IConfiguration config)
    {
        var configured = config["Renda:LawsDir"];
        if (configured is not null) return configured.Length > 0 && Directory.Exists(configured) ? configured : null;
        // `dotnet run --project src/Renda.Web` (./run.sh) runs in the project folder: the repository is two levels up.
        // Only the working directory and its two parents are tried, so the test runs (in bin/…) import nothing.
        var start = Directory.GetCurrentDirectory();
        foreach (var up in new[] { "", "..", Path.Combine("..", "..") })
        {
            var candidate = Path.GetFullPath(Path.Combine(start, up, "..", "shared", "data", "laws"));
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue<bool>("Renda:Demo") || Folder(config) is not { } dir) return;
        await Task.Yield();
        try
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
            var report = await LawImport.ImportDirectoryAsync(db, dir, clock, stoppingToken);
            log.LogWarning("法规数据库演示数据：{Report}", report.ToString());
            foreach (var f in report.Files.Where(f => f.Outcome == LawImportOutcome.Failed))
                log.LogWarning("未能导入 {File}", f.Describe());
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
