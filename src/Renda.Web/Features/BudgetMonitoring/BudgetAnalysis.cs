using System.Globalization;
using System.Linq.Expressions;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>
/// The filters every analysis view takes: the year, a unit, a fund nature, and the date the figures run to — a month
/// (截至 N 月底) or any date (AsOf); neither is today in the current year and the year's end in a past one.
/// </summary>
public sealed record BudgetFilter(int Year, int? Unit = null, FundNature? Fund = null, int? Month = null, DateOnly? AsOf = null);

/// <summary>
/// The analysis of budget execution (查询、分析): indicators against payments by unit, functional class (类-款-项 tree),
/// economic class, project, fund nature and month; the rate against the time elapsed; this year against last; 三公经费;
/// the largest payees; debt against its limit. Payments are read from the monthly sums (BudgetExecutionMonthly and its roll-up
/// by unit), the days of a month cut short by AsOf from the daily roll-up (or, by project or economic code, from the raw rows),
/// the payees from the raw rows; indicators from their lines.
/// </summary>
public static class BudgetAnalysis
{
    public const int MaxPayees = 50;

    /// <summary>The three categories of 三公经费 and their economic codes (部门预算支出经济分类; budget-rules.md).</summary>
    public static readonly IReadOnlyList<(string Key, string Label, string[] Codes)> ThreePublic =
    [
        ("abroad", "因公出国（境）", ["30212"]),
        ("reception", "公务接待", ["30217"]),
        ("vehicles", "公务用车购置及运行", ["30231", "31013"]),
    ];

    private static readonly string[] ThreePublicCodes = ThreePublic.SelectMany(t => t.Codes).ToArray();

    /// <summary>The filter as read: its date, and who is looking.</summary>
    private sealed record Cut(BudgetReader Reader, BudgetFilter Filter, DateOnly AsOf)
    {
        public int CongressId => Reader.CongressId;
        public int Year => Filter.Year;
    }

    public static DateOnly AsOf(BudgetFilter f, DateOnly today)
    {
        if (f.AsOf is { } d) return d;
        if (f.Month is { } m) return new DateOnly(f.Year, m, 1).AddMonths(1).AddDays(-1);
        return f.Year == today.Year ? today : new DateOnly(f.Year, 12, 31);
    }

    /// <summary>时间进度: the share of the year elapsed at the end of <paramref name="asOf"/>, in percent (month-end: months / 12).</summary>
    public static decimal Schedule(DateOnly asOf)
        => Math.Round((asOf.Month - 1 + (decimal)asOf.Day / DateTime.DaysInMonth(asOf.Year, asOf.Month)) / 12m * 100m, 1);

    public static decimal? Rate(decimal paid, decimal indicator) => indicator > 0 ? Math.Round(paid / indicator * 100m, 1) : null;

    private static void Check(BudgetFilter f)
    {
        if (f.Year is < 2000 or > 2100) throw DomainException.Invalid("year", "年度须在 2000 到 2100 之间。");
        if (f.Month is { } m && m is < 1 or > 12) throw DomainException.Invalid("month", "月份须在 1 到 12 之间。");
        if (f.AsOf is { } d && d.Year != f.Year) throw DomainException.Invalid("asOf", $"截止日期须在 {f.Year} 年内。");
    }

    public static async Task<BudgetTable> TableAsync(RendaDbContext db, BudgetReader reader, BudgetView view, BudgetFilter filter, CancellationToken ct)
    {
        Check(filter);
        if (reader.Below && !BudgetViews.Summary(view)) reader.RequireOwn($"“{BudgetViews.Title(view)}”分析");
        if (filter.Unit is { } u && !reader.SeesUnit(u)) throw DomainException.Forbidden("只能查看本单位的预算执行情况。");
        if (reader.UnitIds is not null && view is BudgetView.Debt or BudgetView.Repayments) throw DomainException.Forbidden("政府债务情况只向人大常委会工作人员、组成人员和人大代表开放。");
        var c = new Cut(reader, filter, AsOf(filter, WorkCalendar.Today(db.Clock)));
        var (columns, rows) = view switch
        {
            BudgetView.Units => await UnitsAsync(db, c, ct),
            BudgetView.Functions => await TreeAsync(db, c, ClassificationKind.Functional, ct),
            BudgetView.Economic => await TreeAsync(db, c, ClassificationKind.Economic, ct),
            BudgetView.Projects => await ProjectsAsync(db, c, ct),
            BudgetView.Funds => await FundsAsync(db, c, ct),
            BudgetView.Months => await MonthsAsync(db, c, ct),
            BudgetView.Compare => await CompareAsync(db, c, ct),
            BudgetView.ThreePublic => await ThreePublicAsync(db, c, ct),
            BudgetView.Payees => await PayeesAsync(db, c, ct),
            BudgetView.Debt => await DebtAsync(db, c, ct),
            BudgetView.Repayments => await RepaymentsAsync(db, c, ct),
        };
        var unitName = filter.Unit is { } id ? await db.Set<BudgetUnit>().Where(x => x.Id == id && x.CongressId == reader.CongressId).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var subtitle = string.Join("；", new[]
        {
            reader.CongressName, $"{filter.Year}年", $"截至{c.AsOf:yyyy-MM-dd}", unitName, filter.Fund is { } fund ? BudgetLabels.Of(fund) : null,
            $"时间进度{Schedule(c.AsOf).ToString("0.0", CultureInfo.InvariantCulture)}%",
        }.Where(s => s is not null));
        return new BudgetTable(view, $"{filter.Year}年预算执行情况（{BudgetViews.Title(view)}）", subtitle, filter.Year, c.AsOf, Schedule(c.AsOf), columns, rows);
    }

    // --- the sums -------------------------------------------------------------------------------

    /// <summary>The monthly sums of the filter: the unit roll-up, or the finer table where a view needs projects or economic codes.</summary>
    private static IQueryable<T> Monthly<T>(RendaDbContext db, Cut c, int year) where T : class, IExecutionSums
    {
        var q = db.Set<T>().AsNoTracking().Where(x => x.CongressId == c.CongressId && x.Year == year);
        if (c.Filter.Unit is { } u) q = q.Where(x => x.BudgetUnitId == u);
        else if (c.Reader.UnitIds is { } units) q = q.Where(x => units.Contains(x.BudgetUnitId));
        if (c.Filter.Fund is { } f) q = q.Where(x => x.FundNature == f);
        return q;
    }

    private static IQueryable<TreasuryPayment> Payments(RendaDbContext db, Cut c, int year)
    {
        var q = db.Set<TreasuryPayment>().AsNoTracking().Where(p => p.CongressId == c.CongressId && p.Year == year);
        if (c.Filter.Unit is { } u) q = q.Where(p => p.BudgetUnitId == u);
        else if (c.Reader.UnitIds is { } units) q = q.Where(p => units.Contains(p.BudgetUnitId));
        if (c.Filter.Fund is { } f) q = q.Where(p => p.FundNature == f);
        return q;
    }

    private static IQueryable<BudgetIndicator> Indicators(RendaDbContext db, Cut c, int year, DateOnly asOf)
    {
        var q = db.Set<BudgetIndicator>().AsNoTracking().Where(i => i.CongressId == c.CongressId && i.Year == year && i.EffectiveOn <= asOf);
        if (c.Filter.Unit is { } u) q = q.Where(i => i.BudgetUnitId == u);
        else if (c.Reader.UnitIds is { } units) q = q.Where(i => units.Contains(i.BudgetUnitId));
        if (c.Filter.Fund is { } f) q = q.Where(i => i.FundNature == f);
        return q;
    }

    private readonly record struct Paid(decimal Amount, int Count);

    /// <summary>
    /// Payments of <paramref name="year"/> up to <paramref name="asOf"/> by a key: whole months from the monthly sums, the days of
    /// a month cut short from the daily roll-up or the raw rows (by the index on date). The two key selectors say the same on both tables.
    /// </summary>
    private static async Task<Dictionary<TKey, Paid>> PaidAsync<T, TKey>(RendaDbContext db, Cut c, int year, DateOnly asOf,
        Expression<Func<T, TKey>> monthlyKey, Expression<Func<TreasuryPayment, TKey>> paymentKey, CancellationToken ct,
        string[]? economicCodes = null) where TKey : notnull where T : class, IExecutionSums
    {
        var monthEnd = asOf.AddDays(1).Day == 1;
        var through = monthEnd ? asOf.Month : asOf.Month - 1;
        var monthly = Monthly<T>(db, c, year).Where(x => x.Month <= through);
        if (economicCodes is not null) monthly = (IQueryable<T>)((IQueryable<BudgetExecutionMonthly>)monthly).Where(x => economicCodes.Contains(x.EconomicCode));
        var sums = (await monthly.GroupBy(monthlyKey).Select(g => new { g.Key, Amount = g.Sum(x => x.Amount), Count = g.Sum(x => x.Payments) }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => new Paid(x.Amount, x.Count));
        if (!monthEnd)
        {
            // The days of the month cut short: from the daily roll-up when the key is one of its columns (unit, function, fund,
            // month), else (projects, economic codes) from the raw payments of those days.
            if (typeof(T) == typeof(BudgetExecutionUnitMonthly))
            {
                var days = Monthly<BudgetExecutionUnitDaily>(db, c, year).Where(x => x.Month == asOf.Month && x.Day <= asOf.Day);
                foreach (var x in await days.GroupBy(OnDaily(monthlyKey)).Select(g => new { g.Key, Amount = g.Sum(x => x.Amount), Count = g.Sum(x => x.Payments) }).ToListAsync(ct))
                    sums[x.Key] = sums.TryGetValue(x.Key, out var s) ? new Paid(s.Amount + x.Amount, s.Count + x.Count) : new Paid(x.Amount, x.Count);
                return sums;
            }
            var first = new DateOnly(asOf.Year, asOf.Month, 1);
            var raw = Payments(db, c, year).Where(p => p.PaidOn >= first && p.PaidOn <= asOf);
            if (economicCodes is not null) raw = raw.Where(p => economicCodes.Contains(p.EconomicCode));
            foreach (var x in await raw.GroupBy(paymentKey).Select(g => new { g.Key, Amount = g.Sum(p => p.Amount), Count = g.Count() }).ToListAsync(ct))
                sums[x.Key] = sums.TryGetValue(x.Key, out var s) ? new Paid(s.Amount + x.Amount, s.Count + x.Count) : new Paid(x.Amount, x.Count);
        }
        return sums;
    }

    /// <summary>A key over the monthly roll-up read from the daily one: the same column names, so each member is taken by name.</summary>
    private static Expression<Func<BudgetExecutionUnitDaily, TKey>> OnDaily<T, TKey>(Expression<Func<T, TKey>> key)
    {
        var daily = Expression.Parameter(typeof(BudgetExecutionUnitDaily), key.Parameters[0].Name);
        return Expression.Lambda<Func<BudgetExecutionUnitDaily, TKey>>(new Retarget(key.Parameters[0], daily).Visit(key.Body), daily);
    }

    private sealed class Retarget(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
            => node.Expression == from ? Expression.Property(to, node.Member.Name) : base.VisitMember(node);

        protected override Expression VisitParameter(ParameterExpression node)
            => node == from ? throw new NotSupportedException("a monthly key may read only the columns of the sums") : base.VisitParameter(node);
    }

    private static async Task<Dictionary<TKey, decimal>> IndicatorAsync<TKey>(RendaDbContext db, Cut c, int year, DateOnly asOf,
        Expression<Func<BudgetIndicator, TKey>> key, CancellationToken ct, string[]? economicCodes = null) where TKey : notnull
    {
        var q = Indicators(db, c, year, asOf);
        if (economicCodes is not null) q = q.Where(i => economicCodes.Contains(i.EconomicCode));
        return (await q.GroupBy(key).Select(g => new { g.Key, Amount = g.Sum(i => i.Amount) }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Amount);
    }

    private static IReadOnlyDictionary<string, string> Drill(Cut c, string column, string extra, int? year = null, DateOnly? to = null, DateOnly? from = null)
    {
        if (c.Reader.Below) return Empty;
        var q = new List<string> { $"year={year ?? c.Year}" };
        if (c.Filter.Unit is { } u && !extra.Contains("unit=", StringComparison.Ordinal)) q.Add($"unit={u}");
        if (c.Filter.Fund is { } f && !extra.Contains("fund=", StringComparison.Ordinal)) q.Add($"fund={f}");
        if (from is { } fr) q.Add($"from={fr:yyyy-MM-dd}");
        q.Add($"to={to ?? c.AsOf:yyyy-MM-dd}");
        if (extra.Length > 0) q.Add(extra);
        return new Dictionary<string, string> { [column] = "/budget/payments?" + string.Join("&", q) };
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static BudgetColumn Amount(string key, string header) => new(key, header, 16, BudgetCellKind.Amount);
    private static BudgetColumn Percent(string key, string header) => new(key, header, 10, BudgetCellKind.Percent);
    private static readonly BudgetColumn CountColumn = new("payments", "支付笔数", 10, BudgetCellKind.Count);

    // --- the views ------------------------------------------------------------------------------

    private static async Task<(IReadOnlyList<BudgetColumn>, IReadOnlyList<BudgetRow>)> UnitsAsync(RendaDbContext db, Cut c, CancellationToken ct)
    {
        var paid = await PaidAsync(db, c, c.Year, c.AsOf, (BudgetExecutionUnitMonthly x) => x.BudgetUnitId, p => p.BudgetUnitId, ct);
        var indicator = await IndicatorAsync(db, c, c.Year, c.AsOf, i => i.BudgetUnitId, ct);
        var schedule = Schedule(c.AsOf);
        var units = await UnitsOfAsync(db, c, paid.Keys.Concat(indicator.Keys), ct);
        var rows = units.Select(u =>
        {
            var p = paid.GetValueOrDefault(u.Id);
            var i = indicator.GetValueOrDefault(u.Id);
            var rate = Rate(p.Amount, i);
            return new BudgetRow([u.Code, u.Name, i, p.Amount, rate, schedule, rate is { } r ? r - schedule : null, p.Count], Drill(c, "paid", $"unit={u.Id}"), Key: u.Id.ToString(CultureInfo.InvariantCulture));
        }).ToList();
        rows.Add(TotalRow(c, rows, 2, 3, 7, schedule, "合计"));
        return ([new("code", "单位编码", 12), new("unit", "预算单位", 30), Amount("indicator", "预算指标（元）"), Amount("paid", "已支付（元）"),
            Percent("rate", "执行率（%）"), Percent("schedule", "时间进度（%）"), Percent("gap", "快慢（百分点）"), CountColumn], rows);
    }

    private static BudgetRow TotalRow(Cut c, List<BudgetRow> rows, int indicatorAt, int paidAt, int countAt, decimal? schedule, string label)
    {
        var i = rows.Sum(r => (decimal)r.Cells[indicatorAt]!);
        var p = rows.Sum(r => (decimal)r.Cells[paidAt]!);
        var n = rows.Sum(r => (int)r.Cells[countAt]!);
        var rate = Rate(p, i);
        var cells = new object?[rows.Count > 0 ? rows[0].Cells.Count : countAt + 1];
        cells[1] = label;
        cells[indicatorAt] = i;
        cells[paidAt] = p;
        cells[paidAt + 1] = rate;
        if (schedule is { } s) { cells[paidAt + 2] = s; cells[paidAt + 3] = rate is { } r ? r - s : null; }
        cells[countAt] = n;
        return new BudgetRow(cells, Drill(c, "paid", ""), Total: true);
    }

    private sealed record UnitName(int Id, string Code, string Name);

    private static async Task<List<UnitName>> UnitsOfAsync(RendaDbContext db, Cut c, IEnumerable<int> withData, CancellationToken ct)
    {
        var ids = withData.ToHashSet();
        var q = db.Set<BudgetUnit>().AsNoTracking().Where(u => u.CongressId == c.CongressId);
        if (c.Filter.Unit is { } one) q = q.Where(u => u.Id == one);
        else if (c.Reader.UnitIds is { } units) q = q.Where(u => units.Contains(u.Id));
        var all = await q.Select(u => new UnitName(u.Id, u.Code, u.Name)).ToListAsync(ct);
        return all.Where(u => ids.Contains(u.Id)).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>功能分类 类(3)-款(5)-项(7) or 经济分类 类(3)-款(5): each code's sums rolled up to its ancestors.</summary>
    private static async Task<(IReadOnlyList<BudgetColumn>, IReadOnlyList<BudgetRow>)> TreeAsync(RendaDbContext db, Cut c, ClassificationKind kind, CancellationToken ct)
    {
        var functional = kind == ClassificationKind.Functional;
        var paid = functional
            ? await PaidAsync(db, c, c.Year, c.AsOf, (BudgetExecutionUnitMonthly x) => x.FunctionCode, p => p.FunctionCode, ct)
            : await PaidAsync(db, c, c.Year, c.AsOf, (BudgetExecutionMonthly x) => x.EconomicCode, p => p.EconomicCode, ct);
        var indicator = functional
            ? await IndicatorAsync(db, c, c.Year, c.AsOf, i => i.FunctionCode, ct)
            : await IndicatorAsync(db, c, c.Year, c.AsOf, i => i.EconomicCode, ct);
        var nodes = new SortedDictionary<string, (decimal Indicator, decimal Paid, int Count)>(StringComparer.Ordinal);
        foreach (var code in paid.Keys.Union(indicator.Keys))
            foreach (var prefix in Prefixes(code))
            {
                var n = nodes.GetValueOrDefault(prefix);
                var p = paid.GetValueOrDefault(code);
                nodes[prefix] = (n.Indicator + indicator.GetValueOrDefault(code), n.Paid + p.Amount, n.Count + p.Count);
            }
        var codes = nodes.Keys.ToList();
        var names = await db.Set<BudgetClassification>().AsNoTracking().Where(x => x.Kind == kind && codes.Contains(x.Code)).ToDictionaryAsync(x => x.Code, x => x.Name, ct);
        var param = functional ? "function" : "economic";
        var rows = nodes.Select(n => new BudgetRow(
            [n.Key, names.GetValueOrDefault(n.Key, ""), n.Value.Indicator, n.Value.Paid, Rate(n.Value.Paid, n.Value.Indicator), n.Value.Count],
            Drill(c, "paid", $"{param}={n.Key}"), Level: Prefixes(n.Key).Count() - 1)).ToList();
        var top = rows.Where(r => r.Level == 0).ToList();
        rows.Add(new BudgetRow([null, "合计", top.Sum(r => (decimal)r.Cells[2]!), top.Sum(r => (decimal)r.Cells[3]!),
            Rate(top.Sum(r => (decimal)r.Cells[3]!), top.Sum(r => (decimal)r.Cells[2]!)), top.Sum(r => (int)r.Cells[5]!)], Drill(c, "paid", ""), Total: true));
        return ([new("code", functional ? "功能分类科目编码" : "经济分类科目编码", 14), new("name", "科目名称", 30), Amount("indicator", "预算指标（元）"), Amount("paid", "已支付（元）"),
            Percent("rate", "执行率（%）"), CountColumn], rows);
    }

    /// <summary>2050201 → 205, 20502, 2050201 (类, 款, 项).</summary>
    public static IEnumerable<string> Prefixes(string code)
    {
        foreach (var length in new[] { 3, 5, 7 })
            if (code.Length > length) yield return code[..length];
        yield return code;
    }

    private static async Task<(IReadOnlyList<BudgetColumn>, IReadOnlyList<BudgetRow>)> ProjectsAsync(RendaDbContext db, Cut c, CancellationToken ct)
    {
        var paid = await PaidAsync(db, c, c.Year, c.AsOf, (BudgetExecutionMonthly x) => new { x.BudgetUnitId, x.ProjectId }, p => new { p.BudgetUnitId, ProjectId = p.ProjectId ?? 0 }, ct);
        var indicator = await IndicatorAsync(db, c, c.Year, c.AsOf, i => new { i.BudgetUnitId, ProjectId = i.ProjectId ?? 0 }, ct);
        var keys = paid.Keys.Union(indicator.Keys).ToList();
        var projectIds = keys.Select(k => k.ProjectId).Where(id => id != 0).Distinct().ToList();
        var projects = await db.Set<BudgetProject>().AsNoTracking().Where(p => p.CongressId == c.CongressId && projectIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Code, p.Name, p.Kind }).ToDictionaryAsync(p => p.Id, ct);
        var units = (await UnitsOfAsync(db, c, keys.Select(k => k.BudgetUnitId), ct)).ToDictionary(u => u.Id);
        var schedule = Schedule(c.AsOf);
        var rows = keys.Where(k => units.ContainsKey(k.BudgetUnitId))
            .OrderBy(k => units[k.BudgetUnitId].Code, StringComparer.Ordinal).ThenBy(k => projects.GetValueOrDefault(k.ProjectId)?.Code ?? "", StringComparer.Ordinal)
            .Select(k =>
            {
                var p = paid.GetValueOrDefault(k);
                var i = indicator.GetValueOrDefault(k);
                var project = projects.GetValueOrDefault(k.ProjectId);
                var rate = Rate(p.Amount, i);
                return new BudgetRow([project?.Code ?? "", project?.Name ?? "未列项目（基本支出等）", units[k.BudgetUnitId].Name, project?.Kind ?? "", i, p.Amount, rate, schedule,
                    rate is { } r ? r - schedule : null, p.Count], Drill(c, "paid", $"unit={k.BudgetUnitId}&project={k.ProjectId}"),
                    Key: $"{k.BudgetUnitId}:{k.ProjectId}");
            }).ToList();
        rows.Add(TotalRow(c, rows, 4, 5, 9, schedule, "合计"));
        return ([new("code", "项目编码", 16), new("project", "项目名称", 36), new("unit", "预算单位", 24), new("kind", "项目类别", 12), Amount("indicator", "预算指标（元）"),
            Amount("paid", "已支付（元）"), Percent("rate", "执行率（%）"), Percent("schedule", "时间进度（%）"), Percent("gap", "快慢（百分点）"), CountColumn], rows);
    }

    private static async Task<(IReadOnlyList<BudgetColumn>, IReadOnlyList<BudgetRow>)> FundsAsync(RendaDbContext db, Cut c, CancellationToken ct)
    {
        var paid = await PaidAsync(db, c, c.Year, c.AsOf, (BudgetExecutionUnitMonthly x) => x.FundNature, p => p.FundNature, ct);
        var indicator = await IndicatorAsync(db, c, c.Year, c.AsOf, i => i.FundNature, ct);
        var rows = Enum.GetValues<FundNature>().Where(f => paid.ContainsKey(f) || indicator.ContainsKey(f)).Select(f =>
        {
            var p = paid.GetValueOrDefault(f);
            var i = indicator.GetValueOrDefault(f);
            // The code column shows the fund nature's number, not the enum's English name (issue #20: no English on a page).
            return new BudgetRow([((int)f).ToString(System.Globalization.CultureInfo.InvariantCulture), BudgetLabels.Of(f), i, p.Amount, Rate(p.Amount, i), p.Count], Drill(c, "paid", $"fund={f}"));
        }).ToList();
        rows.Add(TotalRow(c, rows, 2, 3, 5, null, "合计"));
        return ([new("fund", "代码", 16), new("name", "资金性质", 20), Amount("indicator", "预算指标（元）"), Amount("paid", "已支付（元）"), Percent("rate", "执行率（%）"), CountColumn], rows);
    }

    /// <summary>Each month's payments, the cumulative sum and its rate against the indicators in force at the month's end, beside the time line.</summary>
    private static async Task<(IReadOnlyList<BudgetColumn>, IReadOnlyList<BudgetRow>)> MonthsAsync(RendaDbContext db, Cut c, CancellationToken ct)
    {
        var paid = await PaidAsync(db, c, c.Year, c.AsOf, (BudgetExecutionUnitMonthly x) => x.Month, p => p.PaidOn.Month, ct);
        var indicatorByMonth = await IndicatorAsync(db, c, c.Year, c.AsOf, i => i.EffectiveOn.Month, ct);
        decimal cumulative = 0, indicator = 0;
        var rows = new List<BudgetRow>();
        for (var m = 1; m <= c.AsOf.Month; m++)
        {
            var p = paid.GetValueOrDefault(m);
            cumulative += p.Amount;
            indicator += indicatorByMonth.GetValueOrDefault(m);
            var first = new DateOnly(c.Year, m, 1);
            var end = m == c.AsOf.Month ? c.AsOf : first.AddMonths(1).AddDays(-1);
            rows.Add(new BudgetRow([$"{m}月", p.Amount, cumulative, indicator, Rate(cumulative, indicator), Schedule(end), p.Count],
                Drill(c, "paid", "", from: first, to: end).Concat(Drill(c, "cumulative", "", to: end)).ToDictionary()));
        }
        return ([new("month", "月份", 8), Amount("paid", "当月支付（元）"), Amount("cumulative", "累计支付（元）"), Amount("indicator", "累计指标（元）"),
            Percent("rate", "累计执行率（%）"), Percent("schedule", "时间进度（%）"), CountColumn], rows);
    }

    /// <summary>This year against the same period of last year, month by month.</summary>
    private static async Task<(IReadOnlyList<BudgetColumn>, IReadOnlyList<BudgetRow>)> CompareAsync(RendaDbContext db, Cut c, CancellationToken ct)
    {
        var lastAsOf = c.AsOf.AddYears(-1);
        var now = await PaidAsync(db, c, c.Year, c.AsOf, (BudgetExecutionUnitMonthly x) => x.Month, p => p.PaidOn.Month, ct);
        var last = await PaidAsync(db, c, c.Year - 1, lastAsOf, (BudgetExecutionUnitMonthly x) => x.Month, p => p.PaidOn.Month, ct);
        decimal sumNow = 0, sumLast = 0;
        var rows = new List<BudgetRow>();
        for (var m = 1; m <= c.AsOf.Month; m++)
        {
            var a = now.GetValueOrDefault(m).Amount;
            var b = last.GetValueOrDefault(m).Amount;
            sumNow += a;
            sumLast += b;
            var first = new DateOnly(c.Year, m, 1);
            var end = m == c.AsOf.Month ? c.AsOf : first.AddMonths(1).AddDays(-1);
            var drill = Drill(c, "paid", "", from: first, to: end)
                .Concat(Drill(c, "lastPaid", "", c.Year - 1, from: first.AddYears(-1), to: end.AddYears(-1))).ToDictionary();
            rows.Add(new BudgetRow([$"{m}月", a, b, Change(a, b), sumNow, sumLast, Change(sumNow, sumLast)], drill));
        }
        return ([new("month", "月份", 8), Amount("paid", $"{c.Year}年当月（元）"), Amount("lastPaid", $"{c.Year - 1}年同月（元）"), Percent("change", "同比增减（%）"),
            Amount("cumulative", $"{c.Year}年累计（元）"), Amount("lastCumulative", $"{c.Year - 1}年同期累计（元）"), Percent("cumulativeChange", "累计同比（%）")], rows);
    }

    private static decimal? Change(decimal now, decimal last) => last != 0 ? Math.Round((now - last) / Math.Abs(last) * 100m, 1) : null;

    private static async Task<(IReadOnlyList<BudgetColumn>, IReadOnlyList<BudgetRow>)> ThreePublicAsync(RendaDbContext db, Cut c, CancellationToken ct)
    {
        var paid = await PaidAsync(db, c, c.Year, c.AsOf, (BudgetExecutionMonthly x) => new { x.BudgetUnitId, x.EconomicCode }, p => new { p.BudgetUnitId, p.EconomicCode }, ct, ThreePublicCodes);
        var indicator = await IndicatorAsync(db, c, c.Year, c.AsOf, i => new { i.BudgetUnitId, i.EconomicCode }, ct, ThreePublicCodes);
        var units = await UnitsOfAsync(db, c, paid.Keys.Select(k => k.BudgetUnitId).Concat(indicator.Keys.Select(k => k.BudgetUnitId)), ct);
        var rows = new List<BudgetRow>();
        var totals = new decimal[8];
        foreach (var u in units)
        {
            var cells = new List<object?> { u.Code, u.Name };
            var drill = new Dictionary<string, string>();
            decimal budgetSum = 0, paidSum = 0;
            foreach (var (key, _, codes) in ThreePublic)
            {
                var b = codes.Sum(code => indicator.GetValueOrDefault(new { BudgetUnitId = u.Id, EconomicCode = code }));
                var p = codes.Sum(code => paid.GetValueOrDefault(new { BudgetUnitId = u.Id, EconomicCode = code }).Amount);
                cells.Add(b);
                cells.Add(p);
                budgetSum += b;
                paidSum += p;
                foreach (var (k, v) in Drill(c, key + "Paid", $"unit={u.Id}&economic={string.Join(",", codes)}")) drill[k] = v;
            }
            cells.Add(budgetSum);
            cells.Add(paidSum);
            cells.Add(Rate(paidSum, budgetSum));
            foreach (var (k, v) in Drill(c, "paid", $"unit={u.Id}&economic={string.Join(",", ThreePublicCodes)}")) drill[k] = v;
            for (var i = 0; i < 8; i++) totals[i] += (decimal)cells[i + 2]!;
            rows.Add(new BudgetRow(cells, drill));
        }
        var totalDrill = new Dictionary<string, string>();
        foreach (var (key, _, codes) in ThreePublic)
            foreach (var (k, v) in Drill(c, key + "Paid", $"economic={string.Join(",", codes)}")) totalDrill[k] = v;
        foreach (var (k, v) in Drill(c, "paid", $"economic={string.Join(",", ThreePublicCodes)}")) totalDrill[k] = v;
        rows.Add(new BudgetRow([null, "合计", .. totals.Cast<object?>(), Rate(totals[7], totals[6])], totalDrill, Total: true));
        var columns = new List<BudgetColumn> { new("code", "单位编码", 12), new("unit", "预算单位", 28) };
        foreach (var (key, label, _) in ThreePublic)
            columns.AddRange([Amount(key + "Budget", $"{label}预算（元）"), Amount(key + "Paid", $"{label}支出（元）")]);
        columns.AddRange([Amount("budget", "合计预算（元）"), Amount("paid", "合计支出（元）"), Percent("rate", "执行率（%）")]);
        return (columns, rows);
    }

    /// <summary>The largest payees of the year to date, from the raw payments; an individual's name is masked for all but the staff.</summary>
    private static async Task<(IReadOnlyList<BudgetColumn>, IReadOnlyList<BudgetRow>)> PayeesAsync(RendaDbContext db, Cut c, CancellationToken ct)
    {
        var asOf = c.AsOf;
        // Decimal order is not translated on SQLite: the sums are ordered here (a year has tens of thousands of payees, not millions).
        var sums = await Payments(db, c, c.Year).Where(p => p.PaidOn <= asOf).GroupBy(p => new { p.PayeeName, p.PayeeKind })
            .Select(g => new { g.Key.PayeeName, g.Key.PayeeKind, Amount = g.Sum(p => p.Amount), Count = g.Count() }).ToListAsync(ct);
        var rows = sums.OrderByDescending(s => s.Amount).ThenBy(s => s.PayeeName, StringComparer.Ordinal).Take(MaxPayees).Select((s, i) => new BudgetRow(
            [i + 1, c.Reader.Payee(s.PayeeName, s.PayeeKind), BudgetLabels.Of(s.PayeeKind), s.Amount, s.Count],
            c.Reader.SeesNames || s.PayeeKind == PayeeKind.Organisation ? Drill(c, "paid", $"payee={Uri.EscapeDataString(s.PayeeName)}") : Empty)).ToList();
        return ([new("rank", "序号", 6), new("payee", "收款人", 36), new("payeeKind", "收款人类型", 10), Amount("paid", "支付金额（元）"), CountColumn], rows);
    }

    private static async Task<(IReadOnlyList<BudgetColumn>, IReadOnlyList<BudgetRow>)> DebtAsync(RendaDbContext db, Cut c, CancellationToken ct)
    {
        var debts = await db.Set<GovernmentDebt>().AsNoTracking().Where(d => d.CongressId == c.CongressId && d.Year == c.Year).ToListAsync(ct);
        var repayments = await db.Set<DebtRepayment>().AsNoTracking().Where(d => d.CongressId == c.CongressId && d.Year == c.Year).ToListAsync(ct);
        var today = WorkCalendar.Today(db.Clock);
        var rows = debts.GroupBy(d => d.Kind).OrderBy(g => g.Key).Select(g =>
        {
            var latest = g.OrderByDescending(d => d.AsOf).ThenByDescending(d => d.Id).First();
            var r = repayments.Where(x => x.Kind == g.Key).ToList();
            return new BudgetRow([BudgetLabels.Of(g.Key), latest.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), latest.Limit, latest.Balance, Rate(latest.Balance, latest.Limit),
                r.Sum(x => x.AmountDue), r.Sum(x => x.AmountPaid), r.Count(x => x.DueOn < today && x.AmountPaid < x.AmountDue)], Empty);
        }).ToList();
        return ([new("kind", "债务类型", 12), new("asOf", "截至日期", 12), Amount("limit", "债务限额（元）"), Amount("balance", "债务余额（元）"), Percent("ratio", "余额占限额（%）"),
            Amount("due", "本年应还（元）"), Amount("repaid", "本年已还（元）"), new("overdue", "逾期未还（笔）", 12, BudgetCellKind.Count)], rows);
    }

    private static async Task<(IReadOnlyList<BudgetColumn>, IReadOnlyList<BudgetRow>)> RepaymentsAsync(RendaDbContext db, Cut c, CancellationToken ct)
    {
        var today = WorkCalendar.Today(db.Clock);
        var repayments = await db.Set<DebtRepayment>().AsNoTracking().Where(d => d.CongressId == c.CongressId && d.Year == c.Year).ToListAsync(ct);
        var rows = repayments.OrderBy(r => r.DueOn).ThenBy(r => r.Id).Select(r => new BudgetRow(
            [r.Instrument, BudgetLabels.Of(r.Kind), r.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.AmountDue, r.PaidOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.AmountPaid, r.AmountPaid >= r.AmountDue ? "已偿还" : r.DueOn < today ? "逾期未还" : "未到期"], Empty)).ToList();
        return ([new("instrument", "债券或借款", 30), new("kind", "债务类型", 12), new("dueOn", "应还日期", 12), Amount("due", "应还金额（元）"), new("paidOn", "偿还日期", 12),
            Amount("repaid", "已还金额（元）"), new("state", "状态", 10)], rows);
    }

    /// <summary>The years a congress has budget data for, newest first.</summary>
    /// <summary>The years a congress has budget data for, newest first: from its batches (a few rows a month), not the data.</summary>
    public static async Task<List<int>> YearsAsync(RendaDbContext db, int congressId, CancellationToken ct)
        => await db.Set<BudgetBatch>().AsNoTracking().Where(b => b.CongressId == congressId && b.Kind != BudgetDataKind.Debt)
            .Select(b => b.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
}
