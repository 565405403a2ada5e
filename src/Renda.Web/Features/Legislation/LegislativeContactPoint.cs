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
    /// <summary>The deputies who work with the point (of any level, as at a liaison station): they join its consultations on drafts.</summary>
    public List<ContactPointDeputy> Deputies { get; set; } = [];
}

/// <summary>A deputy (of the point's congress or of one above or below it) assigned to a contact point.</summary>
public class ContactPointDeputy
{
    public int Id { get; set; }
    public int ContactPointId { get; set; }
    public int DeputyId { get; set; }
    public DateOnly AssignedOn { get; set; }
}
