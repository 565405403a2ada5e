using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.BudgetMonitoring.Pages.Warnings;

/// <summary>The warning pages on the shared workflow page model: staff pages open to the congress's staff, the unit's pages to its officers.</summary>
public abstract class WarningPageModel(RendaDbContext db) : WorkflowPageModel<BudgetActor>(db)
{
    public override BudgetActor Actor => new(new CurrentUser(User));
    protected override bool MayOpen => Actor.IsStaff;
    public int ThisYear => WorkCalendar.Today(Db.Clock).Year;

    public static string Figure(decimal value, string measure) => measure == "元" ? $"{value:#,0.00} 元" : $"{value:0.##} {measure}";

    public static string Badge(BudgetWarningStatus s) => s switch
    {
        BudgetWarningStatus.Raised => "text-bg-warning",
        BudgetWarningStatus.Sent => "text-bg-primary",
        BudgetWarningStatus.Answered => "text-bg-info",
        BudgetWarningStatus.Closed => "text-bg-success",
        _ => "text-bg-secondary",
    };
}
