using Renda.Web.Platform.Search;

namespace Renda.Web.Features.Legislation;

public enum ChangeKind { Unchanged = 1, Changed = 2, Inserted = 3, Deleted = 4, Moved = 5 }

public sealed record CharSpan(int Start, int Length);

/// <summary>An article of one side as the comparison sees it, or a division's heading (编/章/节: Label 第二章, Text 规划与建设).</summary>
public sealed record ComparedArticle(string NodeId, int Number, string Label, string Text, bool Division = false);

/// <summary>One row of a 条文对照表: old | new | change, with the changed characters of each side and the 修改理由.</summary>
public sealed record ComparisonRow(
    string Key, ChangeKind Kind, int? OldNumber, string? OldLabel, string? OldText, int? NewNumber, string? NewLabel, string? NewText,
    IReadOnlyList<CharSpan> OldSpans, IReadOnlyList<CharSpan> NewSpans, double? Similarity, string? Reason, bool Division = false);

/// <summary>
/// Aligns the articles of two versions. Articles that carry the same stable node id (the versions descend from one another)
/// are the same article whatever their numbers; the rest are paired by text similarity (Dice over bigrams,
/// ChineseText.Similarity) when it reaches <see cref="MinSimilarity"/>, best pairs first, after those of identical wording. A paired article whose place among
/// the paired ones changed (not on the longest run kept in order) is Moved; one whose text changed is Changed. Division headings
/// (a renamed or inserted chapter) go through the same alignment, but are paired only with headings.
/// </summary>
public static class ComparisonTable
{
    /// <summary>Below this share of common bigrams two articles are taken as one deleted and one inserted, not as a rewrite.</summary>
    public const double MinSimilarity = 0.5;

    public static List<ComparisonRow> Compare(IReadOnlyList<ComparedArticle> olds, IReadOnlyList<ComparedArticle> news, IReadOnlyDictionary<string, string>? reasons = null)
    {
        var pairOfNew = new int[news.Count];
        var pairOfOld = new int[olds.Count];
        Array.Fill(pairOfNew, -1);
        Array.Fill(pairOfOld, -1);
        var similarity = new double?[news.Count];

        var oldById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < olds.Count; i++) oldById.TryAdd(olds[i].NodeId, i);
        for (var j = 0; j < news.Count; j++)
            if (oldById.TryGetValue(news[j].NodeId, out var i) && pairOfOld[i] < 0)
                (pairOfNew[j], pairOfOld[i]) = (i, j);

        // Then the same wording, in order (a pasted version keeps most articles word for word): no similarity needed.
        static string TextKey(ComparedArticle a) => a.Division ? "\u0001" + a.Text : a.Text;
        var oldByText = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        for (var i = 0; i < olds.Count; i++)
            if (pairOfOld[i] < 0)
            {
                if (!oldByText.TryGetValue(TextKey(olds[i]), out var q)) oldByText[TextKey(olds[i])] = q = new Queue<int>();
                q.Enqueue(i);
            }
        for (var j = 0; j < news.Count; j++)
            if (pairOfNew[j] < 0 && oldByText.TryGetValue(TextKey(news[j]), out var q) && q.Count > 0)
            {
                var i = q.Dequeue();
                (pairOfNew[j], pairOfOld[i]) = (i, j);
            }

        // The rest by similarity: all candidate pairs above the threshold, greedily best first.
        var restOld = Enumerable.Range(0, olds.Count).Where(i => pairOfOld[i] < 0).ToList();
        var restNew = Enumerable.Range(0, news.Count).Where(j => pairOfNew[j] < 0).ToList();
        if (restOld.Count > 0 && restNew.Count > 0)
        {
            var oldKeys = restOld.ToDictionary(i => i, i => ChineseText.CountKeys(olds[i].Text));
            var candidates = new List<(double S, int I, int J)>();
            foreach (var j in restNew)
            {
                var nk = ChineseText.CountKeys(news[j].Text);
                foreach (var i in restOld)
                {
                    if (olds[i].Division != news[j].Division) continue;
                    var s = ChineseText.Similarity(oldKeys[i], nk);
                    if (s >= MinSimilarity) candidates.Add((s, i, j));
                }
            }
            foreach (var (s, i, j) in candidates.OrderByDescending(c => c.S).ThenBy(c => c.J).ThenBy(c => c.I))
                if (pairOfOld[i] < 0 && pairOfNew[j] < 0)
                {
                    (pairOfNew[j], pairOfOld[i]) = (i, j);
                    similarity[j] = s;
                }
        }

        // Paired articles in new order: those on a longest increasing run of old positions kept their place.
        var paired = Enumerable.Range(0, news.Count).Where(j => pairOfNew[j] >= 0).ToList();
        var inOrder = LongestIncreasing(paired.Select(j => pairOfNew[j]).ToList()).Select(k => paired[k]).ToHashSet();

        var rows = new List<ComparisonRow>(Math.Max(olds.Count, news.Count) + 8);
        // Deleted articles are shown after the last paired old article before them, so the table reads in old order too.
        var deletedAfterOld = new Dictionary<int, List<int>>();
        var lastPaired = -1;
        for (var i = 0; i < olds.Count; i++)
        {
            if (pairOfOld[i] >= 0 && inOrder.Contains(pairOfOld[i])) { lastPaired = i; continue; }
            if (pairOfOld[i] >= 0) continue;
            if (!deletedAfterOld.TryGetValue(lastPaired, out var list)) deletedAfterOld[lastPaired] = list = [];
            list.Add(i);
        }
        void EmitDeleted(int afterOld)
        {
            if (!deletedAfterOld.Remove(afterOld, out var list)) return;
            foreach (var i in list)
                rows.Add(Row(olds[i].NodeId, ChangeKind.Deleted, olds[i], null, [new CharSpan(0, olds[i].Text.Length)], [], null, reasons));
        }
        EmitDeleted(-1);
        for (var j = 0; j < news.Count; j++)
        {
            var n = news[j];
            if (pairOfNew[j] < 0)
            {
                rows.Add(Row(n.NodeId, ChangeKind.Inserted, null, n, [], [new CharSpan(0, n.Text.Length)], null, reasons));
                continue;
            }
            var o = olds[pairOfNew[j]];
            var (oldSpans, newSpans) = CharDiff.Spans(o.Text, n.Text);
            var kind = !inOrder.Contains(j) ? ChangeKind.Moved : oldSpans.Count == 0 && newSpans.Count == 0 ? ChangeKind.Unchanged : ChangeKind.Changed;
            rows.Add(Row(n.NodeId, kind, o, n, oldSpans, newSpans, similarity[j], reasons));
            if (inOrder.Contains(j)) EmitDeleted(pairOfNew[j]);
        }
        foreach (var k in deletedAfterOld.Keys.Order().ToList()) EmitDeleted(k);
        return rows;
    }

    private static ComparisonRow Row(string key, ChangeKind kind, ComparedArticle? o, ComparedArticle? n, IReadOnlyList<CharSpan> os, IReadOnlyList<CharSpan> ns, double? s, IReadOnlyDictionary<string, string>? reasons)
        => (o ?? n)!.Division
            ? new(key, kind, null, o?.Label, o?.Text, null, n?.Label, n?.Text, os, ns, s is { } d ? Math.Round(d, 3) : null, reasons?.GetValueOrDefault(key), Division: true)
            : new(key, kind, o?.Number, o?.Label, o?.Text, n?.Number, n?.Label, n?.Text, os, ns, s is { } v ? Math.Round(v, 3) : null, reasons?.GetValueOrDefault(key));

    /// <summary>Indexes (into <paramref name="values"/>) of one longest strictly increasing subsequence, O(n log n).</summary>
    private static List<int> LongestIncreasing(IReadOnlyList<int> values)
    {
        var tails = new List<int>();
        var prev = new int[values.Count];
        for (var k = 0; k < values.Count; k++)
        {
            int lo = 0, hi = tails.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (values[tails[mid]] < values[k]) lo = mid + 1; else hi = mid;
            }
            prev[k] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count) tails.Add(k); else tails[lo] = k;
        }
        var result = new List<int>(tails.Count);
        for (var k = tails.Count == 0 ? -1 : tails[^1]; k >= 0; k = prev[k]) result.Add(k);
        result.Reverse();
        return result;
    }
}

/// <summary>Character-level difference of two article texts: the spans only in the old text and only in the new one.</summary>
public static class CharDiff
{
    private const long MaxCells = 4_000_000;

    /// <summary>Longest common subsequence over characters (after trimming the common prefix and suffix, which is most of an edited article).</summary>
    public static (List<CharSpan> Old, List<CharSpan> New) Spans(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal)) return ([], []);
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix]) suffix++;
        var x = a.AsSpan(prefix, a.Length - prefix - suffix);
        var y = b.AsSpan(prefix, b.Length - prefix - suffix);
        var keepA = new bool[x.Length];
        var keepB = new bool[y.Length];
        // Beyond this the table would take too much memory: the middle is shown as replaced as a whole.
        if (x.Length > 0 && y.Length > 0 && (long)x.Length * y.Length <= MaxCells)
        {
            // lcs[i, j] = LCS of x[i..] and y[j..], in one flat array.
            var w = y.Length + 1;
            var lcs = new int[(x.Length + 1) * w];
            for (var i = x.Length - 1; i >= 0; i--)
                for (var j = y.Length - 1; j >= 0; j--)
                    lcs[i * w + j] = x[i] == y[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.Max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
            for (int i = 0, j = 0; i < x.Length && j < y.Length;)
            {
                if (x[i] == y[j]) { keepA[i++] = true; keepB[j++] = true; }
                else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) i++;
                else j++;
            }
        }
        return (Runs(keepA, prefix), Runs(keepB, prefix));
    }

    private static List<CharSpan> Runs(bool[] keep, int offset)
    {
        var spans = new List<CharSpan>();
        for (var i = 0; i < keep.Length;)
        {
            if (keep[i]) { i++; continue; }
            var start = i;
            while (i < keep.Length && !keep[i]) i++;
            spans.Add(new CharSpan(offset + start, i - start));
        }
        return spans;
    }
}
