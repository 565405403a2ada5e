using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore.Storage;
using Renda.Web.Platform.LegalText;
using Renda.Web.Platform.Search;

namespace Renda.Web.Features.Laws;

/// <summary>One unit of a law in the article index: an article, or the preamble, a block of a text without articles, an appendix.</summary>
public sealed record LawArticle(int LawId, int Ordinal, string Kind, int Number, int Suffix, string Label, string Path, string Body)
{
    public const string ArticleKind = "article", PreambleKind = "preamble", BlockKind = "block", AppendixKind = "appendix";

    /// <summary>"10", "120-1": the article's part of its permalink /laws/{id}/articles/{n}.</summary>
    public string Slug => Suffix == 0 ? Number.ToString(CultureInfo.InvariantCulture) : $"{Number}-{Suffix}";
}

/// <summary>A law found by a search: how it matched and the passage to show.</summary>
public sealed record LawHit(int LawId, bool InTitle, int MatchedArticles, int? FirstOrdinal);

/// <summary>
/// The article index of the regulations database: each law's articles (number, ordinal, chapter/section path, text) in
/// search_law_articles, with a Chinese full-text index over them and over the titles — character bigrams from
/// <see cref="ChineseText.Tokenize"/>, with positions so that a search term is matched as a phrase (its bigrams in a
/// row), in SQLite FTS5 or PostgreSQL tsvector/GIN. Derived from the laws' source text by the legal-text parser and
/// rebuildable from it (<see cref="LawImport.ReindexAsync"/>); written with raw SQL in the law's import transaction, so
/// not audited separately: the audited record is the law with its source. See docs/decisions/0013-regulations-database.md.
/// </summary>
public static class LawIndex
{
    /// <summary>The units of a parsed text, in order, as the index stores them.</summary>
    public static List<LawArticle> Units(int lawId, LegalDocument doc)
    {
        var rows = new List<LawArticle>();
        var ordinal = 0;
        if (doc.Preamble.Count > 0)
            rows.Add(new LawArticle(lawId, ++ordinal, LawArticle.PreambleKind, 0, 0, doc.PreambleHeaded ? "序言" : "", "", string.Join("\n", doc.Preamble)));
        foreach (var node in doc.Nodes())
        {
            if (node.Kind == LegalUnitKind.Article)
            {
                var path = string.Join(" ", doc.PathOf(node).Select(d => d.Number == 0 ? d.Heading : $"{d.Label} {d.Heading}".Trim()));
                var body = string.Join("\n", node.Children.SelectMany(LegalTextWriter.LinesOf));
                rows.Add(new LawArticle(lawId, ++ordinal, LawArticle.ArticleKind, node.Number, node.Suffix, node.Label, path, body));
            }
            else if (node.Kind == LegalUnitKind.Text)
                rows.Add(new LawArticle(lawId, ++ordinal, LawArticle.BlockKind, 0, 0, node.Heading ?? "", "", node.Heading ?? node.Text));
        }
        foreach (var a in doc.Appendices)
            rows.Add(new LawArticle(lawId, ++ordinal, LawArticle.AppendixKind, 0, 0, a.Heading, "", string.Join("\n", a.Lines)));
        return rows;
    }

    /// <summary>Replaces a law's units and its title in the index, inside the caller's transaction.</summary>
    public static async Task ReplaceAsync(RendaDbContext db, int lawId, string title, IReadOnlyList<LawArticle> rows, CancellationToken ct)
    {
        var tx = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("LawIndex writes inside the import's transaction");
        if (db.Provider == DatabaseProvider.Postgres)
        {
            await using (var delete = Data.Database.Command(db, tx, """
                DELETE FROM search_law_articles WHERE law_id = @law;
                DELETE FROM search_law_titles WHERE law_id = @law;
                """, ("law", lawId)))
                await delete.ExecuteNonQueryAsync(ct);
            await using (var titleCmd = Data.Database.Command(db, tx, "INSERT INTO search_law_titles (law_id, tokens) VALUES (@law, CAST(@tokens AS tsvector))", ("law", lawId), ("tokens", PgVector(title))))
                await titleCmd.ExecuteNonQueryAsync(ct);
            if (rows.Count == 0) return;
            // One statement per law: the rows travel as arrays.
            await using var insert = Data.Database.Command(db, tx, """
                INSERT INTO search_law_articles (law_id, ordinal, kind, number, suffix, label, path, body, tokens)
                SELECT @law, t.ordinal, t.kind, t.number, t.suffix, t.label, t.path, t.body, CAST(t.tokens AS tsvector)
                FROM unnest(@ordinals, @kinds, @numbers, @suffixes, @labels, @paths, @bodies, @tokens) AS t(ordinal, kind, number, suffix, label, path, body, tokens)
                """, ("law", lawId), ("ordinals", rows.Select(r => r.Ordinal).ToArray()), ("kinds", rows.Select(r => r.Kind).ToArray()),
                ("numbers", rows.Select(r => r.Number).ToArray()), ("suffixes", rows.Select(r => r.Suffix).ToArray()),
                ("labels", rows.Select(r => r.Label).ToArray()), ("paths", rows.Select(r => r.Path).ToArray()),
                ("bodies", rows.Select(r => r.Body).ToArray()), ("tokens", rows.Select(r => PgVector(IndexedText(r))).ToArray()));
            await insert.ExecuteNonQueryAsync(ct);
            return;
        }
        await using (var delete = Data.Database.Command(db, tx, """
            DELETE FROM search_law_fts WHERE rowid IN (SELECT id FROM search_law_articles WHERE law_id = @law);
            DELETE FROM search_law_articles WHERE law_id = @law;
            DELETE FROM search_law_title_fts WHERE rowid = @law;
            """, ("law", lawId)))
            await delete.ExecuteNonQueryAsync(ct);
        await using (var titleCmd = Data.Database.Command(db, tx, "INSERT INTO search_law_title_fts (rowid, tokens) VALUES (@law, @tokens)", ("law", lawId), ("tokens", string.Join(' ', ChineseText.Tokenize(title)))))
            await titleCmd.ExecuteNonQueryAsync(ct);
        // One prepared pair of statements, re-bound per row: SQLite is in-process, so a round trip costs nothing.
        await using var row = Data.Database.Command(db, tx, """
            INSERT INTO search_law_articles (law_id, ordinal, kind, number, suffix, label, path, body) VALUES (@law, @ordinal, @kind, @number, @suffix, @label, @path, @body);
            INSERT INTO search_law_fts (rowid, tokens) VALUES (last_insert_rowid(), @tokens);
            """, ("law", lawId), ("ordinal", 0), ("kind", ""), ("number", 0), ("suffix", 0), ("label", ""), ("path", ""), ("body", ""), ("tokens", ""));
        foreach (var r in rows)
        {
            row.Parameters["ordinal"].Value = r.Ordinal;
            row.Parameters["kind"].Value = r.Kind;
            row.Parameters["number"].Value = r.Number;
            row.Parameters["suffix"].Value = r.Suffix;
            row.Parameters["label"].Value = r.Label;
            row.Parameters["path"].Value = r.Path;
            row.Parameters["body"].Value = r.Body;
            row.Parameters["tokens"].Value = string.Join(' ', ChineseText.Tokenize(IndexedText(r)));
            await row.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>What is searched in a unit: its label (附件一, 序言) and its text.</summary>
    private static string IndexedText(LawArticle r) => r.Kind == LawArticle.ArticleKind ? r.Body : $"{r.Label}\n{r.Body}";

    /// <summary>A tsvector literal with positions ('冷湖':1 '湖天':2 …): phrase queries need them. Tokens are letters and digits only.</summary>
    internal static string PgVector(string text)
    {
        var tokens = ChineseText.Tokenize(text);
        var sb = new StringBuilder(tokens.Count * 8);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0) sb.Append(' ');
            // PostgreSQL keeps positions up to 16383; beyond, every token sits at the last one (phrases there match loosely).
            sb.Append('\'').Append(tokens[i]).Append("':").Append(Math.Min(i + 1, 16383));
        }
        return sb.ToString();
    }

    public static async Task<List<LawArticle>> UnitsAsync(RendaDbContext db, int lawId, CancellationToken ct) =>
        await ReadUnitsAsync(db, "law_id = @law ORDER BY ordinal", ct, ("law", lawId));

    public static async Task<LawArticle?> ArticleAsync(RendaDbContext db, int lawId, int number, int suffix, CancellationToken ct) =>
        (await ReadUnitsAsync(db, "law_id = @law AND kind = 'article' AND number = @number AND suffix = @suffix", ct, ("law", lawId), ("number", number), ("suffix", suffix))).FirstOrDefault();

    public static async Task<List<LawArticle>> UnitsAtAsync(RendaDbContext db, IReadOnlyCollection<(int LawId, int Ordinal)> keys, CancellationToken ct)
    {
        if (keys.Count == 0) return [];
        var laws = string.Join(",", keys.Select(k => k.LawId.ToString(CultureInfo.InvariantCulture)).Distinct());
        var rows = await ReadUnitsAsync(db, $"law_id IN ({laws}) AND ordinal IN ({string.Join(",", keys.Select(k => k.Ordinal.ToString(CultureInfo.InvariantCulture)).Distinct())})", ct);
        return rows.Where(r => keys.Contains((r.LawId, r.Ordinal))).ToList();
    }

    /// <summary>Articles stored per law, for the check that no article was lost.</summary>
    public static async Task<Dictionary<int, int>> ArticleCountsAsync(RendaDbContext db, CancellationToken ct)
    {
        var result = new Dictionary<int, int>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = Data.Database.Command(db, db.Database.CurrentTransaction?.GetDbTransaction(), "SELECT law_id, count(*) FROM search_law_articles WHERE kind = 'article' GROUP BY law_id");
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) result[Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture)] = Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return result;
    }

    private static async Task<List<LawArticle>> ReadUnitsAsync(RendaDbContext db, string where, CancellationToken ct, params (string, object?)[] parameters)
    {
        var result = new List<LawArticle>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = Data.Database.Command(db, db.Database.CurrentTransaction?.GetDbTransaction(),
                $"SELECT law_id, ordinal, kind, number, suffix, label, path, body FROM search_law_articles WHERE {where}", parameters);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                result.Add(new LawArticle(Int(r, 0), Int(r, 1), r.GetString(2), Int(r, 3), Int(r, 4), r.GetString(5), r.GetString(6), r.GetString(7)));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return result;
    }

    private static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    /// <summary>
    /// The search terms of a query: words split at spaces, each a phrase of its tokens. A lone Chinese character is
    /// refused (the index holds bigrams; one character would need a scan of every text).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Terms(string q)
    {
        var text = q.Trim();
        if (text.Length > 100) throw DomainException.Invalid("q", "检索词不超过 100 字。");
        var terms = new List<IReadOnlyList<string>>();
        foreach (var word in text.Split([' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var tokens = ChineseText.Tokenize(word);
            if (tokens.Count == 0) continue;
            if (tokens.Count == 1 && tokens[0].Length == 1 && ChineseText.IsCjk(char.ConvertToUtf32(tokens[0], 0)))
                throw DomainException.Invalid("q", $"检索词“{word}”只有一个汉字：请输入至少两个字。");
            terms.Add(tokens);
        }
        return terms;
    }

    /// <summary>
    /// The laws that hold every term (each as a phrase) in their title or in some article, with the filters on the law: one
    /// page and the total. Laws whose title holds all the terms come first, then those with more articles holding all of
    /// them; the passage shown is the first article that holds them all, or else the first that holds any.
    /// </summary>
    /// <remarks>
    /// The work is bounded by <paramref name="cap"/> (default <see cref="MatchCap"/>), not by the corpus: per word at most
    /// that many matching articles and that many matching titles are read (each a short list of ids, in index order), and
    /// the laws found are put together, ranked and counted from those lists in memory; only the laws found are looked up,
    /// and only when a filter asks for it. When a list was cut off, more laws may hold the words: the total is then a lower
    /// bound — unless another word's lists were complete and its laws (at most <see cref="VerifyLimit"/>) could be checked
    /// for the cut-off word one by one. A large corpus repeats common words (a 2-character passage is in most articles, a
    /// title word in every version of a title): one SQL statement that joined all matches to "Laws" and counted them with a
    /// window took 150–500 ms at 100× for such words (docs/BENCHMARKS.md, decision 0013).
    /// </remarks>
    public static async Task<(List<LawHit> Hits, int Total, bool TotalIsLowerBound)> SearchAsync(RendaDbContext db, IReadOnlyList<IReadOnlyList<string>> terms, LawFilter filter,
        DateOnly today, int skip, int take, CancellationToken ct, int cap = MatchCap)
    {
        if (terms.Count > MaxTerms) throw DomainException.Invalid("q", $"检索词最多 {MaxTerms} 个。");
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, 1);
        var postgres = db.Provider == DatabaseProvider.Postgres;
        // A word inside another ("或者 或者持") adds nothing: whatever holds the longer one holds it. Reading it would cost a
        // common word's whole list for no law more or less.
        terms = terms.Where((t, i) => !terms.Where((u, j) => j != i && Contains(u, t) && (u.Count > t.Count || j < i)).Any()).ToList();
        var phrases = terms.Select(t => Phrase(t, postgres)).ToList();
        var all = string.Join(postgres ? " & " : " AND ", phrases);
        var capped = false;
        await db.Database.OpenConnectionAsync(ct);
        // PostgreSQL: a word in a fifth of the articles made the planner scan partitions row by row, testing every
        // row's tsvector until enough matched (50 ms for 行政 at 1,044 laws, against 1–5 ms through the GIN index): it
        // prices the match test at a fraction of what unpacking a tsvector costs. The search's own read-only
        // transaction turns sequential scans off for its statements only. Inside a caller's transaction the caller's
        // settings stay.
        IDbContextTransaction? own = null;
        try
        {
            if (postgres && db.Database.CurrentTransaction is null)
            {
                own = await db.Database.BeginTransactionAsync(ct);
                await using var set = Data.Database.Command(db, own.GetDbTransaction(), "SET LOCAL enable_seqscan = off");
                await set.ExecuteNonQueryAsync(ct);
            }
            var tx = db.Database.CurrentTransaction?.GetDbTransaction();

            // (law, ordinal) of the articles holding a match, in index order, at most `limit` of them; whether there were more.
            async Task<(List<(int Law, int Ordinal)> Rows, bool Cut)> ArticlesAsync(string match, int limit)
            {
                var rows = new List<(int, int)>();
                await using var cmd = Data.Database.Command(db, tx, postgres
                    ? $"SELECT law_id, ordinal FROM search_law_articles WHERE tokens @@ {SearchIndex.TsQueryLiteral(match)} LIMIT {limit + 1}"
                    : "SELECT a.law_id, a.ordinal FROM (SELECT rowid FROM search_law_fts WHERE search_law_fts MATCH @match LIMIT @limit) f JOIN search_law_articles a ON a.id = f.rowid",
                    ("match", match), ("limit", limit + 1));
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct)) rows.Add((Int(r, 0), Int(r, 1)));
                // One more than the limit is asked for: exactly `limit` matches is still an exact count.
                if (rows.Count <= limit) return (rows, false);
                rows.RemoveAt(rows.Count - 1);
                return (rows, true);
            }
            async Task<(HashSet<int> Laws, bool Cut)> TitlesAsync(string match, int limit)
            {
                var laws = new HashSet<int>();
                await using var cmd = Data.Database.Command(db, tx, postgres
                    ? $"SELECT law_id FROM search_law_titles WHERE tokens @@ {SearchIndex.TsQueryLiteral(match)} LIMIT {limit + 1}"
                    : "SELECT rowid FROM search_law_title_fts WHERE search_law_title_fts MATCH @match LIMIT @limit",
                    ("match", match), ("limit", limit + 1));
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct))
                {
                    if (laws.Count == limit) return (laws, true);
                    laws.Add(Int(r, 0));
                }
                return (laws, false);
            }

            // Articles holding every word: the count that ranks a law and the passage shown.
            List<(int Law, int Ordinal)> matchedAll;
            HashSet<int> titled;
            HashSet<int> found;
            // First article holding any word, for a law found without an article holding them all (words in different articles).
            var firstAny = new Dictionary<int, int>();
            if (phrases.Count == 1)
            {
                var (articles, cutArticles) = await ArticlesAsync(all, cap);
                var (titles, cutTitles) = await TitlesAsync(all, cap);
                (matchedAll, titled, capped) = (articles, titles, cutArticles || cutTitles);
                found = [.. titled, .. matchedAll.Select(m => m.Law)];
            }
            else
            {
                // Each word in the title or in some article of the law, the words possibly in different articles. Each word is
                // read first up to a tenth of the cap: a rarer word's lists are then complete, and a common word need not be
                // read to the cap when the laws holding the rarer words can be checked for it one by one (at 100×, 10,000
                // matches of a 3-character word cost 50–100 ms on PostgreSQL, a phrase test on every row read).
                var perWord = phrases.Select(_ => new List<(int Law, int Ordinal)>()).ToList();
                var lawsOf = phrases.Select(_ => new HashSet<int>()).ToList();
                var cut = phrases.Select(_ => true).ToList();
                HashSet<int> both;
                for (var limit = Math.Max(1, cap / 10); ; limit = cap)
                {
                    for (var i = 0; i < phrases.Count; i++)
                    {
                        if (!cut[i]) continue;
                        var (articles, cutArticles) = await ArticlesAsync(phrases[i], limit);
                        var (laws, cutTitles) = await TitlesAsync(phrases[i], limit);
                        laws.UnionWith(articles.Select(a => a.Law));
                        (perWord[i], lawsOf[i], cut[i]) = (articles, laws, cutArticles || cutTitles);
                    }
                    if (!cut.Contains(true))
                    {
                        // Every list complete: the laws are in all of them, the articles holding every word too.
                        both = lawsOf.Skip(1).Aggregate(new HashSet<int>(lawsOf[0]), (acc, next) => { acc.IntersectWith(next); return acc; });
                        matchedAll = perWord.Skip(1).Aggregate(perWord[0].AsEnumerable(), (acc, next) => acc.Intersect(next)).ToList();
                        break;
                    }
                    // A common word's list was cut off: the laws holding it are not all in it. The laws holding every
                    // complete word are a superset of the answer, though; few enough of them are checked one by one.
                    var complete = Enumerable.Range(0, phrases.Count).Where(i => !cut[i]).ToList();
                    var candidates = complete.Count == 0 ? null
                        : complete.Skip(1).Aggregate(new HashSet<int>(lawsOf[complete[0]]), (acc, i) => { acc.IntersectWith(lawsOf[i]); return acc; });
                    if (candidates is not null && candidates.Count > VerifyLimit && !filter.IsEmpty)
                        candidates = await FilteredAsync(db, tx, candidates, filter, today, ct);
                    if (candidates is not null && candidates.Count <= VerifyLimit)
                    {
                        both = candidates;
                        for (var i = 0; i < phrases.Count && both.Count > 0; i++)
                        {
                            if (!cut[i]) continue;
                            var unknown = both.Where(l => !lawsOf[i].Contains(l)).ToList();
                            if (unknown.Count == 0) continue;
                            var holding = await HoldingAsync(db, tx, unknown, phrases[i], ct);
                            both.RemoveWhere(l => !lawsOf[i].Contains(l) && !holding.Contains(l));
                        }
                    }
                    else if (limit < cap)
                        continue; // Too many to check: the cut words are read again, to the cap.
                    else
                    {
                        both = lawsOf.Skip(1).Aggregate(new HashSet<int>(lawsOf[0]), (acc, next) => { acc.IntersectWith(next); return acc; });
                        capped = true;
                    }
                    // Here the articles holding every word rank the laws; they are not needed to find them when checked.
                    (matchedAll, _) = await ArticlesAsync(all, cap);
                    break;
                }
                // A title holding every word: a law found, and ranked first.
                (titled, _) = await TitlesAsync(all, cap);
                found = [.. both, .. titled, .. matchedAll.Select(m => m.Law)];
                foreach (var (law, ordinal) in perWord.SelectMany(w => w))
                    if (found.Contains(law) && (!firstAny.TryGetValue(law, out var o) || ordinal < o)) firstAny[law] = ordinal;
            }

            if (!filter.IsEmpty && found.Count > 0)
                found = await FilteredAsync(db, tx, found, filter, today, ct);
            var counts = new Dictionary<int, (int N, int First)>();
            foreach (var (law, ordinal) in matchedAll)
                counts[law] = counts.TryGetValue(law, out var c) ? (c.N + 1, Math.Min(c.First, ordinal)) : (1, ordinal);
            var hits = found
                .Select(law => counts.TryGetValue(law, out var c)
                    ? new LawHit(law, titled.Contains(law), c.N, c.First)
                    : new LawHit(law, titled.Contains(law), 0, firstAny.TryGetValue(law, out var o) ? o : null))
                .OrderByDescending(h => h.InTitle).ThenByDescending(h => h.MatchedArticles).ThenBy(h => h.LawId)
                .Skip(skip).Take(take).ToList();
            return (hits, found.Count, capped);
        }
        finally
        {
            // Read only: ending it rolls back nothing.
            if (own is not null) await own.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The laws among <paramref name="laws"/> that pass the filter.</summary>
    private static async Task<HashSet<int>> FilteredAsync(RendaDbContext db, DbTransaction? tx, HashSet<int> laws, LawFilter filter, DateOnly today, CancellationToken ct)
    {
        var (conditions, parameters) = filter.Sql(today);
        var postgres = db.Provider == DatabaseProvider.Postgres;
        // The ids travel as one parameter: an int[] in PostgreSQL, a JSON array in SQLite.
        var ids = postgres ? (object)laws.ToArray() : "[" + string.Join(",", laws.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]";
        await using var cmd = Data.Database.Command(db, tx, postgres
            ? $"SELECT l.\"Id\" FROM \"Laws\" l WHERE l.\"Id\" = ANY(@ids){conditions}"
            : $"SELECT l.\"Id\" FROM \"Laws\" l WHERE l.\"Id\" IN (SELECT value FROM json_each(@ids)){conditions}",
            [("ids", ids), .. parameters]);
        var result = new HashSet<int>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) result.Add(Int(r, 0));
        return result;
    }

    /// <summary>
    /// Of these laws, those whose title or some article holds the phrase: for the laws a rarer word found, when a common
    /// word's list was cut off. SQLite: one look per law into the index within the law's rowid range (its units are written
    /// in one go); PostgreSQL: the articles of these laws only, by the law_id index.
    /// </summary>
    private static async Task<HashSet<int>> HoldingAsync(RendaDbContext db, DbTransaction? tx, List<int> laws, string phrase, CancellationToken ct)
    {
        var result = new HashSet<int>();
        if (db.Provider == DatabaseProvider.Postgres)
        {
            // Per law, its articles by law_id until the first that holds the phrase (LATERAL … LIMIT 1): a common word is in
            // one of a law's first few articles. "law_id = ANY(…) AND tokens @@ …" tested every article of the laws (100
            // insurance laws checked for 有关: 224 ms against 6 ms at 100×); a correlated EXISTS was planned as a semi-join
            // over the word's whole GIN list (2.9 s).
            var match = SearchIndex.TsQueryLiteral(phrase);
            await using var cmd = Data.Database.Command(db, tx, $"""
                SELECT law_id FROM search_law_titles WHERE law_id = ANY(@ids) AND tokens @@ {match}
                UNION
                SELECT found.law_id FROM unnest(@ids) AS l(id)
                CROSS JOIN LATERAL (SELECT a.law_id FROM search_law_articles a WHERE a.law_id = l.id AND a.tokens @@ {match} LIMIT 1) AS found
                """, ("ids", laws.ToArray()));
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) result.Add(Int(r, 0));
            return result;
        }
        await using var one = Data.Database.Command(db, tx, """
            SELECT EXISTS (SELECT 1 FROM search_law_title_fts WHERE search_law_title_fts MATCH @match AND rowid = @law)
                OR EXISTS (SELECT 1 FROM search_law_fts JOIN search_law_articles a ON a.id = search_law_fts.rowid
                    WHERE search_law_fts MATCH @match AND a.law_id = @law
                      AND search_law_fts.rowid BETWEEN (SELECT min(id) FROM search_law_articles WHERE law_id = @law) AND (SELECT max(id) FROM search_law_articles WHERE law_id = @law))
            """, ("match", phrase), ("law", 0));
        foreach (var law in laws)
        {
            one.Parameters["law"].Value = law;
            if (Convert.ToInt64(await one.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 1) result.Add(law);
        }
        return result;
    }

    /// <summary>Whether the tokens of <paramref name="part"/> occur in a row in <paramref name="whole"/>.</summary>
    private static bool Contains(IReadOnlyList<string> whole, IReadOnlyList<string> part)
    {
        for (var start = 0; start + part.Count <= whole.Count; start++)
            if (part.Select((x, k) => whole[start + k] == x).All(same => same)) return true;
        return false;
    }

    /// <summary>A search word as a phrase: FTS5 "冷湖 湖天", PostgreSQL ('冷湖' <-> '湖天'). Tokens are letters and digits only.</summary>
    private static string Phrase(IReadOnlyList<string> tokens, bool postgres) =>
        postgres ? "(" + string.Join(" <-> ", tokens.Select(x => $"'{x}'")) + ")" : "\"" + string.Join(' ', tokens) + "\"";

    public const int MaxTerms = 8;

    /// <summary>Laws a rarer word found that are checked one by one for a common word whose list was cut off (see <see cref="SearchAsync"/>).</summary>
    public const int VerifyLimit = 200;

    /// <summary>Matching articles, and matching titles, read per word and search (see <see cref="SearchAsync"/>); Renda:Laws:SearchCap.</summary>
    public const int MatchCap = 5_000;

    /// <summary>The first unit of a law holding every one of these terms (each as a phrase), for the passage of a search hit.</summary>
    public static async Task<int?> FirstMatchAsync(RendaDbContext db, int lawId, IReadOnlyList<IReadOnlyList<string>> terms, CancellationToken ct)
    {
        if (terms.Count == 0) return null;
        var postgres = db.Provider == DatabaseProvider.Postgres;
        var match = string.Join(postgres ? " & " : " AND ", terms.Select(t => Phrase(t, postgres)));
        // SQLite: the law's units are written in one go, so their ids form a range; FTS5 seeks within a rowid range, where a
        // match filtered by law afterwards would read a common word's whole list for every hit of the page.
        var sql = postgres
            ? $"SELECT min(ordinal) FROM search_law_articles WHERE law_id = @law AND tokens @@ {SearchIndex.TsQueryLiteral(match)}"
            : """
              SELECT min(a.ordinal) FROM search_law_fts JOIN search_law_articles a ON a.id = search_law_fts.rowid
              WHERE search_law_fts MATCH @match AND a.law_id = @law
                AND search_law_fts.rowid BETWEEN (SELECT min(id) FROM search_law_articles WHERE law_id = @law) AND (SELECT max(id) FROM search_law_articles WHERE law_id = @law)
              """;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = Data.Database.Command(db, db.Database.CurrentTransaction?.GetDbTransaction(), sql, ("law", lawId), ("match", match));
            var v = await cmd.ExecuteScalarAsync(ct);
            return v is null or DBNull ? null : Convert.ToInt32(v, CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>The filters of a law list or search: category, status (as of a day) and version date range.</summary>
public sealed record LawFilter(string? Category = null, LawStatus? Status = null, DateOnly? From = null, DateOnly? To = null, IReadOnlyList<int>? Congresses = null)
{
    public bool IsEmpty => string.IsNullOrEmpty(Category) && Status is null && From is null && To is null && Congresses is null;

    public IQueryable<Law> Apply(IQueryable<Law> q, DateOnly today)
    {
        if (!string.IsNullOrEmpty(Category)) q = q.Where(l => l.Category == Category);
        if (From is { } f) q = q.Where(l => l.VersionDate >= f);
        if (To is { } t) q = q.Where(l => l.VersionDate <= t);
        if (Congresses is { } cs) q = q.Where(l => l.CongressId != null && cs.Contains(l.CongressId.Value));
        if (Status is not { } status) return q;
        return status switch
        {
            LawStatus.Repealed => q.Where(l => l.Repealed),
            LawStatus.Amended => q.Where(l => !l.Repealed && (l.SupersededById != null || l.AmendingAct != null)),
            LawStatus.NotYetInForce => q.Where(l => !l.Repealed && l.SupersededById == null && l.AmendingAct == null && l.EffectiveOn > today),
            LawStatus.InForce => q.Where(l => !l.Repealed && l.SupersededById == null && l.AmendingAct == null && (l.EffectiveOn == null || l.EffectiveOn <= today)),
        };
    }

    /// <summary>The same conditions in SQL over "Laws" l, for the search query.</summary>
    internal (string Sql, List<(string, object?)> Parameters) Sql(DateOnly today)
    {
        var sql = new StringBuilder();
        var p = new List<(string, object?)>();
        if (!string.IsNullOrEmpty(Category)) { sql.Append(" AND l.\"Category\" = @category"); p.Add(("category", Category)); }
        if (From is { } f) { sql.Append(" AND l.\"VersionDate\" >= @from"); p.Add(("from", f)); }
        if (To is { } t) { sql.Append(" AND l.\"VersionDate\" <= @to"); p.Add(("to", t)); }
        // Ids of congresses, known integers: written into the statement, as the IN list differs by provider otherwise.
        if (Congresses is { } cs) sql.Append(cs.Count == 0 ? " AND FALSE" : $" AND l.\"CongressId\" IN ({string.Join(",", cs.Select(c => c.ToString(CultureInfo.InvariantCulture)))})");
        switch (Status)
        {
            case null:
                break;
            case LawStatus.Repealed:
                sql.Append(" AND l.\"Repealed\"");
                break;
            case LawStatus.Amended:
                sql.Append(" AND NOT l.\"Repealed\" AND (l.\"SupersededById\" IS NOT NULL OR l.\"AmendingAct\" IS NOT NULL)");
                break;
            case LawStatus.NotYetInForce:
                sql.Append(" AND NOT l.\"Repealed\" AND l.\"SupersededById\" IS NULL AND l.\"AmendingAct\" IS NULL AND l.\"EffectiveOn\" > @today");
                p.Add(("today", today));
                break;
            case LawStatus.InForce:
                sql.Append(" AND NOT l.\"Repealed\" AND l.\"SupersededById\" IS NULL AND l.\"AmendingAct\" IS NULL AND (l.\"EffectiveOn\" IS NULL OR l.\"EffectiveOn\" <= @today)");
                p.Add(("today", today));
                break;
        }
        return (sql.ToString(), p);
    }
}
