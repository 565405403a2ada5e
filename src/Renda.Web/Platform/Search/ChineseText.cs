using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Renda.Web.Platform.Search;

/// <summary>A stretch of a text in UTF-16 offsets of the ORIGINAL string, as the UI needs for marking it.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>A passage two texts share: where it is in the first text and where in the second.</summary>
public sealed record Overlap(TextSpan InA, TextSpan InB);

/// <summary>
/// Chinese text as the search index sees it, in pure functions. No Chinese word segmenter is
/// obtainable here, so — as Lucene's CJKAnalyzer does — every run of CJK characters becomes
/// overlapping character bigrams (a lone CJK character stays a unigram) and everything else
/// becomes words of letters and digits. See docs/decisions/0005-chinese-similarity-index.md.
/// </summary>
public static class ChineseText
{
    /// <summary>Words longer than this are cut: a pasted URL or hash must not become a 2 KB lexeme (PostgreSQL refuses those).</summary>
    public const int MaxWordLength = 40;

    /// <summary>Leaves Chinese as it is (the default encoder would write every character as &amp;#x…;).</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// The text compared and indexed: full-width forms folded to half-width (and other
    /// compatibility forms by NFKC, so ＧＢ／Ｔ and GB/T are one), punctuation, symbols and
    /// whitespace removed, ASCII letters lower-cased.
    /// </summary>
    public static string Normalize(string text)
    {
        var n = Fold(text);
        return Text(n.Runes, 0, n.Runes.Length);
    }

    /// <summary>
    /// The tokens of a text, in order and with repeats: CJK bigrams ("冷湖天文" → 冷湖 湖天 天文), a lone
    /// CJK character as itself, and words of letters and digits ("G109国道" → g109 国道). Punctuation,
    /// whitespace and a change between CJK and other letters end a run, as in Lucene.
    /// </summary>
    public static IReadOnlyList<string> Tokenize(string text)
    {
        var n = Fold(text);
        var tokens = new List<string>(n.Runes.Length);
        Walk(n, (start, length) => tokens.Add(Text(n.Runes, start, length)));
        return tokens;
    }

    /// <summary>
    /// The tokens that every text containing <paramref name="text"/> (as a plain substring, as SQL's LIKE '%…%' finds
    /// it) has too, distinct, in order: so the texts that hold all of them in the index are a superset of those that
    /// contain it. That is every CJK bigram, and every word of letters and digits with something before and after it
    /// inside the text. Not a word at either end ("G10" may be part of "G109" in the longer text) nor a lone CJK
    /// character (in the longer text it may sit in a run, which is indexed as bigrams). Empty for a text without such
    /// tokens (one character, "2025-013"): then the index cannot narrow a search for it.
    /// </summary>
    public static IReadOnlyList<string> ContainedTokens(string text)
    {
        var n = Fold(text);
        var tokens = new List<string>();
        // The same runs as Walk. A run boundary inside the text (a change between CJK and other letters, or a removed
        // character such as a space) is a boundary at the same place in any text that contains it.
        var i = 0;
        while (i < n.Runes.Length)
        {
            var cjk = IsCjk(n.Runes[i]);
            var j = i + 1;
            while (j < n.Runes.Length && IsCjk(n.Runes[j]) == cjk && Adjacent(n, j)) j++;
            if (cjk)
                for (var k = i; k < j - 1; k++) tokens.Add(Text(n.Runes, k, 2));
            else if (i > 0 && j < n.Runes.Length)
                tokens.Add(Text(n.Runes, i, Math.Min(j - i, MaxWordLength)));
            i = j;
        }
        return tokens.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The tokens of a text counted by a 64-bit key instead of a string: the same multiset as
    /// <c>Count(Tokenize(text))</c> for <see cref="Similarity{TKey}"/>, without a string per token —
    /// the index rescores hundreds of texts per query. Unigrams and bigrams are packed exactly;
    /// longer words are hashed (FNV-1a, 62 bits: a collision is negligible and only nudges a score).
    /// </summary>
    public static Dictionary<long, int> CountKeys(string text)
    {
        var n = Fold(text);
        var counts = new Dictionary<long, int>(n.Runes.Length);
        Walk(n, (start, length) =>
        {
            long key;
            if (length <= 2)
                key = ((long)length << 62) | ((long)n.Runes[start] << 21) | (uint)(length == 2 ? n.Runes[start + 1] : 0);
            else
            {
                var hash = 14695981039346656037UL;
                for (var k = start; k < start + length; k++) hash = unchecked((hash ^ (uint)n.Runes[k]) * 1099511628211UL);
                key = (long)(hash >> 2);
            }
            counts[key] = counts.GetValueOrDefault(key) + 1;
        });
        return counts;
    }

    /// <summary>Runs of CJK (bigrams, or a lone unigram) and of other letters and digits (one word each), as (start, length) in runes.</summary>
    private static void Walk(Folded n, Action<int, int> token)
    {
        var i = 0;
        while (i < n.Runes.Length)
        {
            var cjk = IsCjk(n.Runes[i]);
            var j = i + 1;
            while (j < n.Runes.Length && IsCjk(n.Runes[j]) == cjk && Adjacent(n, j)) j++;
            if (!cjk)
                token(i, Math.Min(j - i, MaxWordLength));
            else if (j - i == 1)
                token(i, 1);
            else
                for (var k = i; k < j - 1; k++) token(k, 2);
            i = j;
        }
    }

    /// <summary>
    /// How alike two texts are, 0 to 1: the Dice coefficient over their token multisets,
    /// 2·|A∩B| / (|A|+|B|). Dice rather than cosine because it reads plainly ("the share of the two
    /// texts' bigrams that they have in common"), needs no weights, is 1 only for the same tokens,
    /// and a short text copied into a long one scores by how much of the whole they share.
    /// </summary>
    public static double Similarity(string a, string b) => Similarity(CountKeys(a), CountKeys(b));

    /// <summary>Dice over token counts (from <see cref="Count"/> or <see cref="CountKeys"/>); the index rescores with this.</summary>
    public static double Similarity<TKey>(IReadOnlyDictionary<TKey, int> a, IReadOnlyDictionary<TKey, int> b) where TKey : notnull
    {
        int sizeA = 0, sizeB = 0, shared = 0;
        foreach (var c in a.Values) sizeA += c;
        foreach (var c in b.Values) sizeB += c;
        if (sizeA + sizeB == 0) return 0;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        foreach (var (token, count) in small)
            if (large.TryGetValue(token, out var other)) shared += Math.Min(count, other);
        return 2.0 * shared / (sizeA + sizeB);
    }

    /// <summary>Token → number of occurrences.</summary>
    public static Dictionary<string, int> Count(IEnumerable<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in tokens) counts[t] = counts.GetValueOrDefault(t) + 1;
        return counts;
    }

    /// <summary>
    /// The passages two texts share: common stretches of at least <paramref name="minChars"/>
    /// normalised characters (so full-width, punctuation and spacing differences do not break a
    /// passage), longest first and never two over the same characters (greedy string tiling, as
    /// plagiarism checkers do), mapped back to offsets in the original texts and ordered by their
    /// place in <paramref name="a"/>.
    /// </summary>
    public static IReadOnlyList<Overlap> Overlaps(string a, string b, int minChars = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minChars, 1);
        var na = Fold(a);
        var nb = Fold(b);
        var x = na.Runes;
        var y = nb.Runes;
        if (x.Length < minChars || y.Length < minChars) return [];

        // Where each minChars-long stretch of b starts: a match can only begin at one of these.
        var starts = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var j = 0; j + minChars <= y.Length; j++)
        {
            var key = Text(y, j, minChars);
            if (!starts.TryGetValue(key, out var list)) starts[key] = list = [];
            list.Add(j);
        }

        var usedA = new bool[x.Length];
        var usedB = new bool[y.Length];
        var tiles = new List<(int A, int B, int Length)>();
        while (true)
        {
            // One round: every maximal match over characters not yet tiled; then tile the longest ones.
            var matches = new List<(int A, int B, int Length)>();
            var best = 0;
            for (var i = 0; i + minChars <= x.Length; i++)
            {
                if (usedA[i] || !starts.TryGetValue(Text(x, i, minChars), out var candidates)) continue;
                foreach (var j in candidates)
                {
                    if (usedB[j] || (i > 0 && j > 0 && !usedA[i - 1] && !usedB[j - 1] && x[i - 1] == y[j - 1])) continue; // not maximal: extends to the left
                    var length = 0;
                    while (i + length < x.Length && j + length < y.Length && !usedA[i + length] && !usedB[j + length] && x[i + length] == y[j + length]) length++;
                    if (length < minChars) continue;
                    matches.Add((i, j, length));
                    best = Math.Max(best, length);
                }
            }
            if (matches.Count == 0) break;
            var tiled = false;
            foreach (var m in matches.OrderByDescending(m => m.Length).ThenBy(m => m.A).ThenBy(m => m.B))
            {
                if (m.Length < best && tiled) break; // shorter ones are found again, unbroken or not, next round
                if (Enumerable.Range(m.A, m.Length).Any(k => usedA[k]) || Enumerable.Range(m.B, m.Length).Any(k => usedB[k])) continue;
                for (var k = 0; k < m.Length; k++) { usedA[m.A + k] = true; usedB[m.B + k] = true; }
                tiles.Add(m);
                tiled = true;
            }
        }
        return tiles.OrderBy(t => t.A)
            .Select(t => new Overlap(Span(na, t.A, t.Length), Span(nb, t.B, t.Length)))
            .ToList();
    }

    /// <summary>The text HTML-encoded, with each span wrapped in &lt;mark&gt;; overlapping or unordered spans are merged.</summary>
    public static string Highlight(string text, IEnumerable<TextSpan> spans)
    {
        var sb = new StringBuilder(text.Length + 64);
        var at = 0;
        foreach (var s in Merge(spans, text.Length))
        {
            sb.Append(Html.Encode(text[at..s.Start]));
            sb.Append("<mark>").Append(Html.Encode(text[s.Start..s.End])).Append("</mark>");
            at = s.End;
        }
        sb.Append(Html.Encode(text[at..]));
        return sb.ToString();
    }

    private static IEnumerable<TextSpan> Merge(IEnumerable<TextSpan> spans, int length)
    {
        TextSpan? open = null;
        foreach (var s in spans.Where(s => s.Length > 0 && s.Start >= 0 && s.End <= length).OrderBy(s => s.Start))
        {
            if (open is { } o && s.Start <= o.End)
                open = new TextSpan(o.Start, Math.Max(o.End, s.End) - o.Start);
            else
            {
                if (open is { } done) yield return done;
                open = s;
            }
        }
        if (open is { } last) yield return last;
    }

    /// <summary>
    /// Lucene's CJK bigram scripts: Han (with the extension blocks and compatibility ideographs),
    /// Hiragana, Katakana and Hangul. Chinese numerals such as 〇 count as Han.
    /// </summary>
    internal static bool IsCjk(int r) =>
        r is (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3FFFF)
          or 0x3005 or 0x3007 or (>= 0x3021 and <= 0x3029)
          or (>= 0x3040 and <= 0x30FF) or (>= 0x31F0 and <= 0x31FF)
          or (>= 0xAC00 and <= 0xD7AF) or (>= 0x1100 and <= 0x11FF) or (>= 0x3130 and <= 0x318F);

    /// <summary>The normalised runes of a text and, for each, the stretch of the original it came from.</summary>
    private readonly record struct Folded(int[] Runes, int[] Start, int[] End);

    private static Folded Fold(string text)
    {
        // Arrays sized for the common case (at most one rune per UTF-16 unit), grown only when NFKC expands a character.
        var runes = new int[text.Length];
        var start = new int[text.Length];
        var end = new int[text.Length];
        var count = 0;
        var at = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var from = at;
            at += rune.Utf16SequenceLength;
            var v = rune.Value;
            if (v < 0x80 || v is >= 0x4E00 and <= 0x9FFF)
            {
                // The fast path, nearly every character of a Chinese text: nothing to fold.
                if (v < 0x80 && !char.IsAsciiLetterOrDigit((char)v)) continue;
                Add(v, from, at);
                continue;
            }
            // NFKC per character folds full-width letters and digits (Ｇ１０９ → G109), ① → 1, ㎡ → m2,
            // compatibility ideographs … one character at a time, so every output still maps to its source.
            foreach (var f in rune.ToString().Normalize(NormalizationForm.FormKC).EnumerateRunes())
                if (Kept(f)) Add(f.Value, from, at);
        }
        return new Folded(runes[..count], start[..count], end[..count]);

        void Add(int value, int from, int to)
        {
            if (count == runes.Length)
            {
                Array.Resize(ref runes, count * 2 + 8);
                Array.Resize(ref start, count * 2 + 8);
                Array.Resize(ref end, count * 2 + 8);
            }
            runes[count] = value is >= 'A' and <= 'Z' ? value + 32 : value;
            start[count] = from;
            end[count] = to;
            count++;
        }
    }

    /// <summary>Letters, digits and combining marks (Tibetan and Mongolian words need their marks); punctuation, symbols and spaces go.</summary>
    private static bool Kept(Rune r) => Rune.GetUnicodeCategory(r) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        _ => false,
    };

    /// <summary>Did nothing that was removed (punctuation, a space) stand between rune j-1 and rune j?</summary>
    private static bool Adjacent(Folded n, int j) => n.Start[j] == n.End[j - 1] || n.Start[j] == n.Start[j - 1];

    private static TextSpan Span(Folded n, int from, int length) => new(n.Start[from], n.End[from + length - 1] - n.Start[from]);

    private static string Text(int[] runes, int from, int length)
    {
        Span<char> chars = length <= 128 ? stackalloc char[length * 2] : new char[length * 2];
        var used = 0;
        for (var k = from; k < from + length; k++) used += new Rune(runes[k]).EncodeToUtf16(chars[used..]);
        return new string(chars[..used]);
    }
}
