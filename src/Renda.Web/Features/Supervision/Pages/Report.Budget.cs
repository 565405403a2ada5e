using Microsoft.AspNetCore.Mvc;
using Renda.Web.Features.BudgetMonitoring;

namespace Renda.Web.Features.Supervision.Pages;

/// <summary>
/// A budget execution, final accounts or audit report shows the year's execution and the government's open warnings of budget
/// online supervision (监督法 第三十条); its deliberation opinions cite warnings, and unanswered overdue ones count in its follow-up.
/// </summary>
public partial class ReportModel
{
    public ReportBudgetView? Budget { get; private set; }

    private async Task LoadBudgetAsync(CancellationToken ct) => Budget = await BudgetReportLink.ForReportAsync(Db, new BudgetActor(new CurrentUser(User)), Id, ct);

    public Task<IActionResult> OnPostCiteAsync(int warningId, CancellationToken ct)
        => StepAsync(_ => BudgetReportLink.CiteAsync(Db, new BudgetActor(new CurrentUser(User)), Id, warningId, ct), "审议意见已引用该预警。", Here, ct);
}
