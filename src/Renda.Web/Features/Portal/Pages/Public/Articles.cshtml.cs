using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Portal.Pages.Public;

/// <summary>/p/{congress}/news and /p/{congress}/announcements — the published articles of a section, newest first.</summary>
public class ArticlesModel(RendaDbContext db) : PublicPageModel(db)
{
    [BindProperty(SupportsGet = true)] public string Section { get; set; } = "news";
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public ArticleSection Kind => Section == "announcements" ? ArticleSection.Announcement : ArticleSection.News;
    public Page<ArticleListItem> Result { get; private set; } = new([], 1, PortalQueries.PageSize, 0);

    protected override async Task LoadAsync(CancellationToken ct) => Result = await PortalQueries.PublishedAsync(Db, Congress, Kind, PageNumber, null, ct);
}
