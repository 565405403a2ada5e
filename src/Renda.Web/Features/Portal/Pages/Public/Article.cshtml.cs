using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Portal.Pages.Public;

/// <summary>
/// /p/{congress}/news/{id} and /p/{congress}/announcements/{id} — one published article; a draft or withdrawn one is 404 for
/// the public and a preview for its congress's staff. Its stable address is its section's; the other section's redirects.
/// </summary>
public class ArticleModel(RendaDbContext db) : PublicPageModel(db)
{
    [BindProperty(SupportsGet = true)] public string Section { get; set; } = "news";
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public ArticleView Article { get; private set; } = null!;
    public bool Preview => Article.Status != NewsArticleStatus.Published;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Article = await PortalQueries.ArticleAsync(Db, Congress, Id, PortalApi.OptionalActor(new CurrentUser(User)), ct);
        if (PortalLabels.Segment(Article.Section) != Section) throw DomainException.NotFound("没有这篇文章。");
    }
}
