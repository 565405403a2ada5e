using System.Globalization;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>What a rule is measured in, for the rules page and a warning's figure.</summary>
public enum RuleMeasure { None = 0, PercentagePoints = 1, Percent = 2, Yuan = 3, Days = 4, Years = 5 }

/// <summary>
/// A rule's defaults (docs: /work/prompts/budget-rules.md, "the one specification") and the reason shown beside it. A rule with
/// Measure None has no threshold; SecondMeasure None has no second threshold; HasCutOffs: the rule is checked at dates of the year.
/// </summary>
public sealed record RuleDefault(WarningRuleKind Kind, string Reason, RuleMeasure Measure, decimal Threshold, RuleMeasure SecondMeasure, decimal? SecondThreshold,
    string? CutOffs, string ThresholdLabel, string? SecondLabel, string? CutOffsLabel);

/// <summary>A congress's effective setting of a rule: its WarningRule row over the defaults. ScopeUnitIds null is every unit.</summary>
public sealed record RuleSetting(WarningRuleKind Kind, bool Enabled, decimal Threshold, decimal? SecondThreshold, IReadOnlyList<(int Month, int Day)> CutOffs,
    string? CutOffsText, string? Scope, IReadOnlySet<int>? ScopeUnitIds, bool Customised)
{
    public IEnumerable<DateOnly> CutOffDates(int year) => CutOffs.Select(c => new DateOnly(year, c.Month, Math.Min(c.Day, DateTime.DaysInMonth(year, c.Month)))).Order();
    public bool Covers(int unitId) => ScopeUnitIds is null || ScopeUnitIds.Contains(unitId);
}

/// <summary>
/// The warning rules: their defaults with reasons, a congress's settings, and their run over what a batch could change.
/// Every rule reads sums grouped in the database (one grouped pass over the year's payments of the units in scope, one over the
/// indicators) or the few rows it is about (payments to individuals, by a partial index); a fingerprint that exists is never
/// raised again, whatever the warning's state.
/// </summary>
public static class WarningRules
{
    /// <summary>A rule as the rules page shows it: its reason, its effective setting and what each figure means.</summary>
    public sealed record RuleView(WarningRuleKind Kind, string Label, string Reason, bool Enabled, bool Customised, RuleMeasure Measure, decimal Threshold, string ThresholdLabel,
        RuleMeasure SecondMeasure, decimal? SecondThreshold, string? SecondLabel, string? CutOffs, string? CutOffsLabel, string? Scope);

    /// <summary>A congress's setting of one rule: every field the rule has must be given (a missing field is an error, not a default).</summary>
    public sealed record RuleInput(bool? Enabled, decimal? Threshold, decimal? SecondThreshold, string? CutOffs, string? Scope);

    public static async Task<List<RuleView>> ViewsAsync(RendaDbContext db, int congressId, CancellationToken ct)
        => (await SettingsAsync(db, congressId, ct)).Select(s =>
        {
            var d = Default(s.Kind);
            return new RuleView(s.Kind, BudgetLabels.Of(s.Kind), d.Reason, s.Enabled, s.Customised, d.Measure, s.Threshold, d.ThresholdLabel, d.SecondMeasure, s.SecondThreshold, d.SecondLabel,
                s.CutOffsText, d.CutOffsLabel, s.Scope);
        }).ToList();

    /// <summary>Stores a congress's setting of a rule after checking every field; the change is in the audit trail like every write.</summary>
    public static async Task<RuleView> SaveAsync(RendaDbContext db, BudgetActor actor, WarningRuleKind kind, RuleInput input, CancellationToken ct)
    {
        actor.RequireStaff("只有常委会工作人员可以设置预警规则。");
        if (!Enum.IsDefined(kind)) throw DomainException.NotFound("没有该预警规则。");
        var d = Default(kind);
        if (input.Enabled is not { } enabled) throw DomainException.Invalid("enabled", "请选择是否启用该规则。");
        var threshold = Check("threshold", d.Measure, input.Threshold, d.ThresholdLabel);
        var second = d.SecondMeasure == RuleMeasure.None ? null : (decimal?)Check("secondThreshold", d.SecondMeasure, input.SecondThreshold, d.SecondLabel!);
        string? cutOffs = null;
        if (d.CutOffs is not null)
        {
            var parsed = ParseCutOffs(input.CutOffs);
            if (parsed.Count == 0) throw DomainException.Invalid("cutOffs", "请填写检查日期（月-日），如 06-30,09-30。");
            if (parsed.Count > MaxCutOffs) throw DomainException.Invalid("cutOffs", $"检查日期最多 {MaxCutOffs} 个。");
            cutOffs = string.Join(",", parsed.Select(c => $"{c.Month:D2}-{c.Day:D2}"));
        }
        var codes = SplitCodes(input.Scope);
        if (codes.Count > 0)
        {
            var known = await db.Set<BudgetUnit>().Where(u => u.CongressId == actor.CongressId && codes.Contains(u.Code)).Select(u => u.Code).ToListAsync(ct);
            var unknown = codes.Except(known).ToList();
            if (unknown.Count > 0) throw DomainException.Invalid("scope", $"没有编码为 {string.Join("、", unknown)} 的预算单位。");
        }
        var scope = codes.Count == 0 ? null : string.Join(",", codes);
        if (scope?.Length > 2000) throw DomainException.Invalid("scope", "适用范围过长：请少于 2000 字。");
        var row = await db.Set<WarningRule>().FirstOrDefaultAsync(r => r.CongressId == actor.CongressId && r.Kind == kind, ct);
        if (row is null) db.Add(row = new WarningRule { CongressId = actor.CongressId, Kind = kind });
        (row.Enabled, row.Threshold, row.SecondThreshold, row.CutOffs, row.Scope) = (enabled, threshold, second, cutOffs, scope);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync(db, actor.CongressId, ct)).Single(v => v.Kind == kind);
    }

    private static decimal Check(string field, RuleMeasure measure, decimal? value, string label)
    {
        if (measure == RuleMeasure.None) return 0;
        if (value is not { } v) throw DomainException.Invalid(field, $"请填写{label}。");
        if (v < 0) throw DomainException.Invalid(field, $"{label}不能为负数。");
        if (decimal.Round(v, 2) != v) throw DomainException.Invalid(field, $"{label}最多两位小数。");
        return measure switch
        {
            RuleMeasure.PercentagePoints or RuleMeasure.Percent when v > 100 => throw DomainException.Invalid(field, $"{label}须在 0 到 100 之间。"),
            RuleMeasure.Days when v != decimal.Truncate(v) || v is < 1 or > 60 => throw DomainException.Invalid(field, $"{label}须为 1 到 60 的整数。"),
            RuleMeasure.Years when v != decimal.Truncate(v) || v is < 1 or > 10 => throw DomainException.Invalid(field, $"{label}须为 1 到 10 的整数。"),
            RuleMeasure.Yuan when v == 0 => throw DomainException.Invalid(field, $"{label}须大于 0。"),
            _ => v,
        };
    }

    public const int MaxEvidence = 200;
    public const int MaxCutOffs = 6;

    public static readonly IReadOnlyList<RuleDefault> Defaults =
    [
        new(WarningRuleKind.ExecutionLagging, "预算执行进度明显慢于时间进度，说明资金下达后没有及时使用，影响预算执行和政策落实（监督法第三十条，预算法第八十三条）。时间进度为截止日所在月份÷12，执行率为截止日累计支付÷截止日累计指标；落后超过阈值即预警，对单位和指标达到第二阈值的项目分别检查。",
            RuleMeasure.PercentagePoints, 15m, RuleMeasure.Yuan, 500_000m, "06-30,09-30,10-31", "落后时间进度（个百分点）", "检查的最小项目指标（元）", "检查日期（月-日）"),
        new(WarningRuleKind.PaymentWithoutIndicator, "各部门、各单位的支出必须以经批准的预算为依据，未列入预算的不得支出（预算法第十三条）。支付未注明指标文号，或注明的指标文号在本单位本年度不存在，即为无指标支付。",
            RuleMeasure.None, 0m, RuleMeasure.None, null, null, "", null, null),
        new(WarningRuleKind.PaymentAboveIndicator, "支出不得超出经批准的预算（预算法第十三条）。同一单位同一指标文号的累计支付超过该文号指标总额，即为超指标支付。",
            RuleMeasure.None, 0m, RuleMeasure.None, null, null, "", null, null),
        new(WarningRuleKind.YearEndRush, "年底集中突击花钱容易造成资金浪费和虚列支出，应均衡执行预算（国务院关于深化预算管理制度改革的决定）。项目12月支付占全年支付的比例超过阈值即预警。",
            RuleMeasure.Percent, 50m, RuleMeasure.None, null, null, "12月支付占全年比例（%）", null, null),
        new(WarningRuleKind.LargePaymentToIndividual, "国库集中支付原则上支付到单位；向个人的大额支付存在资金被挪用、套取的风险，单笔达到阈值的重点核查。",
            RuleMeasure.Yuan, 50_000m, RuleMeasure.None, null, null, "单笔金额（元）", null, null),
        new(WarningRuleKind.SplitPayments, "把一笔大额支付拆成几笔小额支付，是规避大额支付审核的常见做法。同一单位向同一个人在窗口天数内（自第一笔起算）多笔支付，每笔低于阈值而合计达到阈值即预警。",
            RuleMeasure.Yuan, 50_000m, RuleMeasure.Days, 5m, null, "合计金额（元）", "窗口（天）", null),
        new(WarningRuleKind.IdleProject, "预算资金已经下达而长期不用，形成沉淀闲置（国务院关于进一步盘活财政存量资金的通知）。检查日（季度末）项目有指标而累计无支出即预警，每个项目每年一次。",
            RuleMeasure.None, 0m, RuleMeasure.None, null, "03-31,06-30,09-30,12-31", "", null, "检查日期（月-日）"),
        new(WarningRuleKind.StaleCarryOver, "结转资金连续两年以上未使用完毕的，应当收回统筹使用（预算法第四十二条，国务院关于进一步盘活财政存量资金的通知）。项目连续结转超过阈值年数即预警。",
            RuleMeasure.Years, 2m, RuleMeasure.None, null, null, "连续结转（年）", null, null),
        new(WarningRuleKind.ThreePublicOverBudget, "“三公”经费（因公出国（境）费、公务接待费、公务用车购置及运行费）须严格控制在预算以内（中央八项规定精神，党政机关厉行节约反对浪费条例）。单位某一类“三公”经费的年度支付超过年度指标即预警。",
            RuleMeasure.None, 0m, RuleMeasure.None, null, null, "", null, null),
        new(WarningRuleKind.DebtAboveLimit, "地方政府债务余额不得突破经批准的限额（预算法第三十五条）。",
            RuleMeasure.None, 0m, RuleMeasure.None, null, null, "", null, null),
        new(WarningRuleKind.RepaymentOverdue, "到期政府债务应当按时足额偿还，逾期影响政府信用、积累风险（预算法第三十五条，国务院关于加强地方政府性债务管理的意见）。",
            RuleMeasure.None, 0m, RuleMeasure.None, null, null, "", null, null),
    ];

    public static RuleDefault Default(WarningRuleKind kind) => Defaults.Single(d => d.Kind == kind);

    /// <summary>The three categories of 三公经费 by economic code (2023 classification).</summary>
    public static readonly IReadOnlyList<(int Category, string Key, string Label, string[] Codes)> ThreePublic =
    [
        (1, "abroad", "因公出国（境）费", ["30212"]),
        (2, "reception", "公务接待费", ["30217"]),
        (3, "vehicles", "公务用车购置及运行费", ["30231", "31013"]),
    ];

    /// <summary>The congress's settings of every rule (its WarningRule rows over the defaults), in the order of the enum.</summary>
    public static async Task<List<RuleSetting>> SettingsAsync(RendaDbContext db, int congressId, CancellationToken ct)
    {
        var rows = await db.Set<WarningRule>().AsNoTracking().Where(r => r.CongressId == congressId).ToListAsync(ct);
        var codes = rows.SelectMany(r => SplitCodes(r.Scope)).Distinct().ToList();
        var units = codes.Count == 0 ? [] : await db.Set<BudgetUnit>().AsNoTracking().Where(u => u.CongressId == congressId && codes.Contains(u.Code))
            .Select(u => new { u.Code, u.Id }).ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        return Defaults.Select(d =>
        {
            var r = rows.FirstOrDefault(x => x.Kind == d.Kind);
            if (r is null) return new RuleSetting(d.Kind, true, d.Threshold, d.SecondThreshold, ParseCutOffs(d.CutOffs), d.CutOffs, null, null, false);
            var scope = SplitCodes(r.Scope);
            return new RuleSetting(d.Kind, r.Enabled, d.Measure == RuleMeasure.None ? 0 : r.Threshold, d.SecondMeasure == RuleMeasure.None ? null : r.SecondThreshold ?? d.SecondThreshold,
                ParseCutOffs(d.CutOffs is null ? null : r.CutOffs ?? d.CutOffs), d.CutOffs is null ? null : r.CutOffs ?? d.CutOffs, scope.Count == 0 ? null : string.Join(",", scope),
                scope.Count == 0 ? null : scope.Where(units.ContainsKey).Select(c => units[c]).ToHashSet(), true);
        }).ToList();
    }

    internal static List<string> SplitCodes(string? scope)
        => (scope ?? "").Split([',', '，', ' ', '、', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    /// <summary>"06-30,09-30" → (6,30),(9,30); refuses what is not a date of the year (13-45), naming the field.</summary>
    public static List<(int Month, int Day)> ParseCutOffs(string? text, string field = "cutOffs")
    {
        var result = new List<(int, int)>();
        foreach (var part in (text ?? "").Split([',', '，', ' ', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bits = part.Split('-');
            if (bits.Length != 2 || !int.TryParse(bits[0], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || !int.TryParse(bits[1], NumberStyles.None, CultureInfo.InvariantCulture, out var d)
                || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(2024, m))
                throw DomainException.Invalid(field, $"检查日期“{part}”无效：请写成“月-日”，如 06-30，多个日期用逗号分隔。");
            result.Add((m, d));
        }
        return result.Distinct().Order().ToList();
    }

    /// <summary>After a batch: the rules that batch could change, over its units and months (BudgetBatchEffects, inside the batch's transaction).</summary>
    public static Task<int> RunAsync(RendaDbContext db, BudgetBatchScope scope, CancellationToken ct)
        => new RuleRun(db, scope.CongressId, scope.Year, (scope.Kind switch
        {
            BudgetDataKind.Payments => new[] { WarningRuleKind.ExecutionLagging, WarningRuleKind.PaymentWithoutIndicator, WarningRuleKind.PaymentAboveIndicator, WarningRuleKind.YearEndRush,
                WarningRuleKind.LargePaymentToIndividual, WarningRuleKind.SplitPayments, WarningRuleKind.IdleProject, WarningRuleKind.ThreePublicOverBudget },
            BudgetDataKind.Indicators => new[] { WarningRuleKind.ExecutionLagging, WarningRuleKind.PaymentWithoutIndicator, WarningRuleKind.PaymentAboveIndicator,
                WarningRuleKind.IdleProject, WarningRuleKind.StaleCarryOver, WarningRuleKind.ThreePublicOverBudget },
            _ => new[] { WarningRuleKind.DebtAboveLimit, WarningRuleKind.RepaymentOverdue },
        }).ToHashSet(), scope.BudgetUnitIds.Count == 0 ? null : scope.BudgetUnitIds, scope.Months.Count == 0 ? null : scope.Months).RunAsync(ct);

    /// <summary>Every rule over a whole year of the congress (staff's 重新检查; dates that have passed since the last batch).</summary>
    public static Task<int> RunYearAsync(RendaDbContext db, int congressId, int year, CancellationToken ct)
        => new RuleRun(db, congressId, year, Enum.GetValues<WarningRuleKind>().ToHashSet(), null, null).RunAsync(ct);
}
