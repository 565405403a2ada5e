namespace Renda.Web.Platform.LegalText;

/// <summary>The levels of a Chinese legal text, outermost first. <see cref="Text"/> is an unnumbered block of a text that is not divided into articles.</summary>
public enum LegalUnitKind
{
    Book = 1,        // 编
    Part,        // 分编
    Chapter,     // 章
    Section,     // 节
    Article,     // 条
    Paragraph,   // 款
    Item,        // 项 （一）
    Subitem,     // 目 1.
    Text,        // a block of a text without articles (some decisions and amendments are written as 一、二、 or as prose)
}

/// <summary>
/// A structured legal text. Mutable on purpose: the structural edits in <see cref="LegalTextEdits"/> change it in place
/// and then renumber. Node ids (<see cref="LegalNode.Id"/>) are what callers keep across versions; numbers change.
/// </summary>
public sealed class LegalDocument
{
    public string Title { get; set; } = "";

    /// <summary>Adoption and amendment lines (e.g. "2000年3月15日 第九届全国人民代表大会第三次会议通过"), in order.</summary>
    public List<string> History { get; } = [];

    /// <summary>Paragraphs of the 序言 or of recitals before the first article; empty when there is none.</summary>
    public List<string> Preamble { get; } = [];

    /// <summary>Whether the preamble was headed "序言" (a constitution) rather than being untitled introductory text.</summary>
    public bool PreambleHeaded { get; set; }

    /// <summary>
    /// The number of the first article. 1 for a law; a code published by parts (民法典 合同编 starts at 第四百六十三条)
    /// and constitutional amendments (continuing the numbering of earlier amendments) start further on.
    /// </summary>
    public int FirstArticleNumber { get; set; } = 1;

    /// <summary>
    /// Chapters numbered through the whole text across its books (民事诉讼法: 第二编 starts at 第十二章) rather than
    /// afresh in each book (刑法). The parser sets it when the text shows it; renumbering keeps to it.
    /// </summary>
    public bool ChaptersThroughText { get; set; }

    /// <summary>Top-level nodes: divisions (编/分编/章/节), or articles when the text has no divisions, or <see cref="LegalUnitKind.Text"/> blocks.</summary>
    public List<LegalNode> Body { get; } = [];

    /// <summary>Appendices after the articles (附件, tables), kept as lines.</summary>
    public List<LegalAppendix> Appendices { get; } = [];

    /// <summary>Numbering faults of a published text, kept as printed when it is read as published (see <see cref="LegalTextParser.ParseLines"/>).</summary>
    public List<LegalTextError> Faults { get; } = [];

    /// <summary>True when the body is divided into articles (第一条 …); false for a text of unnumbered blocks.</summary>
    public bool HasArticles => Articles().Any();

    /// <summary>Every node in document order (depth first).</summary>
    public IEnumerable<LegalNode> Nodes() => Body.SelectMany(n => n.SelfAndDescendants());

    /// <summary>Every article in document order.</summary>
    public IEnumerable<LegalNode> Articles() => Nodes().Where(n => n.Kind == LegalUnitKind.Article);

    public LegalNode? Find(string id) => Nodes().FirstOrDefault(n => n.Id == id);

    /// <summary>The parent of a node (null for a top-level node).</summary>
    public LegalNode? ParentOf(LegalNode node) => Nodes().FirstOrDefault(n => n.Children.Contains(node));

    /// <summary>The divisions (编/分编/章/节) that contain a node, outermost first.</summary>
    public IReadOnlyList<LegalNode> PathOf(LegalNode node)
    {
        var path = new List<LegalNode>();
        for (var p = ParentOf(node); p is not null; p = ParentOf(p)) path.Insert(0, p);
        return path;
    }

    /// <summary>Same text and structure as another document, ignoring node ids.</summary>
    public bool SameTextAs(LegalDocument other) =>
        Title == other.Title && History.SequenceEqual(other.History) && Preamble.SequenceEqual(other.Preamble)
        && PreambleHeaded == other.PreambleHeaded && FirstArticleNumber == other.FirstArticleNumber && ChaptersThroughText == other.ChaptersThroughText
        && Body.Count == other.Body.Count && Body.Zip(other.Body).All(p => p.First.SameTextAs(p.Second))
        && Appendices.Count == other.Appendices.Count
        && Appendices.Zip(other.Appendices).All(p => p.First.Heading == p.Second.Heading && p.First.Lines.SequenceEqual(p.Second.Lines));
}

/// <summary>
/// One unit of a legal text. <see cref="Number"/> is its number at its level (article numbers run through the whole text;
/// chapters within their book or the text; sections within their chapter; paragraphs, items and subitems within their
/// parent), 0 for an unnumbered division such as 附则. <see cref="Suffix"/> is N of 第一百二十条之N (articles inserted
/// into a code without renumbering it).
/// </summary>
public sealed class LegalNode
{
    public LegalNode(LegalUnitKind kind, string? id = null)
    {
        Kind = kind;
        Id = id ?? NewId();
    }

    public string Id { get; set; }
    public LegalUnitKind Kind { get; }
    public int Number { get; set; }
    public int Suffix { get; set; }

    /// <summary>The heading of a division ("总则"), of a <see cref="LegalUnitKind.Text"/> heading block; null otherwise.</summary>
    public string? Heading { get; set; }

    /// <summary>The wording of a paragraph, item, subitem or text block (without its （一）/1. mark); an article's wording is in its paragraphs.</summary>
    public string Text { get; set; } = "";

    public List<LegalNode> Children { get; } = [];

    public bool IsDivision => Kind is LegalUnitKind.Book or LegalUnitKind.Part or LegalUnitKind.Chapter or LegalUnitKind.Section;

    /// <summary>The number as written: 第十条, 第一百二十条之一, 第二章, （三）, 2. ; 附则 for an unnumbered division; "" for a paragraph or text block.</summary>
    public string Label => LegalNumbering.Label(this);

    /// <summary>The whole wording of the node and its descendants, one paragraph a line (for search and display).</summary>
    public string FullText => string.Join("\n", LegalTextWriter.LinesOf(this));

    public IEnumerable<LegalNode> SelfAndDescendants()
    {
        yield return this;
        foreach (var c in Children)
            foreach (var d in c.SelfAndDescendants())
                yield return d;
    }

    public bool SameTextAs(LegalNode other) =>
        Kind == other.Kind && Number == other.Number && Suffix == other.Suffix && Heading == other.Heading && Text == other.Text
        && Children.Count == other.Children.Count && Children.Zip(other.Children).All(p => p.First.SameTextAs(p.Second));

    /// <summary>A short random id (12 hex digits): unique enough within a text and its versions, short enough for URLs and XML.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N")[..12];

    public override string ToString() => $"{Kind} {Label} {Heading ?? Text}";
}

/// <summary>An appendix (附件一, 附表) after the articles: its heading and its lines as they are.</summary>
public sealed class LegalAppendix
{
    public string Id { get; set; } = LegalNode.NewId();
    public string Heading { get; set; } = "";
    public List<string> Lines { get; } = [];
}
