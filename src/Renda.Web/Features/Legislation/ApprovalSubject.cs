using Renda.Web.Features.Meetings;

namespace Renda.Web.Features.Legislation;

/// <summary>Receives the vote on an approval's agenda item.</summary>
public sealed class ApprovalSubject : IAgendaSubject
{
    public string SubjectType => ApprovalWorkflow.Subject;

    public async Task ApplyAsync(RendaDbContext db, WorkCalendar calendar, Meeting meeting, AgendaItem item, Vote vote, CancellationToken ct)
    {
        var a = await db.Set<Approval>().FirstAsync(x => x.Id == item.SubjectId, ct);
        await ApprovalWorkflow.DecideAsync(db, a, vote.Passed == true, WorkCalendar.LocalDate(vote.ClosedAt!.Value), vote.Id, ct);
    }
}
