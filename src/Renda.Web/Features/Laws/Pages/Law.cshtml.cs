using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Features.Laws.Pages;

/// <summary>/laws/{id} — one law: its facts, versions, table of contents and full text with a permalink per article.</summary>
public class LawModel(RendaDbContext db) : PageModel
{
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
        var (body, toc) = LawHtml.Render(LawImport.Parse(await LawQueries.LawAsync(db, id, ct)), id);
        BodyHtml = body;
        Toc = toc;
        return Page();
    }
}
