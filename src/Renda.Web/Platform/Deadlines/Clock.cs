namespace Renda.Web.Platform.Deadlines;

/// <summary>
/// What a legal clock is for, typed: a module lists its purposes once (in its <c>&lt;Module&gt;Clocks</c> class) and finds its
/// running clocks by them, never by a bare string. Stored as <see cref="Key"/> ("answer:12" — the purpose and, where one
/// subject has a clock per handling unit or per organ, that qualifier).
/// </summary>
public readonly record struct ClockPurpose(string Name, int? Qualifier = null)
{
    public string Key => Qualifier is { } q ? $"{Name}:{q}" : Name;

    /// <summary>Whether a stored key is this purpose (any qualifier when this one has none).</summary>
    public bool Matches(string? key) => key is not null && (key == Key || (Qualifier is null && key.StartsWith(Name + ":", StringComparison.Ordinal)));

    /// <summary>The prefix of the keys of this purpose for every qualifier, for a query: <c>d.Purpose.StartsWith(p.AnyQualifier)</c>.</summary>
    public string AnyQualifier => Name + ":";

    public override string ToString() => Key;
}

/// <summary>One legal clock: its title, its rule and legal source (shown to users beside the due date), its period and its purpose.</summary>
public sealed record ClockSpec(string Title, string Rule, string Source, PeriodUnit Unit, int Amount, ClockPurpose Purpose);

/// <summary>The record a clock runs for: the module's subject type ("suggestion", "bill" …) and the record's key.</summary>
public readonly record struct ClockSubject(string Type, string Id);

/// <summary>Who answers for a clock and is reminded and escalated when it runs out.</summary>
public readonly record struct ClockOwner(int? AccountId = null, int? HandlingUnitId = null, int? CommitteeId = null)
{
    public static ClockOwner Unit(int unitId) => new(HandlingUnitId: unitId);
    public static ClockOwner Account(int accountId) => new(AccountId: accountId);
    public static ClockOwner Committee(int committeeId) => new(CommitteeId: committeeId);
}

/// <summary>Everything <see cref="Deadlines.Start(Data.RendaDbContext, WorkCalendar, ClockStart)"/> needs: which clock, for what, from when, owned by whom.</summary>
public sealed record ClockStart(int CongressId, ClockSubject Subject, ClockSpec Clock, DateOnly StartsOn, ClockOwner Owner = default);
