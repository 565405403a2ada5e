using Microsoft.Playwright;

namespace Renda.BrowserTests.Pages;

/// <summary>/ — the workbench: what this person must do, overdue first, each line a link to where it is done; the figure cards below.</summary>
public sealed class HomePage(IPage page) : ShellPage(page)
{
    public ILocator Heading => Main.Locator("h1");
    public ILocator Greeting => Main.Locator("p.text-muted").First;
    public ILocator StatCards => Main.Locator(".stat-card");
    public ILocator WorkItems => Main.GetByTestId("work-item");
    public ILocator WorkItem(string kind) => WorkItems.Filter(new() { HasText = kind });

    /// <summary>Opens a line of the workbench (a plain link) and waits for the page it leads to.</summary>
    public async Task OpenAsync(ILocator item)
    {
        var href = await item.GetAttributeAsync("href") ?? throw new ShouldAssertException("a workbench line without a link");
        var response = await Page.RunAndWaitForNavigationAsync(() => item.ClickAsync());
        (response?.Status ?? 200).ShouldBeLessThan(400, href);
        new Uri(Page.Url).PathAndQuery.ShouldBe(href);
    }
}
