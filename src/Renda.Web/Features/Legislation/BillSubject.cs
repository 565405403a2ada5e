using Renda.Web.Features.Meetings;

namespace Renda.Web.Features.Legislation;

/// <summary>Receives the vote on a bill's final reading: adopted or rejected (majority of all members, counted by the meetings module).</summary>
public sealed class BillSubject : IAgendaSubject
{
    public string SubjectType => BillWorkflow.Subject;

    public async Task ApplyAsync(RendaDbContext db, WorkCalendar calendar, Meeting meeting, AgendaItem item, Vote vote, CancellationToken ct)
    {
        var reading = await db.Set<BillReading>().FirstOrDefaultAsync(r => r.AgendaItemId == item.Id, ct);
        // A whole vote on a reading that is not the final one is refused when it is prepared (RefuseWholeVoteAsync); should one
        // exist all the same, it does not pass the bill (throwing here would leave the vote open for good).
        if (reading is null || reading.VoteRefusal is not null) return;
        var bill = await db.Set<Bill>().FirstAsync(b => b.Id == reading.BillId, ct);
        bill.Decide(vote.Passed == true, WorkCalendar.LocalDate(vote.ClosedAt!.Value), vote.Id);
        if (vote.Passed == true && await db.Set<PlanProject>().FirstOrDefaultAsync(p => p.BillId == bill.Id, ct) is { } project)
            project.Take(PlanProjectAction.Complete);
    }

    /// <summary>Only the reading scheduled as the last one (表决稿) is voted on; an earlier reading is deliberated (审议) without a vote.</summary>
    public async Task<string?> RefuseWholeVoteAsync(RendaDbContext db, AgendaItem item, CancellationToken ct)
    {
        var reading = await db.Set<BillReading>().AsNoTracking().FirstOrDefaultAsync(r => r.AgendaItemId == item.Id, ct);
        return reading?.VoteRefusal;
    }
}
