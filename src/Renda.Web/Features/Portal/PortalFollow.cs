using Microsoft.AspNetCore.Http.HttpResults;
using Renda.Web.Platform.Notifications;
using Renda.Web.Platform.Web.Shell;

namespace Renda.Web.Features.Portal;

/// <summary>
/// Following the public site (issue 19, part 2): the Atom feed of each section (/p/{code}/{section}/feed, outside the API
/// description: a feed is a document, not an operation), the receipt lookup and the subscription form's API, and the staff's
/// count of subscribers per section.
/// </summary>
public static class PortalFollow
{
    public static void MapApi(RouteGroupBuilder api)
    {
        api.MapGet("/public/receipts/{code}", async Task<Results<Ok<ReceiptView>, ProblemHttpResult>> (string code, RendaDbContext db, CancellationToken ct)
                => await ReceiptLookup.FindAsync(db, code, ct) is { } v ? TypedResults.Ok(v) : TypedResults.Problem(NotFoundText, statusCode: 404, title: "未找到"))
            .AllowAnonymous().WithTags("公开").RequirePublicRateLimit(PublicRateLimits.Lookup)
            .WithName("Portal_GetReceipt").WithSummary("凭回执码查询意见、审查建议或联络站留言的处理情况（公开，不含个人信息）");
        api.MapPost("/public/congresses/{code}/subscriptions", async Task<Ok<SubscribeAccepted>> (string code, SubscribeInput r, RendaDbContext db, EmailOutbox outbox,
                IEmailSender sender, ILoggerFactory logs, HttpContext http, CancellationToken ct)
                => TypedResults.Ok(await SubscriptionWorkflow.RequestAsync(db, outbox, sender, logs.CreateLogger(typeof(PortalFollow)), Origin(http),
                    await PortalQueries.CongressAsync(db, code, ct), r, ct)))
            .AllowAnonymous().DisableAntiforgery().WithTags("公开").RequirePublicRateLimit(PublicRateLimits.Subscribe)
            .WithName("Portal_Subscribe").WithSummary("邮件订阅栏目或关键词（需点击确认邮件中的链接；未配置邮件服务时不可用）");
        api.MapGet("/portal/subscriptions", async Task<Ok<List<SubscriptionCount>>> (RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
            {
                var actor = PortalApi.Actor(user);
                actor.RequireStaff("只有工作人员可以查看订阅统计。");
                return TypedResults.Ok(await SubscriptionWorkflow.CountsAsync(db, actor.CongressId, ct));
            })
            .RequireAuthorization().WithTags("门户网站").WithName("Portal_CountSubscriptions").WithSummary("各栏目已确认的邮件订阅数（只有数量，不含邮箱）");
    }

    public const string NotFoundText = "没有找到这个回执码。请核对后重新输入：回执码由字母和数字组成，不区分大小写。";

    public static void MapSite(WebApplication app)
    {
        foreach (var section in PortalFeeds.Sections)
        {
            PublicSite.RegisterFeed(section.PagePath, section.Label);
            app.MapGet($"/p/{{congress}}/{section.PagePath}/feed", async Task<IResult> (string congress, RendaDbContext db, HttpContext http, CancellationToken ct) =>
            {
                var c = await db.Congresses.AsNoTracking().FirstOrDefaultAsync(x => x.Code == congress, ct);
                if (c is null) return TypedResults.NotFound();
                var items = await PortalFeeds.ItemsAsync(db, c, section, ct);
                var xml = AtomFeed.Write($"{c.StandingCommitteeName} · {section.Label}", c.StandingCommitteeName, Origin(http), section.Feed(c.Code), section.Page(c.Code), items);
                return TypedResults.Text(xml, AtomFeed.ContentType);
            }).AllowAnonymous().ExcludeFromDescription();
        }

        // A search followed as a feed: the newest public items matching the words, from the site search index.
        app.MapGet("/p/{congress}/search/feed", async Task<IResult> (string congress, string? q, string? section, RendaDbContext db, Search.PublicIndexer indexer, HttpContext http, CancellationToken ct) =>
        {
            var c = await db.Congresses.AsNoTracking().FirstOrDefaultAsync(x => x.Code == congress, ct);
            if (c is null) return TypedResults.NotFound();
            var words = Search.PublicIndex.Clean(q);
            if (string.IsNullOrWhiteSpace(words)) return TypedResults.BadRequest("请在地址中给出检索词（q=…）。");
            if (section is not null && Search.PublicSources.Sections.All(x => x.Key != section)) return TypedResults.BadRequest("没有这个栏目。");
            await indexer.CaughtUpAsync(Search.SearchApi.CatchUpWait, ct);
            var result = await Search.PublicIndex.SearchAsync(db, c, q, section, Search.SearchOrder.Newest, 1, ct);
            var items = result.Items.Select(h =>
            {
                var day = h.PublishedOn is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)) : DateTimeOffset.UnixEpoch;
                return new FeedItem($"{h.Section}-{h.Key}", PlainText(h.TitleHtml), h.Url, day, day, PlainText(h.ExcerptHtml));
            }).ToList();
            var self = $"/p/{c.Code}/search/feed?q={Uri.EscapeDataString(words)}" + (section is null ? "" : "&section=" + section);
            var page = $"/p/{c.Code}/search?q={Uri.EscapeDataString(words)}" + (section is null ? "" : "&section=" + section) + "&order=Newest";
            var xml = AtomFeed.Write($"{c.StandingCommitteeName} · 检索“{words}”", c.StandingCommitteeName, Origin(http), self, page, items);
            return TypedResults.Text(xml, AtomFeed.ContentType);
        }).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>A search hit's marked title or passage as text: the marks dropped, the escaping undone (the feed writer escapes again).</summary>
    private static string PlainText(string html) => System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", ""));

    /// <summary>The site's own address as the request reached it (behind a proxy, as the forwarded headers say).</summary>
    public static string Origin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";
}
