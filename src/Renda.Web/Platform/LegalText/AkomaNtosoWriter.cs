using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Renda.Web.Platform.LegalText;

/// <summary>
/// What the FRBR identification of an Akoma Ntoso document needs beyond the text: a work name for the URIs (ASCII, no
/// spaces: a law's id), the date of the work (adoption), the date of this version, the author and the country.
/// </summary>
public sealed record AknIdentity(
    string WorkName,
    DateOnly WorkDate,
    DateOnly VersionDate,
    string Author = "全国人民代表大会常务委员会",
    string Country = "cn",
    string SubType = "law");

/// <summary>
/// A <see cref="LegalDocument"/> as Akoma Ntoso 3.0 (OASIS LegalDocML): act/meta/identification with FRBRWork,
/// FRBRExpression and FRBRManifestation, preface with the docTitle, preamble, and a body of
/// book/part/chapter/section/article/paragraph/list/point with eIds by the AKN naming convention (art_10, chp_2__sec_1,
/// art_10__para_2__list_1__point_3). Articles are art_N through the text (art_120-1 for 第一百二十条之一). Blocks of a text
/// without articles and appendices become hcontainers. Validated against akomantoso30.xsd in the tests.
/// </summary>
public static class AkomaNtosoWriter
{
    public static readonly XNamespace Akn = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
    public const string ContentType = "application/akn+xml";

    public static XDocument Write(LegalDocument doc, AknIdentity id, DateOnly? generated = null)
    {
        var workUri = $"/akn/{id.Country}/act/{Date(id.WorkDate)}/{id.WorkName}";
        var exprUri = $"{workUri}/zho@{Date(id.VersionDate)}";
        var act = new XElement(Akn + "act", new XAttribute("name", id.SubType),
            new XElement(Akn + "meta",
                new XElement(Akn + "identification", new XAttribute("source", "#renda"),
                    new XElement(Akn + "FRBRWork",
                        Value("FRBRthis", workUri + "/!main"),
                        Value("FRBRuri", workUri),
                        FrbrDate(id.WorkDate, "enactment"),
                        new XElement(Akn + "FRBRauthor", new XAttribute("href", "#author")),
                        Value("FRBRcountry", id.Country),
                        Value("FRBRname", Clean(doc.Title))),
                    new XElement(Akn + "FRBRExpression",
                        Value("FRBRthis", exprUri + "/!main"),
                        Value("FRBRuri", exprUri),
                        FrbrDate(id.VersionDate, "version"),
                        new XElement(Akn + "FRBRauthor", new XAttribute("href", "#author")),
                        new XElement(Akn + "FRBRlanguage", new XAttribute("language", "zho"))),
                    new XElement(Akn + "FRBRManifestation",
                        Value("FRBRthis", exprUri + "/!main.xml"),
                        Value("FRBRuri", exprUri + ".akn"),
                        FrbrDate(generated ?? DateOnly.FromDateTime(DateTime.UtcNow), "generation"),
                        new XElement(Akn + "FRBRauthor", new XAttribute("href", "#renda")))),
                new XElement(Akn + "references", new XAttribute("source", "#renda"),
                    new XElement(Akn + "TLCOrganization", new XAttribute("eId", "author"), new XAttribute("href", "/ontology/organization/cn/author"), new XAttribute("showAs", Clean(id.Author))),
                    new XElement(Akn + "TLCOrganization", new XAttribute("eId", "renda"), new XAttribute("href", "/ontology/organization/cn/renda"), new XAttribute("showAs", "人大履职综合平台")))),
            new XElement(Akn + "preface",
                new XElement(Akn + "p", new XElement(Akn + "docTitle", Clean(doc.Title)))));
        foreach (var h in doc.History)
            act.Element(Akn + "preface")!.Add(new XElement(Akn + "p", new XAttribute("class", "history"), Clean(h)));
        if (doc.Preamble.Count > 0)
        {
            var preamble = new XElement(Akn + "preamble");
            if (doc.PreambleHeaded)
                preamble.Add(new XElement(Akn + "p", new XAttribute("class", "heading"), "序言"));
            preamble.Add(doc.Preamble.Select(p => new XElement(Akn + "p", Clean(p))));
            act.Add(preamble);
        }
        var body = new XElement(Akn + "body");
        var unnumbered = 0;
        var divisions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in doc.Body) body.Add(Node(n, "", ref unnumbered, divisions));
        var a = 0;
        foreach (var appendix in doc.Appendices)
        {
            a++;
            var container = new XElement(Akn + "hcontainer", new XAttribute("name", "attachment"), new XAttribute("eId", $"hcontainer_att{a}"),
                new XElement(Akn + "heading", Clean(appendix.Heading)));
            if (appendix.Lines.Count > 0)
                container.Add(new XElement(Akn + "content", appendix.Lines.Select(l => new XElement(Akn + "p", Clean(l)))));
            body.Add(container);
        }
        act.Add(body);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Akn + "akomaNtoso", act));
    }

    /// <summary>The document as UTF-8 XML text.</summary>
    public static string WriteString(LegalDocument doc, AknIdentity id, DateOnly? generated = null)
    {
        var x = Write(doc, id, generated);
        using var w = new Utf8StringWriter();
        x.Save(w);
        return w.ToString();
    }

    /// <summary>The eId of an article (art_10, art_120-1): what a permalink into the AKN points at.</summary>
    public static string ArticleEId(int number, int suffix) => suffix == 0 ? $"art_{number}" : $"art_{number}-{suffix}";

    private static XElement Node(LegalNode n, string parentEId, ref int unnumbered, HashSet<string> divisions)
    {
        switch (n.Kind)
        {
            case LegalUnitKind.Book:
            case LegalUnitKind.Part:
            case LegalUnitKind.Chapter:
            case LegalUnitKind.Section:
            {
                var (element, prefix) = n.Kind switch
                {
                    LegalUnitKind.Book => ("book", "book"),
                    LegalUnitKind.Part => ("part", "part"),
                    LegalUnitKind.Chapter => ("chapter", "chp"),
                    _ => ("section", "sec"),
                };
                var own = n.Number == 0 ? $"{prefix}_u{++unnumbered}" : $"{prefix}_{n.Number}";
                var eId = Join(parentEId, own);
                // A published text may repeat a chapter number (imported as printed, with a warning): eIds must stay unique.
                for (var k = 2; !divisions.Add(eId); k++) eId = Join(parentEId, $"{own}-{k}");
                var e = new XElement(Akn + element, new XAttribute("eId", eId));
                if (n.Number != 0) e.Add(new XElement(Akn + "num", n.Label));
                if (!string.IsNullOrEmpty(n.Heading)) e.Add(new XElement(Akn + "heading", Clean(n.Heading)));
                // Articles are numbered through the whole text, so their eIds need no chapter prefix (as the AKN naming convention allows).
                foreach (var c in n.Children) e.Add(Node(c, c.Kind == LegalUnitKind.Article ? "" : eId, ref unnumbered, divisions));
                return e;
            }
            case LegalUnitKind.Article:
            {
                var eId = ArticleEId(n.Number, n.Suffix);
                var e = new XElement(Akn + "article", new XAttribute("eId", eId), new XAttribute("GUID", n.Id), new XElement(Akn + "num", n.Label));
                var p = 0;
                foreach (var c in n.Children) e.Add(Paragraph(c, $"{eId}__para_{++p}"));
                return e;
            }
            case LegalUnitKind.Text:
            {
                var e = new XElement(Akn + "hcontainer", new XAttribute("name", n.Heading is null ? "block" : "heading"), new XAttribute("eId", $"hcontainer_{n.Number}"));
                if (n.Heading is not null) e.Add(new XElement(Akn + "heading", Clean(n.Heading)));
                else e.Add(new XElement(Akn + "content", new XElement(Akn + "p", Clean(n.Text))));
                return e;
            }
            case LegalUnitKind.Paragraph:
            case LegalUnitKind.Item:
            case LegalUnitKind.Subitem:
                throw new InvalidOperationException($"{n.Kind} 只能出现在条之中");
        }
        throw new InvalidOperationException(n.Kind.ToString());
    }

    /// <summary>A 款: its wording as content, or, when it has items, as the intro of a list of points.</summary>
    private static XElement Paragraph(LegalNode n, string eId)
    {
        var e = new XElement(Akn + "paragraph", new XAttribute("eId", eId));
        if (n.Children.Count == 0) e.Add(Content(n.Text));
        else e.Add(List(n, $"{eId}__list_1"));
        return e;
    }

    private static XElement List(LegalNode n, string eId)
    {
        var list = new XElement(Akn + "list", new XAttribute("eId", eId));
        if (n.Text.Length > 0) list.Add(new XElement(Akn + "intro", new XElement(Akn + "p", Clean(n.Text))));
        var i = 0;
        foreach (var c in n.Children)
        {
            var pointId = $"{eId}__point_{++i}";
            var point = new XElement(Akn + "point", new XAttribute("eId", pointId), new XElement(Akn + "num", c.Label));
            if (c.Children.Count == 0) point.Add(Content(c.Text));
            else point.Add(List(c, $"{pointId}__list_1"));
            list.Add(point);
        }
        return list;
    }

    private static XElement Content(string text) => new(Akn + "content", new XElement(Akn + "p", Clean(text)));

    private static XElement Value(string name, string value) => new(Akn + name, new XAttribute("value", value));

    private static XElement FrbrDate(DateOnly d, string name) => new(Akn + "FRBRdate", new XAttribute("date", Date(d)), new XAttribute("name", name));

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Join(string parent, string own) => parent.Length == 0 ? own : $"{parent}__{own}";

    /// <summary>Drops characters XML 1.0 cannot carry (stray control characters in pasted text).</summary>
    private static string Clean(string s)
    {
        if (s.All(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)) && !s.Any(char.IsSurrogate)) return s;
        var sb = new System.Text.StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (i + 1 < s.Length && XmlConvert.IsXmlSurrogatePair(s[i + 1], s[i])) { sb.Append(s, i, 2); i++; }
            else if (XmlConvert.IsXmlChar(s[i])) sb.Append(s[i]);
        }
        return sb.ToString();
    }

    private sealed class Utf8StringWriter : StringWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
    }
}
