using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Renda.BrowserTests.Pages;
using Xunit.Abstractions;

namespace Renda.BrowserTests.Infrastructure;

/// <summary>
/// Base of every browser test: opens browser sessions against the shared application and, after
/// the test (passed or failed), saves a full-page screenshot of each and prints what the browser
/// console said.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract partial class BrowserTest(BrowserApp app, ITestOutputHelper output) : IAsyncLifetime
{
    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly List<BrowserSession> _sessions = [];

    protected BrowserApp App { get; } = app;
    protected ITestOutputHelper Output { get; } = output;
    protected ManualClock Clock => App.Clock;
    protected static string Password => RendaServer.Password;

    /// <summary>
    /// A new browser context (no cookies) with one page. <paramref name="label"/> tells apart the
    /// screenshots of a test that opens several sessions or runs with several data rows.
    /// </summary>
    protected async Task<BrowserSession> OpenAsync(string? label = null, bool phone = false, [CallerMemberName] string test = "")
    {
        var context = await App.Browser.NewContextAsync(new()
        {
            BaseURL = App.BaseAddress.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = phone ? Phone : Desktop,
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = phone ? 2 : 1,
            // Bootstrap then skips its transitions: no screenshot catches a menu half open.
            ReducedMotion = ReducedMotion.Reduce,
        });
        // Fail fast instead of waiting 30 s on a selector that will never match.
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(20_000);
        await context.AddInitScriptAsync(BrowserSession.CspRecorder);
        var page = await context.NewPageAsync();
        var name = UnsafeFileChars().Replace($"{GetType().Name}.{test}{(label is null ? "" : "." + label)}", "_");
        if (_sessions.Any(s => s.ScreenshotName == name)) name += $".{_sessions.Count + 1}";
        var session = new BrowserSession(context, page, name);
        session.Watch();
        _sessions.Add(session);
        return session;
    }

    /// <summary>Opens a session and signs in through the login form.</summary>
    protected async Task<(BrowserSession Session, ShellPage Shell)> SignedInAsync(string userName, bool phone = false, [CallerMemberName] string test = "")
    {
        var session = await OpenAsync(userName, phone, test);
        await session.Login.GotoAsync();
        var shell = await session.Login.SignInAsync(userName, Password);
        return (session, shell);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var session in _sessions)
        {
            try
            {
                var path = await session.SaveScreenshotAsync();
                Output.WriteLine($"[{session.ScreenshotName}] screenshot: {path ?? "(page closed)"}; last URL {session.Page.Url}");
            }
            catch (PlaywrightException e)
            {
                Output.WriteLine($"[{session.ScreenshotName}] screenshot failed: {e.Message}");
            }
            foreach (var line in session.ConsoleMessages) Output.WriteLine($"[{session.ScreenshotName}] console {line}");
            foreach (var line in session.FailedRequests) Output.WriteLine($"[{session.ScreenshotName}] failed request {line}");
            await session.DisposeAsync();
        }
    }

    protected static async Task ShouldFitThePhoneAsync(ShellPage page)
    {
        var (overflow, windowWidth) = await page.HorizontalOverflowAsync();
        windowWidth.ShouldBe(Phone.Width, "the page made the phone zoom out: something is wider than the screen");
        overflow.ShouldBe(0, $"the page scrolls sideways by {overflow}px; too wide: {string.Join("; ", await page.ElementsWiderThanWindowAsync())}");
    }

    protected static async Task CspShouldBeCleanAsync(BrowserSession session)
        => (await session.CspViolationsAsync()).ShouldBeEmpty();

    /// <summary>A full-page screenshot of this step, next to the one saved when the test ends.</summary>
    protected async Task SnapAsync(BrowserSession session, string step)
    {
        var path = Path.Combine(Artifacts.ScreenshotDir, $"{session.ScreenshotName}.{step}.png");
        await session.Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Output.WriteLine($"[{session.ScreenshotName}] {step}: {path}");
    }

    [GeneratedRegex(@"[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeFileChars();
}
