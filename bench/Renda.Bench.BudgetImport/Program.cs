using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Renda.Web;
using Renda.Web.Data;
using Renda.Web.Features.BudgetMonitoring;
using Renda.Web.Platform.Calendar;
using Renda.Web.Platform.Demo;

// Renda.Bench.BudgetImport — issue 17's import target, in one run on one database:
//   the import of a CSV batch file of N treasury payments (BudgetFiles.ImportAsync, what `renda import-budget` and the upload
//   run: encoding sniffing, parsing, validation of every row against units, projects and the national codes, PostgreSQL:
//   binary COPY into a staging table then one INSERT … SELECT into the year's partition with its six indexes; SQLite:
//   prepared inserts in one transaction; then, in the same transaction, the batch's effects: the monthly and daily sums and
//   the warning rules over what it touched), against a bare write of the same rows (parsed beforehand, in memory) into an
//   unindexed table: PostgreSQL binary COPY, SQLite prepared inserts in one transaction. Target: import ≥ 50 % of the bare rate.
//   Second pass: PostgreSQL also gets a second baseline, the server's own COPY … FROM STDIN (FORMAT csv) of the batch file's
//   bytes into an unindexed table of the file's columns (the most literal reading of "a bare COPY of the same rows"); a
//   monthly batch (--monthly-rows, default the same N, all in December) into the year that now has rows, timed apart; the
//   parse and validation of the file alone (no database); and, on PostgreSQL, where the import's time went (the server's
//   active statement sampled every 250 ms; "client" when none is active).
//
//   dotnet run -c Release --project bench/Renda.Bench.BudgetImport -- [--rows 1000000] [--provider postgres|sqlite]
//       [--server "Host=127.0.0.1;Port=55432;Username=postgres"] [--keep NAME] [--monthly-rows N] [--no-binary]
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length && !args[x.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[x.i + 1] : "true");
string Option(string name, string fallback) => options.GetValueOrDefault(name, fallback);
var rows = int.Parse(Option("rows", "1000000"), CultureInfo.InvariantCulture);
var postgres = Option("provider", "postgres") == "postgres";
var server = Option("server", "Host=127.0.0.1;Port=55432;Username=postgres");
var dataDir = Directory.CreateTempSubdirectory("renda-bench-budget-").FullName;
string? pgDatabase = null;
string[] hostArgs;
if (postgres)
{
    pgDatabase = options.GetValueOrDefault("keep") ?? $"renda_bench_budget_{DateTime.UtcNow:yyyyMMddHHmmss}";
    await using var admin = new NpgsqlConnection(server + ";Database=postgres");
    await admin.OpenAsync();
    await using var c = new NpgsqlCommand($"CREATE DATABASE \"{pgDatabase}\"", admin);
    await c.ExecuteNonQueryAsync();
    hostArgs = [$"--Renda:DataDir={dataDir}", "--Database:Provider=Postgres", $"--ConnectionStrings:Renda={server};Database={pgDatabase};Command Timeout=0", "--Renda:LawsDir="];
}
else
    hostArgs = [$"--Renda:DataDir={dataDir}", "--Renda:LawsDir="];

Console.WriteLine($"# Budget import benchmark — {(postgres ? "PostgreSQL" : "SQLite")}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPUs, {rows:N0} payments");
Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");
var app = RendaHost.Build(hostArgs, b => b.Logging.ClearProviders());
try
{
    using var scope = app.Services.CreateScope();
    var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
    db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
    await Database.MigrateAsync(db);
    var calendar = scope.ServiceProvider.GetRequiredService<WorkCalendar>();
    var sw = Stopwatch.StartNew();
    await DemoData.EnsureAsync(db, "Bench#2026demo");
    await BudgetDemo.EnsureAsync(new DemoSeed(db, calendar, "Bench#2026demo"), default);
    var haixi = await db.Congresses.Where(c => c.Code == "632800").Select(c => c.Id).SingleAsync();
    var units = await db.Set<BudgetUnit>().Where(u => u.CongressId == haixi).OrderBy(u => u.Code).Select(u => new { u.Id, u.Code }).ToListAsync();
    Console.WriteLine($"demo loaded in {sw.Elapsed.TotalSeconds:F0} s ({units.Count} units)");

    // The year's indicators first, as the bureau sends them (not timed): one document per unit, ample for its payments. Without
    // them every payment is a "payment without indicator" and the import's time goes into raising a million warnings.
    var indicators = Path.Combine(dataDir, "indicators-2024.csv");
    await using (var w = new StreamWriter(indicators, false, new UTF8Encoding(false)))
    {
        await w.WriteLineAsync("指标文号,预算单位编码,预算单位名称,功能分类科目编码,经济分类科目编码,资金性质,指标来源,金额,生效日期");
        for (var j = 0; j < units.Count; j++)
            await w.WriteLineAsync(FormattableString.Invariant($"西财预〔2024〕{j + 1}号,{units[j].Code},单位{j + 1},2010301,30201,一般公共预算,年初预算,{100_000m * (rows / units.Count + 1)}.00,2024-01-01"));
    }
    var granted = await BudgetFiles.ImportAsync(db, calendar, haixi, BudgetDataKind.Indicators, BudgetChannel.CommandLine, indicators, "indicators-2024.csv", 2024, null, null, default);
    if (!granted.Succeeded) throw new InvalidOperationException("indicators refused: " + string.Join("; ", granted.Errors.Take(5)));
    db.ChangeTracker.Clear();

    // The batch file: 2024 payments of every unit (a year with no partition yet, as a new year's first batch). Individuals get
    // 100–5,000 yuan (reimbursements, subsidies), as in a prefecture's real data: with the organisations' amounts (up to 90,000)
    // a tenth of the rows were "large payments to individuals" and the import spent its time raising ~90,000 warnings.
    var file = Path.Combine(dataDir, "payments-2024.csv");
    sw.Restart();
    await using (var w = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 20))
    {
        await w.WriteLineAsync("支付凭证号,预算单位编码,功能分类科目编码,经济分类科目编码,项目编码,指标文号,资金性质,支付方式,金额,原支付凭证号,收款人名称,收款人类型,收款人开户行,摘要,支付日期,清算日期");
        for (var i = 0; i < rows; i++)
        {
            var day = new DateOnly(2024, 1, 1).AddDays(i % 366).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var u = units[i % units.Count];
            await w.WriteLineAsync(FormattableString.Invariant($"B{i:D9},{u.Code},2010301,{Economic(i)},,西财预〔2024〕{i % units.Count + 1}号,一般公共预算,{(i % 7 == 0 ? "直接支付" : "授权支付")},{(i % 5 == 0 ? 100 + i % 4_900 : 100 + i % 90_000)}.{i % 100:D2},,{Payee(i)},{(i % 5 == 0 ? "个人" : "单位")},青海银行海西分行,办公用品采购,{day},{day}"));
        }
    }
    var megabytes = new FileInfo(file).Length / 1024.0 / 1024.0;
    Console.WriteLine(FormattableString.Invariant($"batch file: {megabytes:F0} MB, written in {sw.Elapsed.TotalSeconds:F0} s"));
    var monthlyRows = int.Parse(Option("monthly-rows", rows.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
    var monthly = Path.Combine(dataDir, "payments-2024-12.csv");
    if (monthlyRows > 0)
        await using (var w = new StreamWriter(monthly, false, new UTF8Encoding(false), 1 << 20))
        {
            await w.WriteLineAsync("支付凭证号,预算单位编码,功能分类科目编码,经济分类科目编码,项目编码,指标文号,资金性质,支付方式,金额,原支付凭证号,收款人名称,收款人类型,收款人开户行,摘要,支付日期,清算日期");
            for (var i = 0; i < monthlyRows; i++)
            {
                var day = new DateOnly(2024, 12, 1 + i % 31).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var u = units[i % units.Count];
                await w.WriteLineAsync(FormattableString.Invariant($"M{i:D9},{u.Code},2010301,{Economic(i)},,西财预〔2024〕{i % units.Count + 1}号,一般公共预算,{(i % 7 == 0 ? "直接支付" : "授权支付")},{(i % 5 == 0 ? 100 + i % 4_900 : 100 + i % 90_000)}.{i % 100:D2},,{Payee(i)},{(i % 5 == 0 ? "个人" : "单位")},青海银行海西分行,办公用品采购,{day},{day}"));
            }
        }

    // ---- the parse and validation of the file alone (what the import does per row before writing it), no database
    sw.Restart();
    var sheet = await BudgetSheets.OpenFileAsync(file, default);
    var parseErrors = new List<BudgetRowError>();
    var reader = new BudgetColumns.Reader(BudgetColumns.MapHeader(BudgetDataKind.Payments, sheet.Header, parseErrors), parseErrors);
    var parsedSum = 0m;
    foreach (var row in sheet.Rows)
    {
        reader.Start(row);
        parsedSum += BudgetColumns.Payment(reader).Amount;
    }
    var parseSeconds = sw.Elapsed.TotalSeconds;
    if (parseErrors.Count > 0) throw new InvalidOperationException("parse: " + string.Join("; ", parseErrors.Take(5)));

    // ---- the import (a year's first batch), then a monthly batch into the same year
    var sampler = postgres ? new Sampler(server + $";Database={pgDatabase}") : null;
    sw.Restart();
    var outcome = await BudgetFiles.ImportAsync(db, calendar, haixi, BudgetDataKind.Payments, BudgetChannel.CommandLine, file, "payments-2024.csv", 2024, null, null, default);
    var importSeconds = sw.Elapsed.TotalSeconds;
    var profile = sampler is null ? [] : await sampler.StopAsync();
    Console.WriteLine(FormattableString.Invariant($"parse only {parseSeconds:F1} s; import (first batch) {importSeconds:F1} s"));
    if (!outcome.Succeeded) throw new InvalidOperationException("import refused: " + string.Join("; ", outcome.Errors.Take(5)));
    db.ChangeTracker.Clear();
    double monthlySeconds = 0;
    List<(string, int)> monthlyProfile = [];
    if (monthlyRows > 0)
    {
        sampler = postgres ? new Sampler(server + $";Database={pgDatabase}") : null;
        sw.Restart();
        var m = await BudgetFiles.ImportAsync(db, calendar, haixi, BudgetDataKind.Payments, BudgetChannel.CommandLine, monthly, "payments-2024-12.csv", 2024, null, null, default);
        monthlySeconds = sw.Elapsed.TotalSeconds;
        monthlyProfile = sampler is null ? [] : await sampler.StopAsync();
        Console.WriteLine(FormattableString.Invariant($"import (monthly batch) {monthlySeconds:F1} s"));
        if (!m.Succeeded) throw new InvalidOperationException("monthly import refused: " + string.Join("; ", m.Errors.Take(5)));
        db.ChangeTracker.Clear();
    }

    // ---- the bare write of the same rows, parsed beforehand
    // (--no-binary: skipped, e.g. at 10 M rows, whose parsed rows would need ~6 GB; the CSV COPY baseline still runs.)
    var bareSeconds = double.NaN;
    if (!options.ContainsKey("no-binary"))
    {
        var parsed = File.ReadLines(file).Skip(1).Select(l => l.Split(',')).Select((c, i) => new Bare(c[0], units[i % units.Count].Id, c[2], c[3], c[5], c[6], c[7],
            decimal.Parse(c[8], CultureInfo.InvariantCulture), c[10], c[11], c[12], c[13], DateOnly.Parse(c[14], CultureInfo.InvariantCulture))).ToList();
        sw.Restart();
        if (postgres) await BareCopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), parsed);
        else await BareInsertAsync((SqliteConnection)db.Database.GetDbConnection(), parsed);
        bareSeconds = sw.Elapsed.TotalSeconds;
    }
    double csvSeconds = 0;
    if (postgres)
    {
        sw.Restart();
        await BareCsvCopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), file);
        csvSeconds = sw.Elapsed.TotalSeconds;
    }

    Console.WriteLine();
    Console.WriteLine(FormattableString.Invariant($"| write | seconds | rows/s | {(postgres ? "÷ bare binary COPY rate | ÷ bare CSV COPY rate |" : "÷ bare write rate |")}"));
    Console.WriteLine(postgres ? "|---|---:|---:|---:|---:|" : "|---|---:|---:|---:|");
    string Ratios(double seconds, int n) => FormattableString.Invariant($" **{n / seconds / (rows / bareSeconds):P0}** |")
        + (postgres ? FormattableString.Invariant($" **{n / seconds / (rows / csvSeconds):P0}** |") : "");
    Console.WriteLine(FormattableString.Invariant($"| import of the batch file, a year's first (`BudgetFiles.ImportAsync`) | {importSeconds:F1} | {rows / importSeconds:N0} |") + Ratios(importSeconds, rows));
    if (monthlyRows > 0)
        Console.WriteLine(FormattableString.Invariant($"| import of a monthly batch of {monthlyRows:N0} into the year with rows | {monthlySeconds:F1} | {monthlyRows / monthlySeconds:N0} |") + Ratios(monthlySeconds, monthlyRows));
    Console.WriteLine(FormattableString.Invariant($"| parse and validation of the file alone (no database) | {parseSeconds:F1} | {rows / parseSeconds:N0} |") + Ratios(parseSeconds, rows));
    if (!double.IsNaN(bareSeconds))
        Console.WriteLine(FormattableString.Invariant($"| bare {(postgres ? "binary COPY" : "prepared inserts, one transaction")} of the same rows (parsed beforehand) into an unindexed table | {bareSeconds:F1} | {rows / bareSeconds:N0} |") + Ratios(bareSeconds, rows));
    if (postgres)
        Console.WriteLine(FormattableString.Invariant($"| bare `COPY … FROM STDIN (FORMAT csv)` of the file's bytes into an unindexed table | {csvSeconds:F1} | {rows / csvSeconds:N0} |") + Ratios(csvSeconds, rows));
    foreach (var (title, p) in new[] { ("first batch", profile), ("monthly batch", monthlyProfile) }.Where(x => x.Item2.Count > 0))
    {
        Console.WriteLine($"where the {title}'s time went (samples × 0.25 s):");
        foreach (var (what, n) in p.Take(12)) Console.WriteLine(FormattableString.Invariant($"  {n * 0.25,6:F1} s  {what}"));
    }
    Console.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
}
finally
{
    await app.DisposeAsync();
    if (pgDatabase is not null && !options.ContainsKey("keep"))
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(server + ";Database=postgres");
        await admin.OpenAsync();
        await using var c = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{pgDatabase}\" WITH (FORCE)", admin);
        await c.ExecuteNonQueryAsync();
    }
    Directory.Delete(dataDir, recursive: true);
}

static string Economic(int i) => (i % 6) switch { 0 => "30201", 1 => "30211", 2 => "30227", 3 => "31002", 4 => "30213", _ => "30299" };
static string Payee(int i) => i % 5 == 0 ? $"个人{i % 997:D3}" : $"供应商{i % 211:D3}有限公司";

static async Task BareCopyAsync(NpgsqlConnection c, List<Bare> rows)
{
    if (c.State != System.Data.ConnectionState.Open) await c.OpenAsync();
    await using (var create = new NpgsqlCommand("""
        CREATE UNLOGGED TABLE IF NOT EXISTS bench_bare_payments ("Year" integer, "Id" bigint, "CongressId" integer, "BatchId" integer, "VoucherNumber" varchar(40), "BudgetUnitId" integer,
          "FunctionCode" varchar(10), "EconomicCode" varchar(10), "ProjectId" integer, "IndicatorDocumentNumber" varchar(60), "FundNature" varchar(40), "Method" varchar(40),
          "Amount" numeric(18,2), "ReversesVoucherNumber" varchar(40), "PayeeName" varchar(100), "PayeeKind" varchar(40), "PayeeBank" varchar(100), "Summary" varchar(200),
          "PaidOn" date, "ClearedOn" date);
        TRUNCATE bench_bare_payments;
        """, c))
        await create.ExecuteNonQueryAsync();
    await using var copy = await c.BeginBinaryImportAsync("COPY bench_bare_payments FROM STDIN (FORMAT BINARY)");
    long id = 0;
    foreach (var r in rows)
    {
        copy.StartRow();
        copy.Write(2024, NpgsqlDbType.Integer);
        copy.Write(++id, NpgsqlDbType.Bigint);
        copy.Write(1, NpgsqlDbType.Integer);
        copy.Write(1, NpgsqlDbType.Integer);
        copy.Write(r.Voucher, NpgsqlDbType.Varchar);
        copy.Write(r.UnitId, NpgsqlDbType.Integer);
        copy.Write(r.Function, NpgsqlDbType.Varchar);
        copy.Write(r.Economic, NpgsqlDbType.Varchar);
        copy.WriteNull();
        copy.Write(r.Document, NpgsqlDbType.Varchar);
        copy.Write("GeneralPublic", NpgsqlDbType.Varchar);
        copy.Write(r.Method == "直接支付" ? "Direct" : "Authorised", NpgsqlDbType.Varchar);
        copy.Write(r.Amount, NpgsqlDbType.Numeric);
        copy.WriteNull();
        copy.Write(r.Payee, NpgsqlDbType.Varchar);
        copy.Write(r.PayeeKind == "个人" ? "Individual" : "Organisation", NpgsqlDbType.Varchar);
        copy.Write(r.Bank, NpgsqlDbType.Varchar);
        copy.Write(r.Summary, NpgsqlDbType.Varchar);
        copy.Write(r.PaidOn, NpgsqlDbType.Date);
        copy.Write(r.PaidOn, NpgsqlDbType.Date);
    }
    await copy.CompleteAsync();
}

// The server parses the file itself: its bytes as sent, into a table of its columns (codes as text, amounts numeric, dates).
static async Task BareCsvCopyAsync(NpgsqlConnection c, string file)
{
    if (c.State != System.Data.ConnectionState.Open) await c.OpenAsync();
    await using (var create = new NpgsqlCommand("""
        CREATE UNLOGGED TABLE IF NOT EXISTS bench_bare_csv ("Voucher" varchar(40), "UnitCode" varchar(30), "Function" varchar(10), "Economic" varchar(10), "Project" varchar(40),
          "Document" varchar(60), "Fund" varchar(40), "Method" varchar(40), "Amount" numeric(18,2), "Reverses" varchar(40), "Payee" varchar(100), "PayeeKind" varchar(40),
          "Bank" varchar(100), "Summary" varchar(200), "PaidOn" date, "ClearedOn" date);
        TRUNCATE bench_bare_csv;
        """, c))
        await create.ExecuteNonQueryAsync();
    // Npgsql streams a text COPY as characters: the file is decoded and re-encoded on the way (block by block; the server parses).
    await using var copy = await c.BeginTextImportAsync("COPY bench_bare_csv FROM STDIN (FORMAT csv, HEADER true)");
    using var source = new StreamReader(file, new UTF8Encoding(false), false, 1 << 20);
    var block = new char[1 << 20];
    int n;
    while ((n = await source.ReadAsync(block)) > 0)
        await copy.WriteAsync(block, 0, n);
}

static async Task BareInsertAsync(SqliteConnection c, List<Bare> rows)
{
    if (c.State != System.Data.ConnectionState.Open) await c.OpenAsync();
    await using (var create = c.CreateCommand())
    {
        create.CommandText = """
            CREATE TABLE IF NOT EXISTS bench_bare_payments ("Year" INTEGER, "Id" INTEGER, "CongressId" INTEGER, "BatchId" INTEGER, "VoucherNumber" TEXT, "BudgetUnitId" INTEGER,
              "FunctionCode" TEXT, "EconomicCode" TEXT, "ProjectId" INTEGER, "IndicatorDocumentNumber" TEXT, "FundNature" TEXT, "Method" TEXT, "Amount" TEXT,
              "ReversesVoucherNumber" TEXT, "PayeeName" TEXT, "PayeeKind" TEXT, "PayeeBank" TEXT, "Summary" TEXT, "PaidOn" TEXT, "ClearedOn" TEXT);
            DELETE FROM bench_bare_payments;
            """;
        await create.ExecuteNonQueryAsync();
    }
    await using var tx = c.BeginTransaction();
    await using var cmd = c.CreateCommand();
    cmd.Transaction = tx;
    cmd.CommandText = "INSERT INTO bench_bare_payments VALUES (2024, $id, 1, 1, $v, $u, $f, $e, NULL, $d, 'GeneralPublic', $m, $a, NULL, $p, $k, $b, $s, $on, $on)";
    var p = "id v u f e d m a p k b s on".Split(' ').Select(n => cmd.Parameters.Add(new SqliteParameter("$" + n, null))).ToArray();
    cmd.Prepare();
    long id = 0;
    foreach (var r in rows)
    {
        p[0].Value = ++id; p[1].Value = r.Voucher; p[2].Value = r.UnitId; p[3].Value = r.Function; p[4].Value = r.Economic; p[5].Value = r.Document;
        p[6].Value = r.Method == "直接支付" ? "Direct" : "Authorised"; p[7].Value = r.Amount; p[8].Value = r.Payee; p[9].Value = r.PayeeKind == "个人" ? "Individual" : "Organisation";
        p[10].Value = r.Bank; p[11].Value = r.Summary; p[12].Value = r.PaidOn;
        cmd.ExecuteNonQuery();
    }
    await tx.CommitAsync();
}

/// <summary>Samples the database's active statement (other than its own) every 250 ms until stopped: a profile of the import.</summary>
#pragma warning disable CA1001 // disposed by StopAsync, which every use calls
internal sealed class Sampler
#pragma warning restore CA1001
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<List<(string, int)>> _run;

    public Sampler(string connectionString) => _run = RunAsync(connectionString);

    private async Task<List<(string, int)>> RunAsync(string connectionString)
    {
        var counts = new Dictionary<string, int>();
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var q = new NpgsqlCommand("""
            SELECT coalesce(string_agg(regexp_replace(left(query, 70), '\s+', ' ', 'g'), ' | '), 'client') FROM pg_stat_activity
            WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()
            """, c);
        while (!_stop.IsCancellationRequested)
        {
            var what = (string)(await q.ExecuteScalarAsync())!;
            counts[what] = counts.GetValueOrDefault(what) + 1;
            try { await Task.Delay(250, _stop.Token); } catch (OperationCanceledException) { }
        }
        return counts.OrderByDescending(x => x.Value).Select(x => (x.Key, x.Value)).ToList();
    }

    public async Task<List<(string, int)>> StopAsync()
    {
        await _stop.CancelAsync();
        var result = await _run;
        _stop.Dispose();
        return result;
    }
}

internal sealed record Bare(string Voucher, int UnitId, string Function, string Economic, string Document, string Fund, string Method, decimal Amount,
    string Payee, string PayeeKind, string Bank, string Summary, DateOnly PaidOn);
