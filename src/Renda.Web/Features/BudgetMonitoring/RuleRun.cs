using System.Globalization;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>
/// One run of the warning rules over a congress's year, limited to some units and months (a batch's scope) or not (a full
/// check). It reads grouped sums (by unit, project, indicator document, 三公 category and period between the rules' dates) and
/// the few rows the row rules are about, computes what fires, and adds the warnings whose fingerprints are new, with evidence.
/// </summary>
internal sealed class RuleRun(RendaDbContext db, int congressId, int year, IReadOnlySet<WarningRuleKind> kinds, IReadOnlySet<int>? units, IReadOnlySet<int>? months)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private sealed record Finding(WarningRuleKind Rule, string Fingerprint, int? UnitId, int? ProjectId, decimal Figure, decimal Threshold, string Title, string Detail,
        Func<CancellationToken, Task<List<(EvidenceKind Kind, int Year, long Id)>>> Evidence);

    /// <summary>A group of payments or indicator lines: Period is the index of the first boundary date on or after the row's date.</summary>
    private sealed record Group(int UnitId, int? ProjectId, string? Doc, int Category, int Period, int Month, decimal Amount, int Count);

    private readonly List<Finding> findings = [];
    private DateOnly today;
    /// <summary>The last day the year's payment data covers: a date rule is checked at a date only once the payments up to it are in.</summary>
    private DateOnly coveredTo;
    private List<RuleSetting> settings = [];
    private List<DateOnly> boundaries = [];
    private Dictionary<int, string> unitNames = [];
    private Dictionary<int, string> projectNames = [];

    private RuleSetting? On(WarningRuleKind k) => kinds.Contains(k) && settings.First(s => s.Kind == k) is { Enabled: true } s ? s : null;
    private bool Covers(RuleSetting s, int unitId) => s.Covers(unitId) && (units is null || units.Contains(unitId));

    /// <summary>The batch's months: a date rule is checked at its dates on or after the earliest month the batch touched.</summary>
    private bool Touches(DateOnly d) => months is null || d.Month >= months.Min();
    private DateOnly From => months is null ? new DateOnly(year, 1, 1) : new DateOnly(year, months.Min(), 1);
    private DateOnly To => months is null ? new DateOnly(year, 12, 31) : new DateOnly(year, months.Max(), DateTime.DaysInMonth(year, months.Max()));

    public async Task<int> RunAsync(CancellationToken ct)
    {
        today = WorkCalendar.Today(db.Clock);
        settings = await WarningRules.SettingsAsync(db, congressId, ct);
        var active = settings.Where(s => s.Enabled && kinds.Contains(s.Kind)).ToList();
        if (active.Count == 0) return 0;
        boundaries = (On(WarningRuleKind.ExecutionLagging)?.CutOffDates(year) ?? [])
            .Concat(On(WarningRuleKind.IdleProject)?.CutOffDates(year) ?? [])
            .Append(new DateOnly(year, 11, 30)).Distinct().Order().ToList();

        var needsSums = active.Any(s => s.Kind is WarningRuleKind.ExecutionLagging or WarningRuleKind.PaymentWithoutIndicator or WarningRuleKind.PaymentAboveIndicator
            or WarningRuleKind.YearEndRush or WarningRuleKind.IdleProject or WarningRuleKind.ThreePublicOverBudget);
        if (needsSums)
        {
            coveredTo = await CoveredToAsync(ct);
            var paid = await PaymentGroupsAsync(ct);
            var granted = await IndicatorGroupsAsync(ct);
            await NamesAsync(paid.Concat(granted), ct);
            ExecutionLagging(paid, granted);
            PaymentAboveIndicator(paid, granted);
            YearEndRush(paid);
            IdleProject(paid, granted);
            ThreePublicOverBudget(paid, granted);
            await PaymentWithoutIndicatorAsync(paid, granted, ct);
        }
        await IndividualsAsync(ct);
        await StaleCarryOverAsync(ct);
        await DebtAsync(ct);
        return await AddNewAsync(ct);
    }

    /// <summary>
    /// How far the year's payment data reaches: the end of the latest month a payments batch was sent for (a file spanning months
    /// covers the month of its last payment). Without it an indicators batch that arrives first would find every unit behind.
    /// </summary>
    private async Task<DateOnly> CoveredToAsync(CancellationToken ct)
    {
        var batches = await db.Set<BudgetBatch>().AsNoTracking().Where(b => b.CongressId == congressId && b.Year == year && b.Kind == BudgetDataKind.Payments)
            .Select(b => new { b.Id, b.Month }).ToListAsync(ct);
        var month = batches.Max(b => b.Month) ?? 0;
        var spanning = batches.Where(b => b.Month is null).Select(b => b.Id).ToList();
        if (spanning.Count > 0 && await db.Set<TreasuryPayment>().Where(p => p.Year == year && spanning.Contains(p.BatchId)).MaxAsync(p => (DateOnly?)p.PaidOn, ct) is { } last)
            month = Math.Max(month, last.Month);
        return month == 0 ? DateOnly.MinValue : new DateOnly(year, month, DateTime.DaysInMonth(year, month));
    }

    /// <summary>A date of the year at which a rule is checked: passed, and the payments up to it are in.</summary>
    private bool Due(DateOnly d) => d <= today && d <= coveredTo;

    // ---- reading ------------------------------------------------------------------------------------------------------

    private DateOnly B(int i) => i < boundaries.Count ? boundaries[i] : DateOnly.MaxValue;

    /// <summary>
    /// The year's payments of the units in scope summed by (unit, project, document, 三公 category, month) — from the monthly sums
    /// B3 keeps equal to the raw rows (BudgetAggregates), a few ten thousand rows where the payments are millions. A month in
    /// which a rule's date falls before its last day (a cut-off such as 06-15) is split between two periods, so that month alone
    /// is summed from its payments by date.
    /// </summary>
    private async Task<List<Group>> PaymentGroupsAsync(CancellationToken ct)
    {
        var split = boundaries.Where(b => b.Day != DateTime.DaysInMonth(year, b.Month)).Select(b => b.Month).Distinct().ToList();
        var sums = db.Set<BudgetExecutionMonthly>().AsNoTracking().Where(x => x.CongressId == congressId && x.Year == year && !split.Contains(x.Month));
        if (units is not null) sums = sums.Where(x => units.Contains(x.BudgetUnitId));
        // Read as they are and summed here: they are few, and the database would hash-aggregate them to about as many groups.
        var cells = await sums.Select(x => new { x.BudgetUnitId, x.ProjectId, x.IndicatorDocumentNumber, x.Month, x.EconomicCode, x.Amount, x.Payments }).ToListAsync(ct);
        // In a month no rule's date splits, every payment falls in the period of the first date on or after the month's end.
        var groups = cells.GroupBy(x => (x.BudgetUnitId, x.ProjectId, x.IndicatorDocumentNumber, x.Month, Category: CategoryOf(x.EconomicCode)))
            .Select(g => new Group(g.Key.BudgetUnitId, g.Key.ProjectId == 0 ? null : g.Key.ProjectId, g.Key.IndicatorDocumentNumber == "" ? null : g.Key.IndicatorDocumentNumber,
                g.Key.Category, PeriodOfDay(new DateOnly(year, g.Key.Month, DateTime.DaysInMonth(year, g.Key.Month))), g.Key.Month, g.Sum(x => x.Amount), g.Sum(x => x.Payments)))
            .ToList();
        if (split.Count == 0) return groups;

        var q = db.Set<TreasuryPayment>().AsNoTracking().Where(p => p.CongressId == congressId && p.Year == year);
        if (units is not null) q = q.Where(p => units.Contains(p.BudgetUnitId));
        foreach (var m in split)
        {
            DateOnly from = new(year, m, 1), to = new(year, m, DateTime.DaysInMonth(year, m));
            // The rules' dates padded to a fixed number, so the period is one CASE in the GROUP BY (the dates are parameters).
            DateOnly b0 = B(0), b1 = B(1), b2 = B(2), b3 = B(3), b4 = B(4), b5 = B(5), b6 = B(6), b7 = B(7), b8 = B(8), b9 = B(9), b10 = B(10), b11 = B(11), b12 = B(12);
            var rows = await q.Where(p => p.PaidOn >= from && p.PaidOn <= to).GroupBy(p => new
            {
                p.BudgetUnitId, p.ProjectId, p.IndicatorDocumentNumber,
                Category = p.EconomicCode == "30212" ? 1 : p.EconomicCode == "30217" ? 2 : p.EconomicCode == "30231" || p.EconomicCode == "31013" ? 3 : 0,
                Period = p.PaidOn <= b0 ? 0 : p.PaidOn <= b1 ? 1 : p.PaidOn <= b2 ? 2 : p.PaidOn <= b3 ? 3 : p.PaidOn <= b4 ? 4 : p.PaidOn <= b5 ? 5 : p.PaidOn <= b6 ? 6
                    : p.PaidOn <= b7 ? 7 : p.PaidOn <= b8 ? 8 : p.PaidOn <= b9 ? 9 : p.PaidOn <= b10 ? 10 : p.PaidOn <= b11 ? 11 : p.PaidOn <= b12 ? 12 : 13,
            }).Select(g => new { g.Key.BudgetUnitId, g.Key.ProjectId, g.Key.IndicatorDocumentNumber, g.Key.Category, g.Key.Period, Amount = g.Sum(p => p.Amount), Count = g.Count() })
                .ToListAsync(ct);
            groups.AddRange(rows.Select(r => new Group(r.BudgetUnitId, r.ProjectId, string.IsNullOrEmpty(r.IndicatorDocumentNumber) ? null : r.IndicatorDocumentNumber,
                r.Category, r.Period, m, r.Amount, r.Count)));
        }
        return groups;
    }

    /// <summary>The 三公 category of an economic code (WarningRules.ThreePublic), 0 for none.</summary>
    private static int CategoryOf(string economicCode) => economicCode switch { "30212" => 1, "30217" => 2, "30231" or "31013" => 3, _ => 0 };

    /// <summary>The period of a date: the index of the first rule date on or after it (past the last, one more).</summary>
    private int PeriodOfDay(DateOnly d)
    {
        var i = 0;
        while (i < boundaries.Count && boundaries[i] < d) i++;
        return i;
    }

    private async Task<List<Group>> IndicatorGroupsAsync(CancellationToken ct)
    {
        var q = db.Set<BudgetIndicator>().AsNoTracking().Where(i => i.CongressId == congressId && i.Year == year);
        if (units is not null) q = q.Where(i => units.Contains(i.BudgetUnitId));
        DateOnly b0 = B(0), b1 = B(1), b2 = B(2), b3 = B(3), b4 = B(4), b5 = B(5), b6 = B(6), b7 = B(7), b8 = B(8), b9 = B(9), b10 = B(10), b11 = B(11), b12 = B(12);
        var rows = await q.GroupBy(i => new
        {
            i.BudgetUnitId, i.ProjectId, i.DocumentNumber,
            Category = i.EconomicCode == "30212" ? 1 : i.EconomicCode == "30217" ? 2 : i.EconomicCode == "30231" || i.EconomicCode == "31013" ? 3 : 0,
            Period = i.EffectiveOn <= b0 ? 0 : i.EffectiveOn <= b1 ? 1 : i.EffectiveOn <= b2 ? 2 : i.EffectiveOn <= b3 ? 3 : i.EffectiveOn <= b4 ? 4 : i.EffectiveOn <= b5 ? 5
                : i.EffectiveOn <= b6 ? 6 : i.EffectiveOn <= b7 ? 7 : i.EffectiveOn <= b8 ? 8 : i.EffectiveOn <= b9 ? 9 : i.EffectiveOn <= b10 ? 10 : i.EffectiveOn <= b11 ? 11
                : i.EffectiveOn <= b12 ? 12 : 13,
        }).Select(g => new { g.Key.BudgetUnitId, g.Key.ProjectId, g.Key.DocumentNumber, g.Key.Category, g.Key.Period, Amount = g.Sum(i => i.Amount), Count = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r => new Group(r.BudgetUnitId, r.ProjectId, r.DocumentNumber, r.Category, r.Period, 0, r.Amount, r.Count)).ToList();
    }

    private async Task NamesAsync(IEnumerable<Group> groups, CancellationToken ct)
    {
        var u = groups.Select(g => g.UnitId).Distinct().ToList();
        unitNames = await db.Set<BudgetUnit>().AsNoTracking().Where(x => x.CongressId == congressId && u.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        projectNames = await db.Set<BudgetProject>().AsNoTracking().Where(x => x.CongressId == congressId && u.Contains(x.BudgetUnitId)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
    }

    private string Unit(int id) => unitNames.GetValueOrDefault(id) ?? $"预算单位{id}";
    private string Project(int id) => projectNames.GetValueOrDefault(id) ?? $"项目{id}";
    private static decimal Upto(IEnumerable<Group> groups, int period) => groups.Where(g => g.Period <= period).Sum(g => g.Amount);
    private int PeriodOf(DateOnly d) => boundaries.IndexOf(d);

    // ---- the rules over sums ------------------------------------------------------------------------------------------

    private void ExecutionLagging(List<Group> paid, List<Group> granted)
    {
        if (On(WarningRuleKind.ExecutionLagging) is not { } s) return;
        var paidByUnit = paid.ToLookup(g => g.UnitId);
        var paidByProject = paid.Where(g => g.ProjectId is not null).ToLookup(g => g.ProjectId!.Value);
        var projectTotals = granted.Where(g => g.ProjectId is not null).GroupBy(g => (g.UnitId, Project: g.ProjectId!.Value))
            .Where(g => g.Sum(x => x.Amount) >= (s.SecondThreshold ?? 0)).ToList();
        foreach (var d in s.CutOffDates(year).Where(d => Due(d) && Touches(d)))
        {
            var k = PeriodOf(d);
            var schedule = d.Month / 12m * 100m;
            foreach (var unit in granted.GroupBy(g => g.UnitId).Where(g => Covers(s, g.Key)))
                Lag(s, d, schedule, Upto(unit, k), Upto(paidByUnit[unit.Key], k), unit.Key, null);
            foreach (var project in projectTotals.Where(g => Covers(s, g.Key.UnitId)))
                Lag(s, d, schedule, Upto(project, k), Upto(paidByProject[project.Key.Project], k), project.Key.UnitId, project.Key.Project);
        }
    }

    private void Lag(RuleSetting s, DateOnly d, decimal schedule, decimal indicators, decimal payments, int unitId, int? projectId)
    {
        if (indicators <= 0) return;
        var rate = payments / indicators * 100m;
        if (schedule - rate <= s.Threshold) return;
        var who = projectId is { } p ? $"{Unit(unitId)}“{Project(p)}”项目" : Unit(unitId);
        var fingerprint = projectId is { } pid ? $"ExecutionLagging:{Iso(d)}:project:{pid}" : $"ExecutionLagging:{Iso(d)}:unit:{unitId}";
        findings.Add(new(WarningRuleKind.ExecutionLagging, fingerprint, unitId, projectId, Math.Round(schedule - rate, 2), s.Threshold,
            $"{who} 执行进度滞后（截至{Iso(d)}）",
            $"{who} 截至{Iso(d)} 预算执行率 {rate:0.0}%，时间进度 {schedule:0.0}%，落后 {schedule - rate:0.0} 个百分点（阈值 {s.Threshold:0.##} 个百分点）。累计指标 {Yuan(indicators)}，累计支付 {Yuan(payments)}。",
            ct => IndicatorEvidenceAsync(i => i.BudgetUnitId == unitId && (projectId == null || i.ProjectId == projectId) && i.EffectiveOn <= d, ct)));
    }

    private void PaymentAboveIndicator(List<Group> paid, List<Group> granted)
    {
        if (On(WarningRuleKind.PaymentAboveIndicator) is not { } s) return;
        var docs = granted.GroupBy(g => (g.UnitId, g.Doc)).ToDictionary(g => g.Key, g => g.Sum(x => x.Amount));
        foreach (var g in paid.Where(g => g.Doc is not null && Covers(s, g.UnitId)).GroupBy(g => (g.UnitId, g.Doc)))
        {
            if (!docs.TryGetValue(g.Key, out var total)) continue;
            var sum = g.Sum(x => x.Amount);
            if (sum <= total) continue;
            var (unitId, doc) = (g.Key.UnitId, g.Key.Doc!);
            findings.Add(new(WarningRuleKind.PaymentAboveIndicator, $"PaymentAboveIndicator:{year}:{unitId}:{doc}", unitId, null, sum, total,
                $"{Unit(unitId)} 超指标支付（{doc}）",
                $"{Unit(unitId)} 指标文号 {doc} 的指标总额 {Yuan(total)}，累计支付 {Yuan(sum)}，超出 {Yuan(sum - total)}。",
                ct => PaymentEvidenceAsync(p => p.BudgetUnitId == unitId && p.IndicatorDocumentNumber == doc, ct)));
        }
    }

    private void YearEndRush(List<Group> paid)
    {
        if (On(WarningRuleKind.YearEndRush) is not { } s) return;
        var november = PeriodOf(new DateOnly(year, 11, 30));
        foreach (var g in paid.Where(g => g.ProjectId is not null && Covers(s, g.UnitId)).GroupBy(g => (g.UnitId, Project: g.ProjectId!.Value)))
        {
            var total = g.Sum(x => x.Amount);
            var december = g.Where(x => x.Period > november).ToList();
            if (total <= 0 || december.Sum(x => x.Count) == 0) continue;
            var share = december.Sum(x => x.Amount) / total * 100m;
            if (share <= s.Threshold) continue;
            var (unitId, projectId) = g.Key;
            var decemberFrom = new DateOnly(year, 12, 1);
            findings.Add(new(WarningRuleKind.YearEndRush, $"YearEndRush:{year}:{projectId}", unitId, projectId, Math.Round(share, 2), s.Threshold,
                $"{Unit(unitId)}“{Project(projectId)}”项目 年底突击花钱",
                $"{Unit(unitId)}“{Project(projectId)}”项目 {year}年全年支付 {Yuan(total)}，其中12月支付 {Yuan(december.Sum(x => x.Amount))}，占 {share:0.0}%（阈值 {s.Threshold:0.##}%）。",
                ct => PaymentEvidenceAsync(p => p.BudgetUnitId == unitId && p.ProjectId == projectId && p.PaidOn >= decemberFrom, ct)));
        }
    }

    private void IdleProject(List<Group> paid, List<Group> granted)
    {
        if (On(WarningRuleKind.IdleProject) is not { } s) return;
        var paidByProject = paid.Where(g => g.ProjectId is not null).ToLookup(g => g.ProjectId!.Value);
        var dates = s.CutOffDates(year).Where(Due).ToList();
        foreach (var g in granted.Where(g => g.ProjectId is not null && Covers(s, g.UnitId)).GroupBy(g => (g.UnitId, Project: g.ProjectId!.Value)))
        {
            // Once per project and year, at the first date it is found idle.
            foreach (var q in dates)
            {
                var k = PeriodOf(q);
                var indicators = Upto(g, k);
                var payments = Upto(paidByProject[g.Key.Project], k);
                if (indicators <= 0 || payments > 0) continue;
                var (unitId, projectId) = g.Key;
                findings.Add(new(WarningRuleKind.IdleProject, $"IdleProject:{year}:{projectId}", unitId, projectId, indicators, 0,
                    $"{Unit(unitId)}“{Project(projectId)}”项目 资金闲置（截至{Iso(q)}无支出）",
                    $"{Unit(unitId)}“{Project(projectId)}”项目 截至{Iso(q)} 已下达指标 {Yuan(indicators)}，累计支付 {Yuan(payments)}，资金未使用。",
                    ct => IndicatorEvidenceAsync(i => i.ProjectId == projectId && i.EffectiveOn <= q, ct)));
                break;
            }
        }
    }

    private void ThreePublicOverBudget(List<Group> paid, List<Group> granted)
    {
        if (On(WarningRuleKind.ThreePublicOverBudget) is not { } s) return;
        var budget = granted.Where(g => g.Category > 0).GroupBy(g => (g.UnitId, g.Category)).ToDictionary(g => g.Key, g => g.Sum(x => x.Amount));
        foreach (var g in paid.Where(g => g.Category > 0 && Covers(s, g.UnitId)).GroupBy(g => (g.UnitId, g.Category)))
        {
            var sum = g.Sum(x => x.Amount);
            var limit = budget.GetValueOrDefault(g.Key);
            if (sum <= limit) continue;
            var (unitId, category) = g.Key;
            var (_, key, label, codes) = WarningRules.ThreePublic.Single(c => c.Category == category);
            findings.Add(new(WarningRuleKind.ThreePublicOverBudget, $"ThreePublicOverBudget:{year}:{unitId}:{key}", unitId, null, sum, limit,
                $"{Unit(unitId)} {label}超预算",
                $"{Unit(unitId)} {year}年{label}预算 {Yuan(limit)}，已支付 {Yuan(sum)}，超出 {Yuan(sum - limit)}。",
                ct => PaymentEvidenceAsync(p => p.BudgetUnitId == unitId && codes.Contains(p.EconomicCode), ct)));
        }
    }

    // ---- the rules over rows ------------------------------------------------------------------------------------------

    private async Task PaymentWithoutIndicatorAsync(List<Group> paid, List<Group> granted, CancellationToken ct)
    {
        if (On(WarningRuleKind.PaymentWithoutIndicator) is not { } s) return;
        var docs = granted.Select(g => (g.UnitId, g.Doc)).ToHashSet();
        // Only the (unit, document) pairs with no indicator line are read row by row: a handful, found from the sums.
        var groups = paid.Where(g => Covers(s, g.UnitId) && (g.Doc is null || !docs.Contains((g.UnitId, g.Doc)))).ToList();
        if (groups.Count == 0) return;
        var missing = groups.Select(g => (g.UnitId, g.Doc)).ToHashSet();
        var unitIds = missing.Select(m => m.UnitId).Distinct().ToList();
        var docNames = missing.Where(m => m.Doc is not null).Select(m => m.Doc!).Distinct().ToList();
        // Only the months those sums come from, by the (unit, date) index.
        var from = new DateOnly(year, groups.Min(g => g.Month), 1);
        var to = new DateOnly(year, groups.Max(g => g.Month), DateTime.DaysInMonth(year, groups.Max(g => g.Month)));
        (from, to) = (from > From ? from : From, to < To ? to : To);
        var rows = await db.Set<TreasuryPayment>().AsNoTracking()
            .Where(p => p.CongressId == congressId && p.Year == year && unitIds.Contains(p.BudgetUnitId) && p.Amount > 0 && p.PaidOn >= from && p.PaidOn <= to
                && (p.IndicatorDocumentNumber == null || docNames.Contains(p.IndicatorDocumentNumber)))
            .Select(p => new { p.Id, p.Year, p.BudgetUnitId, p.ProjectId, p.VoucherNumber, p.IndicatorDocumentNumber, p.Amount, p.PaidOn, p.PayeeName, p.PayeeKind })
            .ToListAsync(ct);
        foreach (var p in rows.Where(p => missing.Contains((p.BudgetUnitId, p.IndicatorDocumentNumber))))
        {
            var why = p.IndicatorDocumentNumber is null ? "未注明指标文号" : $"指标文号 {p.IndicatorDocumentNumber} 在本单位{year}年指标中不存在";
            findings.Add(new(WarningRuleKind.PaymentWithoutIndicator, $"PaymentWithoutIndicator:{year}:{p.VoucherNumber}", p.BudgetUnitId, p.ProjectId, p.Amount, 0,
                $"{Unit(p.BudgetUnitId)} 无指标支付（凭证 {p.VoucherNumber}）",
                $"{Unit(p.BudgetUnitId)} {Iso(p.PaidOn)} 支付 {Yuan(p.Amount)}（凭证号 {p.VoucherNumber}），{why}。",
                _ => Task.FromResult(new List<(EvidenceKind, int, long)> { (EvidenceKind.Payment, p.Year, p.Id) })));
        }
    }

    /// <summary>A payment to an individual that has another payment to the same payee of the same unit within the window, either side.</summary>
    private sealed record Near(long Id, int BudgetUnitId, int? ProjectId, string PayeeName, DateOnly PaidOn, decimal Amount);

    /// <summary>
    /// Large payments to individuals and split payments, from the partial index of payments to individuals (on PostgreSQL it
    /// covers what is read, so the heap is not visited): the large ones by amount; for the split rule only the payments that
    /// have a neighbour within the window — an isolated payment is a window of its own in the greedy clustering and changes no
    /// other cluster, so leaving it out changes nothing the rule finds.
    /// </summary>
    private async Task IndividualsAsync(CancellationToken ct)
    {
        var large = On(WarningRuleKind.LargePaymentToIndividual);
        var split = On(WarningRuleKind.SplitPayments);
        if (large is null && split is null) return;
        var (from, to) = (From, To);
        if (large is not null)
        {
            var q = db.Set<TreasuryPayment>().AsNoTracking().Where(p => p.CongressId == congressId && p.Year == year && p.PayeeKind == PayeeKind.Individual);
            if (units is not null) q = q.Where(p => units.Contains(p.BudgetUnitId));
            var threshold = large.Threshold;
            // The batch's dates are checked here, not in the query: with a date range the planners (SQLite's, PostgreSQL's) take
            // the (date) index and read the whole range, where the partial index holds only the payments to individuals.
            var rows = await q.Where(p => p.Amount >= threshold)
                .Select(p => new { p.Id, p.Year, p.BudgetUnitId, p.ProjectId, p.VoucherNumber, p.Amount, p.PaidOn }).ToListAsync(ct);
            await NamesOfAsync(rows.Select(r => r.BudgetUnitId), ct);
            foreach (var p in rows.Where(p => p.PaidOn >= from && p.PaidOn <= to && large.Covers(p.BudgetUnitId)))
                findings.Add(new(WarningRuleKind.LargePaymentToIndividual, $"LargePaymentToIndividual:{year}:{p.VoucherNumber}", p.BudgetUnitId, p.ProjectId, p.Amount, large.Threshold,
                    $"{Unit(p.BudgetUnitId)} 大额支付给个人（凭证 {p.VoucherNumber}）",
                    $"{Unit(p.BudgetUnitId)} {Iso(p.PaidOn)} 向个人支付 {Yuan(p.Amount)}（凭证号 {p.VoucherNumber}），达到单笔 {Yuan(large.Threshold)} 的阈值。",
                    _ => Task.FromResult(new List<(EvidenceKind, int, long)> { (EvidenceKind.Payment, p.Year, p.Id) })));
        }
        if (split is null) return;
        var window = (int)(split.SecondThreshold ?? 5);
        var near = await NearPaymentsAsync(split.Threshold, window - 1, ct);
        await NamesOfAsync(near.Select(r => r.BudgetUnitId), ct);
        foreach (var payee in near.Where(p => split.Covers(p.BudgetUnitId)).GroupBy(p => (p.BudgetUnitId, p.PayeeName)))
        {
            // Greedy in date order: the first payment opens a window of `window` days (its own day included); the next payment after it opens the next.
            var ordered = payee.OrderBy(p => p.PaidOn).ThenBy(p => p.Id).ToList();
            for (var i = 0; i < ordered.Count;)
            {
                var first = ordered[i].PaidOn;
                var cluster = ordered.Skip(i).TakeWhile(p => p.PaidOn.DayNumber - first.DayNumber < window).ToList();
                i += cluster.Count;
                var sum = cluster.Sum(p => p.Amount);
                if (cluster.Count < 2 || sum < split.Threshold) continue;
                var (unitId, name) = payee.Key;
                var ids = cluster.Select(p => (EvidenceKind.Payment, year, p.Id)).ToList();
                findings.Add(new(WarningRuleKind.SplitPayments, $"SplitPayments:{year}:{unitId}:{name}:{Iso(first)}", unitId, cluster[0].ProjectId, sum, split.Threshold,
                    $"{Unit(unitId)} 疑似拆分支付（{Iso(first)}起{window}天内{cluster.Count}笔）",
                    $"{Unit(unitId)} 自{Iso(first)}起{window}天内向同一个人支付 {cluster.Count} 笔，每笔低于 {Yuan(split.Threshold)}，合计 {Yuan(sum)}：{string.Join("、", cluster.Select(p => $"{Iso(p.PaidOn)} {Yuan(p.Amount)}"))}。",
                    _ => Task.FromResult(ids)));
            }
        }
    }

    /// <summary>
    /// The year's payments to individuals of the units in scope, each above 0 and below the threshold, that have another such
    /// payment to the same payee of the same unit at most `days` days before or after: LAG/LEAD over the index's order.
    /// </summary>
    private Task<List<Near>> NearPaymentsAsync(decimal below, int days, CancellationToken ct)
    {
        var postgres = db.Provider == DatabaseProvider.Postgres;
        // SQLite keeps decimals as text: EF's ef_compare compares them as numbers (as EF's own queries do).
        var amount = postgres ? "\"Amount\" > 0 AND \"Amount\" < {2}" : "ef_compare(\"Amount\", '0') > 0 AND ef_compare(\"Amount\", {2}) < 0";
        var (before, after) = postgres ? ("\"PaidOn\" - {3}", "\"PaidOn\" + {3}") : ("date(\"PaidOn\", '-' || {3} || ' days')", "date(\"PaidOn\", '+' || {3} || ' days')");
        // Unit ids are integers of the batch's scope, never user text: inlined, one statement.
        var scope = units is null ? "" : $"AND \"BudgetUnitId\" IN ({string.Join(",", units.Order().Select(u => u.ToString(Inv)))})";
        var sql = $$"""
            SELECT "Id", "BudgetUnitId", "ProjectId", "PayeeName", "PaidOn", "Amount" FROM (
                SELECT "Id", "BudgetUnitId", "ProjectId", "PayeeName", "PaidOn", "Amount", LAG("PaidOn") OVER w AS "Prev", LEAD("PaidOn") OVER w AS "Next"
                FROM "TreasuryPayments"
                WHERE "CongressId" = {0} AND "Year" = {1} AND "PayeeKind" = 'Individual' AND {{amount}} {{scope}}
                WINDOW w AS (PARTITION BY "BudgetUnitId", "PayeeName" ORDER BY "PaidOn", "Id")) x
            WHERE "Prev" >= {{before}} OR "Next" <= {{after}}
            """;
        return db.Database.SqlQueryRaw<Near>(sql, congressId, year, below, days).ToListAsync(ct);
    }

    private async Task NamesOfAsync(IEnumerable<int> unitIds, CancellationToken ct)
    {
        var missing = unitIds.Distinct().Where(u => !unitNames.ContainsKey(u)).ToList();
        if (missing.Count == 0) return;
        foreach (var u in await db.Set<BudgetUnit>().AsNoTracking().Where(x => missing.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct))
            unitNames[u.Id] = u.Name;
    }

    private async Task StaleCarryOverAsync(CancellationToken ct)
    {
        if (On(WarningRuleKind.StaleCarryOver) is not { } s) return;
        var years = (int)s.Threshold;
        var first = year - years;
        var q = db.Set<BudgetIndicator>().AsNoTracking().Where(i => i.CongressId == congressId && i.Year >= first && i.Year <= year && i.Source == IndicatorSource.CarryOver && i.ProjectId != null);
        if (units is not null) q = q.Where(i => units.Contains(i.BudgetUnitId));
        var carried = await q.GroupBy(i => new { i.BudgetUnitId, i.ProjectId, i.Year }).Select(g => new { g.Key.BudgetUnitId, g.Key.ProjectId, g.Key.Year, Amount = g.Sum(i => i.Amount) }).ToListAsync(ct);
        var stale = carried.GroupBy(c => (c.BudgetUnitId, Project: c.ProjectId!.Value)).Where(g => g.Any(c => c.Year == year) && g.Select(c => c.Year).Distinct().Count() == years + 1).ToList();
        if (stale.Count == 0) return;
        await NamesOfAsync(stale.Select(g => g.Key.BudgetUnitId), ct);
        var ids = stale.Select(g => g.Key.Project).ToList();
        foreach (var p in await db.Set<BudgetProject>().AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct)) projectNames[p.Id] = p.Name;
        foreach (var g in stale.Where(g => Covers(s, g.Key.BudgetUnitId)))
        {
            var (unitId, projectId) = g.Key;
            findings.Add(new(WarningRuleKind.StaleCarryOver, $"StaleCarryOver:{year}:{projectId}", unitId, projectId, years + 1, s.Threshold,
                $"{Unit(unitId)}“{Project(projectId)}”项目 结转资金超过{years}年",
                $"{Unit(unitId)}“{Project(projectId)}”项目 {first}—{year}年连续 {years + 1} 年结转：{string.Join("，", g.OrderBy(c => c.Year).Select(c => $"{c.Year}年 {Yuan(c.Amount)}"))}。",
                ct => IndicatorEvidenceAsync(i => i.ProjectId == projectId && i.Source == IndicatorSource.CarryOver, ct, first)));
        }
    }

    private async Task DebtAsync(CancellationToken ct)
    {
        if (On(WarningRuleKind.DebtAboveLimit) is { } d)
            foreach (var row in (await db.Set<GovernmentDebt>().AsNoTracking().Where(x => x.CongressId == congressId && x.Year == year && x.Balance > x.Limit).ToListAsync(ct))
                .OrderByDescending(x => x.AsOf).DistinctBy(x => x.Kind))
                findings.Add(new(WarningRuleKind.DebtAboveLimit, $"DebtAboveLimit:{year}:{row.Kind}", null, null, row.Balance, row.Limit,
                    $"{year}年{BudgetLabels.Of(row.Kind)}余额超过限额",
                    $"截至{Iso(row.AsOf)}，{BudgetLabels.Of(row.Kind)}余额 {Yuan(row.Balance)}，限额 {Yuan(row.Limit)}，超出 {Yuan(row.Balance - row.Limit)}。",
                    _ => Task.FromResult(new List<(EvidenceKind, int, long)> { (EvidenceKind.Debt, row.Year, row.Id) })));
        if (On(WarningRuleKind.RepaymentOverdue) is { } r)
            foreach (var row in await db.Set<DebtRepayment>().AsNoTracking().Where(x => x.CongressId == congressId && x.Year == year && x.DueOn < today && x.AmountPaid < x.AmountDue).ToListAsync(ct))
                findings.Add(new(WarningRuleKind.RepaymentOverdue, $"RepaymentOverdue:{year}:{row.Id}", null, null, row.AmountDue - row.AmountPaid, 0,
                    $"{row.Instrument} 到期未足额偿还",
                    $"{BudgetLabels.Of(row.Kind)}“{row.Instrument}”应于{Iso(row.DueOn)}偿还 {Yuan(row.AmountDue)}，已偿还 {Yuan(row.AmountPaid)}，逾期未还 {Yuan(row.AmountDue - row.AmountPaid)}。",
                    _ => Task.FromResult(new List<(EvidenceKind, int, long)> { (EvidenceKind.Repayment, row.Year, row.Id) })));
    }

    // ---- evidence and writing -----------------------------------------------------------------------------------------

    private async Task<List<(EvidenceKind, int, long)>> PaymentEvidenceAsync(System.Linq.Expressions.Expression<Func<TreasuryPayment, bool>> which, CancellationToken ct)
        => (await db.Set<TreasuryPayment>().AsNoTracking().Where(p => p.CongressId == congressId && p.Year == year).Where(which)
            .OrderByDescending(p => p.Amount).ThenBy(p => p.Id).Take(WarningRules.MaxEvidence).Select(p => new { p.Year, p.Id }).ToListAsync(ct))
            .Select(p => (EvidenceKind.Payment, p.Year, p.Id)).ToList();

    private async Task<List<(EvidenceKind, int, long)>> IndicatorEvidenceAsync(System.Linq.Expressions.Expression<Func<BudgetIndicator, bool>> which, CancellationToken ct, int? fromYear = null)
    {
        var first = fromYear ?? year;
        return (await db.Set<BudgetIndicator>().AsNoTracking().Where(i => i.CongressId == congressId && i.Year >= first && i.Year <= year).Where(which)
            .OrderByDescending(i => i.Amount).ThenBy(i => i.Id).Take(WarningRules.MaxEvidence).Select(i => new { i.Year, i.Id }).ToListAsync(ct))
            .Select(i => (EvidenceKind.Indicator, i.Year, i.Id)).ToList();
    }

    private async Task<int> AddNewAsync(CancellationToken ct)
    {
        if (findings.Count == 0) return 0;
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in findings.Select(f => f.Fingerprint).Distinct().Chunk(500))
            existing.UnionWith(await db.Set<BudgetWarning>().Where(w => w.CongressId == congressId && chunk.Contains(w.Fingerprint)).Select(w => w.Fingerprint).ToListAsync(ct));
        var added = 0;
        foreach (var f in findings.DistinctBy(f => f.Fingerprint).Where(f => !existing.Contains(f.Fingerprint)))
        {
            var w = new BudgetWarning
            {
                CongressId = congressId, Rule = f.Rule, Year = year, Fingerprint = f.Fingerprint, BudgetUnitId = f.UnitId, ProjectId = f.ProjectId,
                Title = Cut(f.Title, 300), Figure = Math.Round(f.Figure, 2), Threshold = Math.Round(f.Threshold, 2), Detail = Cut(f.Detail, 2000), RaisedOn = today,
            };
            w.Evidence.AddRange((await f.Evidence(ct)).Take(WarningRules.MaxEvidence).Select(e => new BudgetWarningEvidence { Kind = e.Kind, Year = e.Year, RecordId = e.Id }));
            db.Add(w);
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);
    internal static string Yuan(decimal v) => v.ToString("#,0.00", Inv) + " 元";
}
