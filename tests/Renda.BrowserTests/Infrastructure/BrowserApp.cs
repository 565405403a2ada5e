using Microsoft.Playwright;

namespace Renda.BrowserTests.Infrastructure;

/// <summary>
/// One running application and one headless Chromium for the whole browser test run (they are
/// the expensive parts); every test gets its own browser context, so cookies never leak between
/// tests. The tests share the application's clock, so they run one after another (one collection).
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public RendaServer Server { get; } = new();
    public ManualClock Clock => Server.Clock;
    public Uri BaseAddress => Server.BaseAddress;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Debian's Chromium; RENDA_CHROMIUM overrides. Playwright's own browser download is never used (no internet).</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("RENDA_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        // A missing browser is a broken test environment: fail loudly, never skip.
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium is required for the browser tests but was not found at '{ChromiumPath}'. " +
                "Install it (apt-get install chromium fonts-noto-cjk) or set RENDA_CHROMIUM to its path; ./test.sh does both.");

        Server.Start();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
