using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Features.Suggestions.Pages.Public;

/// <summary>/public/suggestions — anyone may read the published suggestions and their answers (代表法 第五十一条).</summary>
public class PublicListModel(RendaDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public Page<PublicSuggestionItem> Result { get; private set; } = new([], 1, 20, 0);
    public string? Error { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        try
        {
            Result = await PublicSuggestions.ListAsync(db, Q, pageNumber, ct);
        }
        catch (DomainException e)
        {
            Error = e.Message;
        }
    }
}
