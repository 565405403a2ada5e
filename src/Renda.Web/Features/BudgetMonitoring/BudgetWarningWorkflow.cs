using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Notifications;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>
/// A warning from its check by the budget committee's staff to its closure (上海市预算审查监督条例 第二十一条 practice): dismissed
/// with a reason, or sent to the unit's handling unit (else the finance bureau) with the reply clock; answered in the system;
/// accepted and closed (销号), or rejected back for rectification with a new clock.
/// </summary>
public static class BudgetWarningWorkflow
{
    /// <summary>The attachments of a warning's answers (explanations, rectification evidence) hang on this owner type.</summary>
    public const string Subject = "BudgetWarning";

    /// <summary>The congress's staff see every warning; a unit's officers the warnings sent to their unit; anyone else is refused.</summary>
    public static async Task<BudgetWarning> LoadAsync(RendaDbContext db, BudgetActor actor, int id, CancellationToken ct)
    {
        var w = await db.Set<BudgetWarning>().Include(x => x.Replies).FirstOrDefaultAsync(x => x.Id == id && x.CongressId == actor.CongressId, ct)
            ?? throw DomainException.NotFound("没有找到该预警。");
        if (!actor.MaySee(w)) throw DomainException.Forbidden("该预警没有发送给您所在的单位。");
        return w;
    }

    private static void Require(BudgetWarning w, BudgetWarningAction action, BudgetActor actor) => BudgetWarning.Machine.Require(w.Status, action, actor);

    public static async Task DismissAsync(RendaDbContext db, BudgetActor actor, int id, string? reason, CancellationToken ct)
    {
        var w = await LoadAsync(db, actor, id, ct);
        Require(w, BudgetWarningAction.Dismiss, actor);
        w.Dismiss(Text.Required("reason", reason, "排除理由", 1000));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sends the warning to the budget unit's handling unit, or to the finance bureau; the reply clock starts.</summary>
    public static Task SendAsync(RendaDbContext db, WorkCalendar calendar, BudgetActor actor, int id, CancellationToken ct)
        => SendAsync(db, calendar, actor, id, WorkCalendar.Today(db.Clock), ct);

    /// <summary>The step on a given day: today, or the demo's day when its history is replayed.</summary>
    internal static async Task SendAsync(RendaDbContext db, WorkCalendar calendar, BudgetActor actor, int id, DateOnly today, CancellationToken ct)
    {
        var w = await LoadAsync(db, actor, id, ct);
        Require(w, BudgetWarningAction.Send, actor);
        var settings = await Settings.ForAsync<BudgetSettings>(db, w.CongressId, ct);
        var unit = w.BudgetUnitId is { } u ? await db.Set<BudgetUnit>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == u, ct) : null;
        var to = unit?.HandlingUnitId ?? settings.FinanceBureauUnitId
            ?? throw DomainException.Conflict(unit is null
                ? "尚未设置财政部门（预算联网监督规则），无法发送该预警。"
                : $"{unit.Name}没有对口的承办单位，也尚未设置财政部门（预算联网监督规则），无法发送该预警。");
        w.Send(to, today);
        StartReplyClock(db, calendar, settings, w, today);
        await NotifyOfficersAsync(db, w, $"收到预算预警：{w.Title}", $"请于{settings.WarningReplyWorkingDays}个工作日内在系统中说明情况、反馈整改。", ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The unit's officer answers: explanation and rectification; attachments were added to the warning before.</summary>
    public static Task AnswerAsync(RendaDbContext db, BudgetActor actor, int id, string? explanation, string? rectification, CancellationToken ct)
        => AnswerAsync(db, actor, id, explanation, rectification, WorkCalendar.Today(db.Clock), ct);

    internal static async Task AnswerAsync(RendaDbContext db, BudgetActor actor, int id, string? explanation, string? rectification, DateOnly today, CancellationToken ct)
    {
        var w = await LoadAsync(db, actor, id, ct);
        Require(w, BudgetWarningAction.Answer, actor);
        if (!actor.ActsFor(w)) throw DomainException.Forbidden("只有该预警发送到的单位的经办人可以答复。");
        var text = Text.Required("explanation", explanation, "情况说明", 4000);
        var rect = Text.Optional("rectification", rectification, "整改情况", 2000);
        w.Answer();
        w.Replies.Add(new BudgetWarningReply { Round = w.Round, Kind = WarningReplyKind.Answer, Text = text, Rectification = rect, On = today, AccountId = actor.AccountId });
        await CompleteReplyClockAsync(db, w, ct);
        Notifier.Notify(db, await StaffAsync(db, w.CongressId, ct), Short($"预警已答复，待认定：{w.Title}"), text.Length > 200 ? text[..200] + "…" : text, $"/budget/warnings/{w.Id}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Staff accept the answer: the warning is closed (销号).</summary>
    public static Task AcceptAsync(RendaDbContext db, BudgetActor actor, int id, string? note, CancellationToken ct)
        => AcceptAsync(db, actor, id, note, WorkCalendar.Today(db.Clock), ct);

    internal static async Task AcceptAsync(RendaDbContext db, BudgetActor actor, int id, string? note, DateOnly today, CancellationToken ct)
    {
        var w = await LoadAsync(db, actor, id, ct);
        Require(w, BudgetWarningAction.Accept, actor);
        w.Accept(today);
        w.Replies.Add(new BudgetWarningReply { Round = w.Round, Kind = WarningReplyKind.Accepted, Text = Text.Optional("note", note, "认定意见", 4000) ?? "答复和整改情况属实，予以销号。", On = today, AccountId = actor.AccountId });
        await NotifyOfficersAsync(db, w, $"预警已销号：{w.Title}", "常委会工作机构认可了答复和整改情况。", ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Staff do not accept the answer: back to the unit for rectification, with a new reply clock.</summary>
    public static Task RejectAsync(RendaDbContext db, WorkCalendar calendar, BudgetActor actor, int id, string? reason, CancellationToken ct)
        => RejectAsync(db, calendar, actor, id, reason, WorkCalendar.Today(db.Clock), ct);

    internal static async Task RejectAsync(RendaDbContext db, WorkCalendar calendar, BudgetActor actor, int id, string? reason, DateOnly today, CancellationToken ct)
    {
        var w = await LoadAsync(db, actor, id, ct);
        Require(w, BudgetWarningAction.Reject, actor);
        var text = Text.Required("reason", reason, "退回理由", 4000);
        var settings = await Settings.ForAsync<BudgetSettings>(db, w.CongressId, ct);
        w.Replies.Add(new BudgetWarningReply { Round = w.Round, Kind = WarningReplyKind.Rejected, Text = text, On = today, AccountId = actor.AccountId });
        w.Reject();
        StartReplyClock(db, calendar, settings, w, today);
        await NotifyOfficersAsync(db, w, $"预警答复被退回，请继续整改：{w.Title}", text, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Staff check every rule again over a year (dates that passed since the last batch, changed thresholds).</summary>
    public static async Task<int> RecheckAsync(RendaDbContext db, BudgetActor actor, int year, CancellationToken ct)
    {
        actor.RequireStaff("只有常委会工作人员可以重新检查预警规则。");
        if (year is < 2000 or > 2100) throw DomainException.Invalid("year", "年度无效。");
        return await WarningRules.RunYearAsync(db, actor.CongressId, year, ct);
    }

    private static void StartReplyClock(RendaDbContext db, WorkCalendar calendar, BudgetSettings settings, BudgetWarning w, DateOnly today)
        => Deadlines.Start(db, calendar, new ClockStart(w.CongressId, BudgetClocks.Of(w), BudgetClocks.Reply(settings, w.Title), today, ClockOwner.Unit(w.SentToHandlingUnitId!.Value)));

    private static async Task CompleteReplyClockAsync(RendaDbContext db, BudgetWarning w, CancellationToken ct)
    {
        var subject = BudgetClocks.Of(w);
        foreach (var d in await Deadlines.RunningForAsync(db, subject.Type, subject.Id, ct))
            if (BudgetClocks.Purposes.Reply.Matches(d.Purpose)) Deadlines.Complete(db, d);
    }

    private static async Task NotifyOfficersAsync(RendaDbContext db, BudgetWarning w, string title, string body, CancellationToken ct)
    {
        var unit = w.SentToHandlingUnitId;
        var officers = await db.RoleAssignments.Where(r => r.Role == Role.HandlingUnitOfficer && r.HandlingUnitId == unit).Select(r => r.AccountId).Distinct().ToListAsync(ct);
        Notifier.Notify(db, officers, Short(title), body, $"/budget/warnings/{w.Id}");
    }

    /// <summary>The budget committee's staff (预算工作委员会, 财政经济委员会); without any, every committee staff of the congress.</summary>
    internal static async Task<List<int>> StaffAsync(RendaDbContext db, int congressId, CancellationToken ct)
    {
        var staff = db.RoleAssignments.Where(r => r.Role == Role.CommitteeStaff && db.Accounts.Any(a => a.Id == r.AccountId && a.Enabled && a.CongressId == congressId));
        var budget = await staff.Where(r => r.Committee != null && (r.Committee.Name == "预算工作委员会" || r.Committee.Name == "财政经济委员会")).Select(r => r.AccountId).Distinct().ToListAsync(ct);
        return budget.Count > 0 ? budget : await staff.Select(r => r.AccountId).Distinct().ToListAsync(ct);
    }

    private static string Short(string title) => title.Length <= 200 ? title : title[..199] + "…";
}
