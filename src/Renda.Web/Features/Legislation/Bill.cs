using System.ComponentModel.DataAnnotations;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Legislation;

/// <summary>What a bill does to the body of law: the annual report counts 制定、修改、废止 separately.</summary>
public enum BillKind { New = 1, Amendment = 2, Repeal = 3 }

/// <summary>
/// Drafting (text being prepared, no reading yet) → UnderReview (on the agenda, read at meetings) → Adopted or Rejected by
/// the final vote; a prefecture's adopted regulation then waits for the province (AwaitingApproval → Approved, or back to
/// Rejected); Adopted/Approved → Promulgated. Terminated: shelved two years (立法法 第四十五条) or withdrawn.
/// </summary>
public enum BillStatus { Drafting = 1, UnderReview = 2, Adopted = 3, Rejected = 4, AwaitingApproval = 5, Approved = 6, Promulgated = 7, Terminated = 8 }

/// <summary>The steps of a bill (the rows of <see cref="Bill.Machine"/>).</summary>
public enum BillAction { Revise = 1, OpenComment = 2, ScheduleReading = 3, Vote = 4, Terminate = 5, SubmitForApproval = 6, RecordApproval = 7, Promulgate = 8, FileUpward = 9 }

/// <summary>The three readings (三审制): what each is for; the final one ends with the vote.</summary>
public enum ReadingStage { First = 1, Second = 2, Third = 3 }

/// <summary>A bill (法规草案): a regulation being made, amended or repealed, with every version of its text.</summary>
public class Bill
{
    /// <summary>Which steps a bill may take in which state (docs/MODULES.md): the one place that says so.</summary>
    public static readonly StateMachine<BillStatus, BillAction> Machine = new("法规草案", LegislationLabels.Of,
        Allow.Row(BillAction.Revise, "修改草案", ActorKinds.Staff, BillStatus.Drafting, BillStatus.UnderReview),
        Allow.Row(BillAction.OpenComment, "征求意见", ActorKinds.Staff, BillStatus.Drafting, BillStatus.UnderReview),
        Allow.Row(BillAction.ScheduleReading, "安排审议", ActorKinds.Staff, BillStatus.Drafting, BillStatus.UnderReview),
        Allow.Row(BillAction.Vote, "交付表决", ActorKinds.Staff | ActorKinds.System, BillStatus.UnderReview),
        Allow.Row(BillAction.Terminate, "终止审议", ActorKinds.Staff, BillStatus.Drafting, BillStatus.UnderReview),
        Allow.Row(BillAction.SubmitForApproval, "报请批准", ActorKinds.Staff, BillStatus.Adopted),
        Allow.Row(BillAction.RecordApproval, "记录批准结果", ActorKinds.System, BillStatus.AwaitingApproval),
        Allow.Row(BillAction.Promulgate, "公布", ActorKinds.Staff, BillStatus.Adopted, BillStatus.Approved),
        Allow.Row(BillAction.FileUpward, "报送备案", ActorKinds.Staff, BillStatus.Promulgated));

    /// <summary>The states of a bill that has passed its final vote (a formal plan project is then done).</summary>
    public static readonly BillStatus[] PassedStates = [BillStatus.Adopted, BillStatus.AwaitingApproval, BillStatus.Approved, BillStatus.Promulgated];

    public int Id { get; set; }
    public int CongressId { get; set; }
    public BillKind Kind { get; set; } = BillKind.New;
    [MaxLength(200)] public required string Title { get; set; }
    [MaxLength(100)] public required string Sponsor { get; set; }
    public int? CommitteeId { get; set; }
    public int? PlanProjectId { get; set; }
    public BillStatus Status { get; private set; } = BillStatus.Drafting;
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

    public bool Can(BillAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    /// <summary>Shelved: under review with no reading for two full years (搁置满两年), so it may be terminated.</summary>
    public bool ShelvedTwoYears(DateOnly today) => Can(BillAction.Vote) && LastReadingOn is { } last && last.AddYears(2) <= today;

    /// <summary>Whether it may be promulgated now: a prefecture's regulation only once the province approved it (立法法 第八十一条).</summary>
    public bool CanPromulgate(bool needsApproval) => Can(BillAction.Promulgate) && !(needsApproval && Can(BillAction.SubmitForApproval));

    /// <summary>The text may change (a new version, a structural edit) while the bill is being drafted or read.</summary>
    public void RequireEditable() => Machine.Require(Status, BillAction.Revise);

    public void RequireOpenComment() => Machine.Require(Status, BillAction.OpenComment);

    /// <summary>
    /// The vote on the bill is taken at its final reading (表决稿) and at no other: refused unless the bill is under review and
    /// its last reading is the one scheduled as final (三审制, 立法法 第三十二条).
    /// </summary>
    public void RequireVoteAt(BillReading? last)
    {
        Machine.Require(Status, BillAction.Vote);
        if (last?.VoteRefusal is not null)
            throw DomainException.Conflict($"该法规草案已审议{ChineseNumerals.Of(last.Ordinal)}次，尚未安排表决稿的审议（三审制：一般经三次审议后交付表决），不能交付表决。");
        if (last is null) throw DomainException.Conflict("该法规草案尚未经常委会会议审议，不能交付表决。");
    }

    public void StartReview(DateOnly on)
    {
        Machine.Require(Status, BillAction.ScheduleReading);
        Status = BillStatus.UnderReview;
        LastReadingOn = LastReadingOn is { } l && l > on ? l : on;
    }

    /// <summary>The final vote's result; a vote of the demo's history may have no record (<paramref name="voteId"/> null).</summary>
    public void Decide(bool passed, DateOnly on, int? voteId)
    {
        Machine.Require(Status, BillAction.Vote);
        FinalVoteId = voteId;
        Status = passed ? BillStatus.Adopted : BillStatus.Rejected;
        if (passed) PassedOn = on;
    }

    public void SubmitForApproval()
    {
        Machine.Require(Status, BillAction.SubmitForApproval);
        Status = BillStatus.AwaitingApproval;
    }

    public void ApprovalDecided(bool approved)
    {
        Machine.Require(Status, BillAction.RecordApproval);
        Status = approved ? BillStatus.Approved : BillStatus.Rejected;
    }

    public void Promulgate(int number, DateOnly on, bool needsApproval)
    {
        if (needsApproval && Can(BillAction.SubmitForApproval))
            throw DomainException.Conflict("本级法规须报省人大常委会批准后才能公布（立法法 第八十一条）。");
        if (needsApproval && Can(BillAction.RecordApproval))
            throw DomainException.Conflict("本法规正在报请省人大常委会批准，批准后才能公布（立法法 第八十一条）。");
        Machine.Require(Status, BillAction.Promulgate);
        if (number <= 0) throw DomainException.Invalid("announcementNumber", "公告号应为正整数。");
        if (PassedOn is { } p && on < p) throw DomainException.Invalid("promulgatedOn", "公布日期不能早于通过日期。");
        AnnouncementNumber = number;
        PromulgatedOn = on;
        Status = BillStatus.Promulgated;
    }

    /// <summary>Filing with the congress above follows promulgation (立法法 第一百零九条).</summary>
    public void RequireFileUpward()
    {
        if (!Can(BillAction.FileUpward)) throw DomainException.Conflict("法规公布后才能报送备案。");
    }

    public void Terminate(string reason, DateOnly today, bool shelvedRule)
    {
        Machine.Require(Status, BillAction.Terminate);
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

    /// <summary>
    /// The reading rule, once: only the reading scheduled as the last one (表决稿) is voted on; an earlier reading is deliberated
    /// (审议) without a vote. Null when this reading takes the vote, else why it does not.
    /// </summary>
    public string? VoteRefusal => Final ? null
        : $"本次为法规草案的第{ChineseNumerals.Of(Ordinal)}次审议，不是交付表决的审议，只审议不表决（法规草案一般经三次常委会会议审议后交付表决）。";
}
