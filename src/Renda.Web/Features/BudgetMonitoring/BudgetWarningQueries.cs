using System.Globalization;
using Renda.Web.Platform.Deadlines;

namespace Renda.Web.Features.BudgetMonitoring;

public sealed record WarningFilter(WarningRuleKind? Rule = null, int? UnitId = null, BudgetWarningStatus? Status = null, int? Year = null, int? Page = null, int? PageSize = null);

/// <summary>A warning in a list: its rule, what it is about, the figure against the threshold, its state and reply clock.</summary>
public sealed record WarningItem(int Id, WarningRuleKind Rule, string RuleLabel, int Year, int? BudgetUnitId, string? UnitName, int? ProjectId, string? ProjectName,
    string Title, decimal Figure, decimal Threshold, string Measure, BudgetWarningStatus Status, string StatusLabel, DateOnly RaisedOn, DateOnly? SentOn, DateOnly? DueOn, bool Overdue, int Round);

/// <summary>A record behind a warning, as shown on it: a payment links to its detail.</summary>
public sealed record EvidenceRow(EvidenceKind Kind, int Year, long RecordId, string Label, DateOnly? On, decimal Amount, string? Payee, string? Href);

public sealed record ReplyView(int Round, WarningReplyKind Kind, string KindLabel, string Text, string? Rectification, DateOnly On, string By);

public sealed record ClockView(string Title, string Rule, DateOnly StartsOn, DateOnly DueOn, DeadlineStatus Status, int EscalationLevel);

public sealed record AttachmentItem(int Id, string FileName, long Size);

/// <summary>What the actor may do with the warning now (the state machine's answer for this actor).</summary>
public sealed record WarningActions(bool Dismiss, bool Send, bool Answer, bool Accept, bool Reject, bool Attach);

public sealed record WarningView(WarningItem Item, string Detail, string RuleReason, string? HandlingUnitName, string? DismissReason, DateOnly? ClosedOn,
    IReadOnlyList<EvidenceRow> Evidence, IReadOnlyList<ReplyView> Replies, IReadOnlyList<ClockView> Clocks, IReadOnlyList<AttachmentItem> Attachments, WarningActions Actions);

public sealed record CountRow(string Key, string Label, int Total, int Open, int Closed, int Dismissed, int Overdue);

public sealed record WarningStatistics(int Year, int Total, int Closed, int Dismissed, int Open, int Overdue, decimal? ShareClosed, decimal? MedianWorkingDaysToClose,
    decimal? MeanWorkingDaysToClose, IReadOnlyList<CountRow> ByRule, IReadOnlyList<CountRow> ByUnit, IReadOnlyList<CountRow> ByState);

/// <summary>A payment behind a warning, opened from it (the payee of an individual masked for all but the congress's staff).</summary>
public sealed record WarningPayment(int Year, long Id, string VoucherNumber, string UnitName, string? ProjectName, string FunctionCode, string EconomicCode, string? IndicatorDocumentNumber,
    string FundNature, string Method, decimal Amount, string? ReversesVoucherNumber, string Payee, string PayeeKind, string? PayeeBank, string? Summary, DateOnly PaidOn, DateOnly? ClearedOn);

/// <summary>Read models of warnings: lists (urgent first), a warning with its history, the unit's queue, statistics.</summary>
public static class BudgetWarningQueries
{
    private static readonly BudgetWarningStatus[] Open = [BudgetWarningStatus.Raised, BudgetWarningStatus.Sent, BudgetWarningStatus.Answered];

    public static string Measure(WarningRuleKind rule) => rule switch
    {
        WarningRuleKind.ExecutionLagging => "个百分点",
        WarningRuleKind.YearEndRush => "%",
        WarningRuleKind.StaleCarryOver => "年",
        _ => "元",
    };

    // Member initialisation (not a constructor), so that EF can order and filter by the projected members.
    private sealed class Row
    {
        public required BudgetWarning W { get; init; }
        public string? UnitName { get; init; }
        public string? ProjectName { get; init; }
        public DateOnly? DueOn { get; init; }
    }

    private static IQueryable<Row> Rows(RendaDbContext db, IQueryable<BudgetWarning> q)
    {
        var subject = BudgetClocks.WarningSubject;
        return q.Select(w => new Row
        {
            W = w,
            UnitName = db.Set<BudgetUnit>().Where(u => u.Id == w.BudgetUnitId).Select(u => u.Name).FirstOrDefault(),
            ProjectName = db.Set<BudgetProject>().Where(p => p.Id == w.ProjectId).Select(p => p.Name).FirstOrDefault(),
            DueOn = db.Deadlines.Where(d => d.SubjectType == subject && d.SubjectId == w.Id.ToString() && (d.Status == DeadlineStatus.Open || d.Status == DeadlineStatus.Overdue))
                .OrderByDescending(d => d.Id).Select(d => (DateOnly?)d.DueOn).FirstOrDefault(),
        });
    }

    private static WarningItem Item(Row r, DateOnly today) => new(r.W.Id, r.W.Rule, BudgetLabels.Of(r.W.Rule), r.W.Year, r.W.BudgetUnitId, r.UnitName, r.W.ProjectId, r.ProjectName,
        r.W.Title, r.W.Figure, r.W.Threshold, Measure(r.W.Rule), r.W.Status, BudgetLabels.Of(r.W.Status), r.W.RaisedOn, r.W.SentOn, r.DueOn,
        r.W.Status == BudgetWarningStatus.Sent && r.DueOn < today, r.W.Round);

    /// <summary>Urgent first: overdue answers, answers awaiting verification, new warnings, then those waiting for an answer, then finished ones.</summary>
    private static IOrderedQueryable<Row> Urgent(IQueryable<Row> rows, DateOnly today)
        => rows.OrderBy(r => r.W.Status == BudgetWarningStatus.Sent && r.DueOn < today ? 0 : r.W.Status == BudgetWarningStatus.Answered ? 1 : r.W.Status == BudgetWarningStatus.Raised ? 2
                : r.W.Status == BudgetWarningStatus.Sent ? 3 : 4)
            .ThenBy(r => r.DueOn).ThenByDescending(r => r.W.RaisedOn).ThenByDescending(r => r.W.Id);

    public static async Task<Page<WarningItem>> ListAsync(RendaDbContext db, int congressId, WarningFilter f, CancellationToken ct)
    {
        var today = WorkCalendar.Today(db.Clock);
        var q = db.Set<BudgetWarning>().AsNoTracking().Where(w => w.CongressId == congressId);
        if (f.Rule is { } rule) q = q.Where(w => w.Rule == rule);
        if (f.UnitId is { } unit) q = q.Where(w => w.BudgetUnitId == unit);
        if (f.Status is { } status) q = q.Where(w => w.Status == status);
        if (f.Year is { } year) q = q.Where(w => w.Year == year);
        var (page, size) = Paging.Normalise(f.Page, f.PageSize);
        var total = await q.CountAsync(ct);
        var rows = await Urgent(Rows(db, q), today).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<WarningItem>(rows.Select(r => Item(r, today)).ToList(), page, size, total);
    }

    /// <summary>The warnings sent to the officer's units: those to answer first (overdue first), then those awaiting verification, then closed.</summary>
    public static async Task<List<WarningItem>> UnitQueueAsync(RendaDbContext db, BudgetActor actor, CancellationToken ct)
    {
        var today = WorkCalendar.Today(db.Clock);
        var units = actor.UnitIds.ToList();
        var q = db.Set<BudgetWarning>().AsNoTracking().Where(w => w.CongressId == actor.CongressId && w.SentToHandlingUnitId != null && units.Contains(w.SentToHandlingUnitId.Value));
        var rows = await Rows(db, q).OrderBy(r => r.W.Status == BudgetWarningStatus.Sent ? 0 : r.W.Status == BudgetWarningStatus.Answered ? 1 : 2)
            .ThenBy(r => r.DueOn).ThenByDescending(r => r.W.Id).Take(200).ToListAsync(ct);
        return rows.Select(r => Item(r, today)).ToList();
    }

    public static async Task<WarningView> DetailAsync(RendaDbContext db, BudgetActor actor, int id, CancellationToken ct)
    {
        var today = WorkCalendar.Today(db.Clock);
        var w = await db.Set<BudgetWarning>().AsNoTracking().Include(x => x.Evidence).Include(x => x.Replies)
            .FirstOrDefaultAsync(x => x.Id == id && x.CongressId == actor.CongressId, ct) ?? throw DomainException.NotFound("没有找到该预警。");
        if (!actor.MaySee(w)) throw DomainException.Forbidden("该预警没有发送给您所在的单位。");
        var row = await Rows(db, db.Set<BudgetWarning>().Where(x => x.Id == id)).FirstAsync(ct);
        var key = id.ToString(CultureInfo.InvariantCulture);
        var accounts = w.Replies.Select(r => r.AccountId).Distinct().ToList();
        var names = await db.Accounts.AsNoTracking().Where(a => accounts.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, ct);
        var clocks = await db.Deadlines.AsNoTracking().Where(d => d.SubjectType == BudgetClocks.WarningSubject && d.SubjectId == key).OrderBy(d => d.Id)
            .Select(d => new ClockView(d.Title, d.Rule, d.StartsOn, d.DueOn, d.Status, d.EscalationLevel)).ToListAsync(ct);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.CongressId == w.CongressId && a.OwnerType == BudgetWarningWorkflow.Subject && a.OwnerId == key)
            .OrderBy(a => a.Id).Select(a => new AttachmentItem(a.Id, a.FileName, a.Size)).ToListAsync(ct);
        var handling = w.SentToHandlingUnitId is { } h ? await db.HandlingUnits.Where(u => u.Id == h).Select(u => u.Name).FirstOrDefaultAsync(ct) : null;
        var actions = new WarningActions(w.Can(BudgetWarningAction.Dismiss, actor), w.Can(BudgetWarningAction.Send, actor),
            w.Can(BudgetWarningAction.Answer, actor) && actor.ActsFor(w), w.Can(BudgetWarningAction.Accept, actor), w.Can(BudgetWarningAction.Reject, actor), MayAttach(w, actor));
        return new WarningView(Item(row, today), w.Detail, WarningRules.Default(w.Rule).Reason, handling, w.DismissReason, w.ClosedOn,
            await EvidenceAsync(db, actor, w, ct),
            w.Replies.OrderBy(r => r.Id).Select(r => new ReplyView(r.Round, r.Kind, ReplyLabel(r.Kind), r.Text, r.Rectification, r.On, names.GetValueOrDefault(r.AccountId) ?? "")).ToList(),
            clocks, attachments, actions);
    }

    /// <summary>The unit's officer adds documents while the warning waits for the answer; staff at any time before it is finished.</summary>
    public static bool MayAttach(BudgetWarning w, BudgetActor actor)
        => (actor.ActsFor(w) && w.Can(BudgetWarningAction.Answer)) || (actor.IsStaff && w.CongressId == actor.CongressId && w.Status is not (BudgetWarningStatus.Closed or BudgetWarningStatus.Dismissed));

    public static string ReplyLabel(WarningReplyKind k) => k switch { WarningReplyKind.Answer => "单位答复", WarningReplyKind.Accepted => "认可销号", WarningReplyKind.Rejected => "退回整改" };

    public static string PaymentHref(int warningId, long paymentId) => $"/budget/warnings/{warningId}/payments/{paymentId}";

    /// <summary>An individual's name for a reader who is not the congress's staff: the surname and stars.</summary>
    public static string Payee(string name, PayeeKind kind, bool full) => full || kind != PayeeKind.Individual || name.Length == 0 ? name : name[..1] + new string('*', Math.Max(1, name.Length - 1));

    private static async Task<List<EvidenceRow>> EvidenceAsync(RendaDbContext db, BudgetActor actor, BudgetWarning w, CancellationToken ct)
    {
        var full = actor.SeesPayeeNames(w.CongressId);
        var result = new List<EvidenceRow>();
        var payments = w.Evidence.Where(e => e.Kind == EvidenceKind.Payment).Select(e => e.RecordId).ToList();
        if (payments.Count > 0)
            result.AddRange((await db.Set<TreasuryPayment>().AsNoTracking().Where(p => p.CongressId == w.CongressId && payments.Contains(p.Id))
                    .Select(p => new { p.Year, p.Id, p.VoucherNumber, p.PaidOn, p.Amount, p.PayeeName, p.PayeeKind, p.Summary }).ToListAsync(ct))
                .OrderByDescending(p => p.Amount).Select(p => new EvidenceRow(EvidenceKind.Payment, p.Year, p.Id, $"凭证 {p.VoucherNumber}{(p.Summary is null ? "" : "（" + p.Summary + "）")}", p.PaidOn, p.Amount,
                    Payee(p.PayeeName, p.PayeeKind, full), PaymentHref(w.Id, p.Id))));
        var indicators = w.Evidence.Where(e => e.Kind == EvidenceKind.Indicator).Select(e => e.RecordId).ToList();
        if (indicators.Count > 0)
            result.AddRange((await db.Set<BudgetIndicator>().AsNoTracking().Where(i => i.CongressId == w.CongressId && indicators.Contains(i.Id))
                    .Select(i => new { i.Year, i.Id, i.DocumentNumber, i.Source, i.EconomicCode, i.EffectiveOn, i.Amount }).ToListAsync(ct))
                .OrderByDescending(i => i.Amount).Select(i => new EvidenceRow(EvidenceKind.Indicator, i.Year, i.Id, $"指标 {i.DocumentNumber}（{BudgetLabels.Of(i.Source)}，经济分类 {i.EconomicCode}）", i.EffectiveOn, i.Amount, null, null)));
        var debts = w.Evidence.Where(e => e.Kind == EvidenceKind.Debt).Select(e => (int)e.RecordId).ToList();
        if (debts.Count > 0)
            result.AddRange((await db.Set<GovernmentDebt>().AsNoTracking().Where(d => debts.Contains(d.Id)).ToListAsync(ct))
                .Select(d => new EvidenceRow(EvidenceKind.Debt, d.Year, d.Id, $"{BudgetLabels.Of(d.Kind)} 余额（限额 {RuleRun.Yuan(d.Limit)}）", d.AsOf, d.Balance, null, null)));
        var repayments = w.Evidence.Where(e => e.Kind == EvidenceKind.Repayment).Select(e => (int)e.RecordId).ToList();
        if (repayments.Count > 0)
            result.AddRange((await db.Set<DebtRepayment>().AsNoTracking().Where(d => repayments.Contains(d.Id)).ToListAsync(ct))
                .Select(d => new EvidenceRow(EvidenceKind.Repayment, d.Year, d.Id, $"{d.Instrument} 应还（已还 {RuleRun.Yuan(d.AmountPaid)}）", d.DueOn, d.AmountDue, null, null)));
        return result;
    }

    /// <summary>A payment behind a warning that the actor may see.</summary>
    public static async Task<WarningPayment> PaymentAsync(RendaDbContext db, BudgetActor actor, int warningId, long paymentId, CancellationToken ct)
    {
        var w = await db.Set<BudgetWarning>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == warningId && x.CongressId == actor.CongressId, ct) ?? throw DomainException.NotFound("没有找到该预警。");
        if (!actor.MaySee(w)) throw DomainException.Forbidden("该预警没有发送给您所在的单位。");
        var ev = await db.Set<BudgetWarningEvidence>().AsNoTracking().FirstOrDefaultAsync(e => e.WarningId == warningId && e.Kind == EvidenceKind.Payment && e.RecordId == paymentId, ct)
            ?? throw DomainException.NotFound("该支付不在此预警的依据之中。");
        var p = await db.Set<TreasuryPayment>().AsNoTracking().FirstOrDefaultAsync(x => x.Year == ev.Year && x.Id == paymentId && x.CongressId == w.CongressId, ct)
            ?? throw DomainException.NotFound("没有找到该支付。");
        var unit = await db.Set<BudgetUnit>().Where(u => u.Id == p.BudgetUnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        var project = p.ProjectId is { } pid ? await db.Set<BudgetProject>().Where(x => x.Id == pid).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return new WarningPayment(p.Year, p.Id, p.VoucherNumber, unit, project, p.FunctionCode, p.EconomicCode, p.IndicatorDocumentNumber, BudgetLabels.Of(p.FundNature), BudgetLabels.Of(p.Method),
            p.Amount, p.ReversesVoucherNumber, Payee(p.PayeeName, p.PayeeKind, actor.SeesPayeeNames(w.CongressId)), BudgetLabels.Of(p.PayeeKind), p.PayeeBank, p.Summary, p.PaidOn, p.ClearedOn);
    }

    // ---- statistics ---------------------------------------------------------------------------------------------------

    private sealed record StatRow(int Id, WarningRuleKind Rule, int? UnitId, string? UnitName, BudgetWarningStatus Status, DateOnly RaisedOn, DateOnly? SentOn, DateOnly? ClosedOn, DateOnly? DueOn);

    private static async Task<List<StatRow>> StatRowsAsync(RendaDbContext db, int congressId, int year, CancellationToken ct)
        => (await Rows(db, db.Set<BudgetWarning>().AsNoTracking().Where(w => w.CongressId == congressId && w.Year == year)).ToListAsync(ct))
            .Select(r => new StatRow(r.W.Id, r.W.Rule, r.W.BudgetUnitId, r.UnitName, r.W.Status, r.W.RaisedOn, r.W.SentOn, r.W.ClosedOn, r.DueOn)).ToList();

    public static async Task<WarningStatistics> StatisticsAsync(RendaDbContext db, WorkCalendar calendar, int congressId, int year, CancellationToken ct)
    {
        var today = WorkCalendar.Today(db.Clock);
        var rows = await StatRowsAsync(db, congressId, year, ct);
        bool Overdue(StatRow r) => r.Status == BudgetWarningStatus.Sent && r.DueOn < today;
        CountRow Count(string key, string label, IEnumerable<StatRow> g)
        {
            var l = g.ToList();
            return new CountRow(key, label, l.Count, l.Count(r => Open.Contains(r.Status)), l.Count(r => r.Status == BudgetWarningStatus.Closed),
                l.Count(r => r.Status == BudgetWarningStatus.Dismissed), l.Count(Overdue));
        }
        // Time to close: working days from sending to closure (销号).
        var days = rows.Where(r => r.Status == BudgetWarningStatus.Closed && r.SentOn is not null && r.ClosedOn is not null)
            .Select(r => (decimal)calendar.WorkingDaysBetween(r.SentOn!.Value, r.ClosedOn!.Value)).Order().ToList();
        decimal? median = days.Count == 0 ? null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2;
        var closed = rows.Count(r => r.Status == BudgetWarningStatus.Closed);
        var dismissed = rows.Count(r => r.Status == BudgetWarningStatus.Dismissed);
        var counted = rows.Count - dismissed;
        return new WarningStatistics(year, rows.Count, closed, dismissed, rows.Count(r => Open.Contains(r.Status)), rows.Count(Overdue),
            counted == 0 ? null : Math.Round(closed * 100m / counted, 1), median, days.Count == 0 ? null : Math.Round(days.Average(), 1),
            rows.GroupBy(r => r.Rule).OrderBy(g => g.Key).Select(g => Count(g.Key.ToString(), BudgetLabels.Of(g.Key), g)).ToList(),
            rows.GroupBy(r => (r.UnitId, r.UnitName)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.UnitName)
                .Select(g => Count(g.Key.UnitId?.ToString(CultureInfo.InvariantCulture) ?? "", g.Key.UnitName ?? "政府债务", g)).ToList(),
            Enum.GetValues<BudgetWarningStatus>().Select(s => Count(s.ToString(), BudgetLabels.Of(s), rows.Where(r => r.Status == s))).ToList());
    }

    public static readonly IReadOnlyList<Suggestions.Ledgers.Column> ExportColumns =
    [
        new("编号", 8), new("规则", 16), new("预算单位", 24), new("标题", 48), new("状态", 10), new("产生日期", 12), new("发送日期", 12), new("答复期限", 12),
        new("销号日期", 12), new("办结用时（工作日）", 12), new("逾期", 8),
    ];

    /// <summary>The year's warnings, one row each, for the statistics' Excel export.</summary>
    public static async Task<byte[]> ExportAsync(RendaDbContext db, WorkCalendar calendar, int congressId, int year, CancellationToken ct)
    {
        var today = WorkCalendar.Today(db.Clock);
        var rows = await StatRowsAsync(db, congressId, year, ct);
        var titles = await db.Set<BudgetWarning>().AsNoTracking().Where(w => w.CongressId == congressId && w.Year == year).ToDictionaryAsync(w => w.Id, w => w.Title, ct);
        static string? D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Suggestions.Ledgers.Workbook($"预警{year}", ExportColumns, rows.OrderBy(r => r.Id).Select(r => new object?[]
        {
            r.Id, BudgetLabels.Of(r.Rule), r.UnitName ?? "", titles[r.Id], BudgetLabels.Of(r.Status), D(r.RaisedOn), D(r.SentOn), D(r.DueOn), D(r.ClosedOn),
            r.Status == BudgetWarningStatus.Closed && r.SentOn is { } s && r.ClosedOn is { } c ? calendar.WorkingDaysBetween(s, c) : null,
            r.Status == BudgetWarningStatus.Sent && r.DueOn < today ? "是" : "",
        }));
    }
}
