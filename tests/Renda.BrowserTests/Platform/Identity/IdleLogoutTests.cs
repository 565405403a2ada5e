using Renda.BrowserTests.Infrastructure;
using Renda.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Platform.Identity;

/// <summary>
/// Idle logout after 30 minutes without activity. The server decides, from the session's last
/// activity and its TimeProvider, which the tests move; the browser's own timer (site.js) only
/// takes the person to the login page with a notice.
/// </summary>
public sealed class IdleLogoutTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task After_31_idle_minutes_the_next_page_is_the_login_page()
    {
        var (session, shell) = await SignedInAsync("daibiao");

        Clock.Advance(TimeSpan.FromMinutes(31));
        await shell.GotoAsync("/");

        await session.Login.ShouldBeShownAsync();
        await Expect(shell.CurrentUser).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Activity_keeps_the_session_alive_beyond_30_minutes()
    {
        var (_, shell) = await SignedInAsync("daibiao");

        Clock.Advance(TimeSpan.FromMinutes(20));
        await shell.GotoAsync("/");
        await shell.ShouldBeSignedInAsAsync("daibiao");

        Clock.Advance(TimeSpan.FromMinutes(20));
        await shell.GotoAsync("/");
        await shell.ShouldBeSignedInAsAsync("daibiao");

        // 40 minutes after signing in, it is the last activity that counts.
        Clock.Advance(TimeSpan.FromMinutes(31));
        await shell.GotoAsync("/");
        await new LoginPage(shell.Page).ShouldBeShownAsync();
    }

    [Fact]
    public async Task The_browser_timer_takes_an_idle_person_to_the_login_page_with_a_notice()
    {
        var session = await OpenAsync();
        // Playwright's fake timers drive site.js's setTimeout: 30 minutes pass without waiting.
        await session.Page.Clock.InstallAsync();
        await session.Login.GotoAsync();
        var shell = await session.Login.SignInAsync("daibiao", Password);

        // Both clocks move, as they do in life: the server's session has expired by the time the browser's timer fires.
        Clock.Advance(TimeSpan.FromMinutes(31));
        await session.Page.Clock.FastForwardAsync("31:00");

        var login = new LoginPage(session.Page);
        await login.ShouldBeShownAsync();
        await Expect(login.IdleMessage).ToBeVisibleAsync();
        login.PathAndQuery.ShouldContain("reason=idle");
        // The notice says "已自动退出": the shell must no longer show the person as signed in.
        await Expect(shell.CurrentUser).ToHaveCountAsync(0);
    }
}
