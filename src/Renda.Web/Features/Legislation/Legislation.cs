using System.ComponentModel.DataAnnotations;
using Renda.Web.Platform.Web;

namespace Renda.Web.Features.Legislation;

/// <summary>What a bill does to the body of law: the annual report counts 制定、修改、废止 separately.</summary>
public enum BillKind { New = 1, Amendment = 2, Repeal = 3 }

/// <summary>
/// Drafting (text being prepared, no reading yet) → UnderReview (on the agenda, read at meetings) → Adopted or Rejected by
/// the final vote; a prefecture's adopted regulation then waits for the province (AwaitingApproval → Approved, or back to
/// Rejected); Adopted/Approved → Promulgated. Terminated: shelved two years (立法法 第四十五条) or withdrawn.
/// </summary>
public enum BillStatus { Drafting = 1, UnderReview = 2, Adopted = 3, Rejected = 4, AwaitingApproval = 5, Approved = 6, Promulgated = 7, Terminated = 8 }

/// <summary>The three readings (三审制): what each is for; the final one ends with the vote.</summary>
public enum ReadingStage { First = 1, Second = 2, Third = 3 }

public enum PlanCategory { Formal = 1, Preparatory = 2, Research = 3 }

public enum PlanProjectStatus { Planned = 1, InProgress = 2, Done = 3, Postponed = 4 }

public enum CommentSource { Citizen = 1, Deputy = 2, ContactPoint = 3, Expert = 4 }

/// <summary>The opinion summary's verdict on one comment (意见汇总: 采纳 / 部分采纳 / 未采纳).</summary>
public enum CommentHandling { Pending = 1, Adopted = 2, PartlyAdopted = 3, NotAdopted = 4 }

/// <summary>Open (taking comments until ClosesOn) → Closed → SummaryPublished (how comments were handled, shown publicly).</summary>
public enum CommentPeriodStatus { Open = 1, Closed = 2, SummaryPublished = 3 }

/// <summary>Submitted (the 4-month clock runs) → Reviewed (legality findings recorded) → OnAgenda → Approved or Refused by the vote.</summary>
public enum ApprovalStatus { Submitted = 1, Reviewed = 2, OnAgenda = 3, Approved = 4, Refused = 5 }

/// <summary>A project of the annual legislative plan (年度立法工作计划).</summary>
public class PlanProject
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    public int Year { get; set; }
    public PlanCategory Category { get; set; } = PlanCategory.Formal;
    [MaxLength(200)] public required string Title { get; set; }
    /// <summary>提请机关 / 起草单位, e.g. 省人民政府.</summary>
    [MaxLength(100)] public required string Sponsor { get; set; }
    public int? CommitteeId { get; set; }
    /// <summary>拟提请审议时间, e.g. "5月常委会会议".</summary>
    [MaxLength(100)] public string? TargetMeeting { get; set; }
    public PlanProjectStatus Status { get; set; } = PlanProjectStatus.Planned;
    public int? BillId { get; set; }
}

/// <summary>A bill (法规草案): a regulation being made, amended or repealed, with every version of its text.</summary>
public class Bill
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    public BillKind Kind { get; set; } = BillKind.New;
    [MaxLength(200)] public required string Title { get; set; }
    [MaxLength(100)] public required string Sponsor { get; set; }
    public int? CommitteeId { get; set; }
    public int? PlanProjectId { get; set; }
    public BillStatus Status { get; set; } = BillStatus.Drafting;
    /// <summary>Why the bill is passed after fewer than three readings (立法法 第三十二、三十三条); required in that case.</summary>
    [MaxLength(500)] public string? FewerReadingsReason { get; set; }
    public DateOnly? LastReadingOn { get; set; }
    public int? FinalVoteId { get; set; }
    public DateOnly? PassedOn { get; set; }
    /// <summary>公告第N号 of the standing committee, and the day it was published.</summary>
    public int? AnnouncementNumber { get; set; }
    public DateOnly? PromulgatedOn { get; set; }
    [MaxLength(500)] public string? TerminationReason { get; set; }
    public DateTime CreatedAt { get; set; }

    public const string TwoYearsRule = "列入常务委员会会议审议的法规案，因各方面对制定该法规的必要性、可行性等重大问题存在较大意见分歧搁置审议满两年的，由主任会议向常务委员会报告，该法规案终止审议";
    public const string TwoYearsSource = "立法法 第四十五条";

    public string? AnnouncementLabel => AnnouncementNumber is { } n ? $"公告第{n}号" : null;

    /// <summary>Shelved: under review with no reading for two full years (搁置满两年), so it may be terminated.</summary>
    public bool ShelvedTwoYears(DateOnly today) => Status == BillStatus.UnderReview && LastReadingOn is { } last && last.AddYears(2) <= today;

    private void Require(string action, params BillStatus[] allowed)
    {
        if (!allowed.Contains(Status))
            throw DomainException.Conflict($"法规草案当前状态为“{LegislationLabels.Of(Status)}”，不能{action}。");
    }

    public void RequireEditable(string action) => Require(action, BillStatus.Drafting, BillStatus.UnderReview);

    public void StartReview(DateOnly on)
    {
        Require("安排审议", BillStatus.Drafting, BillStatus.UnderReview);
        Status = BillStatus.UnderReview;
        LastReadingOn = LastReadingOn is { } l && l > on ? l : on;
    }

    public void Decide(bool passed, DateOnly on, int voteId)
    {
        Require("表决", BillStatus.UnderReview);
        FinalVoteId = voteId;
        Status = passed ? BillStatus.Adopted : BillStatus.Rejected;
        if (passed) PassedOn = on;
    }

    public void SubmitForApproval()
    {
        Require("报请批准", BillStatus.Adopted);
        Status = BillStatus.AwaitingApproval;
    }

    public void ApprovalDecided(bool approved)
    {
        Require("记录批准结果", BillStatus.AwaitingApproval);
        Status = approved ? BillStatus.Approved : BillStatus.Rejected;
    }

    public void Promulgate(int number, DateOnly on, bool needsApproval)
    {
        if (needsApproval && Status == BillStatus.Adopted)
            throw DomainException.Conflict("本级法规须报省人大常委会批准后才能公布（立法法 第八十一条）。");
        if (needsApproval && Status == BillStatus.AwaitingApproval)
            throw DomainException.Conflict("本法规正在报请省人大常委会批准，批准后才能公布（立法法 第八十一条）。");
        Require("公布", needsApproval ? [BillStatus.Approved] : [BillStatus.Adopted]);
        if (number <= 0) throw DomainException.Invalid("announcementNumber", "公告号应为正整数。");
        if (PassedOn is { } p && on < p) throw DomainException.Invalid("promulgatedOn", "公布日期不能早于通过日期。");
        AnnouncementNumber = number;
        PromulgatedOn = on;
        Status = BillStatus.Promulgated;
    }

    public void Terminate(string reason, DateOnly today, bool shelvedRule)
    {
        Require("终止审议", BillStatus.Drafting, BillStatus.UnderReview);
        if (shelvedRule && !ShelvedTwoYears(today))
            throw DomainException.Conflict($"该法规案搁置审议未满两年，不能依{TwoYearsSource}终止审议。");
        TerminationReason = reason;
        Status = BillStatus.Terminated;
    }
}

/// <summary>
/// A version of a bill's text (草案、修改稿、表决稿): every reading and every comment period works on one; kept forever. The
/// text is the legal-text core's structured document (编/章/节/条/款/项/目 with stable node ids), stored whole as JSON: a
/// version is read and written as one piece, and the ids inside it are what comments, comparison rows and reasons attach to.
/// </summary>
public class BillVersion
{
    public const int MaxDocument = 2_000_000;

    public int Id { get; set; }
    public int BillId { get; set; }
    /// <summary>1, 2, 3 … within the bill.</summary>
    public int Number { get; set; }
    [MaxLength(100)] public required string Label { get; set; }
    public int? DerivedFromId { get; set; }
    /// <summary>Frozen once a reading or a comment period uses it: later edits go into a new version.</summary>
    public bool Frozen { get; set; }
    [MaxLength(MaxDocument)] public required string Document { get; set; }
    public int ArticleCount { get; set; }
    public DateTime CreatedAt { get; set; }

    public void RequireEditable()
    {
        if (Frozen) throw DomainException.Conflict($"“{Label}”已用于审议或征求意见，不能再修改；请从它生成新的版本后再修改。");
    }
}

/// <summary>A reading (审次) of a bill at a standing-committee meeting, on one version, with the reports made at it.</summary>
public class BillReading
{
    public int Id { get; set; }
    public int BillId { get; set; }
    /// <summary>1, 2, 3: the how-manieth reading.</summary>
    public int Ordinal { get; set; }
    public ReadingStage Stage { get; set; } = ReadingStage.First;
    public int MeetingId { get; set; }
    public int AgendaItemId { get; set; }
    public int VersionId { get; set; }
    public DateOnly MeetingOn { get; set; }
    /// <summary>The reading ends with the vote on the whole bill (表决稿).</summary>
    public bool Final { get; set; }
    /// <summary>关于草案的说明 (first reading, by the sponsor).</summary>
    [MaxLength(20_000)] public string? Explanation { get; set; }
    /// <summary>法制委员会关于草案审议结果的报告.</summary>
    [MaxLength(20_000)] public string? ResultReport { get; set; }
    /// <summary>关于草案修改情况的报告.</summary>
    [MaxLength(20_000)] public string? RevisionReport { get; set; }
}

/// <summary>修改理由 of one row of a comparison between two versions (keyed by the stable node id of the row).</summary>
public class ComparisonReason
{
    public int Id { get; set; }
    public int BillId { get; set; }
    public int FromVersionId { get; set; }
    public int ToVersionId { get; set; }
    [MaxLength(32)] public required string RowKey { get; set; }
    [MaxLength(2000)] public required string Reason { get; set; }
}

/// <summary>A draft published for public comment (征求意见), at least 30 days (立法法 第四十条) unless a shorter period is decided.</summary>
public class CommentPeriod
{
    public int Id { get; set; }
    public int BillId { get; set; }
    public int VersionId { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    [MaxLength(500)] public string? ShortPeriodReason { get; set; }
    public CommentPeriodStatus Status { get; set; } = CommentPeriodStatus.Open;
    /// <summary>The published handling summary (意见汇总 / 采纳情况的说明).</summary>
    [MaxLength(20_000)] public string? SummaryText { get; set; }
    public DateTime? SummaryPublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<CommentPeriodPoint> Points { get; set; } = [];

    public const int MinDays = 30;
    public const string Source = "立法法 第四十条";

    public bool IsOpenOn(DateOnly day) => Status == CommentPeriodStatus.Open && day >= OpensOn && day <= ClosesOn;
}

/// <summary>A contact point asked to consult locally on the draft of a comment period.</summary>
public class CommentPeriodPoint
{
    public int Id { get; set; }
    public int CommentPeriodId { get; set; }
    public int ContactPointId { get; set; }
}

/// <summary>One comment on one article (by its stable node id, so it stays on the right article in later versions).</summary>
public class BillComment
{
    public int Id { get; set; }
    public int CommentPeriodId { get; set; }
    public int BillId { get; set; }
    /// <summary>The article's stable id; null for a comment on the draft as a whole.</summary>
    [MaxLength(32)] public string? NodeId { get; set; }
    /// <summary>The article's label when the comment was made (第十二条), for reading the record later.</summary>
    [MaxLength(20)] public string? ArticleLabel { get; set; }
    public CommentSource Source { get; set; } = CommentSource.Citizen;
    [MaxLength(50)] public string? Name { get; set; }
    [MaxLength(100)] public string? Contact { get; set; }
    public int? AccountId { get; set; }
    public int? DeputyId { get; set; }
    public int? ContactPointId { get; set; }
    [MaxLength(2000)] public required string Text { get; set; }
    /// <summary>SHA-256 of the sender's address: enough to rate-limit, not to identify.</summary>
    [MaxLength(64)] public string? AddressHash { get; set; }
    [MaxLength(64)] public required string TextHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public CommentHandling Handling { get; set; } = CommentHandling.Pending;
    [MaxLength(1000)] public string? HandlingReason { get; set; }
}

/// <summary>基层立法联系点: a place (a township, a court, a school…) that collects opinions on drafts and forwards them.</summary>
public class LegislativeContactPoint
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    [MaxLength(100)] public required string Name { get; set; }
    [MaxLength(100)] public required string Location { get; set; }
    public DateOnly EstablishedOn { get; set; }
    public bool National { get; set; }
}

/// <summary>The hand-over of a promulgated regulation to the congress above for filing (立法法 第一百零九条).</summary>
public class FilingHandover
{
    public int Id { get; set; }
    public int BillId { get; set; }
    public int ToCongressId { get; set; }
    public DateTime HandedOverAt { get; set; }
    /// <summary>The filing's id in the upper congress's filing work, once a receiver accepted it; null while none is registered.</summary>
    public int? ReceiverFilingId { get; set; }
    [MaxLength(200)] public string? Note { get; set; }
}

/// <summary>审查批准: a prefecture's regulation submitted to the province, reviewed for legality and voted on within 4 months.</summary>
public class Approval
{
    public int Id { get; set; }
    /// <summary>The province's congress that approves.</summary>
    public int CongressId { get; set; }
    /// <summary>The submitting congress when it is on the platform (Haixi); its bill, which waits for this decision.</summary>
    public int? FromCongressId { get; set; }
    public int? BillId { get; set; }
    [MaxLength(100)] public required string SubmittedBy { get; set; }
    [MaxLength(200)] public required string Title { get; set; }
    public BillKind Kind { get; set; } = BillKind.New;
    public DateOnly SubmittedOn { get; set; }
    public ApprovalStatus Status { get; set; } = ApprovalStatus.Submitted;
    [MaxLength(5000)] public string? LegalityFindings { get; set; }
    /// <summary>The review found a conflict with the Constitution, laws or administrative regulations (then it is not approved as is).</summary>
    public bool ConflictFound { get; set; }
    public int? MeetingId { get; set; }
    public int? AgendaItemId { get; set; }
    public int? VoteId { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public DateTime CreatedAt { get; set; }

    public const string Rule = "设区的市、自治州的地方性法规报省、自治区人大常委会批准，省、自治区人大常委会对其合法性进行审查，认为同宪法、法律、行政法规和本省、自治区的地方性法规不抵触的，应当在四个月内予以批准";
    public const string Source = "立法法 第八十一条";

    private void Require(string action, params ApprovalStatus[] allowed)
    {
        if (!allowed.Contains(Status))
            throw DomainException.Conflict($"报批事项当前状态为“{LegislationLabels.Of(Status)}”，不能{action}。");
    }

    public void RecordFindings(string findings, bool conflict)
    {
        Require("记录合法性审查意见", ApprovalStatus.Submitted, ApprovalStatus.Reviewed);
        LegalityFindings = findings;
        ConflictFound = conflict;
        Status = ApprovalStatus.Reviewed;
    }

    public void PutOnAgenda(int meetingId, int itemId)
    {
        Require("提请会议审议", ApprovalStatus.Reviewed);
        MeetingId = meetingId;
        AgendaItemId = itemId;
        Status = ApprovalStatus.OnAgenda;
    }

    public void Decide(bool approved, DateOnly on, int voteId)
    {
        Require("表决", ApprovalStatus.OnAgenda);
        VoteId = voteId;
        DecidedOn = on;
        Status = approved ? ApprovalStatus.Approved : ApprovalStatus.Refused;
    }
}
