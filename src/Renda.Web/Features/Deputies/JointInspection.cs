using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Deputies;

/// <summary>
/// 四级人大代表集中视察: one event organised by a congress, with deputies of the province, prefecture, county and township
/// congresses; each deputy's duty record is in their own congress's archive, and participants are counted per level.
/// </summary>
public class JointInspection
{
    public const string Subject = "JointInspection";
    public int Id { get; set; }
    public int CongressId { get; set; }
    public int Year { get; set; }
    [MaxLength(300)] public required string Topic { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    [MaxLength(1000)] public string? Places { get; set; }
    [MaxLength(20_000)] public string? Findings { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<JointInspectionDeputy> Deputies { get; set; } = [];
}

public class JointInspectionDeputy
{
    public int Id { get; set; }
    public int JointInspectionId { get; set; }
    public int DeputyId { get; set; }
    /// <summary>The level of the deputy's congress when they took part (counted per level without a join up the tree).</summary>
    public Platform.Organisations.RegionLevel Level { get; set; }
}
