using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Filings;

/// <summary>Filings on the workbench: staff see the filing and review clocks due this week or overdue; a filing organ those it owns.</summary>
public sealed class FilingsWorkbench : IWorkbenchItems
{
    public async Task<IReadOnlyList<WorkItem>> ForAsync(RendaDbContext db, CurrentUser user, DateOnly today, CancellationToken ct)
    {
        if (user.CongressId is not { } congress) return [];
        if (user.Has(Role.CommitteeStaff))
            return await Workbench.ClocksAsync(db, congress, FilingWorkflow.Subject, id => $"/filings/{id}", today, null, ct);
        var units = user.HandlingUnitIds.ToList();
        if (user.Has(Role.HandlingUnitOfficer) && units.Count > 0)
            return await Workbench.ClocksAsync(db, congress, FilingWorkflow.Subject, id => $"/filings/{id}", today, units, ct);
        return [];
    }
}
