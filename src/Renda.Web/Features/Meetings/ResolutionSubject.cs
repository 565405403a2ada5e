namespace Renda.Web.Features.Meetings;

/// <summary>Receives the vote on a resolution's agenda item: adopted ones get the next number of the year in the register.</summary>
public sealed class ResolutionSubject : IAgendaSubject
{
    public string SubjectType => ResolutionWorkflow.Subject;

    public async Task ApplyAsync(RendaDbContext db, WorkCalendar calendar, Meeting meeting, AgendaItem item, Vote vote, CancellationToken ct)
    {
        var r = await db.Set<Resolution>().FirstAsync(x => x.Id == item.SubjectId, ct);
        var on = WorkCalendar.LocalDate(vote.ClosedAt!.Value);
        // The vote's close holds the audit lock, so the next serial cannot be taken twice.
        var serial = (await db.Set<Resolution>().Where(x => x.CongressId == r.CongressId && x.Year == on.Year).MaxAsync(x => x.Serial, ct) ?? 0) + 1;
        r.Decide(vote.Passed == true, on, serial, vote.Id);
    }
}
