using Microsoft.Playwright;

namespace Renda.BrowserTests.Pages;

/// <summary>/budget/service — 代表查询: a search box, project and unit cards, warnings.</summary>
public sealed class BudgetServicePage(IPage page) : ShellPage(page)
{
    public ILocator Search => Page.GetByTestId("service-q");
    public ILocator ProjectCards => Page.GetByTestId("project-card");
    public ILocator ProjectCard(string name) => ProjectCards.Filter(new() { Has = Page.GetByTestId("project-name").GetByText(name, new() { Exact = true }) });

    public ILocator UnitCards => Page.GetByTestId("unit-card");
    public ILocator UnitsPage => Page.GetByTestId("units-page");

    public async Task FindAsync(string text)
    {
        await Search.FillAsync(text);
        await SubmitAsync(Page.GetByTestId("service-search"));
    }

    /// <summary>The next page of units (the pager's 下一页 under the cards).</summary>
    public Task NextUnitsAsync() => SubmitAsync(Page.GetByTestId("units-next"));
}

/// <summary>/budget/analysis/{view} — a table whose figures link to the payments behind them.</summary>
public sealed class BudgetAnalysisPage(IPage page) : ShellPage(page)
{
    public static async Task<BudgetAnalysisPage> OpenAsync(IPage page, string view, string query)
    {
        await VisitAsync(page, $"/budget/analysis/{view}?{query}");
        return new BudgetAnalysisPage(page);
    }

    public ILocator Row(string key) => Page.Locator($"tr[data-key='{key}']");

    public async Task<BudgetPaymentsPage> DrillAsync(string key, string column)
    {
        await Row(key).Locator($"td[data-col='{column}'] a").ClickAsync();
        await Page.WaitForURLAsync("**/budget/payments?**");
        return new BudgetPaymentsPage(Page);
    }
}

/// <summary>/budget/payments — the payment list; /budget/payments/{year}/{id} — one payment.</summary>
public sealed class BudgetPaymentsPage(IPage page) : ShellPage(page)
{
    public ILocator Rows => Page.GetByTestId("payment-row");
    public ILocator Count => Page.GetByTestId("payment-count");
    public ILocator Detail => Page.GetByTestId("payment-detail");
    public ILocator Voucher => Page.GetByTestId("voucher");

    public async Task OpenPaymentAsync(string voucher)
    {
        await Page.GetByTestId("payment-link").GetByText(voucher, new() { Exact = true }).ClickAsync();
        await Page.WaitForURLAsync("**/budget/payments/*/*");
    }
}
