using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Supervision;

/// <summary>Filed → Answered → (more than half dissatisfied) SecondAnswerRequired → Answered again → Closed.</summary>
public enum InterpellationStatus { Filed = 1, Answered = 2, SecondAnswerRequired = 3, Closed = 4 }

public enum InterpellationAction { Answer = 1, Rate = 2 }

/// <summary>质询案 (第五十一—五十三条).</summary>
public class Interpellation
{
    public const string Subject = "Interpellation";

    public static readonly StateMachine<InterpellationStatus, InterpellationAction> Machine = new("质询案", SupervisionLabels.Of,
        Allow.Row(InterpellationAction.Answer, "答复", ActorKinds.Staff | ActorKinds.UnitOfficer, InterpellationStatus.Filed, InterpellationStatus.SecondAnswerRequired),
        Allow.Row(InterpellationAction.Rate, "表明满意程度", ActorKinds.Staff | ActorKinds.Member, InterpellationStatus.Answered));

    public int Id { get; set; }
    public int CongressId { get; set; }
    public int Year { get; set; }
    public int? MeetingId { get; set; }
    public int OrganId { get; set; }
    [MaxLength(300)] public required string Title { get; set; }
    [MaxLength(10_000)] public required string Questions { get; set; }
    public DateOnly FiledOn { get; set; }
    public InterpellationStatus Status { get; private set; } = InterpellationStatus.Filed;
    [MaxLength(20_000)] public string? Answer { get; private set; }
    [MaxLength(50)] public string? AnsweredBy { get; private set; }
    public DateOnly? AnsweredOn { get; private set; }
    [MaxLength(20_000)] public string? SecondAnswer { get; private set; }
    public DateOnly? SecondAnsweredOn { get; private set; }
    public DateTime CreatedAt { get; set; }
    public List<InterpellationProposer> Proposers { get; set; } = [];

    public bool Can(InterpellationAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    /// <summary>The organ answers; a second answer (asked by the proposers' dissatisfaction) asks each proposer again.</summary>
    public void AnswerWith(string text, string by, DateOnly on)
    {
        Machine.Require(Status, InterpellationAction.Answer);
        if (AnsweredOn is null)
            (Answer, AnsweredBy, AnsweredOn) = (text, by, on);
        else
        {
            (SecondAnswer, AnsweredBy, SecondAnsweredOn) = (text, by, on);
            foreach (var p in Proposers) p.AskAgain();
        }
        Status = InterpellationStatus.Answered;
    }

    /// <summary>Each proposer states satisfaction; when all have, more than half dissatisfied asks for a second answer (第五十三条), otherwise it closes.</summary>
    public void Rate(int personId, bool satisfied)
    {
        Machine.Require(Status, InterpellationAction.Rate);
        var p = Proposers.FirstOrDefault(x => x.PersonId == personId) ?? throw DomainException.Forbidden("只有质询案的提议人可以表明满意程度。");
        p.State(satisfied);
        if (Proposers.All(x => x.Satisfied is not null))
        {
            var dissatisfied = Proposers.Count(x => x.Satisfied == false);
            Status = dissatisfied * 2 > Proposers.Count && SecondAnswer is null ? InterpellationStatus.SecondAnswerRequired : InterpellationStatus.Closed;
        }
    }
}

public class InterpellationProposer
{
    public int Id { get; set; }
    public int InterpellationId { get; set; }
    public int PersonId { get; set; }
    [MaxLength(50)] public required string Name { get; set; }
    /// <summary>Satisfied with the current answer; null while not stated. Reset when a second answer comes.</summary>
    public bool? Satisfied { get; private set; }

    internal void State(bool satisfied) => Satisfied = satisfied;
    internal void AskAgain() => Satisfied = null;
}
