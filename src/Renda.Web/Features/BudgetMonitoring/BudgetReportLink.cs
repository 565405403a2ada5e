using Renda.Web.Features.Supervision;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>The year's execution of the reporting congress, as a budget, accounts or audit report shows it.</summary>
public sealed record ExecutionFigures(int Year, decimal Indicators, decimal Payments, decimal? Rate, int Units);

/// <summary>
/// What a supervision report on the budget shows of budget online supervision: the year's execution, the government's open
/// warnings, those its deliberation opinions cite, and the unanswered overdue ones that count in its follow-up.
/// </summary>
public sealed record ReportBudgetView(int WorkReportId, int Year, ExecutionFigures Execution, IReadOnlyList<WarningItem> OpenWarnings, int OpenTotal,
    IReadOnlyList<WarningItem> Cited, int OverdueUnanswered, bool MayCite);

/// <summary>The budget reports of the supervision module (监督法 第十八—二十七条) and the warnings of budget online supervision (第三十条).</summary>
public static class BudgetReportLink
{
    public static readonly IReadOnlySet<WorkReportKind> BudgetReports = new HashSet<WorkReportKind> { WorkReportKind.BudgetExecution, WorkReportKind.FinalAccounts, WorkReportKind.Audit };

    /// <summary>The sums of the congress's indicators and payments of a year (a small grouped query; the analysis pages have the detail).</summary>
    public static async Task<ExecutionFigures> ExecutionAsync(RendaDbContext db, int congressId, int year, CancellationToken ct)
    {
        var indicators = await db.Set<BudgetIndicator>().Where(i => i.CongressId == congressId && i.Year == year).SumAsync(i => i.Amount, ct);
        var payments = await db.Set<TreasuryPayment>().Where(p => p.CongressId == congressId && p.Year == year).SumAsync(p => p.Amount, ct);
        var units = await db.Set<BudgetIndicator>().Where(i => i.CongressId == congressId && i.Year == year).Select(i => i.BudgetUnitId).Distinct().CountAsync(ct);
        return new ExecutionFigures(year, indicators, payments, indicators > 0 ? Math.Round(payments / indicators * 100m, 1) : null, units);
    }

    /// <summary>Null for a report that is not about the budget (or not of the actor's congress).</summary>
    public static async Task<ReportBudgetView?> ForReportAsync(RendaDbContext db, BudgetActor actor, int workReportId, CancellationToken ct)
    {
        var report = await db.Set<WorkReport>().AsNoTracking().Where(r => r.Id == workReportId && r.CongressId == actor.CongressId)
            .Select(r => new { r.Id, r.Year, r.Kind, r.Status }).FirstOrDefaultAsync(ct);
        if (report is null || !BudgetReports.Contains(report.Kind)) return null;
        var today = WorkCalendar.Today(db.Clock);
        var open = await BudgetWarningQueries.ListAsync(db, actor.CongressId, new WarningFilter(Year: report.Year, PageSize: 200), ct);
        var openItems = open.Items.Where(i => i.Status is BudgetWarningStatus.Raised or BudgetWarningStatus.Sent or BudgetWarningStatus.Answered).ToList();
        var cited = await db.Set<BudgetWarningCitation>().Where(c => c.WorkReportId == workReportId).Select(c => c.WarningId).ToListAsync(ct);
        var citedItems = cited.Count == 0 ? [] : (await BudgetWarningQueries.ListAsync(db, actor.CongressId, new WarningFilter(Year: null, PageSize: 200), ct)).Items.Where(i => cited.Contains(i.Id)).ToList();
        var overdue = await OverdueUnansweredAsync(db, actor.CongressId, report.Year, today, ct);
        return new ReportBudgetView(report.Id, report.Year, await ExecutionAsync(db, actor.CongressId, report.Year, ct), openItems.Take(50).ToList(), openItems.Count,
            citedItems, overdue, actor.IsStaff && report.Status != WorkReportStatus.Closed);
    }

    /// <summary>Warnings of the year sent and not answered by their due date: they count in the follow-up of the year's budget reports.</summary>
    public static async Task<int> OverdueUnansweredAsync(RendaDbContext db, int congressId, int year, DateOnly today, CancellationToken ct)
    {
        var subject = BudgetClocks.WarningSubject;
        return await db.Set<BudgetWarning>().CountAsync(w => w.CongressId == congressId && w.Year == year && w.Status == BudgetWarningStatus.Sent
            && db.Deadlines.Any(d => d.SubjectType == subject && d.SubjectId == w.Id.ToString() && (d.Status == Platform.Deadlines.DeadlineStatus.Overdue
                || (d.Status == Platform.Deadlines.DeadlineStatus.Open && d.DueOn < today))), ct);
    }

    /// <summary>The deliberation opinions of a budget report cite a warning (staff, while the report's loop is open).</summary>
    public static async Task CiteAsync(RendaDbContext db, BudgetActor actor, int workReportId, int warningId, CancellationToken ct)
    {
        actor.RequireStaff("只有常委会工作人员可以在审议意见中引用预警。");
        var report = await db.Set<WorkReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == workReportId && r.CongressId == actor.CongressId, ct)
            ?? throw DomainException.NotFound("没有找到该报告。");
        if (!BudgetReports.Contains(report.Kind)) throw DomainException.Conflict("只有预算执行、决算和审计工作报告的审议意见可以引用预警。");
        if (report.Status == WorkReportStatus.Closed) throw DomainException.Conflict("报告已办结，不能再引用预警。");
        var w = await BudgetWarningWorkflow.LoadAsync(db, actor, warningId, ct);
        if (await db.Set<BudgetWarningCitation>().AnyAsync(c => c.WorkReportId == workReportId && c.WarningId == warningId, ct))
            throw DomainException.Conflict("审议意见已经引用了该预警。");
        db.Add(new BudgetWarningCitation { WorkReportId = workReportId, WarningId = w.Id, CitedOn = WorkCalendar.Today(db.Clock), AccountId = actor.AccountId });
        await db.SaveChangesAsync(ct);
    }
}
