using Renda.BrowserTests.Infrastructure;
using Renda.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Platform.Audit;

/// <summary>
/// The audit administrator verifies the audit trail's hash chain from the browser. (The /audit
/// page is built in another branch; see AuditPage for the selectors assumed.)
/// </summary>
public sealed class AuditVerificationTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task The_audit_administrator_verifies_the_chain_and_sees_it_intact()
    {
        var (session, _) = await SignedInAsync("auditadmin");
        var audit = await AuditPage.OpenAsync(session.Page);

        var result = await audit.VerifyChainAsync();

        await Expect(result).ToContainTextAsync("完整");
        await Expect(result).Not.ToContainTextAsync("不完整");
    }
}
