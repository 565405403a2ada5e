using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Filings.Pages;

/// <summary>/filings/campaigns — special reviews and cleanups: theme, scope, the list of documents, a result for each.</summary>
public class CampaignsModel(RendaDbContext db) : FilingPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public CampaignKind Kind { get; set; } = CampaignKind.Cleanup;
    [BindProperty] public string? Theme { get; set; }
    [BindProperty] public string? Scope { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? IssuingOrgan { get; set; }
    [BindProperty] public string? DocumentNumber { get; set; }
    [BindProperty] public int? FilingId { get; set; }
    [BindProperty] public CampaignResult Result { get; set; } = CampaignResult.Keep;
    [BindProperty] public string? Note { get; set; }
    public List<CampaignView> Rows { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Year = await ChooseYearAsync(Db.Set<ReviewCampaign>().Where(c => c.CongressId == Actor.CongressId).Select(c => c.Year), Year, ct);
        Rows = await FilingQueries.CampaignsAsync(Db, Actor.CongressId, Year == 0 ? null : Year, ct);
    }

    private string Back => $"/filings/campaigns?year={Year}";
    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct) => StepAsync(a => CampaignWorkflow.CreateAsync(Db, a, new CampaignInput(Kind, Theme, Scope, null), ct), "已建立。", () => Back, ct);
    public Task<IActionResult> OnPostDocumentAsync(int id, CancellationToken ct)
        => StepAsync(a => CampaignWorkflow.AddDocumentAsync(Db, a, id, new CampaignDocumentInput(Title, DocumentNumber, IssuingOrgan, FilingId), ct), "已列入清单。", () => Back, ct);
    public Task<IActionResult> OnPostResultAsync(int documentId, CancellationToken ct) => StepAsync(a => CampaignWorkflow.SetResultAsync(Db, a, documentId, new CampaignResultInput(Result, Note), ct), "处理结果已登记。", () => Back, ct);
    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) => StepAsync(a => CampaignWorkflow.CloseAsync(Db, a, id, Note, ct), "专项工作已结束。", () => Back, ct);
}
