using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Platform.Admin;

[Authorize(Policy = nameof(Role.SecurityAdministrator))]
public class SecurityPolicyModel(RendaDbContext db) : PageModel
{
    [BindProperty] public SecurityPolicy Policy { get; set; } = new();
    public bool Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Policy = await Logins.PolicyAsync(db, new CurrentUser(User).CongressId!.Value, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();
        await Identity.Accounts.SavePolicyAsync(db, new CurrentUser(User).CongressId!.Value, Policy, ct);
        Saved = true;
        return Page();
    }
}
