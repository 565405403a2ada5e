using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Deputies;

/// <summary>Who is expected to make the contacts of a kind, so that those below the yearly minimum can be listed.</summary>
public enum ContactorGroup { Members = 1, Council = 2, Deputies = 3, Staff = 4 }

public enum ContactMethod { Visit = 1, Symposium = 2, Phone = 3, Online = 4 }

public enum ContactorRole { Member = 1, Deputy = 2, Staff = 3 }

/// <summary>A kind of 六联系 contact as a congress uses it, with the yearly minimum per person (administrator's list).</summary>
public class ContactKind
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    [MaxLength(50)] public required string Name { get; set; }
    public ContactorGroup Contactors { get; set; } = ContactorGroup.Deputies;
    public int YearlyMinimum { get; set; }
    public int SortOrder { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>六联系 记录: one contact of a kind — who contacted whom, how, about what.</summary>
public class ContactRecord
{
    public const string Subject = "ContactRecord";
    public int Id { get; set; }
    public int CongressId { get; set; }
    public int Year { get; set; }
    public int KindId { get; set; }
    public DateOnly On { get; set; }
    public ContactorRole ContactorRole { get; set; } = ContactorRole.Deputy;
    /// <summary>The person who contacted, when registered (a member or a deputy); staff may be named only.</summary>
    public int? ContactorPersonId { get; set; }
    /// <summary>The contactor's mandate in this congress, when a deputy: their duty record.</summary>
    public int? ContactorDeputyId { get; set; }
    [MaxLength(50)] public required string ContactorName { get; set; }
    public int? ContactedDeputyId { get; set; }
    /// <summary>The constituents contacted, described (e.g. "郭勒木德镇新华村村民12人").</summary>
    [MaxLength(300)] public string? Constituents { get; set; }
    public ContactMethod Method { get; set; } = ContactMethod.Visit;
    [MaxLength(5000)] public required string Content { get; set; }
    public DateTime CreatedAt { get; set; }
}
