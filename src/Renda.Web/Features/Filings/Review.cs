using System.ComponentModel.DataAnnotations;
using Renda.Web.Platform.Web;

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
    public ReviewStatus Status { get; set; } = ReviewStatus.Registered;
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

    public bool Active => Status is not (ReviewStatus.Closed or ReviewStatus.Referred);
    public bool ProblemFound => Findings.Any(f => f.Problem);

    private void Require(string action, params ReviewStatus[] allowed)
    {
        if (!allowed.Contains(Status))
            throw DomainException.Conflict($"该审查当前状态为“{FilingLabels.Of(Status)}”，不能{action}。");
    }

    /// <summary>Passed to the special committee(s) concerned (5 working days).</summary>
    public void PassToCommittee(DateOnly on, int? committeeId, string committeeName)
    {
        Require("移交专门委员会", ReviewStatus.Registered);
        PassedOn = on;
        CommitteeId = committeeId;
        CommitteeName = committeeName;
        Status = ReviewStatus.InReview;
    }

    public void Extend()
    {
        Require("延长审查期限", ReviewStatus.InReview);
        if (Extended) throw DomainException.Conflict("审查期限已延长过一次（延长不超过三个月），不能再延长。");
        Extended = true;
    }

    /// <summary>One finding per standard, replaced while the review is running.</summary>
    public ReviewFinding RecordFinding(ReviewStandard standard, bool problem, string? ground, string? note)
    {
        Require("登记审查意见", ReviewStatus.InReview);
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

    /// <summary>A problem found: the review moves to communication with the issuing organ.</summary>
    public void StartCommunication()
    {
        Require("开始沟通", ReviewStatus.InReview);
        RequireAllStandards();
        if (!ProblemFound) throw DomainException.Conflict("四项审查标准均未发现问题，应当审查结束归档，而不是沟通纠正。");
        Status = ReviewStatus.Communicating;
    }

    public void IssueOpinion()
    {
        Require("发出书面审查意见", ReviewStatus.Communicating);
        Status = ReviewStatus.OpinionIssued;
    }

    public void Escalate()
    {
        Require("提请主任会议", ReviewStatus.Communicating, ReviewStatus.OpinionIssued);
        Status = ReviewStatus.Escalated;
    }

    public void PutOnAgenda(int meetingId, int itemId)
    {
        Require("提请常委会会议审议撤销", ReviewStatus.Escalated);
        if (MeetingId is not null && AgendaItemId is not null) throw DomainException.Conflict("已提请常委会会议审议。");
        MeetingId = meetingId;
        AgendaItemId = itemId;
    }

    /// <summary>The meeting did not adopt the annulment: back to the Council of Chairpersons, free for another meeting.</summary>
    public void AnnulmentRejected()
    {
        Require("登记表决结果", ReviewStatus.Escalated);
        MeetingId = null;
        AgendaItemId = null;
    }

    /// <summary>
    /// Ends the review. Without a problem: NoProblem only, all four standards examined. With a problem: an outcome is
    /// required (correction plan accepted, corrected, repealed); annulment comes only from the meeting's vote.
    /// </summary>
    public void Close(DateOnly on, ReviewOutcome? outcome, string? note, int? correctionFilingId, string? correctionDocument)
    {
        Require("结束审查", ReviewStatus.InReview, ReviewStatus.Communicating, ReviewStatus.OpinionIssued, ReviewStatus.Escalated);
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
            if (Status == ReviewStatus.InReview) throw DomainException.Conflict("发现问题的审查应先与制定机关沟通，再结束。");
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
        Require("撤销", ReviewStatus.Escalated);
        Outcome = ReviewOutcome.Annulled;
        OutcomeNote = note;
        ClosedOn = on;
        Status = ReviewStatus.Closed;
    }

    public void Refer(DateOnly on, string to)
    {
        Require("移送", ReviewStatus.Registered, ReviewStatus.InReview);
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
