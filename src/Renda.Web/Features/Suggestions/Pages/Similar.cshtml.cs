using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Features.Suggestions.Pages;

/// <summary>The similar-suggestions fragment the new-suggestion form asks for (htmx) while the deputy writes.</summary>
public class SimilarModel(RendaDbContext db) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty(Name = "Content")] public string? Body { get; set; }
    public IReadOnlyList<SimilarSuggestion> Items { get; private set; } = [];

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var congressId = new CurrentUser(User).CongressId!.Value;
        var text = $"{Title}\n{Body}".Trim();
        // Too little text says nothing yet; too much is refused by the form itself.
        if (text.Length >= 15 && text.Length <= Suggestion.MaxTitle + Suggestion.MaxContent + 1)
            Items = await SimilarSuggestions.FindAsync(db, congressId, text, null, WorkCalendar.Today(db.Clock).Year, 5, ct);
        return Page();
    }
}
