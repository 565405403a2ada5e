using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Renda.Web.Platform.LegalText;

namespace Renda.Web.Features.Laws;

/// <summary>
/// A law's text as HTML for its page: divisions as headings with anchors (for the table of contents), each article with
/// id="第十条" (the fragment of /laws/{id}#第十条) and its number linking to its permalink /laws/{id}/articles/10.
/// Built in C# rather than a recursive partial: a code of 1,000 articles renders in a few milliseconds.
/// </summary>
public static class LawHtml
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public sealed record TocEntry(int Depth, string Anchor, string Text);

    public static (string Body, IReadOnlyList<TocEntry> Toc) Render(LegalDocument doc, int lawId)
    {
        var sb = new StringBuilder();
        var toc = new List<TocEntry>();
        var divisions = 0;
        if (doc.Preamble.Count > 0)
        {
            sb.Append("<section class=\"law-preamble mb-3\" id=\"序言\">");
            if (doc.PreambleHeaded)
            {
                sb.Append("<h2 class=\"h6 text-center law-division\">序言</h2>");
                toc.Add(new TocEntry(0, "序言", "序言"));
            }
            foreach (var p in doc.Preamble) sb.Append("<p class=\"law-para\">").Append(Html.Encode(p)).Append("</p>");
            sb.Append("</section>");
        }
        foreach (var n in doc.Body) Node(n, 0);
        var a = 0;
        foreach (var appendix in doc.Appendices)
        {
            var anchor = $"appendix-{++a}";
            toc.Add(new TocEntry(0, anchor, appendix.Heading));
            sb.Append("<section class=\"law-appendix mt-4\" id=\"").Append(anchor).Append("\"><h2 class=\"h6 law-division\">").Append(Html.Encode(appendix.Heading)).Append("</h2>");
            foreach (var l in appendix.Lines) sb.Append("<p class=\"law-appendix-line\">").Append(Html.Encode(l)).Append("</p>");
            sb.Append("</section>");
        }
        return (sb.ToString(), toc);

        void Node(LegalNode n, int depth)
        {
            switch (n.Kind)
            {
                case LegalUnitKind.Book:
                case LegalUnitKind.Part:
                case LegalUnitKind.Chapter:
                case LegalUnitKind.Section:
                {
                    var anchor = $"division-{++divisions}";
                    var text = n.Number == 0 ? n.Heading ?? "" : $"{n.Label}　{n.Heading}".Trim();
                    toc.Add(new TocEntry(depth, anchor, text));
                    var level = Math.Min(depth + 2, 6);
                    sb.Append("<h").Append(level).Append(" class=\"law-division law-depth-").Append(depth).Append("\" id=\"").Append(anchor).Append("\">")
                      .Append(Html.Encode(text)).Append("</h").Append(level).Append('>');
                    foreach (var c in n.Children) Node(c, depth + 1);
                    break;
                }
                case LegalUnitKind.Article:
                {
                    var label = n.Label;
                    var slug = n.Suffix == 0 ? $"{n.Number}" : $"{n.Number}-{n.Suffix}";
                    sb.Append("<article class=\"law-article\" id=\"").Append(Html.Encode(label)).Append("\" data-testid=\"law-article\">");
                    var first = true;
                    foreach (var p in n.Children)
                    {
                        sb.Append("<p class=\"law-para\">");
                        if (first)
                        {
                            sb.Append("<a class=\"law-article-number\" href=\"/laws/").Append(lawId).Append("/articles/").Append(slug)
                              .Append("\" title=\"本条的永久链接\">").Append(Html.Encode(label)).Append("</a>　");
                            first = false;
                        }
                        sb.Append(Html.Encode(p.Text)).Append("</p>");
                        foreach (var item in p.Children)
                        {
                            sb.Append("<p class=\"law-item\">").Append(Html.Encode(item.Label + item.Text)).Append("</p>");
                            foreach (var sub in item.Children)
                                sb.Append("<p class=\"law-subitem\">").Append(Html.Encode($"{sub.Label} {sub.Text}")).Append("</p>");
                        }
                    }
                    sb.Append("</article>");
                    break;
                }
                case LegalUnitKind.Text:
                    if (n.Heading is not null) sb.Append("<h2 class=\"h6 law-division\">").Append(Html.Encode(n.Heading)).Append("</h2>");
                    else sb.Append("<p class=\"law-para\">").Append(Html.Encode(n.Text)).Append("</p>");
                    break;
                case LegalUnitKind.Paragraph:
                case LegalUnitKind.Item:
                case LegalUnitKind.Subitem:
                    break; // rendered with their article
            }
        }
    }
}
