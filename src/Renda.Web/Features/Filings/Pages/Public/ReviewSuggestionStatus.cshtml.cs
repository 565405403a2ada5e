using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Features.Filings.Pages.Public;

/// <summary>/public/review-suggestion/status — the proposer reads the state and the result with the lookup code given on submission.</summary>
public class ReviewSuggestionStatusModel(RendaDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true, Name = "new")] public bool Fresh { get; set; }
    public ReviewSuggestionStatusView? View { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => View = await ReviewSuggestionWorkflow.StatusAsync(db, Code, ct);
}
