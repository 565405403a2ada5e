using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Meetings;

public enum FollowUpStatus { Open = 1, Done = 2 }

/// <summary>What may be done with a follow-up task; the table of <see cref="ResolutionTask.Machine"/> says in which states.</summary>
public enum FollowUpAction { Complete = 1 }

/// <summary>A follow-up task of an adopted resolution, with its own clock.</summary>
public class ResolutionTask
{
    public static readonly StateMachine<FollowUpStatus, FollowUpAction> Machine = new("落实任务", MeetingLabels.Of,
        Allow.Row(FollowUpAction.Complete, "报告落实情况", ActorKinds.Staff | ActorKinds.UnitOfficer, FollowUpStatus.Open));

    public int Id { get; set; }
    public int ResolutionId { get; set; }
    [MaxLength(500)] public required string Description { get; set; }
    public int? HandlingUnitId { get; set; }
    [MaxLength(100)] public required string Responsible { get; set; }
    public DateOnly DueOn { get; set; }
    public FollowUpStatus Status { get; private set; } = FollowUpStatus.Open;
    public DateOnly? DoneOn { get; private set; }
    [MaxLength(2000)] public string? Report { get; private set; }

    public bool Can(FollowUpAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    public void Complete(DateOnly on, string report)
    {
        if (!Can(FollowUpAction.Complete))
            throw DomainException.Conflict("该落实任务已办结。");
        Status = FollowUpStatus.Done;
        DoneOn = on;
        Report = report;
    }
}
