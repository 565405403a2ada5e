using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renda.Web.Data;
using Renda.Web.Platform.Identity;
using Renda.Web.Platform.Web;

namespace Renda.Web.Features.Filings.Admin;

/// <summary>The system administrator sets the congress's configurable filing and review periods (DOMAIN.md §4 "configurable").</summary>
[Authorize(Policy = nameof(Role.SystemAdministrator))]
public class FilingSettingsModel(RendaDbContext db) : PageModel
{
    [BindProperty] public FilingSettings S { get; set; } = new();
    public bool Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => S = await FilingSettings.ForAsync(db, new CurrentUser(User).CongressId!.Value, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        try
        {
            await FilingSettings.SaveAsync(db, new CurrentUser(User).CongressId!.Value, S, ct);
            Saved = true;
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        return Page();
    }
}
