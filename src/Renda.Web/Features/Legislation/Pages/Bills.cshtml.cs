using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Legislation.Pages;

/// <summary>/legislation/bills — the congress's bills; staff create one here.</summary>
public class BillsModel(RendaDbContext db) : LegislationPageModel(db)
{
    public List<BillListItem> Bills { get; private set; } = [];
    public string DefaultSponsor { get; private set; } = "";
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public BillKind Kind { get; set; }
    [BindProperty] public string? Sponsor { get; set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Bills = await LegislationQueries.BillsAsync(Db, Actor, null, ct);
        DefaultSponsor = (await Db.Congresses.Where(c => c.Id == Actor.CongressId).Select(c => c.ShortName).FirstAsync(ct)) + "人民政府";
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Bill? bill = null;
        return StepAsync(async a => bill = await BillWorkflow.CreateAsync(Db, a, new BillInput(Title, Kind, Sponsor, null, null), ct), "法规草案已新建。", () => $"/legislation/bills/{bill!.Id}", ct);
    }
}
