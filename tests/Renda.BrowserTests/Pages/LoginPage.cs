using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Pages;

/// <summary>/login: user name, password, the error shown on a refused attempt, the idle notice.</summary>
public sealed partial class LoginPage(IPage page) : PageObject(page)
{
    public ILocator UserName => Page.Locator("#UserName");
    public ILocator Password => Page.Locator("#Password");
    public ILocator SubmitButton => Page.Locator("main form button[type=submit]");
    public ILocator Error => Page.GetByTestId("login-error");
    public ILocator IdleMessage => Page.GetByTestId("idle-message");

    public async Task<LoginPage> GotoAsync(string? reason = null)
    {
        await VisitAsync(Page, reason is null ? "/login" : $"/login?reason={Uri.EscapeDataString(reason)}");
        await ShouldBeShownAsync();
        return this;
    }

    /// <summary>Asserts that the browser is on the login page with its form (after a redirect, too).</summary>
    public async Task ShouldBeShownAsync()
    {
        await Expect(Page).ToHaveURLAsync(OnLoginPage());
        await Expect(UserName).ToBeVisibleAsync();
        await Expect(Password).ToBeVisibleAsync();
    }

    /// <summary>Signs in and expects to land inside the application; fails with the page's error otherwise.</summary>
    public async Task<ShellPage> SignInAsync(string userName, string password)
    {
        await FillAndSubmitAsync(userName, password);
        if (OnLoginPage().IsMatch(Page.Url))
        {
            var error = await Error.CountAsync() > 0 ? await Error.InnerTextAsync() : "(no error shown)";
            throw new ShouldAssertException($"Signing in as {userName} was refused: {error}");
        }
        var shell = new ShellPage(Page);
        await Expect(shell.CurrentUser).ToBeAttachedAsync();
        return shell;
    }

    /// <summary>Submits credentials that the server is expected to refuse; returns the error it shows.</summary>
    public async Task<string> SignInRefusedAsync(string userName, string password)
    {
        await FillAndSubmitAsync(userName, password);
        await Expect(Page).ToHaveURLAsync(OnLoginPage());
        await Expect(Error).ToBeVisibleAsync();
        return (await Error.InnerTextAsync()).Trim();
    }

    /// <summary>Submits credentials while this address must wait (HTTP 429, decision 0022); returns the error shown.</summary>
    public async Task<string> SignInThrottledAsync(string userName, string password)
    {
        await UserName.FillAsync(userName);
        await Password.FillAsync(password);
        (await SubmitRefusedAsync(SubmitButton)).ShouldBe(429);
        await Expect(Error).ToBeVisibleAsync();
        return (await Error.InnerTextAsync()).Trim();
    }

    private async Task FillAndSubmitAsync(string userName, string password)
    {
        await UserName.FillAsync(userName);
        await Password.FillAsync(password);
        await SubmitAsync(SubmitButton);
    }

    [GeneratedRegex(@"/login(\?|$)")]
    public static partial Regex OnLoginPage();
}
