using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Portal;

namespace Renda.Tests.Features.Portal;

using static PortalSteps;

/// <summary>
/// The Atom feeds (RFC 4287) of every public section: well-formed, with the required elements, absolute links and stable
/// entry ids; published items only (a withdrawn article leaves its feed); no personal data; found from each section page
/// (link rel=alternate) and listed on the 订阅 page.
/// </summary>
public abstract class FeedTests(RendaApp app)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private async Task<XElement> FeedAsync(string path)
    {
        var r = await app.Anonymous().GetAsync(path);
        var body = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        r.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        return XDocument.Parse(body).Root!;
    }

    [Fact]
    public async Task Every_section_has_a_valid_Atom_feed_linked_from_its_page_and_the_subscribe_page()
    {
        var entries = 0;
        foreach (var section in PortalFeeds.Sections)
        {
            var feedPath = section.Feed(Haixi);
            var feed = await FeedAsync(feedPath);
            feed.Name.ShouldBe(Atom + "feed", feedPath);
            foreach (var required in new[] { "id", "title", "updated", "author" })
                feed.Element(Atom + required).ShouldNotBeNull($"{feedPath} {required}");
            feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value.ShouldBe($"http://localhost{feedPath}");
            DateTimeOffset.Parse(feed.Element(Atom + "updated")!.Value);
            var ids = new HashSet<string>();
            foreach (var e in feed.Elements(Atom + "entry"))
            {
                entries++;
                foreach (var required in new[] { "id", "title", "updated", "summary" })
                    e.Element(Atom + required).ShouldNotBeNull($"{feedPath} entry {required}");
                ids.Add(e.Element(Atom + "id")!.Value).ShouldBeTrue($"{feedPath}: duplicate id");
                e.Element(Atom + "link")!.Attribute("href")!.Value.ShouldStartWith("http://localhost/", Case.Sensitive, feedPath);
                e.Element(Atom + "summary")!.Attribute("type")!.Value.ShouldBe("text");
                DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value);
            }
            // The same entries, same ids, on a second fetch: readers do not see them as new.
            (await FeedAsync(feedPath)).Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ShouldBe(ids.ToList());

            var page = await app.Anonymous().PageAsync(section.Page(Haixi));
            var alternate = page.QuerySelector("link[rel=alternate][type='application/atom+xml']");
            alternate.ShouldNotBeNull(section.Page(Haixi));
            alternate.GetAttribute("href").ShouldBe(feedPath);
        }
        entries.ShouldBeGreaterThan(10);
        var subscribe = await app.Anonymous().PageAsync($"/p/{Haixi}/subscribe");
        subscribe.QuerySelectorAll("[data-testid=feeds] a").Select(a => a.GetAttribute("href")).ShouldBe(PortalFeeds.Sections.Select(s => s.Feed(Haixi)).ToList());
        (await app.Anonymous().PageAsync($"/p/{Haixi}")).QuerySelector("[data-testid=footer-subscribe]")!.GetAttribute("href").ShouldBe($"/p/{Haixi}/subscribe");
        (await app.Anonymous().GetAsync("/p/999999/news/feed")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_published_article_enters_its_feed_and_leaves_it_when_withdrawn_and_a_draft_never_appears()
    {
        var staff = await app.ApiClientAsync(Editor);
        var published = await staff.WriteArticleAsync(News("海西州人大常委会开展水资源条例立法调研（订阅源）"));
        var draft = await staff.WriteArticleAsync(News("尚未发布的草稿（订阅源）"));
        await staff.PublishAsync(published);
        var href = $"http://localhost{PortalQueries.Href(Haixi, ArticleSection.News, published)}";
        var ids = (await FeedAsync($"/p/{Haixi}/news/feed")).Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ToList();
        ids.ShouldContain(href);
        ids.ShouldNotContain($"http://localhost{PortalQueries.Href(Haixi, ArticleSection.News, draft)}");
        (await staff.TryUnpublishAsync(published, "内容需要更正")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await FeedAsync($"/p/{Haixi}/news/feed")).Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ShouldNotContain(href);
    }

    [Fact]
    public async Task No_ID_number_or_phone_of_the_demo_reaches_a_feed()
    {
        List<string> secrets;
        await using (var scope = app.Db())
        {
            var people = await scope.Context.People.Where(p => p.IdNumber != null || p.Phone != null).Select(p => new { p.IdNumber, p.Phone }).ToListAsync();
            secrets = people.SelectMany(p => new[] { p.IdNumber, p.Phone }).OfType<string>().Where(s => s.Length >= 7).Distinct().ToList();
        }
        secrets.Count.ShouldBeGreaterThan(10);
        // The demo's station opinion and review suggestions carry contacts too.
        secrets.Add("13997509876");
        foreach (var section in PortalFeeds.Sections)
        {
            var xml = await (await app.Anonymous().GetAsync(section.Feed(Haixi))).Content.ReadAsStringAsync();
            foreach (var s in secrets) xml.ShouldNotContain(s, Case.Sensitive, $"{section.Key} shows {s}");
        }
    }

    [Fact]
    public async Task A_search_is_followed_as_a_feed_of_its_newest_public_hits()
    {
        var feed = await FeedAsync($"/p/{Haixi}/search/feed?q={Uri.EscapeDataString("冷湖天文")}");
        feed.Element(Atom + "title")!.Value.ShouldContain("冷湖天文");
        var entries = feed.Elements(Atom + "entry").ToList();
        entries.ShouldNotBeEmpty();
        entries.ShouldContain(e => e.Element(Atom + "title")!.Value.Contains("冷湖") && !e.Element(Atom + "title")!.Value.Contains("<mark>"));
        entries.ShouldAllBe(e => e.Element(Atom + "link")!.Attribute("href")!.Value.StartsWith("http://localhost/"));

        var page = await app.Anonymous().PageAsync($"/p/{Haixi}/search?q={Uri.EscapeDataString("冷湖天文")}");
        page.QuerySelector("[data-testid=search-feed]")!.GetAttribute("href").ShouldBe($"/p/{Haixi}/search/feed?q={Uri.EscapeDataString("冷湖天文")}");

        (await app.Anonymous().GetAsync($"/p/{Haixi}/search/feed")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.Anonymous().GetAsync($"/p/{Haixi}/search/feed?q=x&section=nope")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}

public sealed class FeedTests_Sqlite(SqliteApp app) : FeedTests(app), IClassFixture<SqliteApp>;
public sealed class FeedTests_Postgres(PostgresApp app) : FeedTests(app), IClassFixture<PostgresApp>;
