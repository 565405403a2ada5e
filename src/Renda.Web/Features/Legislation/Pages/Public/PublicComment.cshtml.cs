using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renda.Web.Platform.Web.Shell;

namespace Renda.Web.Features.Legislation.Pages.Public;

/// <summary>
/// /legislation/public/comments/{id} — the draft published for comment (anonymous): a comment form under each article; a
/// signed-in deputy comments as a deputy. After the summary is published it shows how the comments were handled.
/// </summary>
public class PublicCommentModel(RendaDbContext db, ClientAddress addresses, PublicRateLimits limits) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public PublicCommentPage P { get; private set; } = null!;
    public string? Error { get; private set; }
    [BindProperty] public string? NodeId { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Contact { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try { P = await PublicComments.PageAsync(db, Id, ct); }
        catch (DomainException e) when (e.Kind == DomainErrorKind.NotFound) { return NotFound(); }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var user = new CurrentUser(User);
            var input = new CommentInput(NodeId, Text, Name, Contact, null);
            var deputy = user.IsAuthenticated && user.Has(Role.Deputy);
            if (!deputy && !limits.TryTake(PublicRateLimits.Comment, HttpContext))
            {
                Error = limits.Message(PublicRateLimits.Comment);
                P = await PublicComments.PageAsync(db, Id, ct);
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            }
            BillComment c = deputy
                ? await CommentPeriodWorkflow.CommentSignedInAsync(db, new LegislationActor(user), Id, input, ct)
                : await CommentPeriodWorkflow.CommentAsPublicAsync(db, Id, input, addresses.Of(HttpContext), ct);
            TempData["Message"] = $"感谢您的意见，已收到{(c.ArticleLabel is null ? "" : $"（{c.ArticleLabel}）")}。";
            if (c.ReceiptCode is { } code)
            {
                // The confirmation shows the receipt code once; the citizen keeps it to read the handling later.
                TempData["Receipt"] = code;
                await CommentPeriodWorkflow.MailReceiptAsync(HttpContext, c, Contact, ReceiptCodes.Href(PublicSite.CongressOf(HttpContext), code));
                return Redirect($"/legislation/public/comments/{Id}#receipt");
            }
            return Redirect($"/legislation/public/comments/{Id}#n-{NodeId}");
        }
        catch (DomainException e) when (e.Kind != DomainErrorKind.NotFound)
        {
            Error = e.Message;
            db.ChangeTracker.Clear();
            P = await PublicComments.PageAsync(db, Id, ct);
            Response.StatusCode = e.Kind == DomainErrorKind.Invalid ? StatusCodes.Status400BadRequest : e.Kind == DomainErrorKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
            return Page();
        }
        catch (DomainException)
        {
            return NotFound();
        }
    }
}
