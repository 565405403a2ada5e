using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Pages;

/// <summary>/suggestions/new — the deputy's form: title, category, period, content with its counter, the co-signer picker, 提交 / 保存草稿.</summary>
public sealed class SuggestionsNewPage(IPage page) : ShellPage(page)
{
    public ILocator Form => Main.GetByTestId("new-suggestion");
    public ILocator Title => Page.Locator("#Title");
    public ILocator Category => Page.Locator("#Category");
    public ILocator Content => Page.Locator("#Content");
    public ILocator Counter => Page.Locator("#Content-count");
    public ILocator PickerQuery => Page.Locator("[data-picker-query]");
    public ILocator PickerSearch => Page.Locator("[data-picker-search]");
    public ILocator PickerResults => Page.GetByTestId("picker-results").Locator("label.picker-item");
    public ILocator PickerChosen => Page.GetByTestId("picker-chosen").Locator("label.picker-item");
    public ILocator SubmitButton => Page.GetByTestId("submit");
    public ILocator SaveDraftButton => Page.GetByTestId("save-draft");
    public ILocator FormError => Page.GetByTestId("form-error");

    public static async Task<SuggestionsNewPage> OpenAsync(IPage page)
    {
        await VisitAsync(page, "/suggestions/new");
        var form = new SuggestionsNewPage(page);
        await Expect(form.Form).ToBeVisibleAsync();
        return form;
    }

    public async Task FillAsync(string title, string category, string period, string content)
    {
        await Title.FillAsync(title);
        await Category.SelectOptionAsync(category);
        await Page.Locator($"label[for='Period-{period}']").ClickAsync();
        await Content.FillAsync(content);
    }

    /// <summary>Types a name into the picker, searches (the script asks the lookup endpoint), ticks the first match.</summary>
    public async Task<string> PickFirstCoSignerAsync(string name)
    {
        await PickerQuery.FillAsync(name);
        await PickerSearch.ClickAsync();
        await Expect(PickerResults.First).ToBeVisibleAsync();
        var chosen = (await PickerResults.First.InnerTextAsync()).Trim();
        await PickerResults.First.Locator("input").CheckAsync();
        return chosen;
    }

    public async Task<SuggestionsDetailPage> SubmitAsync()
    {
        await SubmitAsync(SubmitButton);
        return new SuggestionsDetailPage(Page);
    }
}
