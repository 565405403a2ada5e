using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Renda.Bench.Suggestions;
using Renda.Web.Data;
using Renda.Web.Features.Suggestions;
using Renda.Web.Platform.Audit;

// Renda.Bench.Suggestions — the statistics of deputies' suggestions over N (default 1,000,000) rows in
// PostgreSQL, against a bare SELECT count(*) over the suggestions table, measured in the same run.
//
//   dotnet run -c Release --project bench/Renda.Bench.Suggestions -- [--server "Host=…;Username=…"]
//       [--rows 1000000] [--runs 25] [--hot-share 0] [--seed 2023] [--keep] [--explain]
//
// A fresh database is created from the migrations, filled by COPY, vacuumed and analysed; then each
// scenario's statistics (SuggestionStatistics.ComputeAsync: every query the API runs) and count(*)
// are timed alternately, after a warm-up, and the medians and their ratio printed as Markdown.
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length && !args[x.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[x.i + 1] : "true");
string Option(string name, string fallback) => options.GetValueOrDefault(name, fallback);
var server = Option("server", Environment.GetEnvironmentVariable("RENDA_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres");
var rows = int.Parse(Option("rows", "1000000"), CultureInfo.InvariantCulture);
var runs = int.Parse(Option("runs", "25"), CultureInfo.InvariantCulture);
var hotShare = double.Parse(Option("hot-share", "0"), CultureInfo.InvariantCulture);
var seed = int.Parse(Option("seed", "2023"), CultureInfo.InvariantCulture);
var keep = options.ContainsKey("keep");
var name = Option("database", $"renda_bench_stats_{DateTime.UtcNow:yyyyMMddHHmmss}");
var reuse = options.ContainsKey("database") && options.ContainsKey("reuse");

var connection = new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 600, Timeout = 30 }.ToString();
var dbOptions = new DbContextOptionsBuilder<RendaDbContext>().UseNpgsql(connection).Options;
RendaDbContext Context(DbContextOptions<RendaDbContext>? o = null) => new(o ?? dbOptions, new SystemActor(), TimeProvider.System);

Console.WriteLine($"# Renda.Bench.Suggestions — {rows:N0} suggestions, {runs} runs, hot share {hotShare:P0}, database {name}");
Console.WriteLine($"machine: {Environment.ProcessorCount} logical CPUs, {Machine.Cpu()}, {Machine.MemoryGb():0.#} GB RAM, {Machine.Os()}, .NET {Environment.Version}; load average at start {Machine.Load()}");
var clock = Stopwatch.StartNew();
if (!reuse)
{
    await Admin(server, $"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0");
    await using (var db = Context())
        Console.WriteLine($"migrated: {string.Join(", ", await Database.MigrateAsync(db))} ({clock.Elapsed.TotalSeconds:0.0} s)");
    clock.Restart();
    var loaded = await new Generator(connection, rows, hotShare, seed).LoadAsync(() => Context());
    Console.WriteLine($"loaded by COPY: {loaded.Congress} congresses, {loaded.Suggestions:N0} suggestions, {loaded.Assignments:N0} assignments, {loaded.Contacts:N0} contacts, {loaded.Commitments:N0} commitments ({clock.Elapsed.TotalSeconds:0.0} s)");
    clock.Restart();
    await using (var c = new NpgsqlConnection(connection))
    {
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("VACUUM (ANALYZE)", c) { CommandTimeout = 1200 };
        await cmd.ExecuteNonQueryAsync();
    }
    Console.WriteLine($"VACUUM (ANALYZE) ({clock.Elapsed.TotalSeconds:0.0} s)");
}
await using (var c = new NpgsqlConnection(connection))
{
    await c.OpenAsync();
    await using var cmd = new NpgsqlCommand("""SELECT pg_size_pretty(pg_total_relation_size('"Suggestions"')), pg_size_pretty(pg_relation_size('"IX_Suggestions_Statistics"')), version()""", c);
    await using var r = await cmd.ExecuteReaderAsync();
    await r.ReadAsync();
    Console.WriteLine($"Suggestions table with indexes: {r.GetString(0)}; IX_Suggestions_Statistics: {r.GetString(1)}; {r.GetString(2).Split(" on ")[0]}");
}

async Task<long> CountAll()
{
    await using var db = Context();
    await db.Database.OpenConnectionAsync();
    await using var cmd = db.Database.GetDbConnection().CreateCommand();
    cmd.CommandText = "SELECT count(*) FROM \"Suggestions\"";
    return (long)(await cmd.ExecuteScalarAsync())!;
}

async Task<SuggestionStatisticsReport> Statistics(string code, int year, bool below, DbContextOptions<RendaDbContext>? o = null)
{
    await using var db = Context(o);
    var congress = await db.Congresses.AsNoTracking().FirstAsync(c => c.Code == code);
    return await SuggestionStatistics.ComputeAsync(db, congress, year, own: true, below: below);
}

// A congress's statistics as the API gives them by default (figures, by unit, category and deputy),
// then with ?below=true: the table of every congress below it as well.
(string Code, int Year, bool Below, string Label)[] scenarios =
[
    ("632800", 2023, false, "海西州 (prefecture) 2023"),
    ("632801", 2023, false, "格尔木市 (county) 2023"),
    ("630000", 2023, false, "青海省 (province) 2023"),
    ("632800", 2023, true, "海西州 2023 + the 6 congresses below"),
    ("630000", 2023, true, "青海省 2023 + the 52 congresses below"),
];

var total = await CountAll();
Console.WriteLine($"SELECT count(*) = {total:N0}");
if (options.ContainsKey("explain"))
    await Explain(scenarios[0].Code, scenarios[0].Year, scenarios[0].Below);
if (options.ContainsKey("profile"))
    foreach (var (code, year, below, label) in scenarios)
    {
        var recorder = new Recorder();
        var o = new DbContextOptionsBuilder<RendaDbContext>().UseNpgsql(connection).AddInterceptors(recorder).Options;
        for (var i = 0; i < 5; i++) await Statistics(code, year, below, o);
        recorder.Commands.Clear();
        recorder.Durations.Clear();
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++) await Statistics(code, year, below, o);
        Console.WriteLine($"profile {label}: {sw.Elapsed.TotalMilliseconds / 20:0.0} ms per call, {recorder.Commands.Count / 20} commands, {recorder.Durations.Sum(d => d.TotalMilliseconds) / 20:0.0} ms in commands");
        foreach (var g in recorder.Commands.Zip(recorder.Durations).GroupBy(x => x.First.Sql[..Math.Min(60, x.First.Sql.Length)].ReplaceLineEndings(" ")))
            Console.WriteLine($"   {g.Average(x => x.Second.TotalMilliseconds),6:0.00} ms  {g.Key}");
    }

Console.WriteLine();
Console.WriteLine("| scenario | suggestions counted | statistics median (ms) | p90 | count(*) median (ms) | p90 | ratio (median) |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
foreach (var (code, year, below, label) in scenarios)
{
    var warm = await Statistics(code, year, below);
    for (var i = 0; i < 3; i++) { await CountAll(); await Statistics(code, year, below); }
    var counts = new List<double>();
    var stats = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        // Alternate which goes first, so neither always finds the other's pages warm.
        if (i % 2 == 0) { counts.Add(await Time(CountAll)); stats.Add(await Time(() => Statistics(code, year, below))); }
        else { stats.Add(await Time(() => Statistics(code, year, below))); counts.Add(await Time(CountAll)); }
    }
    double Median(List<double> x) { var s = x.Order().ToList(); return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2; }
    double P90(List<double> x) => x.Order().ElementAt((int)Math.Ceiling(0.9 * x.Count) - 1);
    var counted = warm.Received + (warm.Below?.Sum(b => b.Received) ?? 0);
    Console.WriteLine($"| {label} | {counted:N0} | {Median(stats):0.0} | {P90(stats):0.0} | {Median(counts):0.0} | {P90(counts):0.0} | {Median(stats) / Median(counts):0.00} |");
}
Console.WriteLine($"load average at the end {Machine.Load()}");
Console.WriteLine();
Console.WriteLine($"sample sentence (海西州 2023): {SuggestionStatistics.Sentence(await Statistics("632800", 2023, false))}");

if (!keep)
{
    NpgsqlConnection.ClearAllPools();
    await Admin(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    Console.WriteLine($"dropped {name}");
}
return 0;

static async Task<double> Time<T>(Func<Task<T>> action)
{
    var sw = Stopwatch.StartNew();
    await action();
    return sw.Elapsed.TotalMilliseconds;
}

static async Task Admin(string server, string sql)
{
    await using var c = new NpgsqlConnection(server);
    await c.OpenAsync();
    await using var cmd = new NpgsqlCommand(sql, c);
    await cmd.ExecuteNonQueryAsync();
}

// The plan of every query one statistics call runs (EXPLAIN ANALYZE with the same parameters).
async Task Explain(string code, int year, bool below)
{
    var recorder = new Recorder();
    var o = new DbContextOptionsBuilder<RendaDbContext>().UseNpgsql(connection).AddInterceptors(recorder).Options;
    await Statistics(code, year, below, o);
    await using var c = new NpgsqlConnection(connection);
    await c.OpenAsync();
    foreach (var (sql, parameters) in recorder.Commands)
    {
        await using var cmd = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, c);
        foreach (var p in parameters) cmd.Parameters.Add(p);
        Console.WriteLine();
        Console.WriteLine("-- " + sql.Split('\n')[0].Trim()[..Math.Min(100, sql.Split('\n')[0].Trim().Length)] + " …");
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            var line = r.GetString(0);
            if (line.Contains("Scan", StringComparison.Ordinal) || line.Contains("Aggregate", StringComparison.Ordinal) || line.Contains("Execution Time", StringComparison.Ordinal) || line.Contains("Join", StringComparison.Ordinal) || line.Contains("Heap Fetches", StringComparison.Ordinal))
                Console.WriteLine("   " + line);
        }
    }
}

/// <summary>Records the commands EF runs (text and parameters), to explain them.</summary>
sealed class Recorder : DbCommandInterceptor
{
    public List<(string Sql, List<NpgsqlParameter> Parameters)> Commands { get; } = [];
    public List<TimeSpan> Durations { get; } = [];

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Durations.Add(eventData.Duration);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Commands.Add((command.CommandText, command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToList()));
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}

static class Machine
{
    public static string Cpu() => File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?" : "?";
    public static double MemoryGb() => File.Exists("/proc/meminfo") && File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var kb, ..] ? double.Parse(kb, CultureInfo.InvariantCulture) / 1024 / 1024 : 0;
    public static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
    public static string Os() => System.Runtime.InteropServices.RuntimeInformation.OSDescription;
}
