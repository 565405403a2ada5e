using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Meetings;

/// <summary>Votes open now on which this member has yet to vote: the first thing a member in the meeting room needs.</summary>
public sealed class VotesAwaiting : IHomeAlerts
{
    public async Task<IReadOnlyList<HomeAlert>> ForAsync(RendaDbContext db, CurrentUser user, CancellationToken ct)
    {
        if (user.PersonId is not { } person)
            return [];
        var casting = Vote.Machine.StatesFor(VoteAction.Cast).ToList();
        var count = await db.Set<VoteMember>().CountAsync(m => m.PersonId == person && m.Present
            && db.Set<Vote>().Any(v => v.Id == m.VoteId && casting.Contains(v.Status))
            && !db.Set<VoteBallot>().Any(b => b.VoteId == m.VoteId && b.PersonId == person), ct);
        return count > 0 ? [new HomeAlert($"会议正在表决：有 {count} 项表决等待您投票", "/votes", "votes-awaiting")] : [];
    }
}
