using Renda.Web.Platform.People;

namespace Renda.Web.Features.Suggestions;

/// <summary>
/// Who is acting on suggestions: the platform's <see cref="Actor"/> (account, congress, units, kinds) with what is the
/// module's own — the deputy's mandate and the name the history shows — resolved once per request.
/// </summary>
public sealed record SuggestionActor : Actor
{
    /// <summary>The name the history shows: a deputy's own name, otherwise the account's display name (e.g. 州教育局经办人).</summary>
    public string Name { get; }
    /// <summary>The serving deputy's mandate (Deputy.Id) of a deputy's account in this congress.</summary>
    public int? DeputyId { get; }

    public SuggestionActor(int accountId, string name, int congressId, int? deputyId, IReadOnlyList<int> unitIds, ActorKinds kinds, int? personId = null)
        : base(accountId, congressId, personId, unitIds, kinds)
    {
        Name = name;
        DeputyId = deputyId;
    }

    public static Task<SuggestionActor> ForAsync(RendaDbContext db, CurrentUser user, CancellationToken ct = default) => ForAsync(db, user, named: true, ct);

    /// <summary>
    /// The actor of a read, which records nothing under the actor's name: the name is not looked up (Name is the user
    /// name). For staff and units that is no query at all, a tenth of what a list request costs.
    /// </summary>
    public static Task<SuggestionActor> ForReadingAsync(RendaDbContext db, CurrentUser user, CancellationToken ct = default) => ForAsync(db, user, named: false, ct);

    private static async Task<SuggestionActor> ForAsync(RendaDbContext db, CurrentUser user, bool named, CancellationToken ct)
    {
        var congressId = user.CongressId ?? throw DomainException.Forbidden("请先登录。");
        int? deputyId = null;
        if (user.Has(Role.Deputy) && user.PersonId is { } personId)
            deputyId = await db.Deputies.Where(d => d.PersonId == personId && d.CongressId == congressId && d.Status == DeputyStatus.Serving)
                .OrderByDescending(d => d.TermId).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        var name = !named ? user.UserName ?? ""
            : deputyId is { } dep
            ? await db.Deputies.Where(d => d.Id == dep).Select(d => d.Person!.Name).FirstAsync(ct)
            : await db.Accounts.Where(a => a.Id == user.AccountId).Select(a => a.DisplayName).FirstOrDefaultAsync(ct) ?? user.UserName ?? "";
        return new(user.AccountId ?? throw DomainException.Forbidden("请先登录。"), name, congressId, deputyId, user.HandlingUnitIds.ToList(), KindsOf(user), user.PersonId);
    }

    /// <summary>A draft is the deputies' own until it is submitted; staff and the council see everything after that.</summary>
    public bool MayRead(Suggestion s) => s.CongressId == CongressId && (((IsStaff || IsCouncil) && s.Status != SuggestionStatus.Draft)
        || (DeputyId is { } d && (s.LeadDeputyId == d || s.Signers.Any(x => x.DeputyId == d && x.Stands)))
        || (s.Status != SuggestionStatus.Draft && s.Assignments.Any(a => UnitIds.Contains(a.HandlingUnitId))));

    public int RequireUnit(Suggestion s, int? unitId)
    {
        var unit = unitId ?? (UnitIds.Count == 1 ? UnitIds[0] : throw DomainException.Invalid("unitId", "请指明以哪个承办单位的身份办理。"));
        if (!UnitIds.Contains(unit)) throw DomainException.Forbidden("只有承办单位经办人可以办理此操作。");
        return unit;
    }

    public int RequireDeputy() => DeputyId ?? throw DomainException.Forbidden("只有本级人大的在任代表可以办理此操作。");
}
