using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Meetings.Pages;

/// <summary>/resolutions — the register of resolutions and decisions by year (the work report's "作出……N项决定决议").</summary>
public class ResolutionsModel(RendaDbContext db) : MeetingPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    public List<ResolutionView> Rows { get; private set; } = [];
    public List<int> Years { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var today = WorkCalendar.Today(Db.Clock);
        Years = YearChoices(await Db.Set<Meeting>().AsNoTracking().Where(m => m.CongressId == Actor.CongressId).Select(m => m.StartsOn.Year).Distinct().ToListAsync(ct), today.Year);
        Year ??= today.Year;
        Rows = await MeetingQueries.ResolutionsAsync(Db, Actor.CongressId, Year, All, ct);
    }
}
