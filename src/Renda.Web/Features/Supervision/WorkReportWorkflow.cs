using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Notifications;
using static Renda.Web.Features.Supervision.SupervisionClocks;

namespace Renda.Web.Features.Supervision;

public sealed record WorkReportInput(WorkReportKind Kind, string? Title, int OrganId, int? CommitteeId, int? TopicId, int? MeetingId, int? AuditReportId, string? LateReason);

/// <summary>The work-report loop: registered for a meeting with its lead-time clocks, heard, opinions sent, handling reported, judged, followed up.</summary>
public static class WorkReportWorkflow
{
    /// <summary>The agenda item asking the committee for a resolution on a report; its vote comes back through IAgendaSubject.</summary>
    public const string ResolutionSubject = "WorkReportResolution";

    public static async Task<WorkReport> LoadAsync(RendaDbContext db, SupervisionActor actor, int id, CancellationToken ct)
    {
        var r = await db.Set<WorkReport>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || r.CongressId != actor.CongressId || !(actor.MayRead && (actor.IsStaff || actor.IsCouncil || actor.IsMember || actor.UnitIds.Contains(r.OrganId))))
            throw DomainException.NotFound("没有找到该报告。");
        return r;
    }

    internal static MeetingActor AsMeetingActor(SupervisionActor a) => new(a);

    public static async Task<WorkReport> RegisterAsync(RendaDbContext db, WorkCalendar calendar, SupervisionActor actor, WorkReportInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        if (!Enum.IsDefined(input.Kind)) throw DomainException.Invalid("kind", "报告类型无效。");
        var title = Text.Required("title", input.Title, "报告名称", 300);
        if (!await db.HandlingUnits.AnyAsync(u => u.Id == input.OrganId && u.CongressId == actor.CongressId, ct))
            throw DomainException.Invalid("organId", "请选择本级的报告机关。");
        if (input.CommitteeId is { } c && !await db.Committees.AnyAsync(x => x.Id == c && x.CongressId == actor.CongressId, ct))
            throw DomainException.Invalid("committeeId", "请选择本级常委会的专门委员会或工作机构。");
        await SupervisionPlanWorkflow.RequireOwnTopicAsync(db, actor, input.TopicId, ct);
        WorkReport? audit = null;
        if (input.Kind == WorkReportKind.AuditRectification)
        {
            audit = await db.Set<WorkReport>().FirstOrDefaultAsync(x => x.Id == input.AuditReportId && x.CongressId == actor.CongressId && x.Kind == WorkReportKind.Audit, ct)
                ?? throw DomainException.Invalid("auditReportId", "审计查出问题整改情况报告须关联所整改的审计工作报告。");
        }
        else if (input.AuditReportId is not null)
            throw DomainException.Invalid("auditReportId", "只有审计整改报告关联审计工作报告。");
        var today = WorkCalendar.Today(db.Clock);
        var report = new WorkReport
        {
            CongressId = actor.CongressId, Year = today.Year, Kind = input.Kind, Title = title, OrganId = input.OrganId, CommitteeId = input.CommitteeId, TopicId = input.TopicId,
            AuditReportId = audit?.Id, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(report);
        await db.SaveChangesAsync(ct);
        if (input.MeetingId is { } meetingId)
            await PlaceOnMeetingAsync(db, calendar, actor, report, meetingId, input.LateReason, ct);
        await tx.CommitAsync(ct);
        return report;
    }

    public static async Task ScheduleAsync(RendaDbContext db, WorkCalendar calendar, SupervisionActor actor, int id, int meetingId, string? lateReason, CancellationToken ct)
    {
        actor.RequireStaff();
        var report = await LoadAsync(db, actor, id, ct);
        if (report.MeetingId is not null) throw DomainException.Conflict("该报告已列入会议议程。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PlaceOnMeetingAsync(db, calendar, actor, report, meetingId, lateReason, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Puts the report on the meeting's agenda and starts the three clocks of 第十五条, each due N days before the meeting (a day off moves it earlier). A stage
    /// whose day has already passed cannot be kept: then the reason must be recorded (as a meeting's short notice), or it is refused.
    /// </summary>
    private static async Task PlaceOnMeetingAsync(RendaDbContext db, WorkCalendar calendar, SupervisionActor actor, WorkReport report, int meetingId, string? lateReason, CancellationToken ct)
    {
        var meeting = await MeetingWorkflow.LoadAsync(db, AsMeetingActor(actor), meetingId, ct);
        var settings = await Settings.ForAsync<SupervisionSettings>(db, actor.CongressId, ct);
        var stages = LeadStages(settings);
        var today = WorkCalendar.Today(db.Clock);
        // Due by the N-th day before the meeting, moved back to a working day; a stage due before today can no longer be kept.
        var missed = stages.Where(s => calendar.SubtractCalendarDays(meeting.StartsOn, s.Days) < today).ToList();
        var reason = Text.Optional("lateReason", lateReason, "未能按期送交的理由", 500);
        if (missed.Count > 0 && reason is null)
            throw DomainException.Conflict($"距会议举行仅 {meeting.StartsOn.DayNumber - today.DayNumber} 日，已不能在会议举行{missed[0].Days}日前{missed[0].What}（{settings.LeadBasis}）；须填写理由。");
        var item = WorkReport.NeedsApproval(report.Kind)
            ? MeetingWorkflow.AddAgendaItem(meeting, AgendaItemKind.Resolution, $"审查和批准{report.Title}", WorkReport.Subject, report.Id)
            : MeetingWorkflow.AddAgendaItem(meeting, report.Kind == WorkReportKind.InspectionReport ? AgendaItemKind.Other : AgendaItemKind.WorkReport,
                $"听取和审议{report.Title}", WorkReport.Subject, report.Id);
        report.MeetingId = meeting.Id;
        report.Year = meeting.StartsOn.Year;
        report.LateReason = missed.Count > 0 ? reason : null;
        foreach (var stage in stages.Except(missed))
            Start(db, calendar, report, Lead(settings, stage, report.Title), meeting.StartsOn, LeadOwner(stage, report));
        await db.SaveChangesAsync(ct);
        report.AgendaItemId = item.Id;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The organ uploads its report (or staff enter the one sent on paper).</summary>
    public static async Task SubmitAsync(RendaDbContext db, SupervisionActor actor, int id, string? text, CancellationToken ct)
    {
        var r = await LoadAsync(db, actor, id, ct);
        actor.RequireOrganOrStaff(r.OrganId);
        r.Submit(Text.Required("text", text, "报告正文", 50_000), WorkCalendar.Today(db.Clock));
        await CompleteAsync(db, r.Id, ct, Purposes.LeadCommittee);
        if (r.Kind == WorkReportKind.AuditRectification && r.AuditReportId is { } audit)
            await CompleteAsync(db, audit, ct, Purposes.Rectification);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Staff send the report to the standing committee's office and print it for the members.</summary>
    public static async Task DistributeAsync(RendaDbContext db, SupervisionActor actor, int id, CancellationToken ct)
    {
        actor.RequireStaff();
        var r = await LoadAsync(db, actor, id, ct);
        r.Distribute(WorkCalendar.Today(db.Clock));
        await CompleteAsync(db, r.Id, ct, Purposes.LeadStandingCommittee, Purposes.LeadMembers);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The meeting has heard and deliberated the report: the 7-day clock for the opinions starts (and, for the audit report, the 6-month rectification clock).</summary>
    public static async Task HearAsync(RendaDbContext db, WorkCalendar calendar, SupervisionActor actor, int id, CancellationToken ct)
    {
        actor.RequireStaff();
        var r = await LoadAsync(db, actor, id, ct);
        if (r.MeetingId is null) throw DomainException.Conflict("报告尚未列入常委会会议议程。");
        var meeting = await MeetingWorkflow.LoadAsync(db, AsMeetingActor(actor), r.MeetingId.Value, ct);
        if (meeting.Status is not (MeetingStatus.InSession or MeetingStatus.Closed))
            throw DomainException.Conflict("会议尚未举行，不能记录报告已审议。");
        var today = WorkCalendar.Today(db.Clock);
        r.Hear(today);
        // An item to be approved is decided by its vote, not marked as deliberated.
        if (!WorkReport.NeedsApproval(r.Kind) && meeting.Agenda.FirstOrDefault(a => a.Id == r.AgendaItemId) is { Outcome: AgendaOutcome.Pending } item)
            item.RecordOutcome(AgendaOutcome.Deliberated, "听取和审议，形成审议意见");
        await StartOpinionsClockAsync(db, calendar, r, today, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Once heard: the lead-time clocks are over, the opinions are due in N days (and, for the audit report, the rectification report in 6 months).</summary>
    internal static async Task StartOpinionsClockAsync(RendaDbContext db, WorkCalendar calendar, WorkReport r, DateOnly today, CancellationToken ct)
    {
        await CompleteAsync(db, r.Id, ct, Purposes.Lead);
        var settings = await Settings.ForAsync<SupervisionSettings>(db, r.CongressId, ct);
        Start(db, calendar, r, Opinions(settings, r.Title), today, new ClockOwner(CommitteeId: r.CommitteeId));
        if (r.Kind == WorkReportKind.Audit)
            Start(db, calendar, r, Rectification(settings, r.Title), today, ClockOwner.Unit(r.OrganId));
    }

    /// <summary>The compiled opinions go to the organ; its written handling report is due in 3 months (configurable).</summary>
    public static async Task SendOpinionsAsync(RendaDbContext db, WorkCalendar calendar, SupervisionActor actor, int id, string? opinions, CancellationToken ct)
    {
        actor.RequireStaff();
        var r = await LoadAsync(db, actor, id, ct);
        var today = WorkCalendar.Today(db.Clock);
        r.SendOpinions(Text.Required("opinions", opinions, "审议意见", 50_000), today);
        await CompleteAsync(db, r.Id, ct, Purposes.Opinions);
        var settings = await Settings.ForAsync<SupervisionSettings>(db, r.CongressId, ct);
        Start(db, calendar, r, Handling(settings, r.Title), today, ClockOwner.Unit(r.OrganId));
        NotifyOrgan(db, r, $"审议意见：{Short(r.Title)}", $"请于{settings.HandlingReportMonths}个月内书面报告研究处理情况。");
        await db.SaveChangesAsync(ct);
    }

    public static async Task ReportHandlingAsync(RendaDbContext db, SupervisionActor actor, int id, string? text, CancellationToken ct)
    {
        var r = await LoadAsync(db, actor, id, ct);
        actor.RequireOrganOrStaff(r.OrganId);
        var body = Text.Required("text", text, "研究处理情况报告", 50_000);
        r.ReportHandling(body, WorkCalendar.Today(db.Clock));
        await CompleteAsync(db, r.Id, ct, Purposes.Handling);
        await db.SaveChangesAsync(ct);
    }

    public static async Task JudgeAsync(RendaDbContext db, WorkCalendar calendar, SupervisionActor actor, int id, HandlingJudgement judgement, string? note, DateOnly? followUpDueOn, CancellationToken ct)
    {
        actor.RequireStaff();
        if (!Enum.IsDefined(judgement)) throw DomainException.Invalid("judgement", "请选择测评结论。");
        var r = await LoadAsync(db, actor, id, ct);
        var today = WorkCalendar.Today(db.Clock);
        r.Judge(judgement, Text.Optional("note", note, "说明", 2000), followUpDueOn, today);
        if (judgement == HandlingJudgement.FollowUpRequired)
        {
            Start(db, calendar, r, FollowUp(r.Title, followUpDueOn!.Value.DayNumber - today.DayNumber), today, ClockOwner.Unit(r.OrganId));
            NotifyOrgan(db, r, $"跟踪监督：{Short(r.Title)}", $"请于{followUpDueOn:yyyy年M月d日}前报告落实情况。");
        }
        await db.SaveChangesAsync(ct);
    }

    public static async Task ReportFollowUpAsync(RendaDbContext db, SupervisionActor actor, int id, string? text, CancellationToken ct)
    {
        var r = await LoadAsync(db, actor, id, ct);
        actor.RequireOrganOrStaff(r.OrganId);
        r.ReportFollowUp(Text.Required("text", text, "落实情况报告", 50_000), WorkCalendar.Today(db.Clock));
        await CompleteAsync(db, r.Id, ct, Purposes.FollowUp);
        await db.SaveChangesAsync(ct);
    }

    public static async Task CloseFollowUpAsync(RendaDbContext db, SupervisionActor actor, int id, CancellationToken ct)
    {
        actor.RequireStaff();
        var r = await LoadAsync(db, actor, id, ct);
        r.CloseFollowUp(WorkCalendar.Today(db.Clock));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The committee asks the standing committee for a resolution on the report, with a deadline for the organ; a vote at the meeting decides.</summary>
    public static async Task RequestResolutionAsync(RendaDbContext db, SupervisionActor actor, int id, int meetingId, string? title, DateOnly dueOn, CancellationToken ct)
    {
        actor.RequireStaff();
        var r = await LoadAsync(db, actor, id, ct);
        r.RequestResolution(dueOn, WorkCalendar.Today(db.Clock));
        var meeting = await MeetingWorkflow.LoadAsync(db, AsMeetingActor(actor), meetingId, ct);
        var item = MeetingWorkflow.AddAgendaItem(meeting, AgendaItemKind.Resolution, Text.Required("title", title, "决议名称", 300), ResolutionSubject, r.Id);
        await db.SaveChangesAsync(ct);
        r.ResolutionOnAgenda(item.Id);
        await db.SaveChangesAsync(ct);
    }

    internal static string Short(string s) => s.Length > 120 ? s[..120] : s;

    internal static void NotifyOrgan(RendaDbContext db, WorkReport r, string title, string body)
    {
        var accounts = db.RoleAssignments.Where(a => a.Role == Role.HandlingUnitOfficer && a.HandlingUnitId == r.OrganId).Select(a => a.AccountId).ToList();
        Notifier.Notify(db, accounts, title.Length > 100 ? title[..100] : title, body, $"/supervision/reports/{r.Id}");
    }
}
