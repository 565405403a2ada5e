using Renda.Web.Platform.Attachments;
using Renda.Web.Platform.Demo;

namespace Renda.Web.Features.Portal;

/// <summary>
/// The module's entry points (docs/MODULES.md): the public site of each congress (/p/{code}/…, pages found by folder), its
/// articles' API under /api/v1, /sitemap.xml and the public addresses of article files, and its demo articles.
/// </summary>
public static class PortalModule
{
    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration config)
    {
        // An article's files: its congress's staff see and add them (the public reads them through /p/{code}/files/{id}).
        AttachmentAccess.Register(NewsArticleWorkflow.Subject,
            async (db, user, id) => int.TryParse(id, out var aid) && user.CongressId is { } c && await db.Set<NewsArticle>().AnyAsync(a => a.Id == aid && a.CongressId == c, default),
            async (db, user, id) => int.TryParse(id, out var aid) && user.CongressId is { } c && new PortalActor(user).MayEdit(c)
                && await db.Set<NewsArticle>().AnyAsync(a => a.Id == aid && a.CongressId == c, default));
        // The public pages other modules already had keep their addresses and are also served under the site's prefix.
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
        {
            o.Conventions.AddPageRoute("/Features/Laws/Pages/Index", "p/{congress}/laws");
            o.Conventions.AddPageRoute("/Features/Legislation/Pages/Public/PublicComments", "p/{congress}/legislation/comments");
            o.Conventions.AddPageRoute("/Features/Suggestions/Pages/Public/PublicList", "p/{congress}/suggestions");
            o.Conventions.AddPageRoute("/Features/Deputies/Pages/Public/Stations", "p/{congress}/stations");
        });
        // Part 2: mail to confirmed subscribers (nothing without SMTP).
        services.AddHostedService<SubscriptionMailer>();
        // The site search and the anonymous page cache, kept current by the changes of every module's public records.
        PublicChanges.Register(services);
        return services;
    }

    public static RouteGroupBuilder MapPortal(this RouteGroupBuilder api)
    {
        PortalApi.Map(api);
        PortalFollow.MapApi(api);
        Search.SearchApi.Map(api);
        return api;
    }

    /// <summary>What lives outside /api/v1: the sitemap, the large-text switch and the public file addresses.</summary>
    public static WebApplication MapPortalSite(this WebApplication app)
    {
        PortalSite.Map(app);
        PortalFollow.MapSite(app);
        return app;
    }

    public static async Task SeedPortalAsync(this DemoSeed seed, CancellationToken ct)
    {
        await PortalDemo.EnsureAsync(seed.Db, ct);
    }
}
