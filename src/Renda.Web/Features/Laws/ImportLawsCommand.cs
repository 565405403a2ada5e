using Renda.Web.Platform.Cli;

namespace Renda.Web.Features.Laws;

/// <summary><c>renda import-laws DIR</c>: imports the laws collection and reports each file's refusals and warnings.</summary>
public sealed class ImportLawsCommand : ICommandLineCommand
{
    public string Name => "import-laws";

    public string Usage => "import the laws collection (Markdown, folder = category): import-laws DIR; prints imported / with warnings / refused, each warning and refusal with file and line; exit 1 if any file was refused";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length != 1)
        {
            await Console.Error.WriteLineAsync("usage: renda import-laws DIR");
            return 2;
        }
        var db = services.GetRequiredService<RendaDbContext>();
        await Database.MigrateAsync(db);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var report = await LawImport.ImportDirectoryAsync(db, args[0], services.GetRequiredService<TimeProvider>());
        // One line per refusal and per warning, each with its file and line, so that a list can be checked against the sources.
        foreach (var f in report.Files)
        {
            foreach (var e in f.Errors) await Console.Error.WriteLineAsync($"拒绝 {f.Path}：{e}");
            foreach (var w in f.Warnings) Console.WriteLine($"警告 {f.Path}：{w}");
        }
        var seconds = started.Elapsed.TotalSeconds;
        Console.WriteLine(report.ToString());
        Console.WriteLine(FormattableString.Invariant($"{seconds:F1} s, {report.Files.Count / seconds:F1} files/s, {report.Articles / seconds:F0} articles/s"));
        return report.AllImported ? 0 : 1;
    }
}
