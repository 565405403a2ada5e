using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Portal.Pages.Public;

/// <summary>
/// /p/{congress}/unsubscribe?token= — the unsubscribe address of every mail, without signing in. GET shows one button (so a
/// mail scanner that follows links does not unsubscribe anybody); POST unsubscribes, from that button or straight from the
/// mail client (List-Unsubscribe-Post: List-Unsubscribe=One-Click, RFC 8058), which has no antiforgery token to send — none
/// is needed: the token in the address is the only thing that can end this subscription.
/// </summary>
[IgnoreAntiforgeryToken]
public class UnsubscribeModel(RendaDbContext db) : PublicPageModel(db)
{
    [BindProperty(SupportsGet = true, Name = "token")] public string? Token { get; set; }
    public bool Done { get; private set; }
    public string? Error { get; private set; }

    protected override Task LoadAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var get = await OnGetAsync(ct);
        if (get is not Microsoft.AspNetCore.Mvc.RazorPages.PageResult) return get;
        try
        {
            await SubscriptionWorkflow.UnsubscribeAsync(Db, Token, ct);
            Done = true;
        }
        catch (DomainException e)
        {
            Error = e.Message;
            Response.StatusCode = 404;
        }
        return Page();
    }
}
