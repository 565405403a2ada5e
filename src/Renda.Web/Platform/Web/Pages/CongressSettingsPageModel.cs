using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renda.Web.Platform.Modules;

namespace Renda.Web.Platform.Web.Pages;

/// <summary>
/// A module's settings page: the system administrator reads and saves the congress's row of <typeparamref name="TSettings"/>
/// (the "configurable" rules of DOMAIN.md). Validation errors stay on the form; a refusal of the module names its field.
/// </summary>
[Authorize(Policy = nameof(Role.SystemAdministrator))]
public abstract class CongressSettingsPageModel<TSettings>(RendaDbContext db) : PageModel where TSettings : CongressSettings, new()
{
    [BindProperty] public TSettings S { get; set; } = new();
    public bool Saved { get; private set; }

    private int CongressId => new CurrentUser(User).CongressId!.Value;

    public async Task OnGetAsync(CancellationToken ct) => S = await Settings.ForAsync<TSettings>(db, CongressId, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();
        try
        {
            await Settings.SaveAsync(db, CongressId, S, ct);
            Saved = true;
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field is { } f ? "S." + char.ToUpperInvariant(f[0]) + f[1..] : "", e.Message);
        }
        return Page();
    }
}

/// <summary>What the settings page's "legal bases" part shows: the settings and, per clock, the basis field and its label.</summary>
public sealed record LegalBasesView(CongressSettings S, IReadOnlyList<(string Field, string Label)> Bases);
