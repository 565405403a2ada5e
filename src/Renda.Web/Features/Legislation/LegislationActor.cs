using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Identity;
using Renda.Web.Platform.Web;

namespace Renda.Web.Features.Legislation;

/// <summary>Who acts in the legislation module, from the sign-in's claims.</summary>
public sealed record LegislationActor(int AccountId, int CongressId, int? PersonId, bool IsStaff, bool IsCouncil, bool IsMember, bool IsDeputy)
{
    public static LegislationActor For(CurrentUser user)
        => new(user.AccountId ?? throw DomainException.Forbidden("请先登录。"), user.CongressId ?? throw DomainException.Forbidden("请先登录。"),
            user.PersonId, user.Has(Role.CommitteeStaff), user.Has(Role.ChairpersonsCouncilMember), user.Has(Role.StandingCommitteeMember), user.Has(Role.Deputy));

    /// <summary>Bills, plans, comment periods and approvals are kept by the committee's staff (法制工作委员会, 办公室).</summary>
    public void RequireStaff()
    {
        if (!IsStaff) throw DomainException.Forbidden("只有常委会工作人员可以办理此操作。");
    }

    /// <summary>Members deliberate bills, the council decides agendas: they read everything of their congress.</summary>
    public bool MayRead => IsStaff || IsCouncil || IsMember;

    public void RequireRead()
    {
        if (!MayRead) throw DomainException.Forbidden("只有常委会组成人员和工作人员可以查看立法工作。");
    }

    /// <summary>The same person in the meetings module, for putting readings on agendas and preparing votes.</summary>
    public MeetingActor ForMeetings() => new(AccountId, CongressId, PersonId, [], IsStaff, IsCouncil);
}
