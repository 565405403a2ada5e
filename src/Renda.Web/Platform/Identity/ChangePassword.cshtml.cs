using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Platform.Identity;

public class ChangePasswordModel(RendaDbContext db) : PageModel
{
    [BindProperty] public string CurrentPassword { get; set; } = "";
    [BindProperty] public string NewPassword { get; set; } = "";
    public bool Forced => User.HasClaim(RendaClaims.MustChangePassword, "true");
    public bool Done { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = new CurrentUser(User);
        var account = await db.Accounts.Include(a => a.Roles).Include(a => a.Congress).FirstAsync(a => a.Id == user.AccountId, ct);
        try
        {
            await Accounts.ChangePasswordAsync(db, account, CurrentPassword, NewPassword, ct);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field switch { "currentPassword" => nameof(CurrentPassword), "newPassword" => nameof(NewPassword), _ => "" }, e.Message);
            return Page();
        }
        // Re-issue the cookie without the must-change flag, keeping the same server session.
        Guid? session = Guid.TryParse(User.FindFirst(RendaClaims.Session)?.Value, out var s) ? s : null;
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, await Logins.PrincipalAsync(db, account, session, CookieAuthenticationDefaults.AuthenticationScheme, ct));
        Done = true;
        return Page();
    }
}
