using System.ComponentModel.DataAnnotations;
using Renda.Web.Platform.Web;
using Renda.Web.Platform.Audit;

namespace Renda.Web.Features.Supervision;

/// <summary>What a plan topic becomes: counted by the statistics under these headings.</summary>
public enum SupervisionKind { WorkReport = 1, FinanceReport = 2, Inspection = 3, Survey = 4, Inquiry = 5, DeputyInspection = 6, PostAppointment = 7 }

/// <summary>Where a topic came from (监督法第十二条).</summary>
public enum TopicSource { CommitteeDecision = 1, InspectionFindings = 2, DeputySuggestions = 3, Petitions = 4, PublicConcern = 5, PartyCommittee = 6, Other = 7 }

public enum PlanStatus { Draft = 1, Published = 2 }

/// <summary>年度监督工作计划: made public once published (第六十三条).</summary>
public class SupervisionPlan
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    public int Year { get; set; }
    [MaxLength(200)] public required string Title { get; set; }
    public PlanStatus Status { get; set; } = PlanStatus.Draft;
    public DateOnly? PublishedOn { get; set; }
    public List<PlanTopic> Topics { get; set; } = [];

    public void Publish(DateOnly on)
    {
        if (Status == PlanStatus.Published) throw DomainException.Conflict("监督工作计划已经发布。");
        if (Topics.Count == 0) throw DomainException.Conflict("计划没有议题，不能发布。");
        Status = PlanStatus.Published;
        PublishedOn = on;
    }
}

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

public enum InspectionStatus { Planned = 1, UnderWay = 2, Reported = 3 }

/// <summary>执法检查 (第三十一—三十七条). A joint inspection (联动) has parts carried out by lower congresses: each part is a row of the lower congress with ParentId.</summary>
public class LawEnforcementInspection
{
    public const string Subject = "LawEnforcementInspection";
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
    [MaxLength(20_000)] public string? Findings { get; set; }
    public InspectionStatus Status { get; set; } = InspectionStatus.Planned;
    /// <summary>The report (its assessment and proposals) goes through the work-report loop.</summary>
    public int? ReportId { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<InspectionTeamMember> Team { get; set; } = [];
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

/// <summary>专题询问 (第四十七—五十条), usually on a report heard at the same meeting.</summary>
public class SpecialInquiry
{
    public const string Subject = "SpecialInquiry";
    public int Id { get; set; }
    public int CongressId { get; set; }
    public int Year { get; set; }
    public int? TopicId { get; set; }
    [MaxLength(300)] public required string Title { get; set; }
    public int? MeetingId { get; set; }
    public int? WorkReportId { get; set; }
    public DateOnly HeldOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<InquiryQuestion> Questions { get; set; } = [];
}

public class InquiryQuestion
{
    public int Id { get; set; }
    public int InquiryId { get; set; }
    [MaxLength(50)] public required string Asker { get; set; }
    [MaxLength(100)] public required string AddressedOrgan { get; set; }
    [MaxLength(2000)] public required string Question { get; set; }
    [MaxLength(50)] public string? AnsweredBy { get; set; }
    [MaxLength(5000)] public string? Answer { get; set; }
    /// <summary>What the answerer committed to, followed up until done.</summary>
    [MaxLength(1000)] public string? Commitment { get; set; }
    public DateOnly? CommitmentDoneOn { get; set; }
}

public enum SurveyKind { Survey = 1, DeputyInspection = 2 }

/// <summary>专题调研 by the committee, or 代表视察 by deputies.</summary>
public class Survey
{
    public const string Subject = "Survey";
    public int Id { get; set; }
    public int CongressId { get; set; }
    public int Year { get; set; }
    public SurveyKind Kind { get; set; } = SurveyKind.Survey;
    public int? TopicId { get; set; }
    [MaxLength(300)] public required string Topic { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    [MaxLength(1000)] public string? Places { get; set; }
    [MaxLength(1000)] public string? Participants { get; set; }
    [MaxLength(20_000)] public string? Findings { get; set; }
    [MaxLength(50_000)] public string? Report { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<SurveyDeputy> Deputies { get; set; } = [];
}

public class SurveyDeputy
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int DeputyId { get; set; }
}

/// <summary>Filed → Answered → (more than half dissatisfied) SecondAnswerRequired → Answered again → Closed.</summary>
public enum InterpellationStatus { Filed = 1, Answered = 2, SecondAnswerRequired = 3, Closed = 4 }

/// <summary>质询案 (第五十一—五十三条).</summary>
public class Interpellation
{
    public const string Subject = "Interpellation";
    public int Id { get; set; }
    public int CongressId { get; set; }
    public int Year { get; set; }
    public int? MeetingId { get; set; }
    public int OrganId { get; set; }
    [MaxLength(300)] public required string Title { get; set; }
    [MaxLength(10_000)] public required string Questions { get; set; }
    public DateOnly FiledOn { get; set; }
    public InterpellationStatus Status { get; set; } = InterpellationStatus.Filed;
    [MaxLength(20_000)] public string? Answer { get; set; }
    [MaxLength(50)] public string? AnsweredBy { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    [MaxLength(20_000)] public string? SecondAnswer { get; set; }
    public DateOnly? SecondAnsweredOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<InterpellationProposer> Proposers { get; set; } = [];
}

public class InterpellationProposer
{
    public int Id { get; set; }
    public int InterpellationId { get; set; }
    public int PersonId { get; set; }
    [MaxLength(50)] public required string Name { get; set; }
    /// <summary>Satisfied with the current answer; null while not stated. Reset when a second answer comes.</summary>
    public bool? Satisfied { get; set; }
}

public enum ReviewStatus { Reporting = 1, Appraising = 2, Closed = 3 }

/// <summary>任后监督: one official appointed by the standing committee reports on their performance in a year; members appraise.</summary>
public class PostAppointmentReview
{
    public const string Subject = "PostAppointmentReview";
    public int Id { get; set; }
    public int CongressId { get; set; }
    public int Year { get; set; }
    public int AppointmentId { get; set; }
    [MaxLength(50)] public required string OfficialName { get; set; }
    [MaxLength(100)] public required string Post { get; set; }
    public int? MeetingId { get; set; }
    /// <summary>Oral at the meeting or written (会议报告与书面报告相结合, seed 004).</summary>
    public bool WrittenReport { get; set; }
    [MaxLength(50_000)] public string? PerformanceReport { get; set; }
    public ReviewStatus Status { get; set; } = ReviewStatus.Reporting;
    /// <summary>The choices offered, copied from the settings when appraisal opens, so a later change does not alter this round.</summary>
    [MaxLength(200)] public string? Choices { get; set; }
    /// <summary>The day whose seated members may appraise (the meeting's first day).</summary>
    public DateOnly? AppraisalOn { get; set; }
    /// <summary>SHA-256 over the receipts and the sorted papers, written through the audited path at closing (as a vote's digest).</summary>
    [MaxLength(64)] public string? BallotDigest { get; set; }
    public DateTime CreatedAt { get; set; }

    public IReadOnlyList<string> ChoiceList => (Choices ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>That a member appraised (one per member per review; the unique index refuses a second). Carries no choice.</summary>
public class AppraisalReceipt : INotAudited
{
    public int Id { get; set; }
    public int ReviewId { get; set; }
    public int PersonId { get; set; }
    public DateTime At { get; set; }
}

/// <summary>The choice, on a paper with a random key and no link to the member (as SecretBallotPaper).</summary>
public class AppraisalPaper : INotAudited
{
    public Guid Id { get; set; }
    public int ReviewId { get; set; }
    [MaxLength(20)] public required string Choice { get; set; }
}
