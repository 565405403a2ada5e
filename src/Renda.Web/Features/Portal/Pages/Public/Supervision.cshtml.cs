namespace Renda.Web.Features.Portal.Pages.Public;

/// <summary>/p/{congress}/supervision — the published supervision plan of the year and the work reports heard (public parts only).</summary>
public class SupervisionModel(RendaDbContext db) : PublicPageModel(db)
{
    public PublicPlan? Plan { get; private set; }
    public List<PublicReportHeard> Reports { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var year = WorkCalendar.Today(Db.Clock).Year;
        Plan = await PublicSections.PlanAsync(Db, Congress, year, ct) ?? await PublicSections.PlanAsync(Db, Congress, year - 1, ct);
        Reports = await PublicSections.ReportsHeardAsync(Db, Congress, 50, ct);
    }
}
