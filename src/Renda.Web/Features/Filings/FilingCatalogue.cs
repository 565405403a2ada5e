using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Filings;

/// <summary>A filer's annual catalogue (年度目录) of the normative documents it issued; due by the end of January.</summary>
public class FilingCatalogue
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    public FilerType FilerType { get; set; } = FilerType.Government;
    public int? FilerHandlingUnitId { get; set; }
    public int? FilerCongressId { get; set; }
    [MaxLength(100)] public required string FilerName { get; set; }
    /// <summary>The year the listed documents were issued in.</summary>
    public int Year { get; set; }
    public DateOnly SubmittedOn { get; set; }
    public bool Late { get; set; }
    public List<CatalogueEntry> Entries { get; set; } = [];

    /// <summary>北京 第十七条: the catalogue of the previous year by 31 January.</summary>
    public static DateOnly DueOn(int year) => new(year + 1, 1, 31);
}

public class CatalogueEntry
{
    public int Id { get; set; }
    public int CatalogueId { get; set; }
    [MaxLength(200)] public required string Title { get; set; }
    [MaxLength(100)] public string? DocumentNumber { get; set; }
    public DateOnly PublishedOn { get; set; }
    /// <summary>Follow-up of an unfiled document (催报): when and what was done.</summary>
    public DateOnly? FollowedUpOn { get; private set; }
    [MaxLength(500)] public string? FollowUpNote { get; private set; }

    public void FollowUp(DateOnly on, string note)
    {
        FollowedUpOn = on;
        FollowUpNote = note;
    }
}
