using Renda.Web.Features.Meetings;

namespace Renda.Web.Features.Legislation;

/// <summary>Who acts in the legislation module, from the sign-in's claims (the kinds and the staff's checks are the platform's <see cref="Actor"/>).</summary>
public sealed record LegislationActor : Actor
{
    public LegislationActor(CurrentUser user) : base(user)
    {
    }

    /// <summary>Members deliberate bills, the council decides agendas: they read everything of their congress.</summary>
    public bool MayRead => IsStaff || IsCouncil || IsMember;

    public void RequireRead()
    {
        if (!MayRead) throw Platform.Web.DomainException.Forbidden("只有常委会组成人员和工作人员可以查看立法工作。");
    }

    /// <summary>The same person in the meetings module, for putting readings on agendas and preparing votes.</summary>
    public MeetingActor ForMeetings() => new(this);
}
