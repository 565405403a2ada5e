using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Filings.Pages;

/// <summary>/filings/mine — the filer's own filings: receipts with their registration numbers, returns to resubmit, referrals.</summary>
public class MineModel(RendaDbContext db, WorkCalendar calendar) : FilingPageModel(db)
{
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public string? Explanation { get; set; }
    [BindProperty] public string? Basis { get; set; }
    public Page<FilingItem> Result { get; private set; } = new([], 1, 20, 0);
    public Dictionary<int, string?> ReturnReasons { get; } = [];

    protected override bool Allowed => Actor.UnitIds.Count > 0 || Actor.IsStaff;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Result = FilingQueries.Labelled(await FilingQueries.MineAsync(Db, Actor, PageNumber, ct));
        foreach (var f in Result.Items.Where(i => i.CanResubmit))
            ReturnReasons[f.Id] = (await FilingWorkflow.LoadAsync(Db, Actor, f.Id, ct)).ReturnReason;
    }

    public Task<IActionResult> OnPostResubmitAsync(int id, CancellationToken ct)
        => StepAsync(a => FilingWorkflow.ResubmitAsync(Db, calendar, a, id, new FilingInput(null, null, null, null, null, null, Explanation, Basis), ct), "已补正并重新报送。", () => "/filings/mine", ct);
}
