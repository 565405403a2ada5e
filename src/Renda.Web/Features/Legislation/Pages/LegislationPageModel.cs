using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renda.Web.Data;
using Renda.Web.Platform.Identity;
using Renda.Web.Platform.Web;

namespace Renda.Web.Features.Legislation.Pages;

/// <summary>
/// The module's staff pages: GET loads; a POST runs one workflow step and redirects with a message (post/redirect/get), or
/// shows the page again with the refusal and its status code (400/403/409), as the meetings pages do.
/// </summary>
[Authorize]
public abstract class LegislationPageModel(RendaDbContext db) : PageModel
{
    protected RendaDbContext Db => db;
    public string? Error { get; private set; }
    public LegislationActor Actor => LegislationActor.For(new CurrentUser(User));

    protected abstract Task LoadAsync(CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            if (!Actor.MayRead) return Forbid();
            await LoadAsync(ct);
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.NotFound)
        {
            return NotFound();
        }
        return Page();
    }

    protected async Task<IActionResult> StepAsync(Func<LegislationActor, Task> step, string done, Func<string> redirect, CancellationToken ct)
    {
        try
        {
            await step(Actor);
            TempData["Message"] = done;
            return Redirect(redirect());
        }
        catch (DomainException e) when (e.Kind != DomainErrorKind.NotFound)
        {
            Error = e.Message;
            db.ChangeTracker.Clear();
            await LoadAsync(ct);
            Response.StatusCode = e.Kind switch
            {
                DomainErrorKind.Invalid => StatusCodes.Status400BadRequest,
                DomainErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status409Conflict,
            };
            return Page();
        }
        catch (DomainException)
        {
            return NotFound();
        }
    }
}

/// <summary>HTML helpers of the module's pages.</summary>
public static class LegislationHtml
{
    /// <summary>The text HTML-encoded with the changed spans wrapped in &lt;mark&gt; (the comparison's character spans).</summary>
    public static IHtmlContent Mark(string? text, IReadOnlyList<CharSpan> spans, string css)
    {
        if (string.IsNullOrEmpty(text)) return HtmlString.Empty;
        var sb = new StringBuilder(text.Length + 32);
        var at = 0;
        foreach (var s in spans.OrderBy(s => s.Start))
        {
            var start = Math.Clamp(s.Start, at, text.Length);
            var end = Math.Clamp(s.Start + s.Length, start, text.Length);
            sb.Append(HtmlEncoder.Default.Encode(text[at..start]));
            if (end > start) sb.Append("<mark class=\"").Append(css).Append("\">").Append(HtmlEncoder.Default.Encode(text[start..end])).Append("</mark>");
            at = end;
        }
        sb.Append(HtmlEncoder.Default.Encode(text[at..]));
        return new HtmlString(sb.ToString());
    }

    public static string KindBadge(ChangeKind k) => k switch
    {
        ChangeKind.Unchanged => "text-bg-light",
        ChangeKind.Changed => "text-bg-warning",
        ChangeKind.Inserted => "text-bg-success",
        ChangeKind.Deleted => "text-bg-danger",
        ChangeKind.Moved => "text-bg-info",
    };
}
