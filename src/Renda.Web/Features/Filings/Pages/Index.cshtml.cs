using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Filings.Pages;

/// <summary>/filings — the filings of the congress with filters by year, state, filer type and lateness.</summary>
public class IndexModel(RendaDbContext db) : FilingPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public FilingStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public FilerType? FilerType { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Late { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    public Page<FilingItem> Result { get; private set; } = new([], 1, 20, 0);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Year = await ChooseYearAsync(Db.Set<Filing>().Where(f => f.CongressId == Actor.CongressId).Select(f => f.FiledOn.Year), Year, ct);
        Result = FilingQueries.Labelled(await FilingQueries.ListAsync(Db, Actor.CongressId, new FilingFilter(Year == 0 ? null : Year, Status, FilerType, Late, Q, PageNumber, 20), ct));
    }

    public string PageLink(int page) => $"/filings?year={Year}&status={Status}&filerType={FilerType}&late={Late}&q={Uri.EscapeDataString(Q ?? "")}&page={page}";
}
