using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Supervision;

/// <summary>
/// Supervision on the workbench: a member's open appraisals; staff the work reports waiting for their step and the clocks due
/// this week or overdue; a unit the clocks of its work reports.
/// </summary>
public sealed class SupervisionWorkbench : IWorkbenchItems
{
    private static readonly (WorkReportAction Action, string Kind)[] StaffSteps =
    [
        (WorkReportAction.Distribute, "报告待印发组成人员"), (WorkReportAction.SendOpinions, "待送交审议意见"), (WorkReportAction.Judge, "待满意度测评"),
    ];

    public async Task<IReadOnlyList<WorkItem>> ForAsync(RendaDbContext db, CurrentUser user, DateOnly today, CancellationToken ct)
    {
        if (user.CongressId is not { } congress) return [];
        var items = new List<WorkItem>();
        if (user.Has(Role.StandingCommitteeMember) && user.PersonId is { } person)
        {
            var appraising = PostAppointmentReview.Machine.StatesFor(PostAppointmentReviewAction.Appraise).ToList();
            var open = await db.Set<PostAppointmentReview>().AsNoTracking().Where(r => r.CongressId == congress && appraising.Contains(r.Status)
                    && !db.Set<AppraisalReceipt>().Any(x => x.ReviewId == r.Id && x.PersonId == person))
                .OrderBy(r => r.Id).Take(Workbench.PerKind).Select(r => new { r.Id, r.OfficialName }).ToListAsync(ct);
            foreach (var r in open)
                // Live in the meeting too, but after a ballot being counted now.
                items.Add(new WorkItem("请参加测评", $"任后监督测评：{r.OfficialName}", $"/supervision/appraisals/{r.Id}", null, ClockState.None, Urgency.Now - 1));
        }
        var staff = user.Has(Role.CommitteeStaff);
        var units = user.HandlingUnitIds.ToList();
        // The work reports' clocks (the report due, the follow-up on the deliberation opinions) are the module's only clocks.
        if (staff)
        {
            // The staff's own steps on a work report, each where the table allows it.
            foreach (var (action, kind) in StaffSteps)
            {
                var states = WorkReport.Machine.StatesFor(action).ToList();
                var reports = await db.Set<WorkReport>().AsNoTracking().Where(r => r.CongressId == congress && states.Contains(r.Status))
                    .OrderBy(r => r.Id).Take(Workbench.PerKind).Select(r => new { r.Id, r.Title }).ToListAsync(ct);
                items.AddRange(reports.Select(r => new WorkItem(kind, r.Title, $"/supervision/reports/{r.Id}", null, ClockState.None, Urgency.Decide)));
            }
            items.AddRange(await Workbench.ClocksAsync(db, congress, WorkReport.Subject, today, null, ct));
        }
        else if (user.Has(Role.HandlingUnitOfficer) && units.Count > 0)
            items.AddRange(await Workbench.ClocksAsync(db, congress, WorkReport.Subject, today, units, ct));
        return items;
    }
}
