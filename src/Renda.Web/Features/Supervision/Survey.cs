using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Supervision;

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
