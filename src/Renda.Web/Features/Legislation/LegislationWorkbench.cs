using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Legislation;

/// <summary>Legislation on the workbench: staff see the bills' clocks (readings, filing after promulgation) due this week or overdue.</summary>
public sealed class LegislationWorkbench : IWorkbenchItems
{
    public async Task<IReadOnlyList<WorkItem>> ForAsync(RendaDbContext db, CurrentUser user, DateOnly today, CancellationToken ct)
    {
        if (user.CongressId is not { } congress || !user.Has(Role.CommitteeStaff)) return [];
        var items = await Workbench.ClocksAsync(db, congress, BillWorkflow.Subject, id => $"/legislation/bills/{id}", today, null, ct);
        items.AddRange(await Workbench.ClocksAsync(db, congress, LegislationClocks.FilingSubject, id => $"/legislation/bills/{id}", today, null, ct));
        return items;
    }
}
