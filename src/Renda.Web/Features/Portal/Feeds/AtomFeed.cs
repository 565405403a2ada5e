using System.Text;
using System.Xml;

namespace Renda.Web.Features.Portal;

/// <summary>
/// One item of a feed, whatever produced it (a section's query today, the site search at merge): a stable key (unique within
/// the site, also what the mail sender records), the title, the item's local address, when it last changed and when it was
/// first published, and summary text — never personal data.
/// </summary>
public sealed record FeedItem(string Key, string Title, string Href, DateTimeOffset Updated, DateTimeOffset Published, string Summary);

/// <summary>
/// Writes an Atom 1.0 document (RFC 4287): feed id, title, updated, self and alternate links, author; per entry id, title,
/// updated, published, alternate link and a text summary. Every address is absolute; an entry's id is its own stable
/// address, so a reader that saw it once does not show it again when the feed is fetched from the same site.
/// </summary>
public static class AtomFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    private const string Ns = "http://www.w3.org/2005/Atom";

    public static string Write(string title, string author, string origin, string selfHref, string alternateHref, IReadOnlyList<FeedItem> items)
    {
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = Encoding.UTF8 }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", Ns);
            w.WriteAttributeString("xml", "lang", null, "zh-CN");
            w.WriteElementString("id", Ns, origin + selfHref);
            w.WriteElementString("title", Ns, title);
            // An empty feed is as new as the feed itself has been since the epoch: a fixed value, so it does not look changed on every fetch.
            var updated = items.Count == 0 ? DateTimeOffset.UnixEpoch : items.Max(i => i.Updated);
            w.WriteElementString("updated", Ns, Stamp(updated));
            Link(w, "self", origin + selfHref, "application/atom+xml");
            Link(w, "alternate", origin + alternateHref, "text/html");
            w.WriteStartElement("author", Ns);
            w.WriteElementString("name", Ns, author);
            w.WriteEndElement();
            w.WriteElementString("generator", Ns, "人大履职综合平台");
            foreach (var i in items)
            {
                w.WriteStartElement("entry", Ns);
                w.WriteElementString("id", Ns, origin + i.Href);
                w.WriteElementString("title", Ns, i.Title);
                w.WriteElementString("updated", Ns, Stamp(i.Updated));
                w.WriteElementString("published", Ns, Stamp(i.Published));
                Link(w, "alternate", origin + i.Href, "text/html");
                w.WriteStartElement("summary", Ns);
                w.WriteAttributeString("type", "text");
                w.WriteString(i.Summary);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        // StringBuilder output declares UTF-16; the document is served as UTF-8.
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"");
    }

    private static void Link(XmlWriter w, string rel, string href, string type)
    {
        w.WriteStartElement("link", Ns);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    /// <summary>RFC 3339 in Beijing time, as the dates on the pages are.</summary>
    private static string Stamp(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
