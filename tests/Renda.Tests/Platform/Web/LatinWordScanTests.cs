using System.Net;
using System.Text.RegularExpressions;
using Renda.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Renda.Tests.Platform.Web;

/// <summary>
/// Issue #20 item 4, "Chinese everywhere a user looks": each demo role (and an anonymous visitor) follows the links of the pages it
/// can reach from the home page and the menu, and no page shows a Latin-script word outside a short allowed list.
/// SQLite only: the words on a page come from Razor and the label tables, not from the database provider, and the crawl reads
/// hundreds of pages — running it twice would prove nothing more.
/// </summary>
public sealed partial class LatinWordScanTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>
    /// Latin words a Chinese user reads as they are: file formats and units (PDF, Word, Excel, XML, CSV, MB, km), the standard
    /// names of the hash and the encoding shown with the audit chain and imports (SHA, UTF, GB), and the accounts' user names,
    /// which are identifiers a user types (sysadmin, jiaoyuju) — not words of the interface; they are read from the accounts table.
    /// </summary>
    private static readonly HashSet<string> Allowed = new(
        ["PDF", "Word", "Excel", "XML", "CSV", "XLSX", "DOCX", "MB", "KB", "km", "SHA", "UTF", "GB", "GBK", "PNG", "JPEG", "GIF", "WebP", "WPS", "API"],
        StringComparer.Ordinal);

    private const int PagesPerRole = 120;

    [Theory]
    [InlineData("daigongwei")]
    [InlineData("jiaoyuju")]
    [InlineData("daibiao")]
    [InlineData("weiyuan")]
    [InlineData("zhuren")]
    [InlineData("sysadmin")]
    [InlineData("caizheng")]
    [InlineData(null)]
    public async Task No_page_a_role_reaches_shows_a_Latin_word(string? userName)
    {
        var client = userName is null ? app.Anonymous() : await app.BrowserClientAsync(userName);
        HashSet<string> userNames;
        await using (var scope = app.Db())
            userNames = (await scope.Context.Accounts.Select(a => a.UserName).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/"]);
        var found = new List<string>();
        var visited = 0;
        while (queue.Count > 0 && visited < PagesPerRole)
        {
            var path = queue.Dequeue();
            var response = await client.GetAsync(path);
            // A redirect (an anonymous "/" goes to the public site) is followed like a link.
            if (response.Headers.Location is { } moved && (int)response.StatusCode is >= 300 and < 400)
            {
                var target = moved.IsAbsoluteUri ? moved.PathAndQuery : moved.OriginalString;
                if (Followable(target) && seen.Add(Digits().Replace(target.Split('?', '#')[0], "{n}"))) queue.Enqueue(target);
                continue;
            }
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
                continue;
            visited++;
            var html = await response.Content.ReadAsStringAsync();
            foreach (var word in LatinWords(VisibleText(html)).Where(w => !Allowed.Contains(w) && !userNames.Contains(w)).Distinct())
                found.Add($"{path}: {word}");
            foreach (Match m in Href().Matches(html))
            {
                var link = WebUtility.HtmlDecode(m.Groups[1].Value);
                if (!Followable(link)) continue;
                // One page per route pattern: /suggestions/12 stands for every suggestion; the query string is dropped.
                var pattern = Digits().Replace(link.Split('?', '#')[0], "{n}");
                if (seen.Add(pattern)) queue.Enqueue(link.Split('#')[0]);
            }
        }
        visited.ShouldBeGreaterThan(userName is null ? 1 : 5, "the crawl reached the role's pages");
        found.ShouldBeEmpty();
    }

    private static bool Followable(string link)
        => link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal)
            && !link.StartsWith("/api/", StringComparison.Ordinal) && !link.StartsWith("/logout", StringComparison.OrdinalIgnoreCase)
            && !link.StartsWith("/openapi", StringComparison.Ordinal) && !link.StartsWith("/css/", StringComparison.Ordinal) && !link.StartsWith("/js/", StringComparison.Ordinal)
            && !link.StartsWith("/lib/", StringComparison.Ordinal) && !link.StartsWith("/files/", StringComparison.Ordinal)
            && !Regex.IsMatch(link, @"\.(docx|xlsx|xml|pdf|csv|png|jpg|svg|ico|js|css)(\?|$)");

    /// <summary>What a reader sees: the text between tags (not scripts, styles or the code of the page) and the tooltips and placeholders.</summary>
    private static string VisibleText(string html)
    {
        var body = NotShown().Replace(html, " ");
        var attributes = string.Join(" ", ShownAttribute().Matches(body).Select(m => m.Groups[2].Value));
        return WebUtility.HtmlDecode(Tag().Replace(body, " ") + " " + attributes);
    }

    /// <summary>Words of two or more Latin letters (a single letter is a category code like "A 类"); a word joined to digits is a code.</summary>
    private static IEnumerable<string> LatinWords(string text)
        => Word().Matches(text).Select(m => m.Value).Where(w => w.Length >= 2);

    [GeneratedRegex("""href="([^"]*)""")] private static partial Regex Href();
    [GeneratedRegex(@"\d+")] private static partial Regex Digits();
    [GeneratedRegex(@"<(script|style|code|template)\b.*?</\1>|<!--.*?-->|<head\b.*?</head>", RegexOptions.Singleline | RegexOptions.IgnoreCase)] private static partial Regex NotShown();
    [GeneratedRegex("""\s(title|placeholder)="([^"]*)" """, RegexOptions.IgnorePatternWhitespace)] private static partial Regex ShownAttribute();
    [GeneratedRegex(@"<[^>]+>")] private static partial Regex Tag();
    [GeneratedRegex(@"(?<![A-Za-z0-9_.@/-])[A-Za-z]+(?![A-Za-z0-9_@/-])")] private static partial Regex Word();
}
