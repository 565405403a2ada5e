using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Platform.Notifications;

/// <summary>/inbox: the user's messages, newest first; marking read is a plain POST form (works without script).</summary>
public class InboxModel(RendaDbContext db) : PageModel
{
    public Page<NotificationView> Messages { get; private set; } = new([], 1, 20, 0);
    public int Unread { get; private set; }

    private int AccountId => new CurrentUser(User).AccountId!.Value;

    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        Messages = await NotificationsApi.PageAsync(db, AccountId, false, pageNumber, 20, ct);
        Unread = await Notifier.UnreadCountAsync(db, AccountId, ct);
    }

    public async Task<IActionResult> OnPostReadAsync(int id, int? returnPage, CancellationToken ct)
    {
        try
        {
            await Notifier.MarkReadAsync(db, AccountId, id, ct);
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.NotFound)
        {
            return NotFound();
        }
        return Redirect(returnPage is > 1 ? $"/inbox?page={returnPage}" : "/inbox");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await Notifier.MarkAllReadAsync(db, AccountId, ct);
        return Redirect("/inbox");
    }
}
