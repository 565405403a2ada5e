using System.Diagnostics;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.Cli;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>
/// <c>renda import-budget FILE [--kind=Payments] [--congress=632800] [--year=2023]</c>: one batch from a CSV or XLSX file, with a
/// progress bar on standard error and a summary; every wrong row is printed and nothing is written (exit 1).
/// </summary>
public sealed class ImportBudgetCommand : ICommandLineCommand
{
    public string Name => "import-budget";

    public string Usage => "import one batch of the finance bureau's data (CSV UTF-8/GB18030 or XLSX): import-budget FILE [--kind=Indicators|Payments|Debt] [--congress=CODE] [--year=YYYY]; all or nothing, exit 1 listing every wrong row";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length != 1)
        {
            await Console.Error.WriteLineAsync("usage: renda import-budget FILE [--kind=Indicators|Payments|Debt] [--congress=CODE] [--year=YYYY]");
            return 2;
        }
        var config = services.GetRequiredService<IConfiguration>();
        var db = services.GetRequiredService<RendaDbContext>();
        await Database.MigrateAsync(db);
        var path = args[0];
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"renda import-budget: 文件不存在：{path}");
            return 2;
        }
        var congress = await CongressAsync(db, config["congress"]);
        var table = await BudgetSheets.OpenFileAsync(path, default);
        var kind = config["kind"] is { Length: > 0 } k ? BudgetImportApi.ParseKind(k) : Detect(table.Header);
        int? year = int.TryParse(config["year"], out var y) ? y : null;
        var total = await CountLinesAsync(path);
        var started = Stopwatch.StartNew();
        var bar = new Progress(total);
        var outcome = await BudgetFiles.ImportAsync(db, services.GetRequiredService<WorkCalendar>(), congress.Id, kind, BudgetChannel.CommandLine, path,
            Path.GetFileName(path), year, null, bar, default);
        bar.Done();
        if (!outcome.Succeeded)
        {
            foreach (var e in outcome.Errors) await Console.Error.WriteLineAsync(e.ToString());
            await Console.Error.WriteLineAsync($"拒绝：{outcome.Errors.Count} 处错误，整批未导入。");
            return 1;
        }
        var b = outcome.Batch!;
        var seconds = started.Elapsed.TotalSeconds;
        Console.WriteLine(outcome.AlreadyImported
            ? $"此文件已于 {b.ReceivedAt.AddHours(8):yyyy-MM-dd HH:mm} 导入（批次 {b.Id}），未重复写入。"
            : FormattableString.Invariant($"已导入：{congress.ShortName} {BudgetLabels.Of(kind)} {b.Year} 年{(b.Month is { } m ? $" {m} 月" : "")}，批次 {b.Id}，{b.RowCount:N0} 行，金额合计 {b.AmountSum:N2} 元；{seconds:F1} s，{b.RowCount / Math.Max(seconds, 0.001):N0} 行/秒"));
        return 0;
    }

    private static async Task<Congress> CongressAsync(RendaDbContext db, string? code)
    {
        if (code is { Length: > 0 })
            return await db.Congresses.FirstOrDefaultAsync(c => c.Code == code) ?? throw DomainException.Invalid("congress", $"没有代码为 {code} 的人大。");
        // Without --congress: the one congress that keeps budget data, if there is exactly one.
        var ids = await db.Set<BudgetUnit>().Select(u => u.CongressId).Distinct().OrderBy(id => id).Take(2).ToListAsync();
        if (ids.Count != 1) throw DomainException.Invalid("congress", "请用 --congress=CODE 指明导入到哪一级人大（如 632800）。");
        return await db.Congresses.FirstAsync(c => c.Id == ids[0]);
    }

    /// <summary>The kind from the header, when --kind is not given: a voucher column is payments, a record-type column debt.</summary>
    private static BudgetDataKind Detect(IReadOnlyList<string> header)
        => header.Contains(BudgetColumns.Voucher) ? BudgetDataKind.Payments : header.Contains(BudgetColumns.Record) ? BudgetDataKind.Debt
            : header.Contains(BudgetColumns.Document) ? BudgetDataKind.Indicators
            : throw DomainException.Invalid("kind", "无法从表头判断数据种类，请用 --kind=Indicators|Payments|Debt 指明。");

    private static async Task<long> CountLinesAsync(string path)
    {
        long lines = 0;
        var buffer = new byte[1 << 20];
        await using var s = File.OpenRead(path);
        int n;
        while ((n = await s.ReadAsync(buffer)) > 0)
            lines += buffer.AsSpan(0, n).Count((byte)'\n');
        return Math.Max(1, lines - 1);
    }

    /// <summary>A one-line bar on standard error, redrawn at most every half second.</summary>
    private sealed class Progress(long total) : IProgress<long>
    {
        private readonly Stopwatch _since = Stopwatch.StartNew();
        private long _last;

        public void Report(long rows)
        {
            _last = rows;
            if (_since.ElapsedMilliseconds < 500) return;
            _since.Restart();
            Draw(rows);
        }

        private void Draw(long rows)
        {
            var share = Math.Min(1.0, rows / (double)total);
            var filled = (int)(share * 30);
            Console.Error.Write(FormattableString.Invariant($"\r[{new string('#', filled)}{new string('.', 30 - filled)}] {share,4:P0} {rows:N0}/{total:N0} 行"));
        }

        public void Done()
        {
            Draw(_last);
            Console.Error.WriteLine();
        }
    }
}
