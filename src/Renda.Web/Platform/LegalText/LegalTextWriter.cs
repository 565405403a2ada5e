namespace Renda.Web.Platform.LegalText;

/// <summary>
/// A legal text back to plain text, one paragraph a line, in the form <see cref="LegalTextParser.ParsePlain"/> reads:
/// parse(write(x)) has the same text and structure as x (ids aside).
/// </summary>
public static class LegalTextWriter
{
    public static string ToPlainText(LegalDocument doc) => string.Join("\n", Lines(doc)) + "\n";

    public static IEnumerable<string> Lines(LegalDocument doc)
    {
        if (doc.Title.Length > 0) yield return doc.Title;
        foreach (var h in doc.History) yield return $"（{h}）";
        if (doc.PreambleHeaded) yield return "序言";
        foreach (var p in doc.Preamble) yield return p;
        foreach (var n in doc.Body)
            foreach (var l in LinesOf(n))
                yield return l;
        foreach (var a in doc.Appendices)
        {
            yield return a.Heading;
            foreach (var l in a.Lines) yield return l;
        }
    }

    /// <summary>The lines of one node and everything under it: "第十条 …" for an article's first paragraph, "（一）…" for an item.</summary>
    public static IEnumerable<string> LinesOf(LegalNode node)
    {
        if (node.Kind == LegalUnitKind.Article)
        {
            var first = true;
            foreach (var c in node.Children)
            {
                foreach (var l in LinesOf(c))
                {
                    yield return first ? (l.Length == 0 ? node.Label : $"{node.Label} {l}") : l;
                    first = false;
                }
            }
            if (first) yield return node.Label;
            yield break;
        }
        yield return LegalNumbering.LineOf(node);
        foreach (var c in node.Children)
            foreach (var l in LinesOf(c))
                yield return l;
    }
}
