using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Platform.Web.Pages;

/// <summary>
/// A module's pages: GET loads; a POST runs one workflow step and redirects with a message (post/redirect/get, so a reload
/// never repeats it), or shows the page again with the refusal and its status code (400/403/409). The actor is the module's
/// view of who is signed in (what they may read and do).
/// </summary>
[Authorize]
public abstract class WorkflowPageModel<TActor>(RendaDbContext db) : PageModel
{
    protected RendaDbContext Db => db;
    public string? Error { get; private set; }
    public abstract TActor Actor { get; }

    /// <summary>Whether the signed-in user may open the page at all.</summary>
    protected abstract bool MayOpen { get; }

    protected abstract Task LoadAsync(CancellationToken ct);

    /// <summary>The year a by-year page shows and the years it offers (<see cref="YearChoice"/>); the page renders _YearNote with it.</summary>
    public YearChoice? YearShown { get; private set; }

    /// <summary>Chooses the year to show from the years that have records (the page's own query) and the one asked for.</summary>
    protected async Task<int> ChooseYearAsync(IQueryable<int> withRecords, int? asked, CancellationToken ct)
        => (YearShown = await YearChoice.ForAsync(withRecords, asked, db.Clock, ct)).Year;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            if (!MayOpen) return Forbid();
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

    protected async Task<IActionResult> StepAsync(Func<TActor, Task> step, string done, Func<string> redirect, CancellationToken ct)
    {
        try
        {
            if (!MayOpen) return Forbid();
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
