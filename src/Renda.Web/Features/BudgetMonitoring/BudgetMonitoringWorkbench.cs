using System.Globalization;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>
/// Budget monitoring on the workbench: a unit's officer answers the warnings sent to the unit, each with its answer clock;
/// staff decide on new warnings and verify the answers.
/// </summary>
public sealed class BudgetMonitoringWorkbench : IWorkbenchItems
{
    public async Task<IReadOnlyList<WorkItem>> ForAsync(RendaDbContext db, CurrentUser user, DateOnly today, CancellationToken ct)
    {
        if (user.CongressId is not { } congress) return [];
        var items = new List<WorkItem>();
        var warnings = db.Set<BudgetWarning>().AsNoTracking().Where(w => w.CongressId == congress);
        var units = user.HandlingUnitIds.ToList();
        if (user.Has(Role.HandlingUnitOfficer) && units.Count > 0)
        {
            var answering = BudgetWarning.Machine.StatesFor(BudgetWarningAction.Answer).ToList();
            var toAnswer = await warnings.Where(w => answering.Contains(w.Status) && w.SentToHandlingUnitId != null && units.Contains(w.SentToHandlingUnitId.Value))
                .OrderBy(w => w.SentOn).ThenBy(w => w.Id).Take(Workbench.PerKind).Select(w => new { w.Id, w.Title }).ToListAsync(ct);
            var dues = await DuesAsync(db, congress, toAnswer.Select(w => w.Id), ct);
            foreach (var w in toAnswer)
                items.Add(WorkItem.Due("预警待答复", w.Title, $"/budget/warnings/{w.Id}", dues.GetValueOrDefault(Key(w.Id)), today, Urgency.Act));
            // The finance bureau's monthly data (sent by its system through the API): the unit sees the clock among its own.
            items.AddRange(await Workbench.ClocksAsync(db, congress, BudgetClocks.DataSubject, today, units, ct, page: _ => "/deadlines"));
        }
        if (user.Has(Role.CommitteeStaff))
        {
            var verifying = BudgetWarning.Machine.StatesFor(BudgetWarningAction.Accept).ToList();
            var toVerify = await warnings.Where(w => verifying.Contains(w.Status)).OrderBy(w => w.Id).Take(Workbench.PerKind).Select(w => new { w.Id, w.Title }).ToListAsync(ct);
            foreach (var w in toVerify)
                items.Add(new WorkItem("预警答复待认定", w.Title, $"/budget/warnings/{w.Id}", null, ClockState.None, Urgency.Decide));
            var sending = BudgetWarning.Machine.StatesFor(BudgetWarningAction.Send).ToList();
            // The rules raise many at once: the oldest few, each to its page, and the rest as one line to the filtered list.
            const int shown = 5;
            var raised = await warnings.Where(w => sending.Contains(w.Status)).OrderBy(w => w.RaisedOn).ThenBy(w => w.Id).Take(shown)
                .Select(w => new { w.Id, w.Title }).ToListAsync(ct);
            foreach (var w in raised)
                items.Add(new WorkItem("新预警待核实", w.Title, $"/budget/warnings/{w.Id}", null, ClockState.None, Urgency.Decide));
            var more = raised.Count < shown ? 0 : await warnings.CountAsync(w => sending.Contains(w.Status), ct) - shown;
            if (more > 0)
                items.Add(new WorkItem("新预警待核实", $"另有 {more} 条预警待核实", $"/budget/warnings?status={sending[0]}", null, ClockState.None, Urgency.Know));
            items.AddRange(await Workbench.ClocksAsync(db, congress, BudgetClocks.WarningSubject, today, null, ct));
            items.AddRange(await Workbench.ClocksAsync(db, congress, BudgetClocks.DataSubject, today, null, ct, page: _ => "/budget/import"));
        }
        return items;
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<Dictionary<string, DateOnly>> DuesAsync(RendaDbContext db, int congress, IEnumerable<int> ids, CancellationToken ct)
    {
        var keys = ids.Select(Key).ToList();
        return await db.Deadlines.AsNoTracking().Where(d => d.CongressId == congress && d.SubjectType == BudgetClocks.WarningSubject && keys.Contains(d.SubjectId)
                && (d.Status == DeadlineStatus.Open || d.Status == DeadlineStatus.Overdue))
            .GroupBy(d => d.SubjectId).Select(g => new { g.Key, Due = g.Min(d => d.DueOn) }).ToDictionaryAsync(g => g.Key, g => g.Due, ct);
    }
}
