using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Features.Filings.Pages.Public;

/// <summary>/public/review-suggestion/status — the proposer reads the state and the result with the lookup code given on submission.</summary>
public class ReviewSuggestionStatusModel(RendaDbContext db, PublicRateLimits limits) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true, Name = "new")] public bool Fresh { get; set; }
    public ReviewSuggestionStatusView? View { get; private set; }

    public string? Refused { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A lookup is limited per address like the forms: it is where codes would be guessed.
        if (!string.IsNullOrWhiteSpace(Code) && !limits.TryTake(PublicRateLimits.Lookup, HttpContext))
        {
            Refused = limits.Message(PublicRateLimits.Lookup);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }
        View = await ReviewSuggestionWorkflow.StatusAsync(db, Code, ct);
    }
}
