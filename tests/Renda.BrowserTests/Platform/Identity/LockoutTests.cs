using Renda.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Renda.BrowserTests.Platform.Identity;

/// <summary>Wrong passwords slow down the address they come from; they do not lock the account (decision 0022).</summary>
public sealed class LockoutTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string User = "jiaoyuju";

    [Fact]
    public async Task Five_wrong_passwords_make_this_address_wait_but_do_not_lock_the_account()
    {
        // Every browser test signs in from the same address: earlier failures leave the window first.
        Clock.Advance(TimeSpan.FromMinutes(16));
        var session = await OpenAsync();
        var login = await session.Login.GotoAsync();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var error = await login.SignInRefusedAsync(User, $"wrong-{attempt}");
            error.ShouldContain("用户名或密码错误", customMessage: $"attempt {attempt}");
            error.ShouldNotContain("锁定", customMessage: $"attempt {attempt}");
        }
        var sixth = await login.SignInThrottledAsync(User, "wrong-6");
        sixth.ShouldContain("登录失败次数过多");
        // The address waits, whatever it sends …
        var tooSoon = await login.SignInThrottledAsync(User, Password);
        tooSoon.ShouldContain("秒后再试");

        // … and once it has waited, the right password signs in: the account was never locked.
        Clock.Advance(TimeSpan.FromSeconds(2));
        var shell = await login.SignInAsync(User, Password);
        await shell.ShouldBeSignedInAsAsync(User);
        // The failures must not slow down the tests after this one.
        Clock.Advance(TimeSpan.FromMinutes(16));
    }
}
