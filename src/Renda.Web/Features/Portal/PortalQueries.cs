using Renda.Web.Platform.Attachments;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Portal;

public sealed record ArticleListItem(int Id, ArticleSection Section, string SectionLabel, string? KindLabel, string Title, string Summary,
    DateOnly? PublishedOn, NewsArticleStatus Status, string StatusLabel, string Href);

public sealed record ArticleFile(int Id, string FileName, string ContentType, long Size, string Href);

/// <summary>One article as a page or the API shows it; <see cref="BodyHtml"/> is rendered by <see cref="ArticleText"/> (encoded, no markup of the writer's).</summary>
public sealed record ArticleView(int Id, string CongressCode, string Congress, ArticleSection Section, string SectionLabel, AnnouncementKind? AnnouncementKind, string? KindLabel,
    string Title, string Summary, string Body, string BodyHtml, string? CoverHref, DateOnly? PublishedOn, NewsArticleStatus Status, string StatusLabel, string? UnpublishReason,
    string Href, IReadOnlyList<ArticleFile> Files, IReadOnlyList<NewsArticleAction> Allowed);

/// <summary>Published articles of a year (counted by first publication day): what the annual report's publicity section reads.</summary>
public sealed record PublicityFigures(string Congress, int Year, int News, int Announcements, int Total);

/// <summary>Reading articles: the public lists and pages (published only), the staff list and preview, and the publicity figures.</summary>
public static class PortalQueries
{
    public const int PageSize = 20;

    public static string Href(string code, ArticleSection section, int id) => $"/p/{code}/{PortalLabels.Segment(section)}/{id}";

    public static async Task<Congress> CongressAsync(RendaDbContext db, string code, CancellationToken ct)
        => await db.Congresses.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct) ?? throw DomainException.NotFound($"行政区划代码 {code} 没有对应的人大。");

    /// <summary>The published articles of a congress (of one section, or both), newest first.</summary>
    public static async Task<Page<ArticleListItem>> PublishedAsync(RendaDbContext db, Congress congress, ArticleSection? section, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalise(page, pageSize ?? PageSize);
        var q = db.Set<NewsArticle>().AsNoTracking().Where(a => a.CongressId == congress.Id && a.Status == NewsArticleStatus.Published);
        if (section is { } s) q = q.Where(a => a.Section == s);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(a => a.PublishedOn).ThenByDescending(a => a.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new Page<ArticleListItem>(rows.Select(a => Item(congress.Code, a)).ToList(), p, size, total);
    }

    /// <summary>Every article of the staff's congress, drafts and withdrawn ones too, latest change first.</summary>
    public static async Task<List<ArticleListItem>> ForStaffAsync(RendaDbContext db, PortalActor actor, NewsArticleStatus? status, CancellationToken ct)
    {
        actor.RequireEditor(actor.CongressId);
        var code = await db.Congresses.Where(c => c.Id == actor.CongressId).Select(c => c.Code).FirstAsync(ct);
        var q = db.Set<NewsArticle>().AsNoTracking().Where(a => a.CongressId == actor.CongressId);
        if (status is { } s) q = q.Where(a => a.Status == s);
        var rows = await q.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id).Take(500).ToListAsync(ct);
        return rows.Select(a => Item(code, a)).ToList();
    }

    private static ArticleListItem Item(string code, NewsArticle a) =>
        new(a.Id, a.Section, PortalLabels.Of(a.Section), a.AnnouncementKind is { } k ? PortalLabels.Of(k) : null, a.Title, a.Summary, a.PublishedOn,
            a.Status, PortalLabels.Of(a.Status), Href(code, a.Section, a.Id));

    /// <summary>
    /// One article. The public sees it only while published (else 404, as if it never was); staff of its congress see it in any
    /// state, as a preview.
    /// </summary>
    public static async Task<ArticleView> ArticleAsync(RendaDbContext db, Congress congress, int id, PortalActor? actor, CancellationToken ct)
    {
        var a = await db.Set<NewsArticle>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.CongressId == congress.Id, ct);
        var staff = actor is not null && actor.MayEdit(congress.Id);
        if (a is null || (a.Status != NewsArticleStatus.Published && !staff)) throw DomainException.NotFound("没有这篇文章。");
        var owner = a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var files = await db.Attachments.AsNoTracking().Where(f => f.CongressId == congress.Id && f.OwnerType == NewsArticleWorkflow.Subject && f.OwnerId == owner)
            .OrderBy(f => f.Id).ToListAsync(ct);
        var allowed = staff ? Enum.GetValues<NewsArticleAction>().Where(x => a.Can(x, actor)).ToList() : [];
        return new ArticleView(a.Id, congress.Code, congress.StandingCommitteeName, a.Section, PortalLabels.Of(a.Section), a.AnnouncementKind,
            a.AnnouncementKind is { } k ? PortalLabels.Of(k) : null, a.Title, a.Summary, a.Body, ArticleText.ToHtml(a.Body),
            a.CoverAttachmentId is { } c ? FileHref(congress.Code, c) : null, a.PublishedOn, a.Status, PortalLabels.Of(a.Status), staff ? a.UnpublishReason : null,
            Href(congress.Code, a.Section, a.Id),
            files.Where(f => f.Id != a.CoverAttachmentId).Select(f => new ArticleFile(f.Id, f.FileName, f.ContentType, f.Size, FileHref(congress.Code, f.Id))).ToList(), allowed);
    }

    public static string FileHref(string code, int attachmentId) => $"/p/{code}/files/{attachmentId}";

    /// <summary>
    /// An attachment of an article, for anyone while the article is published (for its staff always): the public address of
    /// cover images and files, which the platform's attachment API (signed-in users of the congress only) is not.
    /// </summary>
    public static async Task<Attachment> PublicFileAsync(RendaDbContext db, Congress congress, int attachmentId, PortalActor? actor, CancellationToken ct)
    {
        var f = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == attachmentId && x.CongressId == congress.Id && x.OwnerType == NewsArticleWorkflow.Subject, ct)
            ?? throw DomainException.NotFound("附件不存在。");
        var id = int.Parse(f.OwnerId, System.Globalization.CultureInfo.InvariantCulture);
        var published = await db.Set<NewsArticle>().AnyAsync(a => a.Id == id && a.Status == NewsArticleStatus.Published, ct);
        if (!published && !(actor?.MayEdit(congress.Id) ?? false)) throw DomainException.NotFound("附件不存在。");
        return f;
    }

    /// <summary>Published articles per year of first publication; a withdrawn article no longer counts.</summary>
    public static async Task<List<PublicityFigures>> PublicityAsync(RendaDbContext db, Congress congress, CancellationToken ct)
    {
        var rows = await db.Set<NewsArticle>().AsNoTracking()
            .Where(a => a.CongressId == congress.Id && a.Status == NewsArticleStatus.Published && a.PublishedOn != null)
            .GroupBy(a => new { a.PublishedOn!.Value.Year, a.Section })
            .Select(g => new { g.Key.Year, g.Key.Section, Count = g.Count() }).ToListAsync(ct);
        return rows.GroupBy(r => r.Year).OrderByDescending(g => g.Key).Select(g =>
        {
            var news = g.Where(r => r.Section == ArticleSection.News).Sum(r => r.Count);
            var ann = g.Where(r => r.Section == ArticleSection.Announcement).Sum(r => r.Count);
            return new PublicityFigures(congress.Code, g.Key, news, ann, news + ann);
        }).ToList();
    }
}
