using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Pages;

/// <summary>A page of the public site (/p/{congress}/…): its header, sections, large-text switch and main content.</summary>
public sealed class PortalPage(IPage page) : PageObject(page)
{
    public ILocator Brand => Page.GetByTestId("portal-brand");
    public ILocator LargeTextToggle => Page.GetByTestId("large-text-toggle");
    public ILocator Heading => Page.Locator("main h1").First;
    public ILocator SkipLink => Page.Locator("a.skip-link");

    public static async Task<PortalPage> OpenAsync(IPage page, string path)
    {
        await VisitAsync(page, path);
        return new PortalPage(page);
    }

    public Task<bool> LargeTextAsync() => Page.EvaluateAsync<bool>("() => document.documentElement.classList.contains('large-text')");

    /// <summary>The element that has the keyboard focus, by its visible text (or its label for a field).</summary>
    public Task<string> FocusedAsync() => Page.EvaluateAsync<string>("() => { const e = document.activeElement; return (e.id ? e.id + ':' : '') + (e.innerText || e.value || '').trim(); }");

    /// <summary>Presses Tab until the focused element's text is <paramref name="text"/> (at most <paramref name="max"/> times), as a keyboard user would.</summary>
    public async Task TabToAsync(string text, int max = 60)
    {
        for (var i = 0; i < max; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            var focused = await FocusedAsync();
            if (focused == text || focused.EndsWith(":" + text, StringComparison.Ordinal) || focused.StartsWith(text + ":", StringComparison.Ordinal)) return;
        }
        throw new InvalidOperationException($"“{text}” was not reached by {max} presses of Tab; focus is on “{await FocusedAsync()}”.");
    }

    /// <summary>Presses Enter on the focused link or button and waits for the next page.</summary>
    public async Task EnterAsync()
    {
        // The old document is marked: a redirect back to the same address (the large-text switch) is still a new document.
        await Page.EvaluateAsync("() => { window.__portalOld = true; }");
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForFunctionAsync("() => window.__portalOld !== true && document.readyState !== 'loading'");
        await Expect(Page.Locator("main")).ToBeVisibleAsync();
    }
}

/// <summary>/portal/articles/edit/{id?}: the staff editor of news and announcements.</summary>
public sealed class ArticleEditorPage(IPage page) : ShellPage(page)
{
    public ILocator Status => Page.GetByTestId("article-status");

    public static async Task<ArticleEditorPage> OpenNewAsync(IPage page)
    {
        await VisitAsync(page, "/portal/articles/edit");
        return new ArticleEditorPage(page);
    }

    public async Task WriteAsync(string section, string title, string summary, string body)
    {
        await Page.GetByLabel(section, new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("标题").FillAsync(title);
        await Page.GetByLabel("摘要（列表和分享时显示）").FillAsync(summary);
        await Page.GetByLabel("正文").FillAsync(body);
        await SubmitAsync(Page.GetByTestId("save"));
    }

    public Task PublishAsync() => SubmitAsync(Page.GetByTestId("publish"));
}
