using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Meetings;

/// <summary>A candidate project submitted by the government.</summary>
public class LivelihoodProject
{
    public int Id { get; set; }
    public int BallotId { get; set; }
    public int Order { get; set; }
    [MaxLength(200)] public required string Name { get; set; }
    [MaxLength(100)] public required string Department { get; set; }
    /// <summary>万元.</summary>
    public decimal Budget { get; set; }
    [MaxLength(2000)] public required string Description { get; set; }
    public int? Votes { get; set; }
    public int? Rank { get; set; }
    public bool Adopted { get; set; }
    public List<LivelihoodProgress> Progress { get; set; } = [];
}
