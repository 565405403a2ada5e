using System.Globalization;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>
/// The drill-down's filters: those of the analysis (year, unit, fund) and the figure's own — a functional class prefix, economic
/// codes (one prefix, or several 5-digit codes comma-separated, as 三公经费's vehicles are two), a project (0: none), a payee,
/// a date range. After is the keyset cursor of the next page ("2023-05-03.1234": the last row's date and id).
/// </summary>
public sealed record PaymentFilter(int Year, int? Unit = null, FundNature? Fund = null, string? Function = null, string? Economic = null, int? Project = null,
    string? Payee = null, DateOnly? From = null, DateOnly? To = null, string? After = null, int? Size = null);

public sealed record PaymentRow(int Year, long Id, string VoucherNumber, DateOnly PaidOn, int BudgetUnitId, string Unit, string FunctionCode, string EconomicCode,
    int? ProjectId, string? Project, string FundNature, decimal Amount, string Payee, string PayeeKind, string? Summary, bool Refund);

/// <summary>
/// A page of payments in (date, id) order. Counted stops at CountLimit (CountIsLowerBound then); Next is the cursor of the
/// next page, null on the last.
/// </summary>
public sealed record PaymentPage(IReadOnlyList<PaymentRow> Items, int Counted, bool CountIsLowerBound, string? Next, decimal PageSum);

public sealed record PaymentDetail(int Year, long Id, string VoucherNumber, int BudgetUnitId, string UnitCode, string Unit, string FunctionCode, string? FunctionName,
    string EconomicCode, string? EconomicName, int? ProjectId, string? ProjectCode, string? Project, string? ProjectKind, string? IndicatorDocumentNumber,
    decimal? IndicatorTotal, string FundNature, string Method, decimal Amount, string Payee, string PayeeKind, string? PayeeBank, string? Summary, DateOnly PaidOn,
    DateOnly? ClearedOn, string? ReversesVoucherNumber, long? ReversesId, int? ReversesYear, IReadOnlyList<PaymentRow> Refunds, int BatchId);

/// <summary>The payments behind a figure (支付明细), one payment's detail, and the list as a spreadsheet.</summary>
public static class BudgetPayments
{
    public const int PageSize = 50;
    /// <summary>Counting stops here: a whole year's class can hold a million payments, and the figure clicked already says the total.</summary>
    public const int CountLimit = 2_000;
    public const int ExportLimit = 100_000;

    /// <param name="walkDates">The function filter tested row by row instead of by its index: see <see cref="PageAsync"/>.</param>
    public static IQueryable<TreasuryPayment> Query(RendaDbContext db, BudgetReader reader, PaymentFilter f, bool walkDates = false)
    {
        reader.RequirePaymentRows();
        if (f.Year is < 2000 or > 2100) throw DomainException.Invalid("year", "年度须在 2000 到 2100 之间。");
        if (f.Unit is { } u && !reader.SeesUnit(u)) throw DomainException.Forbidden("只能查看本单位的支付明细。");
        var q = db.Set<TreasuryPayment>().AsNoTracking().Where(p => p.CongressId == reader.CongressId && p.Year == f.Year);
        if (f.Unit is { } unit) q = q.Where(p => p.BudgetUnitId == unit);
        else if (reader.UnitIds is { } units) q = q.Where(p => units.Contains(p.BudgetUnitId));
        if (f.Fund is { } fund) q = q.Where(p => p.FundNature == fund);
        if (f.Function is { Length: > 0 } fn)
        {
            if (!fn.All(char.IsAsciiDigit) || fn.Length > 10) throw DomainException.Invalid("function", "功能分类科目编码须为数字。");
            // A prefix as a range ("205" → >= '205' AND < '206'): an index on (congress, year, code, date, id) serves it on both
            // providers, where LIKE (case-insensitive on SQLite) could only be tested row by row along the year.
            var (low, high) = PrefixRange(fn);
            if (walkDates) q = q.Where(p => p.FunctionCode.StartsWith(fn));
            else q = high is null ? q.Where(p => string.Compare(p.FunctionCode, low) >= 0)
                : q.Where(p => string.Compare(p.FunctionCode, low) >= 0 && string.Compare(p.FunctionCode, high) < 0);
        }
        if (f.Economic is { Length: > 0 } ec)
        {
            var codes = ec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (codes.Length == 0 || codes.Length > 10 || codes.Any(c => !c.All(char.IsAsciiDigit) || c.Length > 10))
                throw DomainException.Invalid("economic", "经济分类科目编码须为数字，多个编码以逗号分隔。");
            if (codes.Length == 1) q = q.Where(p => p.EconomicCode.StartsWith(codes[0]));
            else q = q.Where(p => codes.Contains(p.EconomicCode));
        }
        if (f.Project is 0) q = q.Where(p => p.ProjectId == null);
        else if (f.Project is { } project) q = q.Where(p => p.ProjectId == project);
        if (f.Payee is { Length: > 0 } payee)
        {
            q = q.Where(p => p.PayeeName == payee);
            // Without the names, a name typed in must not confirm that an individual was paid.
            if (!reader.SeesNames) q = q.Where(p => p.PayeeKind == PayeeKind.Organisation);
        }
        if (f.From is { } from) q = q.Where(p => p.PaidOn >= from);
        if (f.To is { } to) q = q.Where(p => p.PaidOn <= to);
        return q;
    }

    /// <summary>
    /// The codes starting with a digit string lie in [prefix, next): next is the prefix with its last digit raised, carried
    /// leftwards over nines ("209" → "21"; "999" has no upper end). Exact for digit codes in binary (C) order.
    /// </summary>
    public static (string Low, string? High) PrefixRange(string prefix)
    {
        var end = prefix.Length - 1;
        while (end >= 0 && prefix[end] == '9') end--;
        return end < 0 ? (prefix, null) : (prefix, prefix[..end] + (char)(prefix[end] + 1));
    }

    public static async Task<PaymentPage> PageAsync(RendaDbContext db, BudgetReader reader, PaymentFilter f, CancellationToken ct)
    {
        var q = Query(db, reader, f);
        var size = Math.Clamp(f.Size ?? PageSize, 1, 200);
        // EF refuses Take without an order in development (issue #20). A count needs no total order, only one that the index
        // serving the filter already holds, so that the walk still stops at CountLimit + 1: (congress, year, code, date, id)
        // for a functional class, (congress, year[, unit], date) otherwise. The page's own (date, id) order here cost 40–150×
        // for a unit or a class (docs/BENCHMARKS.md, issue #20).
        var counting = f.Function is { Length: > 0 } ? q.OrderBy(p => p.FunctionCode).ThenBy(p => p.PaidOn) : q.OrderBy(p => p.PaidOn);
        var counted = await counting.Take(CountLimit + 1).CountAsync(ct);
        // SQLite cannot weigh a range by its share of the year: it always reads a class's every payment by the code index and
        // sorts them (63 ms for class 205 at 1 M payments), where walking the year in (date, id) order finds the first page in
        // a few hundred rows (1 ms). A class with more than CountLimit payments is common enough to walk; a rarer one is
        // read by the index and sorted (at most CountLimit rows). PostgreSQL chooses between the two by its statistics.
        var page = db.Provider == DatabaseProvider.Sqlite && f.Function is { Length: > 0 } && counted > CountLimit ? Query(db, reader, f, walkDates: true) : q;
        if (f.After is { Length: > 0 } after)
        {
            var (date, id) = Cursor(after);
            page = page.Where(p => p.PaidOn > date || (p.PaidOn == date && p.Id > id));
        }
        var items = await page.OrderBy(p => p.PaidOn).ThenBy(p => p.Id).Take(size + 1).ToListAsync(ct);
        var more = items.Count > size;
        if (more) items.RemoveAt(size);
        var rows = await RowsAsync(db, reader, items, ct);
        var next = more ? $"{items[^1].PaidOn:yyyy-MM-dd}.{items[^1].Id}" : null;
        return new PaymentPage(rows, Math.Min(counted, CountLimit), counted > CountLimit, next, rows.Sum(r => r.Amount));
    }

    private static (DateOnly, long) Cursor(string after)
    {
        var parts = after.Split('.');
        if (parts.Length == 2 && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return (d, id);
        throw DomainException.Invalid("after", "翻页位置无效，请从第一页重新查看。");
    }

    public static async Task<List<PaymentRow>> ExportRowsAsync(RendaDbContext db, BudgetReader reader, PaymentFilter f, CancellationToken ct)
    {
        var items = await Query(db, reader, f).OrderBy(p => p.PaidOn).ThenBy(p => p.Id).Take(ExportLimit + 1).ToListAsync(ct);
        if (items.Count > ExportLimit)
            throw DomainException.Invalid("filter", $"符合条件的支付超过 {ExportLimit:N0} 笔，请缩小范围（按单位、月份或科目）后再导出。");
        return await RowsAsync(db, reader, items, ct);
    }

    private static async Task<List<PaymentRow>> RowsAsync(RendaDbContext db, BudgetReader reader, List<TreasuryPayment> items, CancellationToken ct)
    {
        var unitIds = items.Select(p => p.BudgetUnitId).Distinct().ToList();
        var projectIds = items.Where(p => p.ProjectId != null).Select(p => p.ProjectId!.Value).Distinct().ToList();
        var units = await db.Set<BudgetUnit>().AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var projects = await db.Set<BudgetProject>().AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return items.Select(p => new PaymentRow(p.Year, p.Id, p.VoucherNumber, p.PaidOn, p.BudgetUnitId, units.GetValueOrDefault(p.BudgetUnitId, ""), p.FunctionCode,
            p.EconomicCode, p.ProjectId, p.ProjectId is { } pid ? projects.GetValueOrDefault(pid) : null, BudgetLabels.Of(p.FundNature), p.Amount,
            reader.Payee(p.PayeeName, p.PayeeKind), BudgetLabels.Of(p.PayeeKind), p.Summary, p.Amount < 0)).ToList();
    }

    public static async Task<PaymentDetail> DetailAsync(RendaDbContext db, BudgetReader reader, int year, long id, CancellationToken ct)
    {
        reader.RequirePaymentRows();
        var p = await db.Set<TreasuryPayment>().AsNoTracking().FirstOrDefaultAsync(x => x.Year == year && x.Id == id && x.CongressId == reader.CongressId, ct)
            ?? throw DomainException.NotFound("没有这笔支付。");
        if (!reader.SeesUnit(p.BudgetUnitId)) throw DomainException.Forbidden("只能查看本单位的支付明细。");
        var unit = await db.Set<BudgetUnit>().AsNoTracking().FirstAsync(u => u.Id == p.BudgetUnitId, ct);
        var project = p.ProjectId is { } pid ? await db.Set<BudgetProject>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == pid, ct) : null;
        var names = await db.Set<BudgetClassification>().AsNoTracking()
            .Where(c => (c.Kind == ClassificationKind.Functional && c.Code == p.FunctionCode) || (c.Kind == ClassificationKind.Economic && c.Code == p.EconomicCode))
            .ToListAsync(ct);
        decimal? indicatorTotal = null;
        if (p.IndicatorDocumentNumber is { } doc)
        {
            var lines = await db.Set<BudgetIndicator>().AsNoTracking()
                .Where(i => i.CongressId == p.CongressId && i.Year == p.Year && i.DocumentNumber == doc && i.BudgetUnitId == p.BudgetUnitId).Select(i => i.Amount).ToListAsync(ct);
            indicatorTotal = lines.Count > 0 ? lines.Sum() : null;
        }
        // A refund names the voucher it reverses; it may fall in the next year.
        var voucher = p.VoucherNumber;
        var refunds = await db.Set<TreasuryPayment>().AsNoTracking()
            .Where(x => x.CongressId == p.CongressId && (x.Year == p.Year || x.Year == p.Year + 1) && x.ReversesVoucherNumber == voucher)
            .OrderBy(x => x.PaidOn).ThenBy(x => x.Id).ToListAsync(ct);
        var reversed = p.ReversesVoucherNumber is { } rv
            ? await db.Set<TreasuryPayment>().AsNoTracking().Where(x => x.CongressId == p.CongressId && (x.Year == p.Year || x.Year == p.Year - 1) && x.VoucherNumber == rv)
                .Select(x => new { x.Year, x.Id }).FirstOrDefaultAsync(ct)
            : null;
        return new PaymentDetail(p.Year, p.Id, p.VoucherNumber, p.BudgetUnitId, unit.Code, unit.Name, p.FunctionCode,
            names.FirstOrDefault(n => n.Kind == ClassificationKind.Functional)?.Name, p.EconomicCode, names.FirstOrDefault(n => n.Kind == ClassificationKind.Economic)?.Name,
            p.ProjectId, project?.Code, project?.Name, project?.Kind, p.IndicatorDocumentNumber, indicatorTotal, BudgetLabels.Of(p.FundNature), BudgetLabels.Of(p.Method),
            p.Amount, reader.Payee(p.PayeeName, p.PayeeKind), BudgetLabels.Of(p.PayeeKind), p.PayeeBank, p.Summary, p.PaidOn, p.ClearedOn, p.ReversesVoucherNumber,
            reversed?.Id, reversed?.Year, await RowsAsync(db, reader, refunds, ct), p.BatchId);
    }

    public static readonly IReadOnlyList<BudgetColumn> Columns =
    [
        new("voucher", "支付凭证号", 20), new("paidOn", "支付日期", 12), new("unit", "预算单位", 24), new("function", "功能分类", 10), new("economic", "经济分类", 10),
        new("project", "项目", 30), new("fund", "资金性质", 14), new("amount", "金额（元）", 16, BudgetCellKind.Amount), new("payee", "收款人", 24),
        new("payeeKind", "收款人类型", 10), new("summary", "摘要", 36),
    ];

    public static IEnumerable<object?[]> Cells(IEnumerable<PaymentRow> rows) => rows.Select(r => new object?[]
    {
        r.VoucherNumber, r.PaidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Unit, r.FunctionCode, r.EconomicCode, r.Project, r.FundNature, r.Amount, r.Payee,
        r.PayeeKind, r.Refund ? $"【退款】{r.Summary}" : r.Summary,
    });
}
