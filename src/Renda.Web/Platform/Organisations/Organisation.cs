using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Platform.Organisations;

public enum RegionLevel { National = 1, Province = 2, Prefecture = 3, County = 4, Township = 5 }

/// <summary>
/// A people's congress and its standing committee (a township congress has a presidium instead).
/// Identified by the 6-digit administrative division code of its region, which is also the
/// code used in every API path (/api/v1/congresses/632800/...).
/// </summary>
public class Congress
{
    public int Id { get; set; }
    [MaxLength(12)] public required string Code { get; set; }
    /// <summary>Region name, e.g. 海西蒙古族藏族自治州.</summary>
    [MaxLength(100)] public required string RegionName { get; set; }
    /// <summary>Short name used in sentences, e.g. 海西州.</summary>
    [MaxLength(50)] public required string ShortName { get; set; }
    public RegionLevel Level { get; set; } = RegionLevel.National;
    public int? ParentId { get; set; }
    public Congress? Parent { get; set; }

    public string StandingCommitteeName => Level == RegionLevel.Township ? $"{ShortName}人大主席团" : $"{ShortName}人大常委会";
}

/// <summary>届: a congress's term, numbered (第十四届) with its dates.</summary>
public class Term
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    public Congress? Congress { get; set; }
    public int Number { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
}

public enum CommitteeKind { SpecialCommittee = 1, WorkingBody = 2, Office = 3 }

/// <summary>专门委员会 or 工作机构 of a standing committee; work items are owned by one of them.</summary>
public class Committee
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    public Congress? Congress { get; set; }
    [MaxLength(100)] public required string Name { get; set; }
    public CommitteeKind Kind { get; set; } = CommitteeKind.SpecialCommittee;
    /// <summary>The committee that keeps deputies' records (代表工作委员会 / 人事代表选举委员会): its staff may see personal data.</summary>
    public bool ManagesDeputies { get; set; }
}

public enum HandlingUnitKind { Government = 1, GovernmentDepartment = 2, SupervisoryCommission = 3, Court = 4, Procuratorate = 5, Other = 6 }

/// <summary>承办单位: an organ of 一府一委两院 that handles suggestions and answers opinions.</summary>
public class HandlingUnit
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    public Congress? Congress { get; set; }
    [MaxLength(100)] public required string Name { get; set; }
    public HandlingUnitKind Kind { get; set; } = HandlingUnitKind.Government;
    public bool Active { get; set; } = true;
}

public enum StandingCommitteePost { Chair = 1, ViceChair = 2, SecretaryGeneral = 3, Member = 4 }

/// <summary>
/// A seat on the standing committee (常委会组成人员) from SeatedOn until LeftOn.
/// "All members" on a day is the number of seats open that day, never those present.
/// </summary>
public class StandingCommitteeMember
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    public Congress? Congress { get; set; }
    public int TermId { get; set; }
    public Term? Term { get; set; }
    public int PersonId { get; set; }
    public People.Person? Person { get; set; }
    public StandingCommitteePost Post { get; set; } = StandingCommitteePost.Chair;
    public DateOnly SeatedOn { get; set; }
    public DateOnly? LeftOn { get; set; }

    public bool IsSeatedOn(DateOnly day) => SeatedOn <= day && (LeftOn is null || LeftOn > day);
}
