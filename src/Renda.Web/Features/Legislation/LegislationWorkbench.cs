using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Legislation;

/// <summary>
/// Legislation on the workbench: staff see adopted regulations waiting to be promulgated, regulations submitted for approval
/// waiting for the legality review, and the filing and approval clocks due this week or overdue. Which states wait for which
/// step is read from the tables.
/// </summary>
public sealed class LegislationWorkbench : IWorkbenchItems
{
    public async Task<IReadOnlyList<WorkItem>> ForAsync(RendaDbContext db, CurrentUser user, DateOnly today, CancellationToken ct)
    {
        if (user.CongressId is not { } congress || !user.Has(Role.CommitteeStaff)) return [];
        var promulgating = Bill.Machine.StatesFor(BillAction.Promulgate).ToList();
        var bills = await db.Set<Bill>().AsNoTracking().Where(b => b.CongressId == congress && promulgating.Contains(b.Status))
            .OrderBy(b => b.Id).Take(Workbench.PerKind).Select(b => new { b.Id, b.Title }).ToListAsync(ct);
        var items = bills.Select(b => new WorkItem("待公布", b.Title, $"/legislation/bills/{b.Id}", null, ClockState.None, Urgency.Decide)).ToList();
        var reviewing = Approval.Machine.StatesFor(ApprovalAction.RecordFindings).ToList();
        var approvals = await db.Set<Approval>().AsNoTracking().Where(a => a.CongressId == congress && reviewing.Contains(a.Status))
            .OrderBy(a => a.SubmittedOn).ThenBy(a => a.Id).Take(Workbench.PerKind).Select(a => new { a.Id, a.Title, a.SubmittedBy }).ToListAsync(ct);
        // The approvals list is where a submitted regulation is reviewed (it has no page of its own).
        items.AddRange(approvals.Select(a => new WorkItem("报请批准待审查", $"{a.Title}（{a.SubmittedBy}）", "/legislation/approvals", null, ClockState.None, Urgency.Decide)));
        items.AddRange(await Workbench.ClocksAsync(db, congress, LegislationClocks.FilingSubject, today, null, ct));
        items.AddRange(await Workbench.ClocksAsync(db, congress, LegislationClocks.ApprovalSubject, today, null, ct));
        return items;
    }
}
