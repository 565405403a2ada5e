using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Filings;

/// <summary>Received → Incomplete (proposer told within 5 working days) | NotTakenUp (told within 10 days) | TakenUp → Answered (result told).</summary>
public enum ReviewSuggestionStatus { Received = 1, Incomplete = 2, NotTakenUp = 3, TakenUp = 4, Answered = 5 }

public enum ReviewSuggestionAction { MarkIncomplete = 1, Decline = 2, TakeUp = 3, Answer = 4 }

/// <summary>A citizen's or organisation's review suggestion (审查建议), sent through the public form.</summary>
public class ReviewSuggestion
{
    public const int MaxContent = 5000;

    public int Id { get; set; }
    public int CongressId { get; set; }
    /// <summary>The proposer's lookup code: the public page shows the status and the result to whoever holds it.</summary>
    [MaxLength(20)] public required string TrackingCode { get; set; }
    [MaxLength(50)] public required string ProposerName { get; set; }
    [MaxLength(100)] public string? Organisation { get; set; }
    /// <summary>How to tell the proposer (phone, e-mail, address); seen by staff only.</summary>
    [MaxLength(100)] public required string Contact { get; set; }
    [MaxLength(200)] public required string DocumentTitle { get; set; }
    [MaxLength(100)] public string? IssuingOrgan { get; set; }
    [MaxLength(MaxContent)] public required string Content { get; set; }
    /// <summary>The sender's network address as a hash (ClientAddress), to limit submissions per address and hour.</summary>
    [MaxLength(64)] public string? AddressHash { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public ReviewSuggestionStatus Status { get; private set; } = ReviewSuggestionStatus.Received;
    public int? ReviewId { get; set; }
    /// <summary>What the proposer is told: what is missing, why it is not taken up, or the result.</summary>
    [MaxLength(2000)] public string? Reply { get; set; }
    public DateOnly? RepliedOn { get; set; }

    /// <summary>Which step is allowed in which state (docs/MODULES.md).</summary>
    public static readonly StateMachine<ReviewSuggestionStatus, ReviewSuggestionAction> Machine = new("该审查建议", FilingLabels.Of,
        Allow.Row(ReviewSuggestionAction.MarkIncomplete, "告知补充材料", ActorKinds.Staff, ReviewSuggestionStatus.Received),
        Allow.Row(ReviewSuggestionAction.Decline, "不予审查", ActorKinds.Staff, ReviewSuggestionStatus.Received),
        Allow.Row(ReviewSuggestionAction.TakeUp, "启动审查", ActorKinds.Staff, ReviewSuggestionStatus.Received),
        Allow.Row(ReviewSuggestionAction.Answer, "反馈审查结果", ActorKinds.Staff | ActorKinds.System, ReviewSuggestionStatus.TakenUp));

    /// <summary>The suggestions waiting for the review's result, for queries.</summary>
    public static readonly IReadOnlyList<ReviewSuggestionStatus> AwaitingResult = [.. Machine.StatesFor(ReviewSuggestionAction.Answer)];

    public bool Can(ReviewSuggestionAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    public void MarkIncomplete(DateOnly on, string reply) => Tell(ReviewSuggestionAction.MarkIncomplete, ReviewSuggestionStatus.Incomplete, on, reply);

    public void Decline(DateOnly on, string reply) => Tell(ReviewSuggestionAction.Decline, ReviewSuggestionStatus.NotTakenUp, on, reply);

    public void TakeUp(int reviewId)
    {
        Machine.Require(Status, ReviewSuggestionAction.TakeUp);
        Status = ReviewSuggestionStatus.TakenUp;
        ReviewId = reviewId;
    }

    public void Answer(DateOnly on, string reply) => Tell(ReviewSuggestionAction.Answer, ReviewSuggestionStatus.Answered, on, reply);

    /// <summary>A step that ends with the proposer told: what is missing, why not, or the result.</summary>
    private void Tell(ReviewSuggestionAction action, ReviewSuggestionStatus to, DateOnly on, string reply)
    {
        Machine.Require(Status, action);
        Status = to;
        Reply = reply;
        RepliedOn = on;
    }
}
