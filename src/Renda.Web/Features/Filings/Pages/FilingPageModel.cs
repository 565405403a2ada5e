using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renda.Web.Data;
using Renda.Web.Platform.Identity;
using Renda.Web.Platform.Web;

namespace Renda.Web.Features.Filings.Pages;

/// <summary>
/// The module's pages: GET loads; a POST runs one workflow step and redirects with a message (post/redirect/get), or shows
/// the page again with the refusal and its status code (400/403/409), as the meetings pages do.
/// </summary>
[Authorize]
public abstract class FilingPageModel(RendaDbContext db) : PageModel
{
    protected RendaDbContext Db => db;
    public string? Error { get; private set; }
    public FilingActor Actor => FilingActor.For(new CurrentUser(User));
    public CurrentUser Current => new(User);

    /// <summary>Staff pages by default; the filer's pages say otherwise.</summary>
    protected virtual bool Allowed => Actor.IsStaff || Actor.IsCouncil;

    protected abstract Task LoadAsync(CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            if (!Allowed) return Forbid();
            await LoadAsync(ct);
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.NotFound)
        {
            return NotFound();
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.Forbidden)
        {
            return Forbid();
        }
        return Page();
    }

    protected async Task<IActionResult> StepAsync(Func<FilingActor, Task> step, string done, Func<string> redirect, CancellationToken ct)
    {
        try
        {
            if (!Allowed) return Forbid();
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
