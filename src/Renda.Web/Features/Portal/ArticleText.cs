using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Renda.Web.Features.Portal;

/// <summary>
/// The article text format: plain text with blank-line paragraphs, "## " subheadings, "- " list items, **bold** and
/// [text](https://…) links. Markup is refused when written (<see cref="HasMarkup"/>) and everything is HTML-encoded before
/// the few marks are turned into tags, so no stored text can inject script: there is nothing to sanitise afterwards.
/// </summary>
public static partial class ArticleText
{
    [GeneratedRegex(@"<\s*[a-zA-Z!/?]|javascript:|vbscript:|data:text/html", RegexOptions.IgnoreCase)]
    private static partial Regex Markup();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    // Links only to http(s) or to an address on this site; the text and address are already encoded when this runs.
    [GeneratedRegex(@"\[([^\]\n]+)\]\(((?:https?://|/)[^\s)""<>]+)\)")]
    private static partial Regex Link();

    public static bool HasMarkup(string text) => Markup().IsMatch(text);

    public static string ToHtml(string text)
    {
        var html = new StringBuilder();
        foreach (var block in text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lines = block.Split('\n', StringSplitOptions.TrimEntries);
            if (lines[0].StartsWith("## ", StringComparison.Ordinal))
            {
                html.Append("<h2 class=\"h5 mt-4\">").Append(Inline(lines[0][3..])).Append("</h2>");
                lines = lines[1..];
                if (lines.Length == 0) continue;
            }
            if (lines.All(l => l.StartsWith("- ", StringComparison.Ordinal)))
            {
                html.Append("<ul>");
                foreach (var l in lines) html.Append("<li>").Append(Inline(l[2..])).Append("</li>");
                html.Append("</ul>");
            }
            else
                html.Append("<p>").Append(string.Join("<br>", lines.Select(Inline))).Append("</p>");
        }
        return html.ToString();
    }

    /// <summary>Plain text for a description or a preview: marks removed, at most <paramref name="max"/> characters.</summary>
    public static string Plain(string text, int max = 120)
    {
        var flat = Link().Replace(Bold().Replace(text.Replace("## ", "", StringComparison.Ordinal), "$1"), "$1").Replace('\n', ' ').Trim();
        return flat.Length <= max ? flat : flat[..max] + "…";
    }

    private static string Inline(string line)
    {
        var encoded = WebUtility.HtmlEncode(line);
        encoded = Bold().Replace(encoded, "<strong>$1</strong>");
        return Link().Replace(encoded, m => $"<a href=\"{m.Groups[2].Value}\"{(m.Groups[2].Value.StartsWith('/') ? "" : " rel=\"noopener nofollow\"")}>{m.Groups[1].Value}</a>");
    }
}
