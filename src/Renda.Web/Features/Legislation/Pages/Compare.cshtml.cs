using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Legislation.Pages;

/// <summary>/legislation/bills/{id}/compare?a=&amp;b= — the 条文对照表 of two versions, with the 修改理由 per row.</summary>
public class CompareModel(RendaDbContext db) : LegislationPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public int? A { get; set; }
    [BindProperty(SupportsGet = true)] public int? B { get; set; }
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    public ComparisonView C { get; private set; } = null!;
    public string BillTitle { get; private set; } = "";
    public IReadOnlyList<VersionItem> Versions { get; private set; } = [];
    [BindProperty] public string? RowKey { get; set; }
    [BindProperty] public string? Reason { get; set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var bill = await LegislationQueries.BillAsync(Db, Actor, Id, ct);
        BillTitle = bill.Title;
        Versions = bill.Versions;
        if (Versions.Count == 0) throw Platform.Web.DomainException.NotFound("该法规草案还没有文本。");
        B ??= Versions[^1].Id;
        A ??= Versions.Count > 1 ? Versions[^2].Id : Versions[0].Id;
        C = await LegislationQueries.CompareAsync(Db, Actor, Id, A.Value, B.Value, ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
        => StepAsync(a => LegislationQueries.SetReasonAsync(Db, a, Id, A ?? 0, B ?? 0, RowKey, Reason, ct), "修改理由已保存。",
            () => $"/legislation/bills/{Id}/compare?a={A}&b={B}", ct);
}
