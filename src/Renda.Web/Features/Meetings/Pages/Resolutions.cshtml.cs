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
        // A resolution's year is its own, or its meeting's while it has none (MeetingQueries.ResolutionsAsync filters the same way).
        Year = await ChooseYearAsync(Db.Set<Resolution>().Where(r => r.CongressId == Actor.CongressId && (All || r.Status == ResolutionStatus.Adopted))
            .Select(r => r.Year ?? Db.Set<Meeting>().Where(m => m.Id == r.MeetingId).Select(m => m.StartsOn.Year).FirstOrDefault()), Year, ct);
        Years = [.. YearShown!.Years];
        Rows = await MeetingQueries.ResolutionsAsync(Db, Actor.CongressId, Year, All, ct);
    }
}
