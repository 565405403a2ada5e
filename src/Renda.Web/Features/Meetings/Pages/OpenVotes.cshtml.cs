using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Meetings.Pages;

/// <summary>/votes — the votes open now in the member's congress: where a member finds what to vote on.</summary>
public class OpenVotesModel(RendaDbContext db) : MeetingPageModel(db)
{
    public sealed record Row(int Id, string Title, string Meeting, bool Secret, bool Voted, bool OnRoll);
    public List<Row> Rows { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var personId = Actor.PersonId;
        var casting = Vote.Machine.StatesFor(VoteAction.Cast).ToList();
        var open = await Db.Set<Vote>().AsNoTracking().Where(v => casting.Contains(v.Status))
            .Join(Db.Set<Meeting>().Where(m => m.CongressId == Actor.CongressId), v => v.MeetingId, m => m.Id, (v, m) => new { v.Id, v.Title, Meeting = m.Title, v.Secret })
            .OrderBy(v => v.Id).ToListAsync(ct);
        var ids = open.Select(v => v.Id).ToList();
        var voted = personId is { } p ? await Db.Set<VoteBallot>().Where(b => ids.Contains(b.VoteId) && b.PersonId == p).Select(b => b.VoteId).ToListAsync(ct) : [];
        var onRoll = personId is { } q ? await Db.Set<VoteMember>().Where(m => ids.Contains(m.VoteId) && m.PersonId == q && m.Present).Select(m => m.VoteId).ToListAsync(ct) : [];
        Rows = open.Select(v => new Row(v.Id, v.Title, v.Meeting, v.Secret, voted.Contains(v.Id), onRoll.Contains(v.Id))).ToList();
    }
}
