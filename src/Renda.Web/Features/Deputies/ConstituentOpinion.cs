using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Deputies;

/// <summary>Taken at a reception, or left online on the station's public page.</summary>
public enum OpinionSource { Reception = 1, Online = 2 }

/// <summary>Where the opinion went: 当场答复, 属地办理, 转交承办单位, 转为代表建议.</summary>
public enum OpinionRoute { OnTheSpot = 1, Township = 2, Referral = 3, Suggestion = 4 }

/// <summary>
/// Received → (Answered on the spot) | WithTownship → Answered | Referred → Answered | Suggested (the suggestion's answer read
/// back by a query) → FeedbackGiven → Closed (the constituent's satisfaction recorded).
/// </summary>
public enum OpinionStatus { Received = 1, WithTownship = 2, Referred = 3, Suggested = 4, Answered = 5, FeedbackGiven = 6, Closed = 7 }

public enum OpinionAction
{
    AnswerOnTheSpot = 1, HandToTownship = 2, Refer = 3, TurnIntoSuggestion = 4, RecordTownshipResult = 5, AnswerReferral = 6,
    RecordFeedback = 7, RecordSatisfaction = 8,
}

/// <summary>
/// A constituent's opinion (群众意见) followed to the end: 接待 → 收集 → 分级认领 → 交办 → 督办 → 反馈 → 满意度测评.
/// The contact is shown masked everywhere except the staff's detail page.
/// </summary>
public class ConstituentOpinion
{
    public const int MaxContent = 5000;
    public const int MaxReply = 2000;

    public int Id { get; set; }
    public int CongressId { get; set; }
    public int StationId { get; set; }
    public int? ReceptionDayId { get; set; }
    public OpinionSource Source { get; set; } = OpinionSource.Reception;
    /// <summary>What the constituent keeps to look the opinion up on the public page.</summary>
    [MaxLength(12)] public required string ReceiptCode { get; set; }
    [MaxLength(50)] public required string PersonName { get; set; }
    [MaxLength(100)] public required string Contact { get; set; }
    [MaxLength(MaxContent)] public required string Content { get; set; }
    [MaxLength(20)] public required string Category { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateTime ReceivedAt { get; set; }
    /// <summary>The online sender's network address as a keyed hash, to limit opinions per address and hour.</summary>
    [MaxLength(64)] public string? AddressHash { get; set; }

    public OpinionStatus Status { get; private set; } = OpinionStatus.Received;
    public OpinionRoute? Route { get; private set; }
    /// <summary>The township or street government it was handed to (属地办理).</summary>
    [MaxLength(100)] public string? Township { get; private set; }
    /// <summary>The handling unit of the same congress it was referred to.</summary>
    public int? HandlingUnitId { get; private set; }
    public DateOnly? RoutedOn { get; private set; }
    /// <summary>The deputy's draft suggestion it became (Suggestions module); its answer flows back through a query.</summary>
    public int? SuggestionId { get; private set; }
    [MaxLength(MaxReply)] public string? Answer { get; private set; }
    public DateOnly? AnsweredOn { get; private set; }
    [MaxLength(MaxReply)] public string? Feedback { get; private set; }
    public DateOnly? FeedbackOn { get; private set; }
    public Satisfaction? Satisfaction { get; private set; }
    public DateOnly? SatisfactionOn { get; private set; }

    public static readonly StateMachine<OpinionStatus, OpinionAction> Machine = new("该群众意见", DeputiesLabels.Of,
        Allow.Row(OpinionAction.AnswerOnTheSpot, "当场答复", ActorKinds.Staff | ActorKinds.System, OpinionStatus.Received),
        Allow.Row(OpinionAction.HandToTownship, "交属地办理", ActorKinds.Staff | ActorKinds.System, OpinionStatus.Received),
        Allow.Row(OpinionAction.Refer, "转交承办单位", ActorKinds.Staff | ActorKinds.System, OpinionStatus.Received),
        Allow.Row(OpinionAction.TurnIntoSuggestion, "转为代表建议", ActorKinds.Staff | ActorKinds.Deputy | ActorKinds.System, OpinionStatus.Received),
        Allow.Row(OpinionAction.RecordTownshipResult, "登记属地办理结果", ActorKinds.Staff | ActorKinds.System, OpinionStatus.WithTownship),
        Allow.Row(OpinionAction.AnswerReferral, "答复转交意见", ActorKinds.UnitOfficer | ActorKinds.System, OpinionStatus.Referred),
        Allow.Row(OpinionAction.RecordFeedback, "登记向群众反馈", ActorKinds.Staff | ActorKinds.System, OpinionStatus.Answered, OpinionStatus.Suggested),
        Allow.Row(OpinionAction.RecordSatisfaction, "登记群众满意度", ActorKinds.Staff | ActorKinds.System, OpinionStatus.FeedbackGiven));

    /// <summary>Opinions waiting for someone, for the work list and the statistics.</summary>
    public static readonly IReadOnlyList<OpinionStatus> Open = [OpinionStatus.Received, OpinionStatus.WithTownship, OpinionStatus.Referred, OpinionStatus.Suggested, OpinionStatus.Answered, OpinionStatus.FeedbackGiven];

    public bool Can(OpinionAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    public void AnswerOnTheSpot(DateOnly on, string answer)
    {
        Machine.Require(Status, OpinionAction.AnswerOnTheSpot);
        Routed(OpinionRoute.OnTheSpot, on);
        Answered(on, answer);
    }

    public void HandToTownship(DateOnly on, string township)
    {
        Machine.Require(Status, OpinionAction.HandToTownship);
        Routed(OpinionRoute.Township, on);
        Township = township;
        Status = OpinionStatus.WithTownship;
    }

    public void Refer(DateOnly on, int handlingUnitId)
    {
        Machine.Require(Status, OpinionAction.Refer);
        Routed(OpinionRoute.Referral, on);
        HandlingUnitId = handlingUnitId;
        Status = OpinionStatus.Referred;
    }

    public void TurnIntoSuggestion(DateOnly on, int suggestionId)
    {
        Machine.Require(Status, OpinionAction.TurnIntoSuggestion);
        Routed(OpinionRoute.Suggestion, on);
        SuggestionId = suggestionId;
        Status = OpinionStatus.Suggested;
    }

    public void RecordTownshipResult(DateOnly on, string result)
    {
        Machine.Require(Status, OpinionAction.RecordTownshipResult);
        Answered(on, result);
    }

    public void AnswerReferral(DateOnly on, string answer)
    {
        Machine.Require(Status, OpinionAction.AnswerReferral);
        Answered(on, answer);
    }

    /// <summary>
    /// The constituent is told the outcome. An opinion that became a suggestion can be fed back once the suggestion has its
    /// answer (<paramref name="suggestionAnswer"/>, read from the Suggestions module), which becomes the opinion's answer.
    /// </summary>
    public void RecordFeedback(DateOnly on, string feedback, (DateOnly On, string Text)? suggestionAnswer = null)
    {
        Machine.Require(Status, OpinionAction.RecordFeedback);
        if (Status == OpinionStatus.Suggested)
        {
            if (suggestionAnswer is not { } a) throw DomainException.Conflict("该意见转成的代表建议尚未答复，答复后才能向群众反馈。");
            Answer = a.Text;
            AnsweredOn = a.On;
        }
        Feedback = feedback;
        FeedbackOn = on;
        Status = OpinionStatus.FeedbackGiven;
    }

    public void RecordSatisfaction(DateOnly on, Satisfaction satisfaction)
    {
        Machine.Require(Status, OpinionAction.RecordSatisfaction);
        Satisfaction = satisfaction;
        SatisfactionOn = on;
        Status = OpinionStatus.Closed;
    }

    private void Routed(OpinionRoute route, DateOnly on)
    {
        Route = route;
        RoutedOn = on;
    }

    private void Answered(DateOnly on, string answer)
    {
        Answer = answer;
        AnsweredOn = on;
        Status = OpinionStatus.Answered;
    }
}
