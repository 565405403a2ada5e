using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Legislation;

public enum PlanCategory { Formal = 1, Preparatory = 2, Research = 3 }

public enum PlanProjectStatus { Planned = 1, InProgress = 2, Done = 3, Postponed = 4 }

/// <summary>What staff (and the bill's course) do to a plan project: each sets the state of its name.</summary>
public enum PlanProjectAction { Plan = 1, Start = 2, Complete = 3, Postpone = 4 }

/// <summary>A project of the annual legislative plan (年度立法工作计划).</summary>
public class PlanProject
{
    private static readonly PlanProjectStatus[] Any = Enum.GetValues<PlanProjectStatus>();

    /// <summary>The plan is the staff's to keep: a project may be set to any state from any state; the bill moves it along too.</summary>
    public static readonly StateMachine<PlanProjectStatus, PlanProjectAction> Machine = new("立法计划项目", LegislationLabels.Of,
        Allow.Row(PlanProjectAction.Plan, "列为未启动", ActorKinds.Staff, Any),
        Allow.Row(PlanProjectAction.Start, "推进", ActorKinds.Staff | ActorKinds.System, Any),
        Allow.Row(PlanProjectAction.Complete, "完成", ActorKinds.Staff | ActorKinds.System, Any),
        Allow.Row(PlanProjectAction.Postpone, "延后", ActorKinds.Staff, Any));

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
    public PlanProjectStatus Status { get; private set; } = PlanProjectStatus.Planned;
    public int? BillId { get; set; }

    public bool Can(PlanProjectAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    /// <summary>The action that sets a state (the API and the plan page name the state they want).</summary>
    public static PlanProjectAction ActionTo(PlanProjectStatus status) => status switch
    {
        PlanProjectStatus.Planned => PlanProjectAction.Plan,
        PlanProjectStatus.InProgress => PlanProjectAction.Start,
        PlanProjectStatus.Done => PlanProjectAction.Complete,
        PlanProjectStatus.Postponed => PlanProjectAction.Postpone,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public void Take(PlanProjectAction action)
    {
        Machine.Require(Status, action);
        Status = action switch
        {
            PlanProjectAction.Plan => PlanProjectStatus.Planned,
            PlanProjectAction.Start => PlanProjectStatus.InProgress,
            PlanProjectAction.Complete => PlanProjectStatus.Done,
            PlanProjectAction.Postpone => PlanProjectStatus.Postponed,
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }

    /// <summary>A bill drafted for a project that had not started yet sets it going.</summary>
    public void BillCreated(int billId)
    {
        BillId = billId;
        if (Status == PlanProjectStatus.Planned) Take(PlanProjectAction.Start);
    }
}
