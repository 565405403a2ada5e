using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Meetings;

/// <summary>A progress report of an adopted project.</summary>
public class LivelihoodProgress
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public DateOnly ReportedOn { get; set; }
    public int PercentDone { get; set; }
    [MaxLength(2000)] public required string Text { get; set; }
}
