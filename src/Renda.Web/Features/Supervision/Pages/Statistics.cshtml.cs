namespace Renda.Web.Features.Supervision.Pages;

/// <summary>/supervision/statistics — the year's figures, each a link to its records.</summary>
public class StatisticsModel(RendaDbContext db) : SupervisionPageModel(db)
{
    public SupervisionStatisticsView S { get; private set; } = null!;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Year = await ChooseYearAsync(AnyRecordYears, Year, ct);
        S = await SupervisionStatistics.ForAsync(Db, Actor.CongressId, SelectedYear, ct);
    }
}
