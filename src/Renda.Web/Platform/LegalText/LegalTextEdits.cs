namespace Renda.Web.Platform.LegalText;

/// <summary>
/// Structural edits of a legal text — insert, delete, move an article, chapter or section — each followed by
/// <see cref="LegalNumbering.Renumber"/>, so the numbers in Chinese numerals are right again. Nodes keep their ids.
/// A structurally impossible edit (an article inside an article, a chapter moved into itself) throws
/// <see cref="InvalidOperationException"/>; an unknown id throws <see cref="KeyNotFoundException"/>.
/// </summary>
public static class LegalTextEdits
{
    /// <summary>A new article from its wording: paragraphs one a line, items as （一）…, subitems as 1. … (no 第N条 needed).</summary>
    public static LegalNode NewArticle(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0) throw new InvalidOperationException("条文内容不能为空");
        var probe = LegalTextParser.ParseLines(["第一条 " + lines[0], .. lines.Skip(1)]);
        return probe.Articles().Single();
    }

    /// <summary>A new division (编/分编/章/节) with its heading and no content yet.</summary>
    public static LegalNode NewDivision(LegalUnitKind kind, string heading)
    {
        var node = new LegalNode(kind) { Number = 1, Heading = heading };
        if (!node.IsDivision) throw new InvalidOperationException($"{kind} 不是编、分编、章或节");
        return node;
    }

    /// <summary>Puts <paramref name="node"/> right after the node <paramref name="afterId"/>, among its siblings.</summary>
    public static LegalNode InsertAfter(LegalDocument doc, string afterId, LegalNode node)
    {
        var (siblings, index) = Locate(doc, afterId);
        return Insert(doc, siblings, index + 1, node, doc.ParentOf(siblings[index]));
    }

    /// <summary>Puts <paramref name="node"/> right before the node <paramref name="beforeId"/>.</summary>
    public static LegalNode InsertBefore(LegalDocument doc, string beforeId, LegalNode node)
    {
        var (siblings, index) = Locate(doc, beforeId);
        return Insert(doc, siblings, index, node, doc.ParentOf(siblings[index]));
    }

    /// <summary>Puts <paramref name="node"/> first inside the division <paramref name="parentId"/> (null: at the start of the body).</summary>
    public static LegalNode InsertFirst(LegalDocument doc, string? parentId, LegalNode node)
    {
        var parent = parentId is null ? null : doc.Find(parentId) ?? throw new KeyNotFoundException(parentId);
        return Insert(doc, parent?.Children ?? doc.Body, 0, node, parent);
    }

    /// <summary>Appends <paramref name="node"/> at the end of the division <paramref name="parentId"/> (null: at the end of the body).</summary>
    public static LegalNode InsertLast(LegalDocument doc, string? parentId, LegalNode node)
    {
        var parent = parentId is null ? null : doc.Find(parentId) ?? throw new KeyNotFoundException(parentId);
        var list = parent?.Children ?? doc.Body;
        return Insert(doc, list, list.Count, node, parent);
    }

    /// <summary>Removes a node (with everything in it) and renumbers.</summary>
    public static LegalNode Delete(LegalDocument doc, string id)
    {
        var (siblings, index) = Locate(doc, id);
        var node = siblings[index];
        siblings.RemoveAt(index);
        LegalNumbering.Renumber(doc);
        return node;
    }

    /// <summary>Moves a node to right after another one (which may be in another division) and renumbers.</summary>
    public static LegalNode MoveAfter(LegalDocument doc, string id, string afterId)
    {
        var node = doc.Find(id) ?? throw new KeyNotFoundException(id);
        if (node.SelfAndDescendants().Any(n => n.Id == afterId)) throw new InvalidOperationException("不能把一个单元移到它自身之中");
        var (siblings, index) = Locate(doc, id);
        var target = doc.Find(afterId) ?? throw new KeyNotFoundException(afterId);
        var targetParent = doc.ParentOf(target);
        CheckPlace(node, targetParent);
        siblings.RemoveAt(index);
        var list = targetParent?.Children ?? doc.Body;
        list.Insert(list.IndexOf(target) + 1, node);
        LegalNumbering.Renumber(doc);
        return node;
    }

    /// <summary>Moves a node to the start of a division (null: of the body) and renumbers.</summary>
    public static LegalNode MoveFirst(LegalDocument doc, string id, string? parentId)
    {
        var node = doc.Find(id) ?? throw new KeyNotFoundException(id);
        var parent = parentId is null ? null : doc.Find(parentId) ?? throw new KeyNotFoundException(parentId);
        if (parent is not null && node.SelfAndDescendants().Contains(parent)) throw new InvalidOperationException("不能把一个单元移到它自身之中");
        CheckPlace(node, parent);
        var (siblings, index) = Locate(doc, id);
        siblings.RemoveAt(index);
        (parent?.Children ?? doc.Body).Insert(0, node);
        LegalNumbering.Renumber(doc);
        return node;
    }

    private static LegalNode Insert(LegalDocument doc, List<LegalNode> list, int index, LegalNode node, LegalNode? parent)
    {
        CheckPlace(node, parent);
        if (doc.Nodes().Any(n => n.Id == node.Id)) throw new InvalidOperationException($"单元 {node.Id} 已在文本中");
        list.Insert(index, node);
        LegalNumbering.Renumber(doc);
        return node;
    }

    /// <summary>Divisions hold divisions of a lower level or articles; articles hold paragraphs; paragraphs items; items subitems.</summary>
    private static void CheckPlace(LegalNode node, LegalNode? parent)
    {
        var ok = node.Kind switch
        {
            LegalUnitKind.Book or LegalUnitKind.Part or LegalUnitKind.Chapter or LegalUnitKind.Section or LegalUnitKind.Article =>
                parent is null || (parent.IsDivision && parent.Kind < node.Kind),
            LegalUnitKind.Paragraph => parent?.Kind == LegalUnitKind.Article,
            LegalUnitKind.Item => parent?.Kind == LegalUnitKind.Paragraph,
            LegalUnitKind.Subitem => parent?.Kind == LegalUnitKind.Item,
            LegalUnitKind.Text => parent is null,
        };
        if (!ok) throw new InvalidOperationException($"{Describe(node)}不能放在{(parent is null ? "正文最外层" : Describe(parent))}之中");
    }

    private static string Describe(LegalNode n) => n.Kind switch
    {
        LegalUnitKind.Book => "编",
        LegalUnitKind.Part => "分编",
        LegalUnitKind.Chapter => "章",
        LegalUnitKind.Section => "节",
        LegalUnitKind.Article => "条",
        LegalUnitKind.Paragraph => "款",
        LegalUnitKind.Item => "项",
        LegalUnitKind.Subitem => "目",
        LegalUnitKind.Text => "文字段落",
    };

    private static (List<LegalNode> Siblings, int Index) Locate(LegalDocument doc, string id)
    {
        var node = doc.Find(id) ?? throw new KeyNotFoundException(id);
        var list = doc.ParentOf(node)?.Children ?? doc.Body;
        return (list, list.IndexOf(node));
    }
}
