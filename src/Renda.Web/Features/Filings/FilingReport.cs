using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Filings;

/// <summary>The published annual report on filing and review work (北京 第四十条): figures are computed, the publication is recorded.</summary>
public class FilingReport
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    public int Year { get; set; }
    public DateOnly PublishedOn { get; set; }
    [MaxLength(20_000)] public required string Text { get; set; }
}
