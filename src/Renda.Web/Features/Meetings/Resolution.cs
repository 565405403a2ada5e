using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Meetings;

public enum ResolutionKind { Resolution = 1, Decision = 2 }

/// <summary>Draft (on an agenda) → Adopted or Rejected by the meeting's vote; Withdrawn before the vote.</summary>
public enum ResolutionStatus { Draft = 1, Adopted = 2, Rejected = 3, Withdrawn = 4 }

/// <summary>What may be done with a resolution; the table of <see cref="Resolution.Machine"/> says in which states.</summary>
public enum ResolutionAction { Decide = 1, Withdraw = 2, AddTask = 3 }

/// <summary>A resolution or decision (决议、决定) of the standing committee: the register numbers adopted ones per year.</summary>
public class Resolution
{
    public const int MaxText = 50_000;

    public static readonly StateMachine<ResolutionStatus, ResolutionAction> Machine = new("决议决定", MeetingLabels.Of,
        Allow.Row(ResolutionAction.Decide, "再次表决", ActorKinds.Staff | ActorKinds.System, ResolutionStatus.Draft),
        Allow.Row(ResolutionAction.Withdraw, "撤回", ActorKinds.Staff, ResolutionStatus.Draft),
        Allow.Row(ResolutionAction.AddTask, "登记落实任务", ActorKinds.Staff, ResolutionStatus.Adopted));

    public int Id { get; set; }
    public int CongressId { get; set; }
    public ResolutionKind Kind { get; set; } = ResolutionKind.Resolution;
    [MaxLength(200)] public required string Title { get; set; }
    [MaxLength(MaxText)] public required string Text { get; set; }
    public int MeetingId { get; set; }
    public int? AgendaItemId { get; set; }
    public int? VoteId { get; private set; }
    public ResolutionStatus Status { get; private set; } = ResolutionStatus.Draft;
    /// <summary>Year and serial of the register, given on adoption: 〔2023〕5号.</summary>
    public int? Year { get; private set; }
    public int? Serial { get; private set; }
    public DateOnly? AdoptedOn { get; private set; }
    public DateTime CreatedAt { get; set; }
    public List<ResolutionTask> Tasks { get; set; } = [];

    public string? Number => Serial is { } s ? $"〔{Year}〕{s}号" : null;

    public bool Can(ResolutionAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    public void Decide(bool adopted, DateOnly on, int serial, int voteId)
    {
        Machine.Require(Status, ResolutionAction.Decide);
        VoteId = voteId;
        Status = adopted ? ResolutionStatus.Adopted : ResolutionStatus.Rejected;
        if (!adopted) return;
        AdoptedOn = on;
        Year = on.Year;
        Serial = serial;
    }

    public void Withdraw()
    {
        Machine.Require(Status, ResolutionAction.Withdraw);
        Status = ResolutionStatus.Withdrawn;
    }

    /// <summary>A follow-up task of an adopted resolution, due after the adoption day.</summary>
    public ResolutionTask AddTask(string description, int? unitId, string responsible, DateOnly dueOn)
    {
        if (!Can(ResolutionAction.AddTask)) throw DomainException.Conflict("只有已通过的决议决定才有落实任务。");
        if (dueOn <= AdoptedOn) throw DomainException.Invalid("dueOn", "完成期限应晚于决议决定通过日期。");
        if (dueOn.DayNumber - AdoptedOn!.Value.DayNumber > Platform.Deadlines.Deadlines.MaxAmount) throw DomainException.Invalid("dueOn", "完成期限过远。");
        var task = new ResolutionTask { Description = description, HandlingUnitId = unitId, Responsible = responsible, DueOn = dueOn };
        Tasks.Add(task);
        return task;
    }
}
