using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renda.Web.Data;
using Renda.Web.Platform.Calendar;
using Renda.Web.Platform.Identity;
using Renda.Web.Platform.Web;

namespace Renda.Web.Features.Supervision.Pages;

/// <summary>
/// The module's pages (as MeetingPageModel): GET loads; a POST runs one workflow step and redirects with a message, or shows
/// the page again with the refusal and its status code (400/403/409).
/// </summary>
[Authorize]
public abstract class SupervisionPageModel(RendaDbContext db) : PageModel
{
    protected RendaDbContext Db => db;
    public string? Error { get; private set; }
    public SupervisionActor Actor => SupervisionActor.For(new CurrentUser(User));
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public int SelectedYear => Year ?? WorkCalendar.Today(db.Clock).Year;
    public IReadOnlyList<int> Years => Enumerable.Range(2022, WorkCalendar.Today(db.Clock).Year - 2021).Reverse().ToList();

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

    protected async Task<IActionResult> StepAsync(Func<SupervisionActor, Task> step, string done, Func<string> redirect, CancellationToken ct)
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

    /// <summary>The topics of the congress's plan of a year, for the forms of the records that carry them out (the plan's progress counts them).</summary>
    public List<(int Id, string Title)> PlanTopics { get; private set; } = [];

    protected async Task LoadPlanTopicsAsync(int year, CancellationToken ct)
        => PlanTopics = (await db.Set<PlanTopic>().AsNoTracking()
            .Where(t => db.Set<SupervisionPlan>().Any(p => p.Id == t.PlanId && p.CongressId == Actor.CongressId && p.Year == year))
            .OrderBy(t => t.Id).Select(t => new { t.Id, t.Title }).ToListAsync(ct)).Select(t => (t.Id, t.Title)).ToList();

    /// <summary>The organs (一府一委两院 and departments) and committees of the congress, for the forms.</summary>
    public List<(int Id, string Name)> Organs { get; private set; } = [];
    public List<(int Id, string Name)> Committees { get; private set; } = [];

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        Organs = (await db.HandlingUnits.AsNoTracking().Where(u => u.CongressId == Actor.CongressId && u.Active).OrderBy(u => u.Kind).ThenBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Select(u => (u.Id, u.Name)).ToList();
        Committees = (await db.Committees.AsNoTracking().Where(u => u.CongressId == Actor.CongressId).OrderBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Select(u => (u.Id, u.Name)).ToList();
    }
}
