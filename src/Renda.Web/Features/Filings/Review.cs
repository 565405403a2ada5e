using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Filings;

/// <summary>立法法 第一百一十至一百一十五条: how a review started.</summary>
public enum ReviewMode { Active = 1, Request = 2, Suggestion = 3, Special = 4, Joint = 5 }

/// <summary>
/// Registered (to pass to the committees within 5 working days) → InReview (3-month clock, extendable once by 3) →
/// Closed with NoProblem; or, a problem found → Communicating (沟通) → OpinionIssued (书面审查意见, reply clock) →
/// Closed with Corrected / Repealed; refusal → Escalated (主任会议) → Closed with Annulled by the meeting's vote.
/// Referred (移送) ends it at any stage before a problem is recorded.
/// </summary>
public enum ReviewStatus { Registered = 1, InReview = 2, Communicating = 3, OpinionIssued = 4, Escalated = 5, Closed = 6, Referred = 7 }

/// <summary>
/// The steps of a review. The entries of the communication log are steps too: a committee's view, a correction plan or
/// correction, a reply; a request or suggestion on the same document joins the running review.
/// </summary>
public enum ReviewAction
{
    Pass = 1, Extend = 2, RecordFinding = 3, StartCommunication = 4, IssueOpinion = 5, Escalate = 6, PutOnAgenda = 7, RecordVote = 8,
    Close = 9, Annul = 10, Refer = 11, Communicate = 12, RecordCorrection = 13, RecordCommitteeView = 14, RecordReply = 15, Join = 16,
}

public enum ReviewOutcome { NoProblem = 1, CorrectionPlan = 2, Corrected = 3, Repealed = 4, Annulled = 5 }

/// <summary>合宪性、政治性、合法性、适当性 (上海 第二十八—三十一条; 北京 第十四条).</summary>
public enum ReviewStandard { Constitutionality = 1, Political = 2, Legality = 3, Appropriateness = 4 }

public enum CommunicationKind { Communication = 1, CommitteeView = 2, CorrectionPlan = 3, Opinion = 4, Reply = 5, Correction = 6, Escalation = 7 }

/// <summary>A review (审查) of a filed document, in one of the modes; at most one active review per filing.</summary>
public class Review
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    public int? FilingId { get; set; }
    /// <summary>The document under review, as the filing or the suggestion named it.</summary>
    [MaxLength(200)] public required string DocumentTitle { get; set; }
    public ReviewMode Mode { get; set; } = ReviewMode.Active;
    /// <summary>For a request (审查要求) the requesting organ; for a joint review the other body.</summary>
    [MaxLength(200)] public string? RequestedBy { get; set; }
    public ReviewStatus Status { get; private set; } = ReviewStatus.Registered;
    public ReviewOutcome? Outcome { get; set; }
    public int? CommitteeId { get; set; }
    [MaxLength(200)] public string? CommitteeName { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public DateOnly? PassedOn { get; set; }
    public bool Extended { get; set; }
    public DateOnly? ClosedOn { get; set; }
    [MaxLength(2000)] public string? OutcomeNote { get; set; }
    /// <summary>The correcting or repealing document, verified and linked (a later filing, or its title and number).</summary>
    public int? CorrectionFilingId { get; set; }
    [MaxLength(300)] public string? CorrectionDocument { get; set; }
    [MaxLength(200)] public string? ReferredTo { get; set; }
    public int? MeetingId { get; set; }
    public int? AgendaItemId { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<ReviewFinding> Findings { get; set; } = [];
    public List<ReviewCommunication> Communications { get; set; } = [];

    /// <summary>Which step is allowed in which state (docs/MODULES.md); the outcome of a close or a vote is decided by the step itself.</summary>
    public static readonly StateMachine<ReviewStatus, ReviewAction> Machine = new("该审查", FilingLabels.Of,
        Allow.Row(ReviewAction.Pass, "移交专门委员会", ActorKinds.Staff, ReviewStatus.Registered),
        Allow.Row(ReviewAction.Extend, "延长审查期限", ActorKinds.Staff, ReviewStatus.InReview),
        Allow.Row(ReviewAction.RecordFinding, "登记审查意见", ActorKinds.Staff, ReviewStatus.InReview),
        Allow.Row(ReviewAction.StartCommunication, "开始沟通", ActorKinds.Staff, ReviewStatus.InReview),
        Allow.Row(ReviewAction.IssueOpinion, "发出书面审查意见", ActorKinds.Staff, ReviewStatus.Communicating),
        Allow.Row(ReviewAction.Escalate, "提请主任会议", ActorKinds.Staff, ReviewStatus.Communicating, ReviewStatus.OpinionIssued),
        Allow.Row(ReviewAction.PutOnAgenda, "提请常委会会议审议撤销", ActorKinds.Staff, ReviewStatus.Escalated),
        Allow.Row(ReviewAction.RecordVote, "登记表决结果", ActorKinds.Staff | ActorKinds.System, ReviewStatus.Escalated),
        Allow.Row(ReviewAction.Close, "结束审查", ActorKinds.Staff, ReviewStatus.InReview, ReviewStatus.Communicating, ReviewStatus.OpinionIssued, ReviewStatus.Escalated),
        Allow.Row(ReviewAction.Annul, "撤销", ActorKinds.System, ReviewStatus.Escalated),
        Allow.Row(ReviewAction.Refer, "移送", ActorKinds.Staff, ReviewStatus.Registered, ReviewStatus.InReview),
        Allow.Row(ReviewAction.Communicate, "记录沟通", ActorKinds.Staff, ReviewStatus.InReview, ReviewStatus.Communicating, ReviewStatus.OpinionIssued, ReviewStatus.Escalated),
        Allow.Row(ReviewAction.RecordCorrection, "登记纠正计划或纠正情况", ActorKinds.Staff, ReviewStatus.Communicating, ReviewStatus.OpinionIssued, ReviewStatus.Escalated),
        Allow.Row(ReviewAction.RecordCommitteeView, "登记专门委员会意见", ActorKinds.Staff, ReviewStatus.InReview, ReviewStatus.Communicating, ReviewStatus.OpinionIssued, ReviewStatus.Escalated),
        Allow.Row(ReviewAction.RecordReply, "登记制定机关回复", ActorKinds.Staff, ReviewStatus.OpinionIssued),
        Allow.Row(ReviewAction.Join, "并入审查要求或建议", ActorKinds.Staff,
            ReviewStatus.Registered, ReviewStatus.InReview, ReviewStatus.Communicating, ReviewStatus.OpinionIssued, ReviewStatus.Escalated));

    /// <summary>The states of a running review (one per filing at most), for queries.</summary>
    public static readonly IReadOnlyList<ReviewStatus> Running = [.. Machine.StatesFor(ReviewAction.Join)];

    public bool Can(ReviewAction action, Actor? actor = null) => Machine.Can(Status, action, actor);
    public bool Active => Can(ReviewAction.Join);
    public bool ProblemFound => Findings.Any(f => f.Problem);

    private void Require(ReviewAction action) => Machine.Require(Status, action);

    /// <summary>Passed to the special committee(s) concerned (5 working days).</summary>
    public void PassToCommittee(DateOnly on, int? committeeId, string committeeName)
    {
        Require(ReviewAction.Pass);
        PassedOn = on;
        CommitteeId = committeeId;
        CommitteeName = committeeName;
        Status = ReviewStatus.InReview;
    }

    public void Extend()
    {
        Require(ReviewAction.Extend);
        if (Extended) throw DomainException.Conflict("审查期限已延长过一次（延长不超过三个月），不能再延长。");
        Extended = true;
    }

    /// <summary>One finding per standard, replaced while the review is running.</summary>
    public ReviewFinding RecordFinding(ReviewStandard standard, bool problem, string? ground, string? note)
    {
        Require(ReviewAction.RecordFinding);
        if (problem && string.IsNullOrWhiteSpace(ground))
            throw DomainException.Invalid("ground", "认定存在问题须写明法律依据（违反的宪法、法律、法规条款）。");
        var f = Findings.FirstOrDefault(x => x.Standard == standard);
        if (f is null)
        {
            f = new ReviewFinding { Standard = standard };
            Findings.Add(f);
        }
        f.Problem = problem;
        f.Ground = ground;
        f.Note = note;
        return f;
    }

    /// <summary>
    /// An entry of the communication log; some kinds move the review on: the first talk after a problem is found starts the
    /// correction (returns true), the written opinion awaits the reply, the escalation goes to the Council of Chairpersons.
    /// </summary>
    public bool Log(CommunicationKind kind, DateOnly on, string text, string? by)
    {
        if (!Active) throw DomainException.Conflict("审查已结束。");
        var started = false;
        switch (kind)
        {
            case CommunicationKind.CommitteeView:
                if (!Can(ReviewAction.RecordCommitteeView)) throw DomainException.Conflict("尚未移交专门委员会。");
                break;
            case CommunicationKind.Communication:
                Require(ReviewAction.Communicate);
                if (Can(ReviewAction.StartCommunication))
                {
                    StartCommunication();
                    started = true;
                }
                break;
            case CommunicationKind.CorrectionPlan:
            case CommunicationKind.Correction:
                if (!Can(ReviewAction.RecordCorrection)) throw DomainException.Conflict("只有在沟通纠正阶段才能登记纠正计划或纠正情况。");
                break;
            case CommunicationKind.Opinion:
                IssueOpinion();
                break;
            case CommunicationKind.Reply:
                if (!Can(ReviewAction.RecordReply)) throw DomainException.Conflict("尚未发出书面审查意见。");
                break;
            case CommunicationKind.Escalation:
                Escalate();
                break;
        }
        Communications.Add(new ReviewCommunication { Kind = kind, On = on, Text = text, By = by });
        return started;
    }

    /// <summary>A problem found: the review moves to communication with the issuing organ.</summary>
    private void StartCommunication()
    {
        Require(ReviewAction.StartCommunication);
        RequireAllStandards();
        if (!ProblemFound) throw DomainException.Conflict("四项审查标准均未发现问题，应当审查结束归档，而不是沟通纠正。");
        Status = ReviewStatus.Communicating;
    }

    private void IssueOpinion()
    {
        Require(ReviewAction.IssueOpinion);
        Status = ReviewStatus.OpinionIssued;
    }

    private void Escalate()
    {
        Require(ReviewAction.Escalate);
        Status = ReviewStatus.Escalated;
    }

    public void PutOnAgenda(int meetingId, int itemId)
    {
        Require(ReviewAction.PutOnAgenda);
        if (MeetingId is not null && AgendaItemId is not null) throw DomainException.Conflict("已提请常委会会议审议。");
        MeetingId = meetingId;
        AgendaItemId = itemId;
    }

    /// <summary>The meeting did not adopt the annulment: back to the Council of Chairpersons, free for another meeting.</summary>
    public void AnnulmentRejected()
    {
        Require(ReviewAction.RecordVote);
        MeetingId = null;
        AgendaItemId = null;
    }

    /// <summary>
    /// Ends the review. Without a problem: NoProblem only, all four standards examined. With a problem: an outcome is
    /// required (correction plan accepted, corrected, repealed); annulment comes only from the meeting's vote.
    /// </summary>
    public void Close(DateOnly on, ReviewOutcome? outcome, string? note, int? correctionFilingId, string? correctionDocument)
    {
        Require(ReviewAction.Close);
        RequireAllStandards();
        if (!ProblemFound)
        {
            if (outcome is not (null or ReviewOutcome.NoProblem)) throw DomainException.Invalid("outcome", "未发现问题的审查只能以“未发现问题”结束。");
            outcome = ReviewOutcome.NoProblem;
        }
        else
        {
            switch (outcome)
            {
                case null:
                case ReviewOutcome.NoProblem:
                    throw DomainException.Invalid("outcome", "审查发现问题，结束审查须写明处理结果（制定机关纠正、废止或提出纠正计划）。");
                case ReviewOutcome.Annulled:
                    throw DomainException.Invalid("outcome", "撤销须由常委会会议表决决定。");
                case ReviewOutcome.CorrectionPlan:
                    if (string.IsNullOrWhiteSpace(note)) throw DomainException.Invalid("note", "请写明制定机关的纠正计划。");
                    break;
                case ReviewOutcome.Corrected:
                case ReviewOutcome.Repealed:
                    if (correctionFilingId is null && string.IsNullOrWhiteSpace(correctionDocument))
                        throw DomainException.Invalid("correctionDocument", "请关联纠正或废止的文件（备案记录或文件名称、文号），核实后结束。");
                    break;
            }
            if (Can(ReviewAction.StartCommunication)) throw DomainException.Conflict("发现问题的审查应先与制定机关沟通，再结束。");
        }
        Outcome = outcome;
        OutcomeNote = note;
        CorrectionFilingId = correctionFilingId;
        CorrectionDocument = correctionDocument;
        ClosedOn = on;
        Status = ReviewStatus.Closed;
    }

    public void Annul(DateOnly on, string note)
    {
        Require(ReviewAction.Annul);
        Outcome = ReviewOutcome.Annulled;
        OutcomeNote = note;
        ClosedOn = on;
        Status = ReviewStatus.Closed;
    }

    public void Refer(DateOnly on, string to)
    {
        Require(ReviewAction.Refer);
        ReferredTo = to;
        ClosedOn = on;
        Status = ReviewStatus.Referred;
    }

    private void RequireAllStandards()
    {
        var missing = Enum.GetValues<ReviewStandard>().Where(s => Findings.All(f => f.Standard != s)).ToList();
        if (missing.Count > 0)
            throw DomainException.Conflict($"尚未登记以下标准的审查意见：{string.Join("、", missing.Select(FilingLabels.Of))}。");
    }
}

/// <summary>The finding of a review against one standard, with its legal ground.</summary>
public class ReviewFinding
{
    public int Id { get; set; }
    public int ReviewId { get; set; }
    public ReviewStandard Standard { get; set; } = ReviewStandard.Constitutionality;
    public bool Problem { get; set; }
    [MaxLength(1000)] public string? Ground { get; set; }
    [MaxLength(2000)] public string? Note { get; set; }
}

/// <summary>The communication log with the issuing organ and the committees: talks, views, plans, opinions, replies.</summary>
public class ReviewCommunication
{
    public int Id { get; set; }
    public int ReviewId { get; set; }
    public CommunicationKind Kind { get; set; } = CommunicationKind.Communication;
    public DateOnly On { get; set; }
    [MaxLength(5000)] public required string Text { get; set; }
    [MaxLength(50)] public string? By { get; set; }
}
