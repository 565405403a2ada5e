using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Renda.Web.Data;
using Renda.Web.Features.BudgetMonitoring;
using Renda.Web.Platform.Audit;

// The budget warning rules (issue 17: all rules over the year ≤ 2 × one full scan computing count(*), sum(amount); after a
// monthly batch only the work that batch can change), against the baseline measured in the same run.
//   postgres SERVER_CONNECTION [--rows N] [--units N]     a scratch database on the server (dropped at the end)
//   sqlite [--rows N] [--units N]                           a scratch file
// Payments are generated in the database (generate_series / a recursive CTE): year 2025, --units budget units with 5 projects
// each, 1 payment in 200 to an individual, the 三公 codes among the economic codes; indicators so that nothing is anomalous
// except a few planted rows, so the timed run is the checking, not the writing of warnings.
var provider = args.Length > 0 ? args[0] : "";
var rows = Option("--rows", 2_000_000);
var units = Option("--units", 1_000);
const int Year = 2025, Congress = 1;

string connection;
string? server = null, database = null, file = null;
if (provider == "postgres" && args.Length > 1)
{
    server = args[1];
    database = $"renda_bench_budget_{Environment.ProcessId}";
    await using (var admin = Context(true, server + ";Database=postgres"))
        await admin.Database.ExecuteSqlRawAsync($"CREATE DATABASE \"{database}\"");
    connection = server + $";Database={database};Command Timeout=3600";
}
else if (provider == "sqlite")
{
    file = Path.Combine(Path.GetTempPath(), $"renda-bench-budget-{Environment.ProcessId}.db");
    connection = $"Data Source={file}";
}
else
{
    Console.Error.WriteLine("usage: renda-bench-budget-rules postgres SERVER_CONNECTION [--rows N] [--units N] | sqlite [--rows N] [--units N]");
    return 2;
}
var pg = provider == "postgres";
try
{
    await using var db = Context(pg, connection);
    db.Database.SetCommandTimeout(3600);
    await Database.MigrateAsync(db);
    Console.WriteLine($"{provider}: {rows:N0} payments, {units:N0} units, {units * 5:N0} projects; machine: {Environment.ProcessorCount} cores, load {Load()}");

    var generate = Stopwatch.StartNew();
    await GenerateAsync(db, pg, rows, units);
    Console.WriteLine($"generated and indexed in {generate.Elapsed.TotalSeconds:0.0} s");

    // Baseline: one full scan of the table, warm (the best of three).
    var scan = await BestAsync(3, () => db.Database.ExecuteSqlRawAsync("""SELECT count(*), sum("Amount") FROM "TreasuryPayments" """));
    var first = await TimeAsync(() => WarningRules.RunYearAsync(db, Congress, Year, default));
    var raised = await db.Set<BudgetWarning>().CountAsync();
    db.ChangeTracker.Clear();
    var full = await BestAsync(3, () => WarningRules.RunYearAsync(db, Congress, Year, default));
    Timing.Instance.Commands.Clear();
    await WarningRules.RunYearAsync(db, Congress, Year, default);
    foreach (var (ms, sql) in Timing.Instance.Commands.OrderByDescending(c => c.Ms).Take(4))
        Console.WriteLine($"  {ms,7:0} ms  {sql.ReplaceLineEndings(" ")[..Math.Min(160, sql.Length)]}");
    Console.WriteLine($"full scan count/sum (baseline, best of 3): {scan:0} ms");
    var byRule = await db.Set<BudgetWarning>().GroupBy(w => w.Rule).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
    Console.WriteLine("raised by rule: " + string.Join(", ", byRule.Select(r => $"{r.Key} {r.Count}")));
    Console.WriteLine($"all rules over the year, first run (raising {raised} warnings): {first:0} ms = {first / scan:0.00}× the scan");
    Console.WriteLine($"all rules over the year, again (nothing new; best of 3): {full:0} ms = {full / scan:0.00}× the scan");

    // A monthly batch of ~10 % of the rows: December of a tenth of the units; only its units and months are checked.
    var batchUnits = Math.Max(1, units / 10);
    await AddBatchAsync(db, pg, rows / 10, batchUnits, rows);
    var scope = new BudgetBatchScope(Congress, BudgetDataKind.Payments, Year, new HashSet<int> { 12 }, Enumerable.Range(1, batchUnits).ToHashSet());
    var scan2 = await BestAsync(3, () => db.Database.ExecuteSqlRawAsync("""SELECT count(*), sum("Amount") FROM "TreasuryPayments" """));
    var before = await db.Set<BudgetWarning>().CountAsync();
    // The import's own step before the rules (BudgetBatchEffects): the batch's unit-months of the monthly sums, recomputed.
    var refresh = await TimeAsync(() => BudgetAggregates.RefreshAsync(db, scope, default));
    Timing.Instance.Commands.Clear();
    var incremental = await TimeAsync(() => WarningRules.RunAsync(db, scope, default));
    var raisedByBatch = await db.Set<BudgetWarning>().CountAsync() - before;
    var batchByRule = await db.Set<BudgetWarning>().OrderBy(w => w.Id).Skip(before).GroupBy(w => w.Rule).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
    Console.WriteLine("raised by the batch, by rule: " + string.Join(", ", batchByRule.Select(r => $"{r.Key} {r.Count}")));
    db.ChangeTracker.Clear();
    foreach (var (ms, sql) in Timing.Instance.Commands.OrderByDescending(c => c.Ms).Take(3))
        Console.WriteLine($"  {ms,7:0} ms  {sql.ReplaceLineEndings(" ")[..Math.Min(160, sql.Length)]}");
    var again = await BestAsync(3, () => WarningRules.RunAsync(db, scope, default));
    var fullAfter = await BestAsync(3, () => WarningRules.RunYearAsync(db, Congress, Year, default));
    Console.WriteLine($"after a batch of {rows / 10:N0} rows (December, {batchUnits} units): full scan {scan2:0} ms");
    Console.WriteLine($"  the batch's monthly sums refreshed (the import's step before the rules): {refresh:0} ms = {refresh / scan2:0.00}× the scan");
    Console.WriteLine($"  the batch's rules, first (raising {raisedByBatch}): {incremental:0} ms = {incremental / scan2:0.00}×; again (best of 3): {again:0} ms = {again / scan2:0.00}× the scan");
    Console.WriteLine($"  refresh + rules (all the batch's after-effects): {refresh + incremental:0} ms = {(refresh + incremental) / scan2:0.00}× the scan");
    Console.WriteLine($"  all rules over the year for comparison (best of 3): {fullAfter:0} ms = {fullAfter / scan2:0.00}× the scan; load {Load()}");
    return 0;
}
finally
{
    if (database is not null && Environment.GetEnvironmentVariable("RENDA_BENCH_KEEP") is null)
    {
        await using var admin = Context(true, server + ";Database=postgres");
        await admin.Database.ExecuteSqlRawAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }
    if (file is not null)
        foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static RendaDbContext Context(bool pg, string connection)
{
    var options = new DbContextOptionsBuilder<RendaDbContext>().AddInterceptors(Timing.Instance);
    if (pg) options.UseNpgsql(connection); else options.UseSqlite(connection);
    return new RendaDbContext(options.Options, new SystemActor(), TimeProvider.System);
}

static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

static async Task<double> TimeAsync(Func<Task> run)
{
    var w = Stopwatch.StartNew();
    await run();
    return w.Elapsed.TotalMilliseconds;
}

static async Task<double> BestAsync(int times, Func<Task> run)
{
    var best = double.MaxValue;
    for (var i = 0; i < times; i++) best = Math.Min(best, await TimeAsync(run));
    return best;
}

// The units, projects and indicators (one line per project, generous, so execution is never behind), the batch that covers the
// year, and the payments; secondary indexes are dropped for the bulk insert and built again after it (as a large import would).
static async Task GenerateAsync(RendaDbContext db, bool pg, int rows, int units)
{
    const int Congress = 1, Year = 2025;
    var s = Sql(pg);
    await db.Database.ExecuteSqlRawAsync($"""
        INSERT INTO "BudgetUnits" ("CongressId", "Code", "Name", "Active") SELECT 1, 'U' || {s.Str("g")}, '预算单位' || {s.Str("g")}, {s.True} FROM {s.Series(units)};
        INSERT INTO "BudgetProjects" ("CongressId", "BudgetUnitId", "Code", "Name", "Kind") SELECT 1, (g - 1) / 5 + 1, 'P' || {s.Str("g")}, '项目' || {s.Str("g")}, '项目支出' FROM {s.Series(units * 5)};
        INSERT INTO "BudgetBatches" ("CongressId", "Kind", "Channel", "ExternalId", "ContentHash", "Year", "Month", "RowCount", "AmountSum", "ReceivedAt")
            VALUES (1, 'Indicators', 'Demo', 'bench-i', 'bench-i', 2025, NULL, 0, {s.Money("0")}, {s.Now}), (1, 'Payments', 'Demo', 'bench-p', 'bench-p', 2025, 11, 0, {s.Money("0")}, {s.Now});
        INSERT INTO "BudgetIndicators" ("CongressId", "BatchId", "Year", "DocumentNumber", "BudgetUnitId", "FunctionCode", "EconomicCode", "ProjectId", "FundNature", "Source", "Amount", "EffectiveOn")
            SELECT 1, 1, 2025, 'D' || {s.Str("g")}, (g - 1) / 5 + 1, '2050201', CASE WHEN g % 5 = 0 THEN '30217' ELSE '30201' END, g, 'GeneralPublic', 'AnnualBudget',
                {s.Money($"({rows}.0 / {units * 5}) * 600")}, {s.Date("'2025-01-01'")} FROM {s.Series(units * 5)};
        """);
    var indexes = new[] { "IX_TreasuryPayments_BatchId", "IX_TreasuryPayments_CongressId_Year_BudgetUnitId_PaidOn", "IX_TreasuryPayments_CongressId_Year_ProjectId",
        "IX_TreasuryPayments_CongressId_Year_VoucherNumber", "IX_TreasuryPayments_Individuals", "IX_TreasuryPayments_CongressId_Year_PaidOn_Id",
        "IX_TreasuryPayments_CongressId_ReversesVoucherNumber" };
    var definitions = new List<string>();
    foreach (var ix in indexes)
    {
        var def = pg
            ? await db.Database.SqlQueryRaw<string>($"SELECT indexdef AS \"Value\" FROM pg_indexes WHERE indexname = '{ix}'").SingleAsync()
            : await db.Database.SqlQueryRaw<string>($"SELECT sql AS \"Value\" FROM sqlite_master WHERE name = '{ix}'").SingleAsync();
        definitions.Add(def);
        await db.Database.ExecuteSqlRawAsync($"DROP INDEX \"{ix}\"");
    }
    await InsertPaymentsAsync(db, pg, 0, rows, units, 2, "(g % 334)", "1.00");
    // pg_indexes shows a partitioned table's index as "ON ONLY" the parent, which would build no partition's index and leave
    // the parent's invalid (unused): built on the whole table again, as the migration did.
    foreach (var def in definitions) await db.Database.ExecuteSqlRawAsync(def.Replace(" ON ONLY ", " ON ", StringComparison.Ordinal));
    // The monthly sums the import keeps (BudgetAggregates, after every batch) and the rules read.
    await BudgetAggregates.RefreshYearAsync(db, Congress, Year, default);
    // What autovacuum does to an insert-only table after a bulk load (sets the visibility map, so covering indexes are read alone).
    await db.Database.ExecuteSqlRawAsync(pg ? "VACUUM ANALYZE" : "ANALYZE");
}

// Payments first+1 … first+count: unit and project spread evenly over the given units, dates by the given day expression.
static Task InsertPaymentsAsync(RendaDbContext db, bool pg, long first, int count, int units, int batch, string day, string scale)
{
    var s = Sql(pg);
    // Project p belongs to unit (p-1)/5+1; payment g goes to project (g % projects) + 1 and names its document.
    var projects = units * 5;
    var amount = $"(((g * 7919 + g / 7) % 1000) + 1) * {scale}";
    return db.Database.ExecuteSqlRawAsync($"""
        INSERT INTO "TreasuryPayments" ("Year", "Id", "CongressId", "BatchId", "VoucherNumber", "BudgetUnitId", "FunctionCode", "EconomicCode", "ProjectId",
            "IndicatorDocumentNumber", "FundNature", "Method", "Amount", "PayeeName", "PayeeKind", "Summary", "PaidOn")
        SELECT 2025, g + {first}, 1, {batch}, 'V' || {s.Str($"g + {first}")}, ((g % {projects})) / 5 + 1, '2050201',
            CASE WHEN g % 20 = 0 THEN '30217' ELSE '30201' END, (g % {projects}) + 1, 'D' || {s.Str($"(g % {projects}) + 1")}, 'GeneralPublic', 'Direct',
            {s.Money(amount)}, CASE WHEN g % 200 = 0 THEN '个人' || {s.Str("g % 997")} ELSE '某某公司' END, CASE WHEN g % 200 = 0 THEN 'Individual' ELSE 'Organisation' END,
            '办公用品', {s.Date("'2025-01-01'", day)}
        FROM {s.Series(count)}
        """);
}

static async Task AddBatchAsync(RendaDbContext db, bool pg, int count, int units, long after)
{
    var s = Sql(pg);
    await db.Database.ExecuteSqlRawAsync($"""INSERT INTO "BudgetBatches" ("CongressId", "Kind", "Channel", "ExternalId", "ContentHash", "Year", "Month", "RowCount", "AmountSum", "ReceivedAt") VALUES (1, 'Payments', 'Demo', 'bench-dec', 'bench-dec', 2025, 12, 0, {s.Money("0")}, {s.Now})""");
    // December payments of the first `units` units only (their projects are 1 … units*5), small enough that no document is
    // overspent and December stays a small share of the year: the run checks, it raises nothing.
    await InsertPaymentsAsync(db, pg, after, count, units, 3, "(334 + g % 30)", "0.08");
    await db.Database.ExecuteSqlRawAsync("ANALYZE");
}

static SqlDialect Sql(bool pg) => new(pg);

sealed record SqlDialect(bool Pg)
{
    public string Series(long n) => Pg ? $"generate_series(1::bigint, {n}) AS s(g)" : $"(WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < {n}) SELECT g FROM s)";
    public string Str(string e) => Pg ? $"({e})::text" : $"CAST({e} AS TEXT)";
    public string Money(string e) => Pg ? $"round(({e})::numeric, 2)" : $"printf('%.2f', {e})";
    public string Date(string start, string? plusDays = null) => Pg ? (plusDays is null ? $"date {start}" : $"date {start} + {plusDays}::int") : (plusDays is null ? $"date({start})" : $"date({start}, '+' || {plusDays} || ' days')");
    public string True => Pg ? "true" : "1";
    public string Now => Pg ? "now()" : "'2025-12-31 00:00:00'";
}

/// <summary>How long each command of the timed run took (to its last row), to show where a rule run spends its time.</summary>
sealed class Timing : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    public static readonly Timing Instance = new();
    public List<(double Ms, string Sql)> Commands { get; } = [];

    public override ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData e,
        System.Data.Common.DbDataReader result, CancellationToken ct = default)
    {
        lock (Commands) Commands.Add((e.Duration.TotalMilliseconds, command.CommandText));
        return ValueTask.FromResult(result);
    }
}
