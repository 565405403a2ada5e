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
        var path = href.Split('?')[0];
        var response = await Page.RunAndWaitForResponseAsync(() => item.ClickAsync(), r => r.Request.IsNavigationRequest && new Uri(r.Url).AbsolutePath == path);
        response.Status.ShouldBeLessThan(400, href);
        await Page.WaitForURLAsync(u => new Uri(u).PathAndQuery == href);
    }
}
