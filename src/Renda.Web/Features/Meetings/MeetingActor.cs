using Renda.Web.Platform.People;

namespace Renda.Web.Features.Meetings;

/// <summary>
/// Who acts in the meetings module, read from the sign-in's claims (no query: a ballot must be cheap). Meetings, votes,
/// registers and appointments are kept by the committee's staff (办公室, 人事任免工作机构): <see cref="Actor.RequireStaff"/>.
/// </summary>
public sealed record MeetingActor : Actor
{
    public MeetingActor(CurrentUser user) : base(user)
    {
    }

    /// <summary>Another module's actor acting through the meetings (a bill's reading, a work report on the agenda): the same person and kinds.</summary>
    public MeetingActor(Actor other) : base(other.AccountId, other.CongressId, other.PersonId, other.UnitIds, other.Kinds)
    {
    }

    public static MeetingActor For(CurrentUser user) => new(user);

    public bool MayRead => IsStaff || IsCouncil || PersonId is not null || UnitIds.Count > 0;

    /// <summary>The serving deputy of this congress behind the account, for ballots and evaluations.</summary>
    public async Task<int> RequireDeputyAsync(RendaDbContext db, CancellationToken ct)
    {
        if (PersonId is { } p && await db.Deputies.Where(d => d.PersonId == p && d.CongressId == CongressId && d.Status == DeputyStatus.Serving)
                .OrderByDescending(d => d.TermId).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct) is { } id)
            return id;
        throw DomainException.Forbidden("只有本级人大的在任代表可以投票或测评。");
    }
}
