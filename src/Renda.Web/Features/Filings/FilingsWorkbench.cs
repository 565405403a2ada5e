using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Filings;

/// <summary>
/// Filings on the workbench: staff see filings waiting for a receipt, citizens' review suggestions waiting for a decision, and
/// the filing and review clocks due this week or overdue; a filing organ the clocks it owns. Which states wait for which step is
/// read from the tables.
/// </summary>
public sealed class FilingsWorkbench : IWorkbenchItems
{
    public async Task<IReadOnlyList<WorkItem>> ForAsync(RendaDbContext db, CurrentUser user, DateOnly today, CancellationToken ct)
    {
        if (user.CongressId is not { } congress) return [];
        if (user.Has(Role.CommitteeStaff))
        {
            var receiving = Filing.Machine.StatesFor(FilingAction.Receive).ToList();
            var filings = await db.Set<Filing>().AsNoTracking().Where(f => f.CongressId == congress && receiving.Contains(f.Status))
                .OrderBy(f => f.FiledOn).ThenBy(f => f.Id).Take(Workbench.PerKind).Select(f => new { f.Id, f.Title, f.FilerName }).ToListAsync(ct);
            var items = filings.Select(f => new WorkItem("待登记回执", $"{f.Title}（{f.FilerName}）", $"/filings/{f.Id}", null, ClockState.None, Urgency.Decide)).ToList();
            var deciding = ReviewSuggestion.Machine.StatesFor(ReviewSuggestionAction.TakeUp).ToList();
            var suggestions = await db.Set<ReviewSuggestion>().AsNoTracking().Where(s => s.CongressId == congress && deciding.Contains(s.Status))
                .OrderBy(s => s.Id).Take(Workbench.PerKind).Select(s => new { s.TrackingCode, s.DocumentTitle }).ToListAsync(ct);
            items.AddRange(suggestions.Select(s => new WorkItem("审查建议待处理", $"{s.TrackingCode} {s.DocumentTitle}", "/filings/suggestions", null, ClockState.None, Urgency.Decide)));
            items.AddRange(await Workbench.ClocksAsync(db, congress, FilingWorkflow.Subject, today, null, ct));
            items.AddRange(await Workbench.ClocksAsync(db, congress, ReviewWorkflow.Subject, today, null, ct));
            items.AddRange(await Workbench.ClocksAsync(db, congress, ReviewSuggestionWorkflow.Subject, today, null, ct));
            return items;
        }
        var units = user.HandlingUnitIds.ToList();
        if (user.Has(Role.HandlingUnitOfficer) && units.Count > 0)
            return await Workbench.ClocksAsync(db, congress, FilingWorkflow.Subject, today, units, ct);
        return [];
    }
}
