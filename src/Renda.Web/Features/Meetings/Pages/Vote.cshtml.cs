using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renda.Web.Data;
using Renda.Web.Platform.Calendar;

namespace Renda.Web.Features.Meetings.Pages;

/// <summary>/votes/{id} — a member votes from the phone in the meeting room; staff open and close the vote; afterwards the result sheet.</summary>
public class VotePageModel(RendaDbContext db, WorkCalendar calendar, IEnumerable<IAgendaSubject> subjects) : MeetingPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public VoteView V { get; private set; } = null!;

    protected override async Task LoadAsync(CancellationToken ct) => V = await MeetingQueries.VoteAsync(Db, Actor, Id, ct);

    public Task<IActionResult> OnPostCastAsync(BallotChoice choice, CancellationToken ct)
        => StepAsync(a => VoteWorkflow.CastAsync(Db, a, Id, choice, ct), $"您的表决（{MeetingLabels.Of(choice)}）已记录。", () => $"/votes/{Id}", ct);

    public Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
        => StepAsync(a => VoteWorkflow.OpenAsync(Db, a, Id, ct), "表决开始。", () => $"/votes/{Id}", ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
        => StepAsync(a => VoteWorkflow.CloseAsync(Db, calendar, subjects, a, Id, ct), "表决结束，结果已生成。", () => $"/votes/{Id}", ct);

    public Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
        => StepAsync(a => VoteWorkflow.CancelAsync(Db, a, Id, ct), "表决已取消。", () => $"/votes/{Id}", ct);
}

/// <summary>/votes — the votes open now in the member's congress: where a member finds what to vote on.</summary>
public class OpenVotesModel(RendaDbContext db) : MeetingPageModel(db)
{
    public sealed record Row(int Id, string Title, string Meeting, bool Secret, bool Voted, bool OnRoll);
    public List<Row> Rows { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var personId = Actor.PersonId;
        var open = await Db.Set<Vote>().AsNoTracking().Where(v => v.Status == VoteStatus.Open)
            .Join(Db.Set<Meeting>().Where(m => m.CongressId == Actor.CongressId), v => v.MeetingId, m => m.Id, (v, m) => new { v.Id, v.Title, Meeting = m.Title, v.Secret })
            .OrderBy(v => v.Id).ToListAsync(ct);
        var ids = open.Select(v => v.Id).ToList();
        var voted = personId is { } p ? await Db.Set<VoteBallot>().Where(b => ids.Contains(b.VoteId) && b.PersonId == p).Select(b => b.VoteId).ToListAsync(ct) : [];
        var onRoll = personId is { } q ? await Db.Set<VoteMember>().Where(m => ids.Contains(m.VoteId) && m.PersonId == q && m.Present).Select(m => m.VoteId).ToListAsync(ct) : [];
        Rows = open.Select(v => new Row(v.Id, v.Title, v.Meeting, v.Secret, voted.Contains(v.Id), onRoll.Contains(v.Id))).ToList();
    }
}
