using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Supervision;

public enum PlanStatus { Draft = 1, Published = 2 }

public enum PlanAction { Publish = 1, DeleteTopic = 2 }

/// <summary>年度监督工作计划: made public once published (第六十三条).</summary>
public class SupervisionPlan
{
    public static readonly StateMachine<PlanStatus, PlanAction> Machine = new("监督工作计划", SupervisionLabels.Of,
        Allow.Row(PlanAction.Publish, "发布", ActorKinds.Staff, PlanStatus.Draft),
        // A published plan keeps its topics (they can be changed; the audit trail keeps what they were).
        Allow.Row(PlanAction.DeleteTopic, "删除议题", ActorKinds.Staff, PlanStatus.Draft));

    public int Id { get; set; }
    public int CongressId { get; set; }
    public int Year { get; set; }
    [MaxLength(200)] public required string Title { get; set; }
    public PlanStatus Status { get; private set; } = PlanStatus.Draft;
    public DateOnly? PublishedOn { get; private set; }
    public List<PlanTopic> Topics { get; set; } = [];

    public bool Can(PlanAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    public void Publish(DateOnly on)
    {
        Machine.Require(Status, PlanAction.Publish);
        if (Topics.Count == 0) throw Platform.Web.DomainException.Conflict("计划没有议题，不能发布。");
        Status = PlanStatus.Published;
        PublishedOn = on;
    }

    public void RemoveTopic(PlanTopic topic)
    {
        Machine.Require(Status, PlanAction.DeleteTopic);
        Topics.Remove(topic);
    }
}
