using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Deputies;

/// <summary>代表联络站 / 代表之家 / 代表联络点.</summary>
public enum StationKind { Station = 1, Home = 2, Point = 3 }

/// <summary>
/// A liaison station (代表联络站) or 代表之家 run by one congress, where deputies of every level assigned to it (四级代表进站)
/// receive constituents on fixed days. Not a workflow: its details are kept up to date by staff.
/// </summary>
public class LiaisonStation
{
    public int Id { get; set; }
    /// <summary>The congress that runs it; its staff keep it, its receptions and its opinions.</summary>
    public int CongressId { get; set; }
    [MaxLength(100)] public required string Name { get; set; }
    public StationKind Kind { get; set; } = StationKind.Station;
    [MaxLength(200)] public required string Address { get; set; }
    /// <summary>The township or street (乡镇/街道) it serves; an opinion handled locally goes to its government.</summary>
    [MaxLength(100)] public required string Township { get; set; }
    [MaxLength(200)] public string? OpeningHours { get; set; }
    /// <summary>The fixed reception days in words (每月第一个星期五上午), as the notice board says.</summary>
    [MaxLength(500)] public string? ReceptionSchedule { get; set; }
    [MaxLength(500)] public string? Facilities { get; set; }
    public DateOnly? OpenedOn { get; set; }
    public List<StationDeputy> Deputies { get; set; } = [];
}

/// <summary>A deputy (of any congress above or below the station's: 四级代表进站) assigned to a station.</summary>
public class StationDeputy
{
    public int Id { get; set; }
    public int StationId { get; set; }
    public int DeputyId { get; set; }
    public DateOnly AssignedOn { get; set; }
}

/// <summary>
/// Money that built or runs a station (or a programme of stations such as "三室一站一平台"): the seed's ¥3.59 M of
/// 浙江援青项目资金 is the sum of such records for Haixi in 2023.
/// </summary>
public class StationFunding
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    /// <summary>The station it went to, or null when it went to a programme as a whole.</summary>
    public int? StationId { get; set; }
    [MaxLength(100)] public string? Programme { get; set; }
    [MaxLength(100)] public required string Source { get; set; }
    /// <summary>Yuan, two decimals.</summary>
    public decimal Amount { get; set; }
    [MaxLength(300)] public required string Purpose { get; set; }
    public int Year { get; set; }
}
