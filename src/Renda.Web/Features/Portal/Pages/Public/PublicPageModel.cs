using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Portal.Pages.Public;

/// <summary>A page of a congress's public site (/p/{congress}/…): anyone may read it; an unknown congress is 404.</summary>
public abstract class PublicPageModel(RendaDbContext db) : PageModel
{
    protected RendaDbContext Db => db;
    [BindProperty(SupportsGet = true, Name = "congress")] public string CongressCode { get; set; } = "";
    public Congress Congress { get; private set; } = null!;
    public string Home => $"/p/{CongressCode}";

    protected abstract Task LoadAsync(CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Congress = await PortalQueries.CongressAsync(db, CongressCode, ct);
            await LoadAsync(ct);
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.NotFound)
        {
            return NotFound();
        }
        return Page();
    }
}
