using Microsoft.Playwright;
using Renda.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Platform.Web;

/// <summary>
/// The CSP allows only our own scripts and styles. Whatever it blocks is a feature that silently
/// does not work in production, so a page must load without a single violation.
/// </summary>
public sealed class ContentSecurityPolicyTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task The_home_page_loads_without_Content_Security_Policy_errors()
    {
        var (session, shell) = await SignedInAsync("daigongwei");
        var since = session.ConsoleMessages.Count; // what the login page said is the other test's business
        var home = await shell.GoHomeAsync();
        await Expect(home.StatCards.First).ToBeVisibleAsync();
        // Scripts run and htmx fires its first requests on load; let them finish before judging.
        await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await ShouldHaveNoCspErrorsAsync(session, since);
    }

    [Fact]
    public async Task The_login_page_loads_without_Content_Security_Policy_errors()
    {
        var session = await OpenAsync();
        await session.Login.GotoAsync();
        await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await ShouldHaveNoCspErrorsAsync(session, since: 0);
    }

    private static async Task ShouldHaveNoCspErrorsAsync(BrowserSession session, int since)
    {
        var consoleErrors = session.ConsoleMessages.Skip(since)
            .Where(m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Contains("Content-Security-Policy", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var violations = await session.CspViolationsAsync();
        (consoleErrors.Count + violations.Length).ShouldBe(0,
            $"CSP violations reported by the page: {string.Join(" | ", violations)}; console: {string.Join(" | ", consoleErrors)}");
    }
}
