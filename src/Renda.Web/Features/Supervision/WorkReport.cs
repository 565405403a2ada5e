using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Supervision;

/// <summary>
/// What the organ reports on. Special reports (专项工作报告, 第十五条) count as "work reports"; the plan, budget, accounts,
/// assets, debt and audit reports (第十八—二十七条) count as "finance reports"; an inspection report goes through the same loop.
/// </summary>
public enum WorkReportKind
{
    Special = 1, PlanExecution = 2, BudgetExecution = 3, FinalAccounts = 4, BudgetAdjustment = 5, StateAssets = 6, GovernmentDebt = 7,
    Audit = 8, AuditRectification = 9, InspectionReport = 10,
}

/// <summary>
/// Planned (registered for a meeting) → Submitted (the organ's draft is in) → Distributed (to the standing committee and members)
/// → Heard (deliberated at the meeting) → OpinionsSent (审议意见 to the organ) → HandlingReported (the organ's written report)
/// → Closed (judged satisfactory) or FollowingUp (跟踪监督) → Closed once the follow-up report is in.
/// </summary>
public enum WorkReportStatus { Planned = 1, Submitted = 2, Distributed = 3, Heard = 4, OpinionsSent = 5, HandlingReported = 6, FollowingUp = 7, Closed = 8 }

public enum WorkReportAction
{
    Submit = 1, Distribute = 2, Hear = 3, SendOpinions = 4, ReportHandling = 5, Judge = 6, ReportFollowUp = 7, CloseFollowUp = 8, RequestResolution = 9,
    /// <summary>Attach a document (the report as submitted, the signed handling report) while the loop is open.</summary>
    Attach = 10,
}

/// <summary>The committee's judgement of the organ's handling report.</summary>
public enum HandlingJudgement { Satisfactory = 1, FollowUpRequired = 2 }

/// <summary>A report heard by the standing committee, and the loop that follows it: opinions → handling → judgement → follow-up.</summary>
public class WorkReport
{
    public const string Subject = "WorkReport";

    public static readonly StateMachine<WorkReportStatus, WorkReportAction> Machine = new("报告", SupervisionLabels.Of,
        Allow.Row(WorkReportAction.Submit, "提交报告", ActorKinds.Staff | ActorKinds.UnitOfficer, WorkReportStatus.Planned, WorkReportStatus.Submitted),
        Allow.Row(WorkReportAction.Distribute, "印发组成人员", ActorKinds.Staff, WorkReportStatus.Submitted),
        // A vote on an item to be approved means the report was deliberated, so a submitted report can be heard too.
        Allow.Row(WorkReportAction.Hear, "记录为已审议", ActorKinds.Staff | ActorKinds.System, WorkReportStatus.Distributed, WorkReportStatus.Submitted),
        Allow.Row(WorkReportAction.SendOpinions, "送交审议意见", ActorKinds.Staff, WorkReportStatus.Heard),
        Allow.Row(WorkReportAction.ReportHandling, "报告研究处理情况", ActorKinds.Staff | ActorKinds.UnitOfficer, WorkReportStatus.OpinionsSent),
        Allow.Row(WorkReportAction.Judge, "满意度测评", ActorKinds.Staff, WorkReportStatus.HandlingReported),
        Allow.Row(WorkReportAction.ReportFollowUp, "报告跟踪落实情况", ActorKinds.Staff | ActorKinds.UnitOfficer, WorkReportStatus.FollowingUp),
        Allow.Row(WorkReportAction.CloseFollowUp, "结束跟踪监督", ActorKinds.Staff, WorkReportStatus.FollowingUp),
        Allow.Row(WorkReportAction.RequestResolution, "提请作出决议", ActorKinds.Staff,
            WorkReportStatus.Heard, WorkReportStatus.OpinionsSent, WorkReportStatus.HandlingReported, WorkReportStatus.FollowingUp),
        Allow.Row(WorkReportAction.Attach, "添加附件", ActorKinds.Staff | ActorKinds.UnitOfficer,
            WorkReportStatus.Planned, WorkReportStatus.Submitted, WorkReportStatus.Distributed, WorkReportStatus.Heard, WorkReportStatus.OpinionsSent,
            WorkReportStatus.HandlingReported, WorkReportStatus.FollowingUp));

    public int Id { get; set; }
    public int CongressId { get; set; }
    public int Year { get; set; }
    public WorkReportKind Kind { get; set; } = WorkReportKind.Special;
    [MaxLength(300)] public required string Title { get; set; }
    /// <summary>The reporting organ (一府一委两院 or a department), a handling unit whose officers upload and answer.</summary>
    public int OrganId { get; set; }
    /// <summary>The committee that prepares the deliberation (专门委员会 / 工作机构).</summary>
    public int? CommitteeId { get; set; }
    public int? TopicId { get; set; }
    public int? InspectionId { get; set; }
    /// <summary>For an audit-rectification report: the audit report it answers (due within 6 months of it).</summary>
    public int? AuditReportId { get; set; }
    public int? MeetingId { get; set; }
    public int? AgendaItemId { get; set; }
    public WorkReportStatus Status { get; private set; } = WorkReportStatus.Planned;
    /// <summary>Why the lead times of 第十五条 could not all be kept (the meeting was nearer than 20 days when registered).</summary>
    [MaxLength(500)] public string? LateReason { get; set; }
    [MaxLength(50_000)] public string? ReportText { get; private set; }
    public DateOnly? SubmittedOn { get; private set; }
    public DateOnly? DistributedOn { get; private set; }
    public DateOnly? HeardOn { get; private set; }
    [MaxLength(50_000)] public string? Opinions { get; private set; }
    public DateOnly? OpinionsSentOn { get; private set; }
    [MaxLength(50_000)] public string? HandlingReport { get; private set; }
    public DateOnly? HandlingReportedOn { get; private set; }
    public HandlingJudgement? Judgement { get; private set; }
    [MaxLength(2000)] public string? JudgementNote { get; private set; }
    public DateOnly? FollowUpDueOn { get; private set; }
    [MaxLength(50_000)] public string? FollowUpReport { get; private set; }
    public DateOnly? FollowUpReportedOn { get; private set; }
    /// <summary>A resolution asked by the committee on this report (its agenda item's vote decides it) and its deadline.</summary>
    public int? ResolutionAgendaItemId { get; private set; }
    public bool? ResolutionAdopted { get; private set; }
    public DateOnly? ResolutionDueOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    /// <summary>For final accounts and budget adjustments: whether the standing committee approved them by its vote, and when.</summary>
    public bool? Approved { get; private set; }
    public DateOnly? ApprovedOn { get; private set; }
    public DateTime CreatedAt { get; set; }

    public static bool IsFinance(WorkReportKind k) => k is not (WorkReportKind.Special or WorkReportKind.InspectionReport);

    /// <summary>
    /// The final accounts and a budget adjustment are not only heard: the standing committee approves them by a vote (审查和批准,
    /// 预算法第六十九、七十八条; 监督法第十九、二十一条), taken on their agenda item by the meetings module.
    /// </summary>
    public static bool NeedsApproval(WorkReportKind k) => k is WorkReportKind.FinalAccounts or WorkReportKind.BudgetAdjustment;

    /// <summary>
    /// The vote on the item decided (a later vote, e.g. on a revised plan after a rejection, decides anew). A vote taken means the
    /// report was deliberated at the meeting, so a submitted report counts as heard. Never refused: the meeting's vote stands.
    /// </summary>
    public void RecordApproval(bool approved, DateOnly on)
    {
        Approved = approved;
        ApprovedOn = on;
        if (Can(WorkReportAction.Hear))
            Hear(on);
    }

    public bool Can(WorkReportAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    public void Submit(string text, DateOnly on)
    {
        Machine.Require(Status, WorkReportAction.Submit);
        ReportText = text;
        SubmittedOn = on;
        Status = WorkReportStatus.Submitted;
    }

    public void Distribute(DateOnly on)
    {
        Machine.Require(Status, WorkReportAction.Distribute);
        if (MeetingId is null) throw DomainException.Conflict("报告尚未列入常委会会议议程，不能印发。");
        DistributedOn = on;
        Status = WorkReportStatus.Distributed;
    }

    public void Hear(DateOnly on)
    {
        Machine.Require(Status, WorkReportAction.Hear);
        HeardOn = on;
        Status = WorkReportStatus.Heard;
    }

    public void SendOpinions(string opinions, DateOnly on)
    {
        Machine.Require(Status, WorkReportAction.SendOpinions);
        Opinions = opinions;
        OpinionsSentOn = on;
        Status = WorkReportStatus.OpinionsSent;
    }

    public void ReportHandling(string text, DateOnly on)
    {
        if (OpinionsSentOn is null) throw DomainException.Conflict("审议意见尚未送交，不能报告研究处理情况。");
        Machine.Require(Status, WorkReportAction.ReportHandling);
        HandlingReport = text;
        HandlingReportedOn = on;
        Status = WorkReportStatus.HandlingReported;
    }

    public void Judge(HandlingJudgement judgement, string? note, DateOnly? followUpDueOn, DateOnly today)
    {
        Machine.Require(Status, WorkReportAction.Judge);
        Judgement = judgement;
        JudgementNote = note;
        switch (judgement)
        {
            case HandlingJudgement.Satisfactory:
                Status = WorkReportStatus.Closed;
                ClosedOn = today;
                break;
            case HandlingJudgement.FollowUpRequired:
                if (followUpDueOn is not { } due || due <= today)
                    throw DomainException.Invalid("followUpDueOn", "跟踪监督须给出今后的报告期限。");
                FollowUpDueOn = due;
                Status = WorkReportStatus.FollowingUp;
                break;
        }
    }

    public void ReportFollowUp(string text, DateOnly on)
    {
        Machine.Require(Status, WorkReportAction.ReportFollowUp);
        FollowUpReport = text;
        FollowUpReportedOn = on;
    }

    public void CloseFollowUp(DateOnly on)
    {
        Machine.Require(Status, WorkReportAction.CloseFollowUp);
        if (string.IsNullOrEmpty(HandlingReport) || FollowUpReport is null)
            throw DomainException.Conflict("承办机关尚未报告跟踪落实情况，不能结束跟踪监督。");
        Status = WorkReportStatus.Closed;
        ClosedOn = on;
    }

    /// <summary>A resolution is asked once (again only after the last one was not adopted), with a deadline after today; its agenda item follows.</summary>
    public void RequestResolution(DateOnly dueOn, DateOnly today)
    {
        Machine.Require(Status, WorkReportAction.RequestResolution);
        if (ResolutionAgendaItemId is not null && ResolutionAdopted != false)
            throw DomainException.Conflict("已就该报告提请作出决议。");
        if (dueOn <= today) throw DomainException.Invalid("dueOn", "决议要求的办理期限须晚于今天。");
        ResolutionDueOn = dueOn;
        ResolutionAdopted = null;
    }

    public void ResolutionOnAgenda(int agendaItemId) => ResolutionAgendaItemId = agendaItemId;

    /// <summary>The vote on the resolution decided it.</summary>
    public void ResolutionDecided(bool adopted) => ResolutionAdopted = adopted;
}
