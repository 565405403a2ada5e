using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Deputies.Pages;

/// <summary>/deputies/statistics/activities — trainings, forums, 六联系 and joint inspections of the congress and those below it.</summary>
public class ActivityStatisticsModel(RendaDbContext db) : ActivitiesPageModel(db)
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    public ActivityStatisticsView S { get; private set; } = null!;
    public bool IsOwn { get; private set; }
    private Dictionary<string, int> _kinds = [];

    public int? KindId(string name) => _kinds.TryGetValue(name, out var id) ? id : null;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var user = new CurrentUser(User);
        var congress = await CongressScope.OwnOrBelowAsync(Db, user, Code ?? user.CongressCode ?? "", ct);
        IsOwn = congress.Id == Actor.CongressId;
        Year = await ChooseYearAsync(AnyActivityYears(congress.Id), Year, ct);
        S = await DeputyActivitiesStatistics.ForYearAsync(Db, congress, SelectedYear, ct);
        _kinds = await Db.Set<ContactKind>().AsNoTracking().Where(k => k.CongressId == Actor.CongressId).ToDictionaryAsync(k => k.Name, k => k.Id, ct);
    }
}
