using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Pages;

/// <summary>/audit — the audit administrator's list of audit records and the button that verifies the hash chain.</summary>
public sealed partial class AuditPage(IPage page) : ShellPage(page)
{
    public ILocator VerifyButton => Main.GetByRole(AriaRole.Button, new() { NameRegex = Verify() });

    /// <summary>Where the outcome of a verification appears.</summary>
    public ILocator VerificationResult => Main.Locator("[data-testid=verify-result]");

    public static async Task<AuditPage> OpenAsync(IPage page)
    {
        await VisitAsync(page, "/audit");
        return new AuditPage(page);
    }

    /// <summary>Clicks the verify button; returns the region that shows the outcome once it says something.</summary>
    public async Task<ILocator> VerifyChainAsync()
    {
        await Expect(VerifyButton).ToBeVisibleAsync();
        await VerifyButton.ClickAsync();
        var result = VerificationResult.Filter(new() { HasTextRegex = Outcome() }).Last;
        await Expect(result).ToBeVisibleAsync();
        return result;
    }

    [GeneratedRegex("校验")]
    private static partial Regex Verify();

    [GeneratedRegex("完整|不完整|篡改|断裂|失败")]
    private static partial Regex Outcome();
}
