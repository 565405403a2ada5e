using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Renda.Bench.Laws;
using Renda.Web;
using Renda.Web.Data;
using Renda.Web.Features.Laws;
using Renda.Web.Platform.LegalText;

// Renda.Bench.Laws — the regulations database (Features/Laws), in one run:
//   1. import of the whole collection (LawImport, as `renda import-laws`), against a bare bulk insert of the same rows
//      (same laws and article rows, plain tables, one transaction, no audit, no index) — laws/s, articles/s, ratio;
//   2. search (LawQueries.SearchAsync, what GET /api/v1/laws?q= runs) p50/p95 over a fixed query set, against a
//      trivial query (SELECT 1) and the unfiltered first page, at 1× and at a generated corpus of SCALE× the laws.
//
//   dotnet run -c Release --project bench/Renda.Bench.Laws -- [--laws ../shared/data/laws] [--scale 100]
//       [--provider sqlite|postgres] [--server "Host=127.0.0.1;Port=55432;Username=postgres"] [--queries 200]
//       [--slowest N]   print the N slowest queries with their times
//       [--cap N]       Renda:Laws:SearchCap for the searches (default LawIndex.MatchCap, 5,000)
//       [--keep NAME]   keep the database (SQLite: folder NAME; PostgreSQL: database NAME) instead of removing it, and
//                       when it already holds the generated corpus, only measure search on it again (no import, no
//                       generation): for comparing query changes at 100× without generating the corpus every time.
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length && !args[x.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[x.i + 1] : "true");
string Option(string name, string fallback) => options.GetValueOrDefault(name, fallback);
var lawsDir = Path.GetFullPath(Option("laws", "../shared/data/laws"));
var scale = int.Parse(Option("scale", "100"), CultureInfo.InvariantCulture);
var queriesPerRound = int.Parse(Option("queries", "200"), CultureInfo.InvariantCulture);
var postgres = Option("provider", "sqlite") == "postgres";
Search.Slowest = int.Parse(Option("slowest", "0"), CultureInfo.InvariantCulture);
Search.Cap = int.Parse(Option("cap", LawIndex.MatchCap.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
var keep = options.GetValueOrDefault("keep");
var dataDir = keep is not null && !postgres ? Directory.CreateDirectory(keep).FullName : Directory.CreateTempSubdirectory("renda-bench-laws-").FullName;
var reuse = false;
string[] hostArgs;
string? pgDatabase = null;
var server = Option("server", "Host=127.0.0.1;Port=55432;Username=postgres");
if (postgres)
{
    pgDatabase = keep ?? $"renda_bench_laws_{DateTime.UtcNow:yyyyMMddHHmmss}";
    await using (var admin = new Npgsql.NpgsqlConnection(server + ";Database=postgres"))
    {
        await admin.OpenAsync();
        await using var exists = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", admin);
        exists.Parameters.AddWithValue("name", pgDatabase);
        reuse = Convert.ToInt64(await exists.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0;
        if (!reuse)
        {
            await using var c = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{pgDatabase}\"", admin);
            await c.ExecuteNonQueryAsync();
        }
    }
    hostArgs = [$"--Renda:DataDir={dataDir}", "--Database:Provider=Postgres", $"--ConnectionStrings:Renda={server};Database={pgDatabase}", "--Renda:LawsDir="];
}
else
{
    reuse = File.Exists(Path.Combine(dataDir, "renda.db"));
    hostArgs = [$"--Renda:DataDir={dataDir}", "--Renda:LawsDir="];
}

Console.WriteLine($"# Regulations database benchmark — {(postgres ? "PostgreSQL" : "SQLite")}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPUs");
Console.WriteLine($"laws: {lawsDir}; load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");
var app = RendaHost.Build(hostArgs, b => b.Logging.ClearProviders());
try
{
    using var scope = app.Services.CreateScope();
    var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
    await Renda.Web.Data.Database.MigrateAsync(db);
    if (reuse)
    {
        // A kept corpus: the same query set (built from the files, as below), search only.
        var keptRows = ReadRows(lawsDir);
        var count = await db.Set<Law>().CountAsync();
        var keptQueries = Queries.Build(keptRows.SelectMany(r => r.Units).Select(u => u.Body).ToList(), keptRows.Select(r => r.Title).ToList(), queriesPerRound);
        Console.WriteLine($"reusing kept corpus {keep}: {count} laws");
        await Search.MeasureAsync(db, keptQueries, $"{Math.Round(count / (double)keptRows.Count)}× ({count} laws, kept corpus)");
        return;
    }

    // ---- 1. import against a bare bulk insert
    var sw = Stopwatch.StartNew();
    var report = await LawImport.ImportDirectoryAsync(db, lawsDir, TimeProvider.System);
    var importSeconds = sw.Elapsed.TotalSeconds;
    if (!report.AllImported) throw new InvalidOperationException("import failed: " + string.Join("; ", report.Files.Where(f => f.Outcome == LawImportOutcome.Failed).Select(f => f.Describe())));
    var articles = report.Articles;
    var rows = ReadRows(lawsDir);
    var units = rows.Sum(r => r.Units.Count);
    sw.Restart();
    await Bare.InsertAsync(db, rows);
    var bareSeconds = sw.Elapsed.TotalSeconds;
    // Statistics as autovacuum has them a minute after an import: measured at once, PostgreSQL's planner still saw the
    // empty tables the migrations left (search p50 36–75 ms at 1× against 5 ms after ANALYZE, 2026-11-22).
    await db.Database.ExecuteSqlRawAsync("ANALYZE");
    Console.WriteLine();
    Console.WriteLine("| import | seconds | laws/s | articles/s |");
    Console.WriteLine("|---|---:|---:|---:|");
    Console.WriteLine(FormattableString.Invariant($"| `LawImport` (parse, audited law row, article index, one transaction per file) | {importSeconds:F1} | {report.Files.Count / importSeconds:F1} | {articles / importSeconds:F0} |"));
    Console.WriteLine(FormattableString.Invariant($"| bare bulk insert of the same {report.Files.Count} laws and {units} units (parsed beforehand, one transaction) | {bareSeconds:F1} | {report.Files.Count / bareSeconds:F1} | {articles / bareSeconds:F0} |"));
    Console.WriteLine(FormattableString.Invariant($"ratio import / bare: {importSeconds / bareSeconds:F1}×; {articles} articles ({units} units with preambles, blocks, appendices)"));

    // ---- 2. search at 1× and SCALE×
    var queries = Queries.Build(rows.SelectMany(r => r.Units).Select(u => u.Body).ToList(), rows.Select(r => r.Title).ToList(), queriesPerRound);
    await Search.MeasureAsync(db, queries, $"1× ({report.Files.Count} laws, {units} units)");
    if (scale > 1)
    {
        sw.Restart();
        var added = await Generator.GrowAsync(db, rows, scale);
        Console.WriteLine(FormattableString.Invariant($"\ngenerated corpus: {added.Laws + report.Files.Count} laws, {added.Units + units} units in {sw.Elapsed.TotalSeconds:F0} s"));
        await Search.MeasureAsync(db, queries, $"{scale}× ({added.Laws + report.Files.Count} laws, {added.Units + units} units)");
    }
}
finally
{
    await app.DisposeAsync();
    if (pgDatabase is not null && keep is null)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var admin = new Npgsql.NpgsqlConnection(server + ";Database=postgres");
        await admin.OpenAsync();
        await using var c = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{pgDatabase}\" WITH (FORCE)", admin);
        await c.ExecuteNonQueryAsync();
    }
    if (keep is null || postgres)
        try { Directory.Delete(dataDir, true); } catch (IOException) { }
}

static List<(string Title, string Source, List<LawArticle> Units)> ReadRows(string lawsDir)
{
    var rows = new List<(string Title, string Source, List<LawArticle> Units)>();
    foreach (var f in Directory.GetFiles(lawsDir, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
    {
        var text = File.ReadAllText(f);
        var doc = LegalTextParser.ParseMarkdown(text, allowUnstructured: true, asPublished: true);
        rows.Add((doc.Title, text, LawIndex.Units(0, doc)));
    }
    return rows;
}
