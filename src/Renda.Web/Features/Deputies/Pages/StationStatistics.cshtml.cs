using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Deputies.Pages;

/// <summary>/deputies/statistics/stations — stations, funding, receptions and opinions per congress and summed over those below; each figure links to its records.</summary>
public class StationStatisticsModel(RendaDbContext db) : DeputiesPageModel(db)
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public StationStatisticsView View { get; private set; } = null!;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var user = new CurrentUser(User);
        var congress = Code is { Length: > 0 } ? await CongressScope.OwnOrBelowAsync(Db, user, Code, ct) : await Db.Congresses.AsNoTracking().FirstAsync(c => c.Id == Actor.CongressId, ct);
        Year = await ChooseYearAsync(Db.Set<ReceptionDay>().Where(r => r.CongressId == congress.Id).Select(r => r.On.Year)
            .Concat(Db.Set<ConstituentOpinion>().Where(o => o.CongressId == congress.Id).Select(o => o.ReceivedOn.Year)), Year, ct);
        View = await StationStatistics.ForAsync(Db, congress.Id, Year.Value, ct);
    }

    /// <summary>Own congress: the list behind the figure; a congress below: its own breakdown (its records are its own).</summary>
    public string Link(StationCongressLine l, string query) => l.Own ? $"/deputies/opinions?year={Year}&{query}" : $"/deputies/statistics/stations?code={l.Code}&year={Year}";
}
