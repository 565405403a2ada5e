using Renda.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Platform.Identity;

public sealed class SignInTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task Signing_in_shows_the_user_and_their_role_in_the_header()
    {
        var (_, shell) = await SignedInAsync("daigongwei");

        await shell.ShouldBeSignedInAsAsync("daigongwei");
        await Expect(shell.CurrentUser).ToContainTextAsync("常委会工作人员");
        await Expect(shell.CurrentUser).ToBeVisibleAsync();
        var home = await shell.GoHomeAsync();
        await Expect(home.Greeting).ToContainTextAsync("代工委工作人员");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_an_error()
    {
        var session = await OpenAsync();
        await session.Login.GotoAsync();

        var error = await session.Login.SignInRefusedAsync("qh-staff", "not-the-password");

        error.ShouldContain("用户名或密码错误");
        await Expect(session.Shell.CurrentUser).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_unknown_user_is_refused_without_being_told_the_name_does_not_exist()
    {
        var session = await OpenAsync();
        await session.Login.GotoAsync();

        var error = await session.Login.SignInRefusedAsync("nobody-here", "whatever");

        // Saying "no such user" would tell an attacker which names exist.
        error.ShouldContain("用户名或密码错误");
        error.ShouldNotContain("不存在");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var (session, shell) = await SignedInAsync("zhuren");

        var login = await shell.SignOutAsync();
        // A staff page, not "/": a visitor without a session at "/" lands on the public site.
        await session.Shell.GotoAsync("/inbox");

        await login.ShouldBeShownAsync();
    }

    [Fact]
    public async Task A_page_behind_login_redirects_to_the_login_page()
    {
        var session = await OpenAsync();

        await session.Shell.GotoAsync("/account/password");

        await session.Login.ShouldBeShownAsync();
        session.Login.PathAndQuery.ShouldContain("ReturnUrl=%2Faccount%2Fpassword");
    }
}
