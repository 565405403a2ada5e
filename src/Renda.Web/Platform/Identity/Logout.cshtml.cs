using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Platform.Identity;

public class LogoutModel(RendaDbContext db) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Guid.TryParse(User.FindFirst(RendaClaims.Session)?.Value, out var id)
            && await db.LoginSessions.FirstOrDefaultAsync(s => s.Id == id, ct) is { EndedAt: null } session)
        {
            session.EndedAt = db.Clock.GetUtcNow().UtcDateTime;
            db.RecordEvent("Account", session.AccountId.ToString(CultureInfo.InvariantCulture), "logout");
            await db.SaveChangesAsync(ct);
        }
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/login");
    }
}
