using Microsoft.Extensions.DependencyInjection;
using Renda.BrowserTests.Infrastructure;
using Renda.BrowserTests.Pages;
using Renda.Web.Data;
using Renda.Web.Features.Laws;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Features.Laws;

/// <summary>
/// The regulations database in a real browser: a citizen, not signed in, searches for a law in Chinese, opens it and
/// follows an article's permalink and back into the full text; on a phone too. Staff find it in the menu.
/// </summary>
public sealed class LawJourneyTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private static string SharedLaws()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(System.IO.Path.Combine(d.FullName, "Renda.slnx")))
                return System.IO.Path.GetFullPath(System.IO.Path.Combine(d.FullName, "..", "shared", "data", "laws"));
        throw new DirectoryNotFoundException("../shared/data/laws");
    }

    /// <summary>Three laws of the collection, imported as `renda import-laws` would (idempotent: other tests may have done it).</summary>
    private async Task ImportSomeLawsAsync()
    {
        var dir = Directory.CreateTempSubdirectory("renda-browser-laws-").FullName;
        foreach (var path in new[] { "宪法相关法/立法法(2023-03-13).md", "宪法/宪法.md", "刑法/刑法.md" })
        {
            Directory.CreateDirectory(System.IO.Path.Combine(dir, System.IO.Path.GetDirectoryName(path)!));
            File.Copy(System.IO.Path.Combine(SharedLaws(), path), System.IO.Path.Combine(dir, path));
        }
        using var scope = App.Server.Services.CreateScope();
        var report = await LawImport.ImportDirectoryAsync(scope.ServiceProvider.GetRequiredService<RendaDbContext>(), dir, Clock);
        report.AllImported.ShouldBeTrue(string.Join("\n", report.Files.Select(f => f.Describe())));
    }

    [Fact]
    public async Task A_citizen_searches_a_law_opens_it_and_follows_an_article_permalink()
    {
        await ImportSomeLawsAsync();
        var citizen = await OpenAsync();

        var search = await LawsSearchPage.OpenAsync(citizen.Page);
        await search.SearchAsync("基层立法联系点");
        await Expect(search.Total).ToHaveTextAsync("共 1 部");
        await Expect(search.Snippets.First.Locator("mark").First).ToHaveTextAsync("基层立法联系点");
        await CspShouldBeCleanAsync(citizen);
        await SnapAsync(citizen, "1-search");

        var law = await search.OpenLawAsync("中华人民共和国立法法");
        await Expect(law.Heading).ToHaveTextAsync("中华人民共和国立法法");
        await Expect(law.Toc.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "第一章　总则" })).ToBeVisibleAsync();
        await Expect(law.Articles).ToHaveCountAsync(120);
        await SnapAsync(citizen, "2-law");

        var article = await law.FollowPermalinkAsync("第七十条");
        await Expect(article.Number).ToHaveTextAsync("第七十条");
        await Expect(article.Text).ToContainTextAsync("基层立法联系点");
        await Expect(article.Path).ToHaveTextAsync("第二章 法律 第五节 其他规定");
        await SnapAsync(citizen, "3-article");

        var inContext = await article.ViewInContextAsync();
        (await citizen.Page.EvaluateAsync<string>("() => decodeURIComponent(location.hash)")).ShouldBe("#第七十条");
        await Expect(inContext.Article("第七十条")).ToBeInViewportAsync();
        await CspShouldBeCleanAsync(citizen);
    }

    [Fact]
    public async Task On_a_phone_the_law_reads_without_sideways_scrolling_and_staff_find_it_in_the_menu()
    {
        await ImportSomeLawsAsync();
        var phone = await OpenAsync(phone: true);
        var search = await LawsSearchPage.OpenAsync(phone.Page);
        await search.SearchAsync("刑法 恐怖活动");
        var law = await search.OpenLawAsync("中华人民共和国刑法");
        await Expect(law.Article("第一百二十条之一")).ToBeAttachedAsync();
        (await law.HorizontalOverflowAsync()).Overflow.ShouldBe(0);
        // The whole code is too long for a full-page screenshot; the article's own page is what is shared on a phone.
        var article = await law.FollowPermalinkAsync("第一百二十条之一");
        await Expect(article.Number).ToHaveTextAsync("第一百二十条之一");
        (await article.HorizontalOverflowAsync()).Overflow.ShouldBe(0);
        await SnapAsync(phone, "1-article");

        var (staff, shell) = await SignedInAsync("fagongwei");
        await Expect(shell.MenuEntry("法律法规检索")).ToBeVisibleAsync();
        await shell.MenuEntry("法律法规检索").ClickAsync();
        await staff.Page.WaitForURLAsync("**/laws");
        await Expect(new LawsSearchPage(staff.Page).Rows.First).ToBeVisibleAsync();
    }
}
