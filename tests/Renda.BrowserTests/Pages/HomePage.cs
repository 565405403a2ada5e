using Microsoft.Playwright;

namespace Renda.BrowserTests.Pages;

/// <summary>/ — the workbench: the congress's name, a greeting with the roles, the figure cards.</summary>
public sealed class HomePage(IPage page) : ShellPage(page)
{
    public ILocator Heading => Main.Locator("h1");
    public ILocator Greeting => Main.Locator("p.text-muted").First;
    public ILocator StatCards => Main.Locator(".stat-card");
}
