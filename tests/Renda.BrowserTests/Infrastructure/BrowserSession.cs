using Microsoft.Playwright;
using Renda.BrowserTests.Pages;

namespace Renda.BrowserTests.Infrastructure;

/// <summary>
/// One browser context and its page: a person at one browser. Records what the console said,
/// which requests failed and which Content Security Policy violations the page reported, so a
/// test can assert on them and a failure can print them.
/// </summary>
public sealed class BrowserSession(IBrowserContext context, IPage page, string screenshotName) : IAsyncDisposable
{
    /// <summary>Runs before any page script: collects securitypolicyviolation events, which Chromium raises for every CSP block.</summary>
    internal const string CspRecorder =
        "window.__cspViolations = [];" +
        "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));";

    private readonly List<string> _console = [];
    private readonly List<string> _failedRequests = [];
    private readonly Lock _gate = new();

    public IBrowserContext Context { get; } = context;
    public IPage Page { get; } = page;
    public string ScreenshotName { get; } = screenshotName;

    public LoginPage Login => new(Page);
    public ShellPage Shell => new(Page);

    /// <summary>Console messages as "type: text", in order.</summary>
    public IReadOnlyList<string> ConsoleMessages { get { lock (_gate) return [.. _console]; } }
    public IReadOnlyList<string> FailedRequests { get { lock (_gate) return [.. _failedRequests]; } }

    internal void Watch()
    {
        Page.Console += (_, m) => { lock (_gate) _console.Add($"{m.Type}: {m.Text}"); };
        Page.PageError += (_, e) => { lock (_gate) _console.Add($"pageerror: {e}"); };
        Page.RequestFailed += (_, r) => { lock (_gate) _failedRequests.Add($"{r.Method} {r.Url}: {r.Failure}"); };
        Page.Response += (_, r) => { if (r.Status >= 400) lock (_gate) _failedRequests.Add($"{r.Request.Method} {r.Url}: {r.Status}"); };
    }

    /// <summary>The CSP violations the current document has reported.</summary>
    public async Task<string[]> CspViolationsAsync() => await Page.EvaluateAsync<string[]>("() => window.__cspViolations || []");

    /// <summary>A full-page PNG under artifacts/screenshots/ (git-ignored), named after the test.</summary>
    public async Task<string?> SaveScreenshotAsync()
    {
        if (Page.IsClosed) return null;
        var path = Path.Combine(Artifacts.ScreenshotDir, ScreenshotName + ".png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
