using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Supervision;

public enum InspectionStatus { Planned = 1, UnderWay = 2, Reported = 3 }

public enum InspectionAction { RecordFindings = 1, Report = 2 }

/// <summary>执法检查 (第三十一—三十七条). A joint inspection (联动) has parts carried out by lower congresses: each part is a row of the lower congress with ParentId.</summary>
public class LawEnforcementInspection
{
    public const string Subject = "LawEnforcementInspection";

    public static readonly StateMachine<InspectionStatus, InspectionAction> Machine = new("执法检查", SupervisionLabels.Of,
        Allow.Row(InspectionAction.RecordFindings, "修改检查发现", ActorKinds.Staff, InspectionStatus.Planned, InspectionStatus.UnderWay),
        Allow.Row(InspectionAction.Report, "形成执法检查报告", ActorKinds.Staff, InspectionStatus.Planned, InspectionStatus.UnderWay));

    public int Id { get; set; }
    public int CongressId { get; set; }
    public int Year { get; set; }
    public int? ParentId { get; set; }
    public int? TopicId { get; set; }
    /// <summary>The law or regulation inspected, e.g. 《中华人民共和国教育法》.</summary>
    [MaxLength(200)] public required string Law { get; set; }
    [MaxLength(300)] public required string Title { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    [MaxLength(1000)] public string? Places { get; set; }
    public bool UsesQuestionnaire { get; set; }
    public bool UsesSpotCheck { get; set; }
    public bool UsesThirdPartyAssessment { get; set; }
    [MaxLength(20_000)] public string? Findings { get; private set; }
    public InspectionStatus Status { get; private set; } = InspectionStatus.Planned;
    /// <summary>The report (its assessment and proposals) goes through the work-report loop.</summary>
    public int? ReportId { get; private set; }
    public DateTime CreatedAt { get; set; }
    public List<InspectionTeamMember> Team { get; set; } = [];

    public bool Can(InspectionAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    /// <summary>What the team found; the inspection is under way until its report is made.</summary>
    public void RecordFindings(string findings)
    {
        Machine.Require(Status, InspectionAction.RecordFindings);
        Findings = findings;
        Status = InspectionStatus.UnderWay;
    }

    /// <summary>Checked before the report is registered in the work-report loop.</summary>
    public void RequireReportable()
    {
        Machine.Require(Status, InspectionAction.Report);
        if (Findings is null) throw DomainException.Conflict("请先记录检查发现的问题，再形成执法检查报告。");
    }

    /// <summary>The report, registered in the work-report loop, is the inspection's.</summary>
    public void Reported(int reportId)
    {
        RequireReportable();
        ReportId = reportId;
        Status = InspectionStatus.Reported;
    }
}

public enum TeamRole { Leader = 1, Member = 2, Deputy = 3, Expert = 4 }

public class InspectionTeamMember
{
    public int Id { get; set; }
    public int InspectionId { get; set; }
    public TeamRole Role { get; set; } = TeamRole.Leader;
    [MaxLength(50)] public required string Name { get; set; }
    public int? PersonId { get; set; }
    public int? DeputyId { get; set; }
}
