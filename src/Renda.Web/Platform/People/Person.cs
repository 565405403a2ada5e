using System.ComponentModel.DataAnnotations;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Platform.People;

public enum Gender { Male = 0, Female = 1 }

/// <summary>A natural person. One person can be a deputy at several levels and a standing-committee member.</summary>
public class Person
{
    public int Id { get; set; }
    [MaxLength(50)] public required string Name { get; set; }
    public Gender Gender { get; set; }
    [MaxLength(20)] public string? Ethnicity { get; set; }
    [MaxLength(30)] public string? Party { get; set; }
    public DateOnly? BirthDate { get; set; }
    /// <summary>身份证号: stored in full, shown masked to anyone without a need (see PersonalData).</summary>
    [MaxLength(18)] public string? IdNumber { get; set; }
    [MaxLength(20)] public string? Phone { get; set; }
    [MaxLength(200)] public string? Occupation { get; set; }
}

public enum DeputyStatus { Serving = 0, Resigned = 1, Recalled = 2, Terminated = 3 }

/// <summary>代表: a person's mandate as deputy to one congress for one term.</summary>
public class Deputy
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int CongressId { get; set; }
    public Congress? Congress { get; set; }
    public int TermId { get; set; }
    public Term? Term { get; set; }
    /// <summary>代表团 (deputies elected by a lower congress) or the electoral district for direct elections.</summary>
    [MaxLength(100)] public string? Delegation { get; set; }
    [MaxLength(100)] public string? ElectoralUnit { get; set; }
    [MaxLength(100)] public string? DeputyGroup { get; set; }
    public DeputyStatus Status { get; set; }
    public DateOnly? StatusChangedOn { get; set; }
}
