using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Features.Suggestions.Pages.Public;

/// <summary>/public/suggestions/{id} — one published suggestion; anything not published does not exist here.</summary>
public class PublicDetailModel(RendaDbContext db) : PageModel
{
    public PublicSuggestionView S { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await PublicSuggestions.DetailAsync(db, id, ct) is not { } s)
            return NotFound();
        S = s;
        return Page();
    }
}
