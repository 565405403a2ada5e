using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Pages;

/// <summary>
/// /deputies — the roster. ID numbers and phone numbers sit in cells marked data-testid="id-number"
/// and "phone"; masked values also carry class "masked".
/// </summary>
public sealed class DeputiesPage(IPage page) : ShellPage(page)
{
    public ILocator IdNumbers => Main.GetByTestId("id-number");
    public ILocator Phones => Main.GetByTestId("phone");

    public static async Task<DeputiesPage> OpenAsync(IPage page)
    {
        await VisitAsync(page, "/deputies");
        return new DeputiesPage(page);
    }

    /// <summary>The first ID number in the roster as shown, after waiting for the table.</summary>
    public async Task<string> FirstIdNumberAsync()
    {
        await Expect(IdNumbers.First).ToBeVisibleAsync();
        return (await IdNumbers.First.InnerTextAsync()).Trim();
    }
}
