using System.ComponentModel.DataAnnotations;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Platform.People;

public enum Gender { Male = 1, Female = 2 }

/// <summary>A natural person. One person can be a deputy at several levels and a standing-committee member.</summary>
public class Person
{
    public int Id { get; set; }
    [MaxLength(50)] public required string Name { get; set; }
    public Gender Gender { get; set; } = Gender.Male;
    [MaxLength(20)] public string? Ethnicity { get; set; }
    [MaxLength(30)] public string? Party { get; set; }
    public DateOnly? BirthDate { get; set; }
    /// <summary>身份证号: stored in full, shown masked to anyone without a need (see PersonalData).</summary>
    [MaxLength(18)] public string? IdNumber { get; set; }
    [MaxLength(20)] public string? Phone { get; set; }
    [MaxLength(200)] public string? Occupation { get; set; }
}

public enum DeputyStatus { Serving = 1, Resigned = 2, Recalled = 3, Terminated = 4 }

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
    /// <summary>The delegation and the deputy group as entities, matched by name (<see cref="DeputyBodies"/>).</summary>
    public int? DelegationId { get; set; }
    public int? DeputyGroupId { get; set; }
    /// <summary>Given when the mandate is recorded (an imported register states it); changed after that only by <see cref="ChangeStatus"/>.</summary>
    public DeputyStatus Status { get => _status; init => _status = value; }
    private DeputyStatus _status = DeputyStatus.Serving;
    public DateOnly? StatusChangedOn { get; set; }

    /// <summary>
    /// Ends a mandate: only a serving deputy can resign, be recalled or have the mandate terminated
    /// (辞职、罢免、代表资格终止); an ended mandate cannot change again — a deputy elected anew holds a new mandate.
    /// </summary>
    public void ChangeStatus(DeputyStatus to, DateOnly on, DateOnly today)
    {
        if (on > today)
            throw DomainException.Invalid("date", "日期不能晚于今天。");
        if (Term is { } term && on < term.StartsOn)
            throw DomainException.Invalid("date", $"日期不能早于本届任期开始（{term.StartsOn:yyyy-MM-dd}）。");
        var allowed = Status switch
        {
            DeputyStatus.Serving => to != DeputyStatus.Serving,
            DeputyStatus.Resigned or DeputyStatus.Recalled or DeputyStatus.Terminated => false,
        };
        if (!allowed)
            throw DomainException.Conflict(Status == DeputyStatus.Serving
                ? "代表已在任，无需变更。"
                : $"代表已于 {StatusChangedOn:yyyy-MM-dd} {Status.Label()}，不能再变更为“{to.Label()}”。");
        _status = to;
        StatusChangedOn = on;
    }
}

/// <summary>The Chinese words for the people enums, as the UI and import files use them.</summary>
public static class PeopleLabels
{
    public static string Label(this Gender gender) => gender switch
    {
        Gender.Male => "男",
        Gender.Female => "女",
    };

    public static string Label(this DeputyStatus status) => status switch
    {
        DeputyStatus.Serving => "在任",
        DeputyStatus.Resigned => "辞职",
        DeputyStatus.Recalled => "罢免",
        DeputyStatus.Terminated => "终止",
    };

    public static Gender? ParseGender(string? text) => Enum.GetValues<Gender>().Cast<Gender?>().FirstOrDefault(g => g!.Value.Label() == text);

    public static DeputyStatus? ParseStatus(string? text) => Enum.GetValues<DeputyStatus>().Cast<DeputyStatus?>().FirstOrDefault(s => s!.Value.Label() == text);
}
