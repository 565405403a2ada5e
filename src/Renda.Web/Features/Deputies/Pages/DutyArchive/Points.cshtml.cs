using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Deputies.Pages.DutyArchive;

/// <summary>/deputies/points — 履职积分: the congress's deputies ranked by the year's points.</summary>
public class PointsModel(RendaDbContext db) : DutyArchivePageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public List<RankedDeputy> Ranking { get; private set; } = [];
    public int ShownYear { get; private set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        ShownYear = Year ?? DutyArchiveQueries.Today(Db).Year;
        Ranking = await DutyArchiveQueries.RankingAsync(Db, Actor.CongressId, ShownYear, ct);
    }
}
