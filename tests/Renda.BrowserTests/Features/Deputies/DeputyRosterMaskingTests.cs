using System.Text.RegularExpressions;
using Renda.BrowserTests.Infrastructure;
using Renda.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Features.Deputies;

/// <summary>
/// Personal data on the roster: only staff of the committee that manages deputies (代工委) see ID
/// numbers in full; other staff see them masked. (The /deputies page is built in another branch;
/// the selectors are its agreed test ids.)
/// </summary>
public sealed partial class DeputyRosterMaskingTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task Staff_outside_the_deputies_committee_see_ID_numbers_masked()
    {
        var (session, _) = await SignedInAsync("fagongwei");
        var roster = await DeputiesPage.OpenAsync(session.Page);

        var id = await roster.FirstIdNumberAsync();

        id.ShouldContain('*');
        id.Length.ShouldBe(18, $"a masked ID number keeps its length: '{id}'");
        await Expect(roster.IdNumbers.First).ToHaveClassAsync(Masked());
    }

    [Fact]
    public async Task Staff_of_the_deputies_committee_see_ID_numbers_in_full()
    {
        var (session, _) = await SignedInAsync("daigongwei");
        var roster = await DeputiesPage.OpenAsync(session.Page);

        var id = await roster.FirstIdNumberAsync();

        id.ShouldNotContain('*');
        id.ShouldMatch(@"^\d{17}[\dX]$");
        await Expect(roster.IdNumbers.First).Not.ToHaveClassAsync(Masked());
    }

    [GeneratedRegex(@"\bmasked\b")]
    private static partial Regex Masked();
}
