using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Legislation;

public enum CommentSource { Citizen = 1, Deputy = 2, ContactPoint = 3, Expert = 4 }

/// <summary>
/// Where one comment stands: received (已收到) → sorted with similar ones (已整理) → the opinion summary's verdict (采纳 / 部分采纳 /
/// 未采纳). The citizen follows it with the comment's receipt code.
/// </summary>
public enum CommentHandling { Pending = 1, Adopted = 2, PartlyAdopted = 3, NotAdopted = 4, Sorted = 5 }

/// <summary>The steps of one comment's handling (the rows of <see cref="BillComment.Machine"/>).</summary>
public enum CommentAction { Sort = 1, Decide = 2 }

/// <summary>Open (taking comments until ClosesOn) → Closed → SummaryPublished (how comments were handled, shown publicly).</summary>
public enum CommentPeriodStatus { Open = 1, Closed = 2, SummaryPublished = 3 }

/// <summary>The steps of a comment period (the rows of <see cref="CommentPeriod.Machine"/>).</summary>
public enum CommentPeriodAction { Comment = 1, Close = 2, Handle = 3, PublishSummary = 4 }

/// <summary>A draft published for public comment (征求意见), at least 30 days (立法法 第四十条) unless a shorter period is decided.</summary>
public class CommentPeriod
{
    public static readonly StateMachine<CommentPeriodStatus, CommentPeriodAction> Machine = new("征求意见", LegislationLabels.Of,
        Allow.Row(CommentPeriodAction.Comment, "提出意见", ActorKinds.Anyone, CommentPeriodStatus.Open),
        Allow.Row(CommentPeriodAction.Close, "截止征求意见", ActorKinds.Staff, CommentPeriodStatus.Open),
        Allow.Row(CommentPeriodAction.Handle, "研究处理意见", ActorKinds.Staff, CommentPeriodStatus.Open, CommentPeriodStatus.Closed),
        Allow.Row(CommentPeriodAction.PublishSummary, "公布采纳情况", ActorKinds.Staff, CommentPeriodStatus.Open, CommentPeriodStatus.Closed));

    public int Id { get; set; }
    public int BillId { get; set; }
    public int VersionId { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    [MaxLength(500)] public string? ShortPeriodReason { get; set; }
    public CommentPeriodStatus Status { get; private set; } = CommentPeriodStatus.Open;
    /// <summary>The published handling summary (意见汇总 / 采纳情况的说明).</summary>
    [MaxLength(20_000)] public string? SummaryText { get; private set; }
    public DateTime? SummaryPublishedAt { get; private set; }
    public DateTime CreatedAt { get; set; }
    public List<CommentPeriodPoint> Points { get; set; } = [];

    public const string Source = "立法法 第四十条";

    public bool Can(CommentPeriodAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    public bool IsOpenOn(DateOnly day) => Can(CommentPeriodAction.Comment) && day >= OpensOn && day <= ClosesOn;

    /// <summary>Comments are taken from the first to the last day of an open period.</summary>
    public void RequireAccepting(DateOnly today)
    {
        if (!Can(CommentPeriodAction.Comment) || today > ClosesOn)
            throw DomainException.Conflict($"征求意见已于 {ClosesOn:yyyy年M月d日} 截止，不再接收意见。");
        if (today < OpensOn) throw DomainException.Conflict($"征求意见自 {OpensOn:yyyy年M月d日} 开始。");
    }

    /// <summary>Closes the period, early if it is closed before its last day.</summary>
    public void Close(DateOnly today)
    {
        if (!Can(CommentPeriodAction.Close)) throw DomainException.Conflict("该征求意见已截止。");
        Status = CommentPeriodStatus.Closed;
        if (ClosesOn > today) ClosesOn = today;
    }

    /// <summary>Verdicts may be given until the summary is published.</summary>
    public void RequireHandling()
    {
        if (!Can(CommentPeriodAction.Handle)) throw DomainException.Conflict("采纳情况已公布，不能再修改。");
    }

    /// <summary>Publishes how the comments were handled, once the period is over (<paramref name="pending"/>: comments without a verdict).</summary>
    public void PublishSummary(string text, DateOnly today, DateTime at, int pending)
    {
        if (!Can(CommentPeriodAction.PublishSummary)) throw DomainException.Conflict("采纳情况已经公布。");
        if (Can(CommentPeriodAction.Comment) && today <= ClosesOn) throw DomainException.Conflict("征求意见尚未截止，不能公布采纳情况。");
        if (pending > 0) throw DomainException.Conflict($"还有 {pending} 条意见未研究处理，不能公布采纳情况。");
        SummaryText = text;
        Status = CommentPeriodStatus.SummaryPublished;
        SummaryPublishedAt = at;
    }
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
    /// <summary>
    /// A verdict may be given straight away or after sorting, and changed until the summary is published (the period's own
    /// rule, <see cref="CommentPeriod.RequireHandling"/>); sorting is only for a comment not yet decided.
    /// </summary>
    public static readonly StateMachine<CommentHandling, CommentAction> Machine = new("该意见", LegislationLabels.Of,
        Allow.Row(CommentAction.Sort, "整理归类", ActorKinds.Staff, CommentHandling.Pending),
        Allow.Row(CommentAction.Decide, "研究处理", ActorKinds.Staff, CommentHandling.Pending, CommentHandling.Sorted,
            CommentHandling.Adopted, CommentHandling.PartlyAdopted, CommentHandling.NotAdopted));

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
    public CommentHandling Handling { get; private set; } = CommentHandling.Pending;
    [MaxLength(1000)] public string? HandlingReason { get; private set; }
    /// <summary>When the handling last changed (sorted or decided), for the receipt page.</summary>
    public DateTime? HandledAt { get; private set; }
    /// <summary>
    /// The citizen's receipt code (回执码, <c>ReceiptCodes</c>): unique, random, the only key to the comment's handling on the
    /// public receipt page. Null for comments entered by staff or deputies, who follow them signed in.
    /// </summary>
    [MaxLength(12)] public string? ReceiptCode { get; set; }

    public bool Can(CommentAction action, Actor? actor = null) => Machine.Can(Handling, action, actor);

    /// <summary>Sorted with similar comments (已整理): read and grouped, the verdict still to come.</summary>
    public void Sort(DateTime at)
    {
        Machine.Require(Handling, CommentAction.Sort);
        Handling = CommentHandling.Sorted;
        HandledAt = at;
    }

    /// <summary>The verdict; 部分采纳 and 未采纳 need the reason the citizen will read.</summary>
    public void Decide(CommentHandling decision, string? reason, DateTime at)
    {
        Machine.Require(Handling, CommentAction.Decide);
        if (decision is not (CommentHandling.Adopted or CommentHandling.PartlyAdopted or CommentHandling.NotAdopted))
            throw DomainException.Invalid("handling", "请选择采纳、部分采纳或未采纳。");
        if (decision != CommentHandling.Adopted && string.IsNullOrWhiteSpace(reason))
            throw DomainException.Invalid("reason", "部分采纳或未采纳的意见须说明理由。");
        Handling = decision;
        HandlingReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        HandledAt = at;
    }

    /// <summary>Still waiting for a verdict (received or sorted): blocks publishing the summary.</summary>
    public static readonly CommentHandling[] Undecided = [CommentHandling.Pending, CommentHandling.Sorted];
    /// <summary>For a contact point's opinion: the point's deputies who took part in the consultation that produced it.</summary>
    public List<BillCommentDeputy> Deputies { get; set; } = [];
}

/// <summary>A deputy who took part in the contact-point consultation behind a comment (基层立法联系点征求意见, in the duty archive).</summary>
public class BillCommentDeputy
{
    public int Id { get; set; }
    public int BillCommentId { get; set; }
    public int DeputyId { get; set; }
}
