using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Platform.Identity;

public class LoginModel(RendaDbContext db) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public string? Reason { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "请输入用户名和密码。";
            return Page();
        }
        var outcome = await Logins.CheckPasswordAsync(HttpContext, UserName, Password, ct);
        if (outcome.Result != SignInResult.Success)
        {
            Error = outcome.Message;
            if (outcome is { Result: SignInResult.Throttled, RetryAfter: { } wait })
            {
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }
            return Page();
        }
        var account = outcome.Account!;
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var session = new LoginSession { Id = Guid.NewGuid(), AccountId = account.Id, StartedAt = now, LastSeenAt = now, ClientAddress = HttpContext.Connection.RemoteIpAddress?.ToString() };
        db.LoginSessions.Add(session);
        db.RecordEvent("Account", account.Id.ToString(CultureInfo.InvariantCulture), "login");
        await db.SaveChangesAsync(ct);
        var principal = await Logins.PrincipalAsync(db, account, session.Id, CookieAuthenticationDefaults.AuthenticationScheme, ct);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        if (account.MustChangePassword && !account.IsDemo)
            return Redirect("/account/password");
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
