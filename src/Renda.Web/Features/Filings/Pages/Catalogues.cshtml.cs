using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Filings.Pages;

/// <summary>/filings/catalogues — filers' annual catalogues and, for one of them, the documents listed but never filed (漏报).</summary>
public class CataloguesModel(RendaDbContext db) : FilingPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "id")] public int? CatalogueId { get; set; }
    [BindProperty] public string? Note { get; set; }
    public List<CatalogueItem> Rows { get; private set; } = [];
    public CatalogueComparison? Comparison { get; private set; }
    public List<string> Missing { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Year ??= WorkCalendar.Today(Db.Clock).Year - 1;
        Rows = await FilingQueries.CataloguesAsync(Db, Actor.CongressId, Year == 0 ? null : Year, ct);
        if (Year is > 0 and var y && WorkCalendar.Today(Db.Clock) > FilingCatalogue.DueOn(y)) Missing = await CatalogueWorkflow.MissingAsync(Db, Actor.CongressId, y, ct);
        if (CatalogueId is { } id) Comparison = await CatalogueWorkflow.CompareAsync(Db, Actor, id, ct);
    }

    public Task<IActionResult> OnPostFollowUpAsync(int entryId, CancellationToken ct)
        => StepAsync(a => CatalogueWorkflow.FollowUpAsync(Db, a, entryId, Note, ct), "督促报备情况已登记。", () => $"/filings/catalogues?year={Year}&id={CatalogueId}", ct);
}
