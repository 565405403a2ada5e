using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Renda.BrowserTests.Infrastructure;
using Renda.BrowserTests.Pages;
using Renda.Web.Data;
using Renda.Web.Features.Laws;
using Renda.Web.Features.Portal;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Features.Portal;

/// <summary>
/// Every public page, checked by axe-core (WCAG 2.1 A and AA rules) in Chromium at desktop and 390 px phone widths: no
/// serious or critical violation. Then a citizen by keyboard only: reads the news and finds a regulation with Tab and Enter,
/// and the large-text mode (适老化) survives navigation.
/// </summary>
public sealed class PortalAccessibilityTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string Haixi = "632800";

    private async Task<List<string>> PublicPagesAsync()
    {
        using var scope = App.Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
        var news = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Set<NewsArticle>().Where(a => a.Status == NewsArticleStatus.Published && a.Section == ArticleSection.News).Select(a => a.Id));
        var announcement = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Set<NewsArticle>().Where(a => a.Status == NewsArticleStatus.Published && a.Section == ArticleSection.Announcement).Select(a => a.Id));
        var law = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Set<Law>().Where(l => l.Title == "海西蒙古族藏族自治州冷湖天文观测环境保护条例").Select(l => l.Id));
        var station = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Set<Renda.Web.Features.Deputies.LiaisonStation>().Select(s => s.Id));
        var period = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.Set<Renda.Web.Features.Legislation.CommentPeriod>().Select(p => (int?)p.Id));
        var pages = new List<string>
        {
            $"/p/{Haixi}", $"/p/{Haixi}/news", $"/p/{Haixi}/announcements", $"/p/{Haixi}/news/{news}", $"/p/{Haixi}/announcements/{announcement}",
            $"/p/{Haixi}/laws", $"/p/{Haixi}/laws?q={Uri.EscapeDataString("海西")}", $"/laws/{law}", $"/p/{Haixi}/legislation/comments", $"/p/{Haixi}/suggestions",
            $"/p/{Haixi}/supervision", $"/p/{Haixi}/filings", $"/p/{Haixi}/deputies", $"/p/{Haixi}/stations", $"/stations/{station}",
            "/public/review-suggestion", "/public/review-suggestion/status", "/stations/opinion",
            // Part 2: the receipt lookup (empty, a comment's handling, a station opinion) and the 订阅 page.
            $"/p/{Haixi}/receipt", $"/p/{Haixi}/receipt?code=DEMOYJ0102", $"/p/{Haixi}/receipt?code=DEMO2026ONL", $"/p/{Haixi}/subscribe",
            $"/p/{Haixi}/search", $"/p/{Haixi}/search?q={Uri.EscapeDataString("冷湖天文")}", $"/p/{Haixi}/search?q={Uri.EscapeDataString("海西 条例")}&section=regulations&order=Newest",
        };
        if (period is { } p) pages.Add($"/legislation/public/comments/{p}");
        return pages;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_public_page_has_no_serious_or_critical_accessibility_violation(bool phone)
    {
        var citizen = await OpenAsync(phone ? "phone" : "desktop", phone);
        var found = new List<string>();
        foreach (var path in await PublicPagesAsync())
        {
            await PageObject.VisitAsync(citizen.Page, path);
            var result = await citizen.Page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
            foreach (var v in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                found.Add($"{path}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}");
            if (phone && path.StartsWith("/p/", StringComparison.Ordinal))
            {
                var (overflow, width) = await new ShellPage(citizen.Page).HorizontalOverflowAsync();
                if (overflow > 0 || width != Phone.Width) found.Add($"{path}: scrolls sideways by {overflow}px on a phone");
            }
        }
        found.ShouldBeEmpty(string.Join("\n", found));
        await CspShouldBeCleanAsync(citizen);
    }

    [Fact]
    public async Task A_citizen_reads_the_news_and_finds_a_regulation_by_keyboard_only()
    {
        var citizen = await OpenAsync();
        var home = await PortalPage.OpenAsync(citizen.Page, $"/p/{Haixi}");
        // The first Tab reaches the skip link; Enter moves to the content.
        await citizen.Page.Keyboard.PressAsync("Tab");
        (await home.FocusedAsync()).ShouldBe("跳到正文");
        await citizen.Page.Keyboard.PressAsync("Enter");
        (await citizen.Page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("main");

        await home.TabToAsync("更多工作动态");
        await home.EnterAsync();
        await Expect(home.Heading).ToHaveTextAsync("工作动态");
        await home.TabToAsync("“一刊一网一号一视频”全方位展现海西人大新担当");
        await home.EnterAsync();
        await Expect(citizen.Page.GetByTestId("article-title")).ToHaveTextAsync("“一刊一网一号一视频”全方位展现海西人大新担当");
        await SnapAsync(citizen, "1-article");

        await home.TabToAsync("法规库");
        await home.EnterAsync();
        await home.TabToAsync("q:");
        await citizen.Page.Keyboard.TypeAsync("冷湖天文");
        await home.EnterAsync();
        await Expect(citizen.Page.GetByTestId("law-total")).ToHaveTextAsync("共 1 部");
        await home.TabToAsync("海西蒙古族藏族自治州冷湖天文观测环境保护条例");
        await home.EnterAsync();
        await Expect(citizen.Page.GetByTestId("law-heading")).ToHaveTextAsync("海西蒙古族藏族自治州冷湖天文观测环境保护条例");
        await Expect(citizen.Page.GetByTestId("law-congress")).ToHaveTextAsync("海西州人大常委会");
        await SnapAsync(citizen, "2-regulation");
    }

    [Fact]
    public async Task A_citizen_searches_the_site_on_a_phone_by_keyboard_only_and_opens_a_result()
    {
        var phone = await OpenAsync(phone: true);
        var home = await PortalPage.OpenAsync(phone.Page, $"/p/{Haixi}");
        // The header's search box, reached by Tab: the query is typed and sent with Enter.
        await home.TabToAsync("site-q:");
        await phone.Page.Keyboard.TypeAsync("冷湖天文");
        await home.EnterAsync();
        new Uri(phone.Page.Url).AbsolutePath.ShouldBe($"/p/{Haixi}/search");
        await Expect(phone.Page.GetByTestId("search-hit").First).ToBeVisibleAsync();
        await Expect(phone.Page.Locator("[data-testid=search-results] mark").First).ToHaveTextAsync("冷湖天文");
        var (overflow, _) = await new ShellPage(phone.Page).HorizontalOverflowAsync();
        overflow.ShouldBe(0);
        await SnapAsync(phone, "search-phone");
        // Narrowed to the regulations by the section filter (a link), then the regulation opened, all by Tab and Enter.
        await home.TabToAsync("法规 1");
        await home.EnterAsync();
        await Expect(phone.Page.GetByTestId("search-hit")).ToHaveCountAsync(1);
        await home.TabToAsync("海西蒙古族藏族自治州冷湖天文观测环境保护条例");
        await home.EnterAsync();
        await Expect(phone.Page.GetByTestId("law-heading")).ToHaveTextAsync("海西蒙古族藏族自治州冷湖天文观测环境保护条例");
    }

    [Fact]
    public async Task Large_text_mode_survives_navigation_on_a_phone()
    {
        var phone = await OpenAsync(phone: true);
        var home = await PortalPage.OpenAsync(phone.Page, $"/p/{Haixi}");
        (await home.LargeTextAsync()).ShouldBeFalse();
        await home.TabToAsync("大字版");
        await home.EnterAsync();
        (await home.LargeTextAsync()).ShouldBeTrue();
        new Uri(phone.Page.Url).AbsolutePath.ShouldBe($"/p/{Haixi}");
        await Expect(home.LargeTextToggle).ToHaveTextAsync("标准字号");
        await PageObject.VisitAsync(phone.Page, $"/p/{Haixi}/news");
        (await home.LargeTextAsync()).ShouldBeTrue();
        await PageObject.VisitAsync(phone.Page, "/laws");
        (await home.LargeTextAsync()).ShouldBeTrue();
        var (overflow, _) = await new ShellPage(phone.Page).HorizontalOverflowAsync();
        overflow.ShouldBe(0);
        await SnapAsync(phone, "large-text");
        await home.LargeTextToggle.ClickAsync();
        await phone.Page.WaitForURLAsync("**/laws");
        (await home.LargeTextAsync()).ShouldBeFalse();
    }
}
