using Renda.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Renda.BrowserTests.Platform.Identity;

/// <summary>Five wrong passwords lock the account for 15 minutes (the default security policy).</summary>
public sealed class LockoutTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    // An account no other browser test signs in with, so the lock disturbs nobody.
    private const string User = "jiaoyuju";

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_until_fifteen_minutes_have_passed()
    {
        var session = await OpenAsync();
        var login = await session.Login.GotoAsync();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var error = await login.SignInRefusedAsync(User, $"wrong-{attempt}");
            error.ShouldContain("用户名或密码错误", customMessage: $"attempt {attempt}");
            error.ShouldNotContain("锁定", customMessage: $"attempt {attempt}");
        }
        var fifth = await login.SignInRefusedAsync(User, "wrong-5");
        fifth.ShouldContain("锁定");

        var whileLocked = await login.SignInRefusedAsync(User, Password);
        whileLocked.ShouldContain("锁定", customMessage: "the right password must be refused while the account is locked");

        Clock.Advance(TimeSpan.FromMinutes(16));
        var shell = await login.SignInAsync(User, Password);
        await shell.ShouldBeSignedInAsAsync(User);
    }
}
