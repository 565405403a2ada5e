using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renda.Web.Data;
using Renda.Web.Platform.Identity;
using Renda.Web.Platform.Web;

namespace Renda.Web.Features.Supervision.Admin;

/// <summary>The system administrator sets the congress's configurable supervision rules (DOMAIN.md §5 "configurable").</summary>
[Authorize(Policy = nameof(Role.SystemAdministrator))]
public class SupervisionSettingsModel(RendaDbContext db) : PageModel
{
    [BindProperty] public SupervisionSettings S { get; set; } = new();
    public bool Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => S = await SupervisionSettings.ForAsync(db, new CurrentUser(User).CongressId!.Value, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();
        try
        {
            await SupervisionSettings.SaveAsync(db, new CurrentUser(User).CongressId!.Value, S, ct);
            Saved = true;
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field is { } f ? "S." + char.ToUpperInvariant(f[0]) + f[1..] : "", e.Message);
        }
        return Page();
    }
}
