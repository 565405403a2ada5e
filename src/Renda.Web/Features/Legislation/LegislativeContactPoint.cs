using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Legislation;

/// <summary>基层立法联系点: a place (a township, a court, a school…) that collects opinions on drafts and forwards them.</summary>
public class LegislativeContactPoint
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    [MaxLength(100)] public required string Name { get; set; }
    [MaxLength(100)] public required string Location { get; set; }
    public DateOnly EstablishedOn { get; set; }
    public bool National { get; set; }
}
