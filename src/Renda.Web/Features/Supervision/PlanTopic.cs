using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Supervision;

/// <summary>What a plan topic becomes: counted by the statistics under these headings.</summary>
public enum SupervisionKind { WorkReport = 1, FinanceReport = 2, Inspection = 3, Survey = 4, Inquiry = 5, DeputyInspection = 6, PostAppointment = 7 }

/// <summary>Where a topic came from (监督法第十二条).</summary>
public enum TopicSource { CommitteeDecision = 1, InspectionFindings = 2, DeputySuggestions = 3, Petitions = 4, PublicConcern = 5, PartyCommittee = 6, Other = 7 }

/// <summary>A topic of the annual plan, carried out by a report, an inspection, a survey or an inquiry.</summary>
public class PlanTopic
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    [MaxLength(300)] public required string Title { get; set; }
    public SupervisionKind Kind { get; set; } = SupervisionKind.WorkReport;
    public TopicSource Source { get; set; } = TopicSource.CommitteeDecision;
    [MaxLength(500)] public string? SourceNote { get; set; }
    /// <summary>A concentrated deputy suggestion behind the topic (suggestions module).</summary>
    public int? SuggestionId { get; set; }
    public int? CommitteeId { get; set; }
    public int? OrganId { get; set; }
    /// <summary>The month of the meeting at which it is planned to be heard.</summary>
    public int? PlannedMonth { get; set; }
}
