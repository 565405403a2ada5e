using Renda.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Platform.Web;

/// <summary>The left menu shows each entry only to the roles that may use it; hidden entries are not in the page at all.</summary>
public sealed class MenuTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Theory]
    [InlineData("auditadmin", true)]
    [InlineData("sysadmin", false)]
    [InlineData("secadmin", false)]
    [InlineData("daigongwei", false)]
    [InlineData("daibiao", false)]
    public async Task The_audit_log_entry_is_shown_only_to_the_audit_administrator(string user, bool shown)
    {
        var (_, shell) = await SignedInAsync(user);

        await Expect(shell.MenuEntry("首页")).ToBeVisibleAsync();
        if (shown)
            await Expect(shell.MenuEntry("审计日志")).ToBeVisibleAsync();
        else
            await Expect(shell.MenuEntry("审计日志")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("daibiao", false)]
    [InlineData("sysadmin", true)]
    [InlineData("secadmin", true)]
    public async Task The_account_management_entry_is_not_shown_to_a_deputy(string user, bool shown)
    {
        var (_, shell) = await SignedInAsync(user);

        await Expect(shell.MenuEntry("首页")).ToBeVisibleAsync();
        if (shown)
            await Expect(shell.MenuEntry("账号管理")).ToBeVisibleAsync();
        else
            await Expect(shell.MenuEntry("账号管理")).ToHaveCountAsync(0);
    }
}
