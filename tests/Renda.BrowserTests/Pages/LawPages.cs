using Microsoft.Playwright;

namespace Renda.BrowserTests.Pages;

/// <summary>/laws: the regulations database's search and list, open to anyone.</summary>
public sealed class LawsSearchPage(IPage page) : ShellPage(page)
{
    public ILocator Rows => Page.GetByTestId("law-row");
    public ILocator Total => Page.GetByTestId("law-total");
    public ILocator Snippets => Page.GetByTestId("law-snippet");

    public static async Task<LawsSearchPage> OpenAsync(IPage page)
    {
        await VisitAsync(page, "/laws");
        return new LawsSearchPage(page);
    }

    public async Task SearchAsync(string words)
    {
        await Page.GetByTestId("law-q").FillAsync(words);
        await SubmitAsync(Page.GetByTestId("law-search"));
    }

    public async Task<LawPage> OpenLawAsync(string title)
    {
        await Rows.GetByTestId("law-title").Filter(new() { HasText = title }).First.ClickAsync();
        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/laws/\d+$"));
        return new LawPage(Page);
    }
}

/// <summary>/laws/{id}: one law with its table of contents and articles, each number a permalink.</summary>
public sealed class LawPage(IPage page) : ShellPage(page)
{
    public ILocator Heading => Page.GetByTestId("law-heading");
    public ILocator Toc => Page.GetByTestId("law-toc");
    public ILocator Articles => Page.GetByTestId("law-article");

    /// <summary>The article with this number (第七十条): the element the fragment #第七十条 points at.</summary>
    public ILocator Article(string label) => Page.Locator($"article[id='{label}']");

    public async Task<LawArticlePage> FollowPermalinkAsync(string label)
    {
        await Article(label).Locator("a.law-article-number").ClickAsync();
        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/laws/\d+/articles/[0-9-]+$"));
        return new LawArticlePage(Page);
    }
}

/// <summary>/laws/{id}/articles/{n}: one article's permalink page.</summary>
public sealed class LawArticlePage(IPage page) : ShellPage(page)
{
    public ILocator Number => Page.GetByTestId("article-number");
    public ILocator Text => Page.GetByTestId("article");
    public ILocator Path => Page.GetByTestId("article-path");

    public async Task<LawPage> ViewInContextAsync()
    {
        await Page.GetByTestId("article-in-context").ClickAsync();
        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/laws/\d+#"));
        return new LawPage(Page);
    }
}
