using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Platform.Notifications;

/// <summary>
/// The header badge's fragment, polled by htmx every minute: just the number, empty when zero
/// (Bootstrap hides an empty badge). Anonymous is allowed on purpose: after idle logout the
/// poll must get an empty fragment, not a redirect whose login page htmx would paste into the badge.
/// </summary>
[AllowAnonymous]
public class UnreadCountModel(RendaDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = new CurrentUser(User);
        if (user.AccountId is not { } accountId)
            return Content("", "text/html; charset=utf-8");
        var count = await Notifier.UnreadCountAsync(db, accountId, ct);
        Response.Headers.CacheControl = "no-store";
        return Content(count == 0 ? "" : count > 99 ? "99+" : count.ToString(CultureInfo.InvariantCulture), "text/html; charset=utf-8");
    }
}
