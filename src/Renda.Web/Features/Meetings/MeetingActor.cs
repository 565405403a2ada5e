using Microsoft.EntityFrameworkCore;
using Renda.Web.Data;
using Renda.Web.Platform.Identity;
using Renda.Web.Platform.People;
using Renda.Web.Platform.Web;

namespace Renda.Web.Features.Meetings;

/// <summary>Who acts in the meetings module, read from the sign-in's claims (no query: a ballot must be cheap).</summary>
public sealed record MeetingActor(int AccountId, int CongressId, int? PersonId, IReadOnlyList<int> UnitIds, bool IsStaff, bool IsCouncil)
{
    public MeetingActor(int accountId, int congressId, int? personId, IReadOnlyList<int> unitIds, ActorKinds kinds)
        : this(accountId, congressId, personId, unitIds, kinds.HasFlag(ActorKinds.Staff), kinds.HasFlag(ActorKinds.Council))
    {
    }

    public static MeetingActor For(CurrentUser user)
        => new(user.AccountId ?? throw DomainException.Forbidden("请先登录。"), user.CongressId ?? throw DomainException.Forbidden("请先登录。"),
            user.PersonId, user.HandlingUnitIds.ToList(), user.Has(Role.CommitteeStaff), user.Has(Role.ChairpersonsCouncilMember));

    /// <summary>Meetings, votes, registers and appointments are kept by the committee's staff (办公室, 人事任免工作机构).</summary>
    public void RequireStaff()
    {
        if (!IsStaff) throw DomainException.Forbidden("只有常委会工作人员可以办理此操作。");
    }

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
