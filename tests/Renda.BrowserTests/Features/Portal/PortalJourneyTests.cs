using Renda.BrowserTests.Infrastructure;
using Renda.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Features.Portal;

/// <summary>
/// Staff write an article in the editor, preview it (the public cannot see a draft), publish it, and a citizen reads it on
/// the public home; screenshots of the home, an article, the regulations list and the editor at desktop and phone widths.
/// </summary>
public sealed class PortalJourneyTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Staff_write_preview_and_publish_and_a_citizen_reads_it_on_the_home(bool phone)
    {
        var title = phone ? "州人大常委会开展代表培训（手机）" : "州人大常委会开展代表培训";
        var (staff, _) = await SignedInAsync("fagongwei", phone);
        var editor = await ArticleEditorPage.OpenNewAsync(staff.Page);
        await editor.WriteAsync("工作动态", title, "培训摘要", "培训围绕依法履职展开。\n\n## 培训内容\n\n- 代表法\n- **建议**撰写");
        await Expect(editor.Status).ToHaveTextAsync("草稿");
        await SnapAsync(staff, "1-editor");
        var draftUrl = await staff.Page.GetByTestId("preview").GetAttributeAsync("href");

        var citizen = await OpenAsync("citizen", phone);
        var missing = await citizen.Page.GotoAsync(draftUrl!);
        missing!.Status.ShouldBe(404);

        await editor.PublishAsync();
        await Expect(editor.Status).ToHaveTextAsync("已发布");
        var home = await PortalPage.OpenAsync(citizen.Page, "/p/632800");
        await Expect(citizen.Page.GetByTestId("home-news").GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await SnapAsync(citizen, "2-home");
        await citizen.Page.GetByTestId("home-news").GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(citizen.Page.GetByTestId("article-body").Locator("h2")).ToHaveTextAsync("培训内容");
        await SnapAsync(citizen, "3-article");
        await PageObject.VisitAsync(citizen.Page, "/p/632800/laws?scope=local");
        await Expect(citizen.Page.GetByTestId("law-row").First).ToBeVisibleAsync();
        await SnapAsync(citizen, "4-laws");
        if (phone)
        {
            var (overflow, _) = await new ShellPage(citizen.Page).HorizontalOverflowAsync();
            overflow.ShouldBe(0);
        }
        await CspShouldBeCleanAsync(citizen);
        (await home.Brand.TextContentAsync()).ShouldBe("海西州人大常委会");
    }
}
