using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml.Linq;
using Renda.Web.Platform.LegalText;

namespace Renda.Web.Features.Legislation;

/// <summary>One unit of a version as pages and the API show it, in reading order, with its nesting depth.</summary>
public sealed record ProvisionView(string NodeId, LegalUnitKind Kind, int Depth, string Label, string? Heading, string Text, int Comments);

/// <summary>
/// The bill module's use of the legal-text core (Platform/LegalText): parsing pasted text and DOCX, storing a document with
/// its node ids, structural edits, plain text and Akoma Ntoso. Nothing here parses or numbers text itself.
/// </summary>
public static class BillText
{
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Pasted text → document; refused (400, field "text") with every fault and its line, as the core reports them.</summary>
    public static LegalDocument Parse(string text) => Checked(() => LegalTextParser.ParsePlain(text));

    public static LegalDocument ParseLines(IReadOnlyList<string> lines) => Checked(() => LegalTextParser.ParseLines(lines));

    private static LegalDocument Checked(Func<LegalDocument> parse)
    {
        LegalDocument doc;
        try
        {
            doc = parse();
        }
        catch (LegalTextException e)
        {
            throw DomainException.Invalid("text", "文本不能识别为法规条文：" + e.Message);
        }
        if (!doc.HasArticles) throw DomainException.Invalid("text", "文本中没有条文（应以“第一条”开始逐条书写）。");
        return doc;
    }

    /// <summary>The paragraphs of an uploaded Word file; anything else is refused by the core (400, field "file").</summary>
    public static IReadOnlyList<string> DocxLines(Stream docx) => Platform.LegalText.DocxLines.Read(docx);

    // ---- storage ----

    private sealed record NodeDto(LegalUnitKind K, string Id, int N, int S, string? H, string? T, List<NodeDto>? C);
    private sealed record AppendixDto(string Id, string Heading, List<string> Lines);
    private sealed record DocDto(string Title, List<string> History, List<string> Preamble, bool PreambleHeaded, int First, List<NodeDto> Body, List<AppendixDto> Appendices);

    public static string ToJson(LegalDocument doc)
        => JsonSerializer.Serialize(new DocDto(doc.Title, doc.History, doc.Preamble, doc.PreambleHeaded, doc.FirstArticleNumber, doc.Body.Select(Dto).ToList(),
            doc.Appendices.Select(a => new AppendixDto(a.Id, a.Heading, a.Lines)).ToList()), Json);

    private static NodeDto Dto(LegalNode n)
        => new(n.Kind, n.Id, n.Number, n.Suffix, n.Heading, n.Text.Length == 0 ? null : n.Text, n.Children.Count == 0 ? null : n.Children.Select(Dto).ToList());

    public static LegalDocument FromJson(string json)
    {
        var dto = JsonSerializer.Deserialize<DocDto>(json, Json) ?? throw new InvalidOperationException("empty bill document");
        var doc = new LegalDocument { Title = dto.Title, PreambleHeaded = dto.PreambleHeaded, FirstArticleNumber = dto.First };
        doc.History.AddRange(dto.History);
        doc.Preamble.AddRange(dto.Preamble);
        doc.Body.AddRange(dto.Body.Select(Node));
        foreach (var a in dto.Appendices)
        {
            var appendix = new LegalAppendix { Id = a.Id, Heading = a.Heading };
            appendix.Lines.AddRange(a.Lines);
            doc.Appendices.Add(appendix);
        }
        return doc;
    }

    private static LegalNode Node(NodeDto d)
    {
        var n = new LegalNode(d.K, d.Id) { Number = d.N, Suffix = d.S, Heading = d.H, Text = d.T ?? "" };
        if (d.C is { } children) n.Children.AddRange(children.Select(Node));
        return n;
    }

    // ---- reading ----

    /// <summary>An article's wording without its 第N条 label, one paragraph a line: what comparisons and comment forms show.</summary>
    public static string ArticleText(LegalNode article)
    {
        var lines = LegalTextWriter.LinesOf(article).ToList();
        if (lines.Count > 0 && lines[0].StartsWith(article.Label, StringComparison.Ordinal)) lines[0] = lines[0][article.Label.Length..].TrimStart();
        return string.Join("\n", lines);
    }

    /// <summary>What a comparison aligns, in reading order: the headings of divisions (编/分编/章/节) and the articles.</summary>
    public static List<ComparedArticle> ComparedUnits(LegalDocument doc)
        => doc.Nodes().Where(n => n.IsDivision || n.Kind == LegalUnitKind.Article)
            .Select(n => n.IsDivision
                ? new ComparedArticle(n.Id, n.Number, n.Label, n.Heading is { } h && h != n.Label ? h : "", Division: true)
                : new ComparedArticle(n.Id, n.Number, n.Label, ArticleText(n))).ToList();

    /// <summary>Divisions and articles in reading order (paragraphs and items are inside an article's text).</summary>
    public static List<ProvisionView> Provisions(LegalDocument doc, IReadOnlyDictionary<string, int>? comments = null)
    {
        var list = new List<ProvisionView>();
        void Walk(IEnumerable<LegalNode> nodes, int depth)
        {
            foreach (var n in nodes)
            {
                if (n.IsDivision)
                {
                    list.Add(new ProvisionView(n.Id, n.Kind, depth, n.Label, n.Heading, "", 0));
                    Walk(n.Children, depth + 1);
                }
                else if (n.Kind == LegalUnitKind.Article)
                    list.Add(new ProvisionView(n.Id, n.Kind, depth, n.Label, null, ArticleText(n), comments?.GetValueOrDefault(n.Id) ?? 0));
                else
                    list.Add(new ProvisionView(n.Id, n.Kind, depth, n.Label, n.Heading, n.Text, 0));
            }
        }
        Walk(doc.Body, 0);
        return list;
    }

    public static string PlainText(LegalDocument doc) => LegalTextWriter.ToPlainText(doc);

    public static XDocument Akn(LegalDocument doc, AknIdentity identity, DateOnly generated) => AkomaNtosoWriter.Write(doc, identity, generated);

    // ---- structural edits (the core renumbers after each) ----

    public static LegalNode NewArticle(string text) => Edit(() => LegalTextEdits.NewArticle(text), "text");

    /// <summary>Runs a core edit; an impossible one (an article inside an article, an unknown id) is refused as bad input.</summary>
    public static T Edit<T>(Func<T> edit, string field)
    {
        try
        {
            return edit();
        }
        catch (KeyNotFoundException)
        {
            throw DomainException.Invalid(field, "该版本中没有这一条（或章、节）。");
        }
        catch (InvalidOperationException e)
        {
            throw DomainException.Invalid(field, e.Message + "。");
        }
        catch (LegalTextException e)
        {
            throw DomainException.Invalid(field, e.Message);
        }
    }
}
