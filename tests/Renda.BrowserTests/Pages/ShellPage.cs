using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Pages;

/// <summary>What every signed-in page shares: the header with the user and the logout button, and the left menu.</summary>
public class ShellPage(IPage page) : PageObject(page)
{
    public ILocator CurrentUser => Page.GetByTestId("current-user");
    public ILocator LogoutButton => Page.Locator("header form[action='/logout'] button");
    public ILocator Menu => Page.Locator("nav#sidebar");
    public ILocator Main => Page.Locator("main");
    public ILocator MenuToggler => Page.GetByRole(AriaRole.Button, new() { Name = "菜单" });

    /// <summary>A menu entry by its exact label; present in the page only for the roles that may use it.</summary>
    public ILocator MenuEntry(string label) => Menu.GetByRole(AriaRole.Link, new() { Name = label, Exact = true });

    /// <summary>Navigates to a path as a person would by typing the address (a request, so it is activity on the server).</summary>
    public async Task<ShellPage> GotoAsync(string path)
    {
        await VisitAsync(Page, path);
        return this;
    }

    public async Task<HomePage> GoHomeAsync()
    {
        await VisitAsync(Page, "/");
        return new HomePage(Page);
    }

    /// <summary>On a phone the menu folds behind the toggler: opens it and waits until Bootstrap has finished showing it.</summary>
    public async Task OpenFoldedMenuAsync()
    {
        await MenuToggler.ClickAsync();
        await Expect(Menu).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bshow\b"));
        await Expect(MenuToggler).ToHaveAttributeAsync("aria-expanded", "true");
    }

    /// <summary>Asserts the header shows this account (the session is alive).</summary>
    public async Task ShouldBeSignedInAsAsync(string userName)
    {
        await Expect(CurrentUser).ToBeAttachedAsync();
        await Expect(CurrentUser).ToContainTextAsync(userName);
    }

    public async Task<LoginPage> SignOutAsync()
    {
        await SubmitAsync(LogoutButton);
        var login = new LoginPage(Page);
        await login.ShouldBeShownAsync();
        return login;
    }

    /// <summary>How far the document is wider than the window (0 when nothing scrolls sideways), and the window's width.</summary>
    public async Task<(int Overflow, int WindowWidth)> HorizontalOverflowAsync()
    {
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return (Math.Max(0, widths[0] - widths[1]), widths[1]);
    }

    /// <summary>The elements that stick out to the right of the window, for a readable failure message.</summary>
    public async Task<string[]> ElementsWiderThanWindowAsync() => await Page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
            .slice(0, 10)
            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right))
        """);
}
