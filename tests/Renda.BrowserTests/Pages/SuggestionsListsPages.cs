using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Pages;

/// <summary>/suggestions/mine — the deputy's cards, and invitations to co-sign.</summary>
public sealed class SuggestionsMinePage(IPage page) : ShellPage(page)
{
    public ILocator Cards => Main.GetByTestId("suggestion-card");
    public ILocator NewLink => Main.GetByTestId("new-suggestion-link");

    public static async Task<SuggestionsMinePage> OpenAsync(IPage page)
    {
        await VisitAsync(page, "/suggestions/mine");
        var mine = new SuggestionsMinePage(page);
        await Expect(mine.NewLink).ToBeVisibleAsync();
        return mine;
    }

    public ILocator Card(string title) => Cards.Filter(new() { HasText = title });
}

/// <summary>/suggestions/unit — a unit's queue by answer deadline.</summary>
public sealed class SuggestionsUnitPage(IPage page) : ShellPage(page)
{
    public ILocator Rows => Main.GetByTestId("queue-row");

    public static async Task<SuggestionsUnitPage> OpenAsync(IPage page)
    {
        await VisitAsync(page, "/suggestions/unit");
        var queue = new SuggestionsUnitPage(page);
        await Expect(queue.Main.GetByTestId("unit-queue")).ToBeVisibleAsync();
        return queue;
    }

    public async Task<SuggestionsDetailPage> OpenAsync(string title)
    {
        await Rows.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        var detail = new SuggestionsDetailPage(Page);
        await Expect(detail.Status).ToBeVisibleAsync();
        return detail;
    }
}

/// <summary>/suggestions — staff's table with filters; the intake view 待审查.</summary>
public sealed class SuggestionsListPage(IPage page) : ShellPage(page)
{
    public ILocator Rows => Main.GetByTestId("suggestion-row");

    public static async Task<SuggestionsListPage> OpenIntakeAsync(IPage page)
    {
        await VisitAsync(page, "/suggestions?status=intake");
        var list = new SuggestionsListPage(page);
        await Expect(list.Main.GetByTestId("suggestions")).ToBeVisibleAsync();
        return list;
    }

    public async Task<SuggestionsDetailPage> OpenAsync(string title)
    {
        await Rows.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        var detail = new SuggestionsDetailPage(Page);
        await Expect(detail.Status).ToBeVisibleAsync();
        return detail;
    }
}

/// <summary>/public/suggestions — the anonymous portal: published suggestions only.</summary>
public sealed class SuggestionsPublicPage(IPage page) : PageObject(page)
{
    public ILocator Items => Page.GetByTestId("public-suggestion");
    public ILocator Content => Page.GetByTestId("content");
    public ILocator Answer => Page.GetByTestId("answer");

    public static async Task<SuggestionsPublicPage> OpenAsync(IPage page, string? q = null)
    {
        await VisitAsync(page, q is null ? "/public/suggestions" : "/public/suggestions?q=" + Uri.EscapeDataString(q));
        return new SuggestionsPublicPage(page);
    }

    public async Task OpenAsync(string title)
    {
        await Items.Filter(new() { HasText = title }).ClickAsync();
        await Expect(Page.GetByTestId("title")).ToHaveTextAsync(title);
    }
}
