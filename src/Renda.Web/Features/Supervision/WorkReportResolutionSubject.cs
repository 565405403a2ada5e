using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Deadlines;

namespace Renda.Web.Features.Supervision;

/// <summary>The vote on a resolution asked on a report: adopted, it starts the organ's clock to the deadline the resolution set.</summary>
public sealed class WorkReportResolutionSubject : IAgendaSubject
{
    public string SubjectType => WorkReportWorkflow.ResolutionSubject;

    public async Task ApplyAsync(RendaDbContext db, WorkCalendar calendar, Meeting meeting, AgendaItem item, Vote vote, CancellationToken ct)
    {
        var r = await db.Set<WorkReport>().FirstOrDefaultAsync(x => x.Id == item.SubjectId, ct);
        if (r is null) return;
        r.ResolutionDecided(vote.Passed == true);
        if (r.ResolutionAdopted == true && r.ResolutionDueOn is { } due)
        {
            var today = WorkCalendar.Today(db.Clock);
            SupervisionClocks.Start(db, calendar, r, SupervisionClocks.Resolution(item.Title, Math.Max(1, due.DayNumber - today.DayNumber)), today, ClockOwner.Unit(r.OrganId));
        }
    }
}
