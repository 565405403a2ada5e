using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Features.Laws.Pages;

/// <summary>/laws/{id}/articles/{n} — the permalink of one article ("10", "120-1", or "第十条").</summary>
public class LawArticleModel(RendaDbContext db) : PageModel
{
    public Law Law { get; private set; } = null!;
    public LawArticle Article { get; private set; } = null!;
    public LawArticle? Previous { get; private set; }
    public LawArticle? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string n, CancellationToken ct)
    {
        try
        {
            Law = await LawQueries.LawAsync(db, id, ct);
            Article = await LawQueries.ArticleAsync(db, id, n, ct);
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.NotFound)
        {
            return NotFound();
        }
        var units = (await LawIndex.UnitsAsync(db, id, ct)).Where(u => u.Kind == LawArticle.ArticleKind).ToList();
        var i = units.FindIndex(u => u.Ordinal == Article.Ordinal);
        Previous = i > 0 ? units[i - 1] : null;
        Next = i >= 0 && i + 1 < units.Count ? units[i + 1] : null;
        return Page();
    }
}
