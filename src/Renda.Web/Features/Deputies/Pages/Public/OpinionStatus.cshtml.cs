using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Features.Deputies.Pages.Public;

/// <summary>/stations/opinion — the constituent reads how the opinion was handled with the receipt code (no name, no contact shown).</summary>
public class OpinionStatusModel(RendaDbContext db, PublicRateLimits limits) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true, Name = "new")] public bool Fresh { get; set; }
    public PublicOpinionStatus? View { get; private set; }

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
        View = await DeputiesQueries.PublicOpinionAsync(db, Code, ct);
    }
}
