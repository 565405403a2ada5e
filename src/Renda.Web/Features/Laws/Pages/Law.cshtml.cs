using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Features.Laws.Pages;

/// <summary>/laws/{id} — one law: its facts, versions, table of contents and full text with a permalink per article.</summary>
public class LawModel(RendaDbContext db) : PageModel
{
    [BindProperty] public string? Act { get; set; }
    [BindProperty] public DateOnly? On { get; set; }
    public string? Error { get; private set; }
    /// <summary>Staff of the congress that made this regulation may record its amendment or repeal here.</summary>
    public bool MayMark { get; private set; }

    public LawDetail Law { get; private set; } = null!;
    public string BodyHtml { get; private set; } = "";
    public IReadOnlyList<LawHtml.TocEntry> Toc { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        try
        {
            Law = await LawQueries.DetailAsync(db, id, LawQueries.SeesImportWarnings(User), ct);
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.NotFound)
        {
            return NotFound();
        }
        var stored = await LawQueries.LawAsync(db, id, ct);
        MayMark = User.Identity?.IsAuthenticated == true && new CurrentUser(User).CongressId is not null && new LawActor(new CurrentUser(User)).MayMark(stored) && Law.Status != LawStatus.Repealed;
        var (body, toc) = LawHtml.Render(LawImport.Parse(stored), id);
        BodyHtml = body;
        Toc = toc;
        return Page();
    }

    /// <summary>A post that names no step (a hostile or stale form) shows the page again instead of rendering it unloaded (a 500).</summary>
    public IActionResult OnPost(int id) => Redirect($"/laws/{id}");

    public Task<IActionResult> OnPostAmendedAsync(int id, CancellationToken ct) => MarkAsync(id, a => LawWorkflow.MarkAmendedAsync(db, a, id, Act, On, ct), ct);

    public Task<IActionResult> OnPostRepealedAsync(int id, CancellationToken ct) => MarkAsync(id, a => LawWorkflow.MarkRepealedAsync(db, a, id, Act, On, ct), ct);

    private async Task<IActionResult> MarkAsync(int id, Func<LawActor, Task> step, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        try
        {
            await step(new LawActor(new CurrentUser(User)));
            return Redirect($"/laws/{id}");
        }
        catch (DomainException e) when (e.Kind != DomainErrorKind.NotFound)
        {
            db.ChangeTracker.Clear();
            var shown = await OnGetAsync(id, ct);
            Error = e.Message;
            Response.StatusCode = e.Kind switch { DomainErrorKind.Invalid => 400, DomainErrorKind.Forbidden => 403, _ => 409 };
            return shown;
        }
    }
}
