using System.Net;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Portal;

namespace Renda.Tests.Features.Portal;

using static PortalSteps;

/// <summary>
/// The public site as a citizen reaches it: / lands on the configured congress's home, every public page carries its title,
/// description, Open Graph tags and canonical address, the older addresses still work in the same frame, the sitemap lists
/// what is published and nothing else, no personal data of the demo reaches a public page, large text survives navigation.
/// </summary>
public abstract class PublicSiteTests(RendaApp app)
{
    private static readonly string[] PublicPages =
    [
        $"/p/{Haixi}", $"/p/{Haixi}/news", $"/p/{Haixi}/announcements", $"/p/{Haixi}/laws", $"/p/{Haixi}/legislation/comments", $"/p/{Haixi}/suggestions",
        $"/p/{Haixi}/supervision", $"/p/{Haixi}/filings", $"/p/{Haixi}/deputies", $"/p/{Haixi}/stations",
        "/laws", "/public/suggestions", "/legislation/public/comments", "/stations", "/public/review-suggestion",
    ];

    [Fact]
    public async Task An_anonymous_visitor_of_the_root_lands_on_the_configured_public_home_and_staff_keep_their_home()
    {
        var r = await app.Anonymous().GetAsync("/");
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        r.Headers.Location!.ToString().ShouldBe($"/p/{Haixi}");
        await using (var other = app.WithSettings(("Renda:Portal:Congress", "630000")))
            (await other.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/")).Headers.Location!.ToString().ShouldBe("/p/630000");
        var staffHome = await (await app.BrowserClientAsync(Editor)).PageAsync("/");
        staffHome.QuerySelector("#sidebar").ShouldNotBeNull();
    }

    [Fact]
    public async Task Every_public_page_has_title_description_open_graph_canonical_skip_link_and_the_sections()
    {
        var citizen = app.Anonymous();
        int article;
        await using (var scope = app.Db())
            article = await scope.Context.Set<NewsArticle>().Where(a => a.Status == NewsArticleStatus.Published && a.Section == ArticleSection.News).Select(a => a.Id).FirstAsync();
        foreach (var url in PublicPages.Append($"/p/{Haixi}/news/{article}"))
        {
            var doc = await citizen.PageAsync(url);
            doc.DocumentElement.GetAttribute("lang").ShouldBe("zh-CN", url);
            doc.Title!.ShouldEndWith("海西州人大常委会", Case.Sensitive, url);
            doc.QuerySelector("meta[name=description]")!.GetAttribute("content")!.ShouldNotBeNullOrWhiteSpace(url);
            foreach (var og in new[] { "og:title", "og:description", "og:url", "og:type", "og:site_name" })
                doc.QuerySelector($"meta[property='{og}']")!.GetAttribute("content")!.ShouldNotBeNullOrWhiteSpace($"{url} {og}");
            var canonical = doc.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
            canonical.ShouldStartWith("http", Case.Sensitive, url);
            canonical.ShouldNotContain("?", Case.Sensitive, url);
            doc.QuerySelector("a.skip-link")!.GetAttribute("href").ShouldBe("#main", url);
            doc.QuerySelector("main#main").ShouldNotBeNull(url);
            doc.QuerySelectorAll("nav[aria-label=网站栏目] a").Select(a => a.TextContent).ShouldBe(
                ["首页", "工作动态", "公告", "法规库", "立法征求意见", "代表建议", "监督工作", "备案审查", "人大代表", "联络站"], url);
        }
        var item = await citizen.PageAsync($"/p/{Haixi}/news/{article}");
        item.QuerySelector("meta[property='og:type']")!.GetAttribute("content").ShouldBe("article");
        item.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!.ShouldEndWith($"/p/{Haixi}/news/{article}");
        await citizen.PageAsync("/p/999999", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_sitemap_lists_published_items_by_their_stable_address_and_not_drafts_or_withdrawn_ones()
    {
        List<(int Id, ArticleSection Section, NewsArticleStatus Status)> articles;
        await using (var scope = app.Db())
            articles = (await scope.Context.Set<NewsArticle>().Select(a => new { a.Id, a.Section, a.Status }).ToListAsync()).Select(a => (a.Id, a.Section, a.Status)).ToList();
        articles.ShouldContain(a => a.Status == NewsArticleStatus.Unpublished);
        articles.ShouldContain(a => a.Status == NewsArticleStatus.Draft);
        var r = await app.Anonymous().GetAsync("/sitemap.xml");
        r.Content.Headers.ContentType!.MediaType.ShouldBe("application/xml");
        var xml = System.Xml.Linq.XDocument.Parse(await r.Content.ReadAsStringAsync());
        var locs = xml.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => new Uri(e.Value).AbsolutePath).ToList();
        foreach (var (id, section, status) in articles)
        {
            var path = PortalQueries.Href(Haixi, section, id);
            if (status == NewsArticleStatus.Published) locs.ShouldContain(path);
            else locs.ShouldNotContain(path);
        }
        locs.ShouldContain($"/p/{Haixi}");
        locs.ShouldContain(l => l.StartsWith("/laws/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_ID_number_or_phone_of_the_demo_reaches_a_public_page()
    {
        List<string> secrets;
        List<string> names;
        await using (var scope = app.Db())
        {
            var people = await scope.Context.Deputies.Where(d => d.Person!.IdNumber != null || d.Person.Phone != null)
                .Select(d => new { d.Person!.IdNumber, d.Person.Phone, d.Person.Name, d.CongressId }).ToListAsync();
            secrets = people.SelectMany(p => new[] { p.IdNumber, p.Phone }).OfType<string>().Where(s => s.Length >= 7).Distinct().ToList();
            var haixi = await scope.Context.Congresses.Where(c => c.Code == Haixi).Select(c => c.Id).FirstAsync();
            names = people.Where(p => p.CongressId == haixi).Select(p => p.Name).ToList();
        }
        secrets.Count.ShouldBeGreaterThan(10);
        var citizen = app.Anonymous();
        var pages = PublicPages.ToList();
        var deputies = await citizen.PageAsync($"/p/{Haixi}/deputies");
        var pageCount = deputies.QuerySelectorAll("nav .page-link").Count();
        for (var p = 2; p <= Math.Max(2, pageCount); p++) pages.Add($"/p/{Haixi}/deputies?page={p}");
        var seen = "";
        foreach (var url in pages)
        {
            var html = await (await citizen.GetAsync(url)).Content.ReadAsStringAsync();
            seen += html;
            foreach (var s in secrets) html.ShouldNotContain(s, Case.Sensitive, $"{url} shows {s}");
        }
        // The deputies are there, by name.
        names.Count(n => seen.Contains(n, StringComparison.Ordinal)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Large_text_mode_is_a_cookie_that_survives_navigation_and_can_be_turned_off()
    {
        var citizen = app.Anonymous();
        var on = await citizen.GetAsync($"/portal/text-size?large=true&returnUrl={Uri.EscapeDataString($"/p/{Haixi}/news")}");
        on.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        on.Headers.Location!.ToString().ShouldBe($"/p/{Haixi}/news");
        var cookie = on.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("renda.large-text=1", StringComparison.Ordinal));
        foreach (var url in new[] { $"/p/{Haixi}", "/laws", "/stations" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Cookie", cookie.Split(';')[0]);
            var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await (await citizen.SendAsync(request)).Content.ReadAsStringAsync());
            doc.DocumentElement.ClassList.ShouldContain("large-text", url);
            doc.QuerySelector("[data-testid=large-text-toggle]")!.TextContent.ShouldBe("标准字号");
        }
        // Without the cookie (another visitor): standard size.
        (await app.Anonymous().PageAsync($"/p/{Haixi}")).DocumentElement.ClassList.ShouldNotContain("large-text");
        // Only a local address is followed back.
        (await citizen.GetAsync("/portal/text-size?large=false&returnUrl=https://evil.example/")).Headers.Location!.ToString().ShouldBe("/");
    }
}

public sealed class PublicSiteTests_Sqlite(SqliteApp app) : PublicSiteTests(app), IClassFixture<SqliteApp>;
public sealed class PublicSiteTests_Postgres(PostgresApp app) : PublicSiteTests(app), IClassFixture<PostgresApp>;
