using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Legislation.Pages;

/// <summary>/legislation/statistics — the year's figures counted from the records, each linking to the records behind it.</summary>
public class LegislationStatisticsModel(RendaDbContext db) : LegislationPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public LegislationStatistics S { get; private set; } = null!;
    public List<BillListItem> Bills { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var c = Actor.CongressId;
        Year = await ChooseYearAsync(Db.Set<Bill>().Where(b => b.CongressId == c && b.PromulgatedOn != null).Select(b => b.PromulgatedOn!.Value.Year)
            .Concat(Db.Set<Approval>().Where(a => a.CongressId == c && a.DecidedOn != null).Select(a => a.DecidedOn!.Value.Year)), Year, ct);
        S = await LegislationQueries.StatisticsAsync(Db, c, Year.Value, ct);
        var ids = S.BillIds.ToHashSet();
        Bills = (await LegislationQueries.BillsAsync(Db, Actor, null, ct)).Where(b => ids.Contains(b.Id)).OrderBy(b => b.PromulgatedOn).ThenBy(b => b.Announcement?.Length).ThenBy(b => b.Announcement).ToList();
    }
}
