using System.Text.RegularExpressions;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Platform.LegalText;

/// <summary>
/// Reads a Chinese legal text into a <see cref="LegalDocument"/>: plain text (pasted, or the paragraphs of a DOCX) and the
/// Markdown of the national laws collection (# title, history lines, &lt;!-- INFO END --&gt;, ## 第一章, ### 第一节, 第一条 …).
/// Every fault is collected with its line; nothing is guessed silently: a text without articles, a duplicate or skipped
/// article, chapter or section number is an error — unless the text is read as published (<c>asPublished</c>, the laws
/// import): then a number that is missing, skipped or repeated in the source is kept as printed and reported in
/// <see cref="LegalDocument.Faults"/>, and only a duplicate article number, which makes a reference to it ambiguous, is refused.
/// A table of contents before the body (the headings listed, then the first of them again) is recognised and skipped.
/// </summary>
public static partial class LegalTextParser
{
    private const string Numeral = "[零〇一二两三四五六七八九十百千]+";

    // 笫 for 第 is a common typing slip in published texts (农民专业合作社法 has "笫五十四条"): the article is still an article.
    [GeneratedRegex($@"^[第笫]({Numeral})条(?:之([一二三四五六七八九十]+))?(?:\s+(.*))?$")]
    private static partial Regex ArticleLine();

    // In plain text a heading is not a sentence: "第七节相应改为第八节，……。" in an amendment is wording.
    // A heading with a comma or a full stop must be set off by a space: "第三章 审查和批准决算，听取……" or "第五节 生活、卫生。".
    [GeneratedRegex($@"^第({Numeral})(编|分编|章|节)(?:\s+(?<h>[^。；;]{{0,60}}。?)|(?<h>[^，。；;,]{{0,60}}))?$")]
    private static partial Regex DivisionLine();

    // A Markdown heading says it is one: anything may follow the number.
    [GeneratedRegex($@"^第({Numeral})(编|分编|章|节)(?:\s*(?<h>.*))?$")]
    private static partial Regex DivisionHeading();

    [GeneratedRegex(@"^[（(]([一二三四五六七八九十]+)[）)]\s*(.*)$")]
    private static partial Regex ItemLine();

    [GeneratedRegex(@"^([0-9０-９]{1,2})[.．、]\s*(.*)$")]
    private static partial Regex SubitemLine();

    [GeneratedRegex(@"^#{1,6}\s+(.*)$")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>Plain text: the title on the first line, history lines in brackets （…） under it, then the body.</summary>
    public static LegalDocument ParsePlain(string text, bool asPublished = false) => ParseLines(SplitLines(text), asPublished);

    /// <summary>Plain text given as paragraphs (the paragraphs of a Word document, in order).</summary>
    /// <remarks>
    /// A text typed or uploaded by staff (a bill) is read strictly. With <paramref name="asPublished"/> (a text as its
    /// publisher printed it) numbering faults other than a duplicate article are kept in <see cref="LegalDocument.Faults"/>
    /// instead of refusing the text. Other faults are never tolerated.
    /// </remarks>
    public static LegalDocument ParseLines(IEnumerable<string> lines, bool asPublished = false)
    {
        var source = lines.Select((l, i) => new SourceLine(i + 1, Clean(l), false)).ToList();
        var doc = new LegalDocument();
        var i = 0;
        while (i < source.Count && source[i].Text.Length == 0) i++;
        if (i < source.Count && !IsBodyLine(source[i].Text))
        {
            doc.Title = source[i].Text;
            i++;
            for (; i < source.Count; i++)
            {
                var t = source[i].Text;
                if (t.Length == 0) continue;
                if (t.Length >= 2 && t[0] is '（' or '(' && t[^1] is '）' or ')' && !ItemLine().IsMatch(t)) doc.History.Add(t[1..^1].Trim());
                else break;
            }
        }
        new Builder(doc, markdown: false, allowUnstructured: false, asPublished).Run(source.Skip(i).ToList());
        return doc;
    }

    /// <summary>
    /// The Markdown of the laws collection. With <paramref name="allowUnstructured"/> a text that has no 第一条 at all (some
    /// decisions, criminal-law amendments written as 一、二、, a technical standard) is kept as unnumbered blocks instead of being
    /// refused; a text with no body at all is refused either way.
    /// </summary>
    public static LegalDocument ParseMarkdown(string text, bool allowUnstructured = false, bool asPublished = false)
    {
        var raw = SplitLines(text);
        var source = raw.Select((l, i) => new SourceLine(i + 1, Clean(l), false)).ToList();
        var doc = new LegalDocument();
        var end = source.FindIndex(l => l.Text == "<!-- INFO END -->");
        var titles = new List<string>();
        var bodyStart = 0;
        if (end >= 0)
        {
            foreach (var l in source.Take(end))
            {
                if (l.Text.Length == 0) continue;
                var h = MarkdownHeading().Match(l.Text);
                if (h.Success && h.Value.StartsWith("# ", StringComparison.Ordinal)) titles.Add(h.Groups[1].Value.Trim());
                else doc.History.Add(h.Success ? h.Groups[1].Value.Trim() : l.Text);
            }
            bodyStart = end + 1;
        }
        else
        {
            var first = source.FindIndex(l => l.Text.StartsWith("# ", StringComparison.Ordinal));
            if (first >= 0)
            {
                titles.Add(source[first].Text[2..].Trim());
                bodyStart = first + 1;
            }
        }
        doc.Title = string.Join(" ", titles);
        var body = source.Skip(bodyStart).Select(l =>
        {
            var h = MarkdownHeading().Match(l.Text);
            return h.Success ? l with { Text = h.Groups[1].Value.Trim(), IsHeading = true } : l;
        }).ToList();
        new Builder(doc, markdown: true, allowUnstructured, asPublished).Run(body);
        return doc;
    }

    /// <summary>Whether a line is a heading of the body (an article, a division, 序言, 目录) rather than a title.</summary>
    private static bool IsBodyLine(string t) =>
        ArticleLine().IsMatch(t) || DivisionLine().IsMatch(t) || Compact(t) is "序言" or "目录";

    private static List<string> SplitLines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').ToList();

    /// <summary>Trims ordinary and full-width spaces (U+3000, used to indent paragraphs in official texts) and the BOM.</summary>
    private static string Clean(string line)
    {
        // Zero-width spaces and joiners come with text copied from web pages; they are invisible and carry nothing.
        if (line.AsSpan().IndexOfAny('\u200b', '\u200c', '\u200d') >= 0 || line.Contains('\ufeff'))
            line = line.Replace("\u200b", "", StringComparison.Ordinal).Replace("\u200c", "", StringComparison.Ordinal)
                .Replace("\u200d", "", StringComparison.Ordinal).Replace("\ufeff", "", StringComparison.Ordinal);
        return line.Trim().Trim('\u3000', '\u00a0').Trim();
    }

    private static string Compact(string s) => Spaces().Replace(s, "");

    private sealed record SourceLine(int Number, string Text, bool IsHeading);

    private sealed class Builder(LegalDocument doc, bool markdown, bool allowUnstructured, bool asPublished)
    {
        private readonly List<LegalTextError> _errors = [];
        private readonly List<LegalNode> _divisions = []; // open divisions, outermost first
        private readonly Dictionary<string, int> _lastDivisionNumber = []; // by scope key: kind + containing node id
        private readonly Dictionary<string, int> _divisionLine = []; // first line of each (scope, number)
        private readonly Dictionary<(int, int), int> _articleLine = [];
        private LegalNode? _article, _paragraph, _item;
        private LegalAppendix? _appendix;
        private LegalNode? _lastArticle;
        private bool _quoting;
        private int _lastChapterInText;
        private string _previousLine = "", _currentLine = "";
        private LegalUnitKind? _outermostKind;

        public void Run(List<SourceLine> lines)
        {
            var content = lines.Where(l => l.Text.Length > 0).ToList();
            if (content.Count == 0)
            {
                Throw([new LegalTextError(lines.Count > 0 ? lines[^1].Number : 0, "", "没有正文：文本中没有任何条文")]);
                return;
            }
            if (!content.Any(l => ArticleLine().IsMatch(l.Text)))
            {
                if (!allowUnstructured)
                    Throw([new LegalTextError(content[0].Number, content[0].Text, "没有条文：文本中找不到“第一条”这样的条文")]);
                foreach (var l in content)
                    doc.Body.Add(new LegalNode(LegalUnitKind.Text) { Number = doc.Body.Count + 1, Heading = l.IsHeading ? l.Text : null, Text = l.IsHeading ? "" : l.Text });
                return;
            }

            if (markdown) content = WithoutTableOfContents(content);
            string? tocFirst = null;
            var inToc = false;
            foreach (var l in content)
            {
                var t = l.Text;
                _previousLine = _currentLine;
                _currentLine = t;
                if (inToc)
                {
                    var isTocEntry = DivisionLine().IsMatch(t) || Compact(t) is "附则" or "序言";
                    if (isTocEntry && tocFirst is null) { tocFirst = Compact(t); continue; }
                    if (isTocEntry && Compact(t) != tocFirst) continue;
                    inToc = false;
                }
                if (_appendix is not null)
                {
                    if (IsAppendixHeading(l)) StartAppendix(t);
                    else _appendix.Lines.Add(t);
                    continue;
                }
                if (!markdown && Compact(t) == "目录" && _article is null) { inToc = true; continue; }
                if (Compact(t) == "序言" && _article is null && _divisions.Count == 0)
                {
                    doc.PreambleHeaded = true;
                    continue;
                }
                var division = l.IsHeading ? DivisionHeading().Match(t) : DivisionLine().Match(t);
                if (division.Success)
                {
                    // In Markdown only a heading is a division; a division line in the wording may still open a quotation.
                    var quoted = QuotesDivision(l);
                    if (l.IsHeading || (!markdown && !quoted))
                    {
                        OpenDivision(l, division);
                        continue;
                    }
                }
                if (Compact(t) == "附则" && (_article is not null || _divisions.Count > 0))
                {
                    OpenUnnumberedDivision(t);
                    continue;
                }
                if (IsAppendixHeading(l) && _article is not null)
                {
                    StartAppendix(t);
                    continue;
                }
                if (l.IsHeading && _article is not null)
                {
                    // Not a division, 附则 or appendix: refusing is better than filing the articles after it somewhere wrong.
                    _errors.Add(new LegalTextError(l.Number, t, "无法识别的标题：既不是编、章、节，也不是附则或附件"));
                    continue;
                }
                var article = ArticleLine().Match(t);
                if (article.Success && IsQuoted(article))
                {
                    _paragraph = new LegalNode(LegalUnitKind.Paragraph) { Number = _article!.Children.Count + 1, Text = t };
                    _article.Children.Add(_paragraph);
                    _item = null;
                    continue;
                }
                if (article.Success)
                {
                    _quoting = false;
                    OpenArticle(l, article);
                    continue;
                }
                if (_article is null)
                {
                    if (_divisions.Count > 0)
                        _errors.Add(new LegalTextError(l.Number, t, "章节标题之后、第一条之前的文字无法归入条文"));
                    else
                        doc.Preamble.Add(t);
                    continue;
                }
                var item = ItemLine().Match(t);
                if (item.Success && !l.IsHeading)
                {
                    _item = new LegalNode(LegalUnitKind.Item) { Number = ChineseNumerals.Parse(item.Groups[1].Value), Text = item.Groups[2].Value };
                    _paragraph!.Children.Add(_item);
                    continue;
                }
                var sub = SubitemLine().Match(t);
                if (sub.Success && _item is not null && !l.IsHeading)
                {
                    var digits = new string(sub.Groups[1].Value.Select(c => c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c).ToArray());
                    _item.Children.Add(new LegalNode(LegalUnitKind.Subitem) { Number = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture), Text = sub.Groups[2].Value });
                    continue;
                }
                _paragraph = new LegalNode(LegalUnitKind.Paragraph) { Number = _article.Children.Count + 1, Text = t };
                _article.Children.Add(_paragraph);
                _item = null;
            }
            if (_errors.Count > 0) Throw(_errors);
        }

        /// <summary>
        /// An amendment quotes the articles it adds ("增加五条，……：" followed by "第一百二十三条 ……"): an article line that does not
        /// continue the numbering, right after a paragraph ending in a colon (or after such quoted lines), is wording, not an article.
        /// </summary>
        private bool IsQuoted(Match article)
        {
            if (_article is null || _lastArticle is null) return false;
            if (!ChineseNumerals.TryParse(article.Groups[1].Value, out var n)) return false;
            var suffix = article.Groups[2].Success && ChineseNumerals.TryParse(article.Groups[2].Value, out var s) ? s : 0;
            var continues = (n == _lastArticle.Number + 1 && suffix == 0) || (n == _lastArticle.Number && suffix == _lastArticle.Suffix + 1);
            if (continues) return false;
            _quoting = _quoting || EndsWithColon(_previousLine);
            return _quoting;
        }

        /// <summary>A division line inside an amendment's quotation ("增加一节：" then "第七节 监察委员会") is wording too.</summary>
        private bool QuotesDivision(SourceLine l)
        {
            if (l.IsHeading || _article is null) return false;
            _quoting = _quoting || EndsWithColon(_previousLine);
            return _quoting;
        }

        private static bool EndsWithColon(string line) => line.EndsWith('：') || line.EndsWith("：“", StringComparison.Ordinal);

        private bool IsAppendixHeading(SourceLine l)
        {
            if (markdown && l.IsHeading)
                return !DivisionHeading().IsMatch(l.Text) && Compact(l.Text) != "附则" && _article is not null && l.Text.StartsWith('附');
            var c = Compact(l.Text);
            return c.Length <= 30 && !c.Contains('。')
                   && (c.StartsWith("附件", StringComparison.Ordinal) || c.StartsWith("附表", StringComparison.Ordinal) || c.StartsWith("附录", StringComparison.Ordinal)
                       || c is "附：" or "附:");
        }

        private void StartAppendix(string heading)
        {
            _appendix = new LegalAppendix { Heading = heading };
            doc.Appendices.Add(_appendix);
        }

        private void OpenDivision(SourceLine l, Match m)
        {
            var kind = m.Groups[2].Value switch { "编" => LegalUnitKind.Book, "分编" => LegalUnitKind.Part, "章" => LegalUnitKind.Chapter, _ => LegalUnitKind.Section };
            if (!ChineseNumerals.TryParse(m.Groups[1].Value, out var number))
            {
                _errors.Add(new LegalTextError(l.Number, l.Text, $"“{m.Groups[1].Value}”不是正确的中文数字"));
                return;
            }
            var node = new LegalNode(kind) { Number = number, Heading = m.Groups["h"].Value.Trim() };
            Place(node);
            // Chapters are numbered within their book (through its parts), parts within their book, sections within their chapter.
            var scopeKind = kind switch { LegalUnitKind.Section => LegalUnitKind.Chapter, LegalUnitKind.Book => (LegalUnitKind?)null, _ => LegalUnitKind.Book };
            var scope = scopeKind is null ? null : _divisions.LastOrDefault(d => d.Kind == scopeKind && d != node);
            // Some codes number chapters within each book (刑法), others through the whole text (民事诉讼法): the first
            // chapter of a later book that continues the text's numbering shows the second way.
            if (kind == LegalUnitKind.Chapter && scope is not null && number != 1 && number == _lastChapterInText + 1
                && !_lastDivisionNumber.ContainsKey($"{kind}/{scope.Id}") && !doc.ChaptersThroughText)
            {
                doc.ChaptersThroughText = true;
                _lastDivisionNumber[$"{kind}/"] = _lastChapterInText;
            }
            if (kind == LegalUnitKind.Chapter && doc.ChaptersThroughText) scope = null;
            if (kind == LegalUnitKind.Chapter) _lastChapterInText = number;
            var key = $"{kind}/{scope?.Id}";
            var label = node.Label;
            if (_divisionLine.TryGetValue($"{key}/{number}", out var firstLine))
                Numbering(new LegalTextError(l.Number, l.Text, $"{label}重复（第{firstLine}行已有{label}）"));
            else
            {
                var last = _lastDivisionNumber.GetValueOrDefault(key);
                if (number != last + 1)
                    Numbering(new LegalTextError(l.Number, l.Text, last == 0
                        ? $"序号不连续：第一个{Unit(kind)}是{label}"
                        : $"序号不连续：第{ChineseNumerals.Of(last)}{Unit(kind)}之后是{label}"));
                _divisionLine[$"{key}/{number}"] = l.Number;
            }
            _lastDivisionNumber[key] = number;
        }

        private static string Unit(LegalUnitKind k) => k switch
        {
            LegalUnitKind.Book => "编",
            LegalUnitKind.Part => "分编",
            LegalUnitKind.Chapter => "章",
            LegalUnitKind.Section => "节",
            _ => "",
        };

        /// <summary>附则 as a heading of its own: at the level of the outermost division the text uses (a chapter when it has none).</summary>
        private void OpenUnnumberedDivision(string heading) =>
            Place(new LegalNode(_outermostKind ?? LegalUnitKind.Chapter) { Number = 0, Heading = heading });

        private void Place(LegalNode node)
        {
            while (_divisions.Count > 0 && _divisions[^1].Kind >= node.Kind) _divisions.RemoveAt(_divisions.Count - 1);
            if (_divisions.Count > 0) _divisions[^1].Children.Add(node);
            else doc.Body.Add(node);
            _divisions.Add(node);
            if (_outermostKind is null || node.Kind < _outermostKind) _outermostKind = node.Kind;
            _paragraph = null;
            _item = null;
        }

        private void OpenArticle(SourceLine l, Match m)
        {
            if (!ChineseNumerals.TryParse(m.Groups[1].Value, out var number) || (m.Groups[2].Success && !ChineseNumerals.TryParse(m.Groups[2].Value, out _)))
            {
                _errors.Add(new LegalTextError(l.Number, l.Text, $"“{m.Groups[1].Value}”不是正确的中文数字"));
                return;
            }
            var suffix = m.Groups[2].Success ? ChineseNumerals.Parse(m.Groups[2].Value) : 0;
            var node = new LegalNode(LegalUnitKind.Article) { Number = number, Suffix = suffix };
            var label = node.Label;
            var previous = _lastArticle;
            if (_articleLine.TryGetValue((number, suffix), out var firstLine))
                Numbering(new LegalTextError(l.Number, l.Text, $"条文序号重复：{label}（第{firstLine}行已有{label}）"), ambiguous: true);
            else
            {
                if (previous is null)
                {
                    if (suffix != 0) Numbering(new LegalTextError(l.Number, l.Text, $"第一个条文不能是{label}"));
                    doc.FirstArticleNumber = number;
                }
                else if (!(number == previous.Number + 1 && suffix == 0) && !(number == previous.Number && suffix == previous.Suffix + 1))
                    Numbering(new LegalTextError(l.Number, l.Text, $"条文序号不连续：{previous.Label}之后是{label}"));
                _articleLine[(number, suffix)] = l.Number;
            }
            if (_divisions.Count > 0) _divisions[^1].Children.Add(node);
            else doc.Body.Add(node);
            _article = _lastArticle = node;
            _paragraph = new LegalNode(LegalUnitKind.Paragraph) { Number = 1, Text = m.Groups[3].Success ? m.Groups[3].Value.Trim() : "" };
            node.Children.Add(_paragraph);
            _item = null;
        }

        /// <summary>
        /// A numbering fault: refused in a text being drafted; in a published text kept as printed and reported, unless it
        /// makes a reference ambiguous (two articles with one number).
        /// </summary>
        private void Numbering(LegalTextError e, bool ambiguous = false)
        {
            if (asPublished && !ambiguous) doc.Faults.Add(e);
            else _errors.Add(e);
        }

        /// <summary>
        /// A table of contents printed before the body as headings (## 第一章 总 则 … ## 第六章 附 则, then ## 第一章 总 则 again
        /// with the articles): a run of headings before the first article in which the first one comes again. The run up
        /// to that repeat (and a 目录 line before it) is dropped; it lists what the body's own headings say.
        /// </summary>
        private static List<SourceLine> WithoutTableOfContents(List<SourceLine> content)
        {
            var start = content.FindIndex(l => l.IsHeading && DivisionHeading().IsMatch(l.Text));
            if (start < 0 || content.Take(start).Any(l => ArticleLine().IsMatch(l.Text))) return content;
            var first = EntryKey(content[start]);
            for (var i = start + 1; i < content.Count && EntryKey(content[i]) is { } key; i++)
            {
                if (key != first) continue;
                var from = start > 0 && Compact(content[start - 1].Text) == "目录" ? start - 1 : start;
                return [.. content.Take(from), .. content.Skip(i)];
            }
            return content;
        }

        /// <summary>What a table-of-contents line names ("章/1", "附则"), or null for a line that cannot be one.</summary>
        private static string? EntryKey(SourceLine l)
        {
            var m = l.IsHeading ? DivisionHeading().Match(l.Text) : DivisionLine().Match(l.Text);
            if (m.Success) return $"{m.Groups[2].Value}/{(ChineseNumerals.TryParse(m.Groups[1].Value, out var n) ? n : -1)}";
            return Compact(l.Text) is "附则" or "序言" ? Compact(l.Text) : null;
        }

        private static void Throw(IReadOnlyList<LegalTextError> errors) => throw new LegalTextException(errors);
    }
}
