using Renda.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Renda.BrowserTests.Platform.Web;

/// <summary>
/// Issue #20, item 6: no page of the demo scrolls sideways on a 390 px phone. For each demo role, every page its menu
/// offers and the first record each of them links to (one detail page of each kind) is opened at 390 px in one signed-in
/// session. A wide table or chart that must stay one scrolls inside its own box (.table-responsive), which is allowed.
/// </summary>
public sealed class PhoneSweepTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    /// <summary>Staff, a unit officer, a deputy, a member, the system administrator and the finance bureau.</summary>
    public static readonly string[] Roles = ["daigongwei", "jiaoyuju", "daibiao", "weiyuan", "sysadmin", "caizheng"];

    /// <summary>The first link of a list: in a table, a list group or a card list of the page's main part.</summary>
    private const string FirstLinks = """
        () => [...document.querySelectorAll('main table tbody a[href^="/"], main .list-group a[href^="/"], main [data-testid] a[href^="/"]')]
            .map(a => a.getAttribute('href')).filter(h => !h.startsWith('/api/') && !/\.(xlsx|docx|pdf|csv)$/.test(h)).slice(0, 1)
        """;

    /// <summary>The elements reaching furthest past the right edge, widest first, for the failure message.</summary>
    private const string Widest = """
        () => [...document.querySelectorAll('body *')]
            .map(e => [e, e.getBoundingClientRect().right]).filter(([, r]) => r > window.innerWidth + 0.5)
            .sort((a, b) => b[1] - a[1]).slice(0, 3)
            .map(([e, r]) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '')
                + (e.dataset.testid ? '[data-testid=' + e.dataset.testid + ']' : '') + ' right=' + Math.round(r) + ' "' + (e.textContent || '').trim().slice(0, 20) + '"')
        """;

    [Fact]
    public async Task No_page_a_role_reaches_from_its_menu_scrolls_sideways_on_a_phone()
    {
        var failures = new List<string>();
        var visited = 0;
        foreach (var role in Roles)
        {
            var (session, shell) = await SignedInAsync(role, phone: true);
            var page = session.Page;
            var menu = await page.EvaluateAsync<string[]>("() => [...new Set([...document.querySelectorAll('nav#sidebar a[href^=\"/\"]')].map(a => a.getAttribute('href')))]");
            menu.ShouldNotBeEmpty($"{role} has a menu");
            var seen = new HashSet<string>(StringComparer.Ordinal);

            async Task CheckAsync(string path, string? from)
            {
                if (!seen.Add(path)) return;
                var response = await page.GotoAsync(path);
                visited++;
                var where = $"{role} {path}{(from is null ? "" : $" (first link of {from})")}";
                if (response is { Status: >= 500 }) failures.Add($"{where}: HTTP {response.Status}");
                var (overflow, width) = await shell.HorizontalOverflowAsync();
                if (overflow > 0 || width != Phone.Width)
                    failures.Add($"{where}: scrolls sideways by {overflow}px (window {width}px); widest: {string.Join("; ", await page.EvaluateAsync<string[]>(Widest))}");
            }

            foreach (var href in menu.Where(h => !h.StartsWith("/api/", StringComparison.Ordinal) && h != "/logout"))
            {
                await CheckAsync(href, null);
                foreach (var first in await page.EvaluateAsync<string[]>(FirstLinks))
                    await CheckAsync(first, href);
            }
        }
        Output.WriteLine($"{visited} pages opened at {Phone.Width} px");
        visited.ShouldBeGreaterThan(100, "the sweep reached the pages of every role");
        failures.ShouldBeEmpty();
    }
}
