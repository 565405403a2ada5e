using Renda.BrowserTests.Infrastructure;
using Renda.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Platform.Web;

/// <summary>Deputies use the platform on their phones: on a 390×844 screen nothing may scroll sideways.</summary>
public sealed class PhoneLayoutTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task The_login_page_fits_a_phone_screen()
    {
        var session = await OpenAsync(phone: true);
        await session.Login.GotoAsync();

        await ShouldNotScrollSidewaysAsync(session.Shell);
        await Expect(session.Login.SubmitButton).ToBeInViewportAsync();
    }

    [Fact]
    public async Task The_home_page_fits_a_phone_screen_with_the_menu_closed_and_open()
    {
        var (_, shell) = await SignedInAsync("daigongwei", phone: true);
        var home = await shell.GoHomeAsync();
        await Expect(home.StatCards.First).ToBeVisibleAsync();

        await ShouldNotScrollSidewaysAsync(home);

        // The menu folds behind the toggler on a phone.
        await Expect(home.Menu).ToBeHiddenAsync();
        await home.OpenFoldedMenuAsync();
        // The menu is longer than a phone's screen: an entry near its end is reached by scrolling the page.
        await home.MenuEntry("代表名册").ScrollIntoViewIfNeededAsync();
        await Expect(home.MenuEntry("代表名册")).ToBeInViewportAsync();
        await ShouldNotScrollSidewaysAsync(home);
    }

    private static async Task ShouldNotScrollSidewaysAsync(ShellPage page)
    {
        var (overflow, windowWidth) = await page.HorizontalOverflowAsync();
        // With a mobile viewport Chromium widens the window to fit content that sticks out, so the width is checked too.
        windowWidth.ShouldBe(BrowserTest.Phone.Width, "the page made the phone zoom out: something is wider than the screen");
        overflow.ShouldBe(0, $"the page scrolls sideways by {overflow}px; too wide: {string.Join("; ", await page.ElementsWiderThanWindowAsync())}");
    }
}
