using System.Globalization;
using System.Text;
using System.Xml;
using Renda.Web.Features.Laws;
using Renda.Web.Features.Legislation;
using Renda.Web.Features.Suggestions.Pages.Public;
using Renda.Web.Platform.Attachments;
using Renda.Web.Platform.Web.Shell;

namespace Renda.Web.Features.Portal;

/// <summary>
/// The public site's addresses outside /api/v1 and outside the pages: /sitemap.xml (every public item by its stable
/// address), the large-text switch, and the public address of an article's files. Not part of the API description.
/// </summary>
public static class PortalSite
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/sitemap.xml", SitemapAsync).AllowAnonymous().ExcludeFromDescription();
        // A link, not a script: works by keyboard and without JavaScript; only a local address is followed back.
        app.MapGet("/portal/text-size", (bool? large, string? returnUrl, HttpContext http) =>
        {
            if (large == true)
                http.Response.Cookies.Append(PublicSite.LargeTextCookie, "1", new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/" });
            else
                http.Response.Cookies.Delete(PublicSite.LargeTextCookie, new CookieOptions { Path = "/" });
            var back = returnUrl is { Length: > 0 } r && r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal) && !r.StartsWith("/\\", StringComparison.Ordinal) ? r : "/";
            return TypedResults.Redirect(back);
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/p/{congress}/files/{id:int}", async Task<IResult> (string congress, int id, RendaDbContext db, AttachmentStore store, HttpContext http, CancellationToken ct) =>
        {
            try
            {
                var c = await PortalQueries.CongressAsync(db, congress, ct);
                var f = await PortalQueries.PublicFileAsync(db, c, id, PortalApi.OptionalActor(new CurrentUser(http.User)), ct);
                var inline = f.ContentType.StartsWith("image/", StringComparison.Ordinal);
                return TypedResults.File(store.Open(f), f.ContentType, inline ? null : f.FileName);
            }
            catch (DomainException e) when (e.Kind == DomainErrorKind.NotFound)
            {
                return TypedResults.NotFound();
            }
        }).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>The public items of every congress: home and sections, published articles, regulations, published suggestions, drafts for comment, stations.</summary>
    private static async Task<IResult> SitemapAsync(HttpContext http, RendaDbContext db, CancellationToken ct)
    {
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        var urls = new List<(string Path, DateOnly? Modified)>();
        var congresses = await db.Congresses.AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Id, c.Code }).ToListAsync(ct);
        var home = PublicSite.HomeCongress(http.RequestServices.GetRequiredService<IConfiguration>());
        foreach (var c in congresses.Where(c => c.Code == home))
            urls.AddRange(PublicSite.Nav(c.Code).Select(n => (n.Href, (DateOnly?)null)));
        var codes = congresses.ToDictionary(c => c.Id, c => c.Code);
        var articles = await db.Set<NewsArticle>().AsNoTracking().Where(a => a.Status == NewsArticleStatus.Published)
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.CongressId, a.Section, a.UpdatedAt }).ToListAsync(ct);
        urls.AddRange(articles.Select(a => (PortalQueries.Href(codes[a.CongressId], a.Section, a.Id), (DateOnly?)DateOnly.FromDateTime(a.UpdatedAt))));
        // Regulations made by the congresses in Renda (the imported national collection is listed by its own publishers).
        var laws = await db.Set<Law>().AsNoTracking().Where(l => l.CongressId != null).OrderBy(l => l.Id).Select(l => new { l.Id, l.VersionDate }).ToListAsync(ct);
        urls.AddRange(laws.Select(l => ($"/laws/{l.Id}", l.VersionDate)));
        for (int page = 1, pages = 1; page <= pages; page++)
        {
            var suggestions = await PublicSuggestions.ListAsync(db, null, page, ct);
            pages = suggestions.PageCount;
            urls.AddRange(suggestions.Items.Select(s => ($"/public/suggestions/{s.Id}", (DateOnly?)DateOnly.FromDateTime(s.PublishedAt))));
        }
        urls.AddRange((await PublicComments.ListAsync(db, ct)).Select(p => ($"/legislation/public/comments/{p.Id}", (DateOnly?)p.OpensOn)));
        var stations = await db.Set<Deputies.LiaisonStation>().AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        urls.AddRange(stations.Select(id => ($"/stations/{id}", (DateOnly?)null)));

        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            w.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var (path, modified) in urls.DistinctBy(u => u.Path))
            {
                w.WriteStartElement("url");
                w.WriteElementString("loc", origin + path);
                if (modified is { } m) w.WriteElementString("lastmod", m.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        return TypedResults.Text(sb.ToString().Replace("utf-16", "utf-8", StringComparison.Ordinal), "application/xml; charset=utf-8");
    }
}
