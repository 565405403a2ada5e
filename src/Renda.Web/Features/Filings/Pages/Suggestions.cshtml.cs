using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Filings.Pages;

/// <summary>/filings/suggestions — citizens' review suggestions with their feedback clocks: incomplete, not taken up, taken up.</summary>
public class SuggestionsModel(RendaDbContext db, WorkCalendar calendar) : FilingPageModel(db)
{
    [BindProperty(SupportsGet = true)] public ReviewSuggestionStatus? Status { get; set; }
    [BindProperty] public string? Reply { get; set; }
    [BindProperty] public int? FilingId { get; set; }
    public List<ReviewSuggestionItem> Rows { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct) => Rows = await FilingQueries.SuggestionsAsync(Db, Actor.CongressId, Status, ct);

    public Task<IActionResult> OnPostIncompleteAsync(int id, CancellationToken ct) => StepAsync(a => ReviewSuggestionWorkflow.MarkIncompleteAsync(Db, a, id, Reply, ct), "已告知建议人补充材料。", () => "/filings/suggestions", ct);
    public Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken ct) => StepAsync(a => ReviewSuggestionWorkflow.DeclineAsync(Db, a, id, Reply, ct), "已告知建议人不予审查的理由。", () => "/filings/suggestions", ct);
    public Task<IActionResult> OnPostTakeUpAsync(int id, CancellationToken ct) => StepAsync(a => ReviewSuggestionWorkflow.TakeUpAsync(Db, calendar, a, id, FilingId, ct), "已启动审查。", () => "/filings/suggestions", ct);
}
