using System.Globalization;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore.Storage;
using Renda.Web.Features.Laws;
using Renda.Web.Platform.Search;

namespace Renda.Web.Features.Portal.Search;

public enum SearchOrder { Best = 1, Newest = 2 }

public sealed record SearchSectionCount(string Section, string Label, int Count);
public sealed record SearchHit(string Section, string SectionLabel, string Key, string Url, string TitleHtml, string ExcerptHtml, DateOnly? PublishedOn);
/// <summary>Capped: more than <see cref="PublicIndex.Cap"/> items hold the words; counts are of the first ones found.</summary>
public sealed record SearchResult(string Query, string? Section, SearchOrder Order, IReadOnlyList<SearchSectionCount> Sections, int Total, bool Capped,
    int PageNumber, int PageCount, IReadOnlyList<SearchHit> Items, string? Hint);

public sealed record IndexSectionCount(string Section, string Label, int Items);
public sealed record IndexHealth(DateTime? CaughtUpAt, int Pending, double LagSeconds, bool Rebuilding, string? LastError, DateTime? LastErrorAt, DateTime? RebuiltAt,
    IReadOnlyList<IndexSectionCount> Sections, int Total);

/// <summary>
/// The public site search (docs/decisions/0027-public-search.md): one table of public items (search_public_documents) with
/// their tokens in SQLite FTS5 or a PostgreSQL GIN index, written only here from <see cref="PublicSources"/>. A query word is
/// found by the tokens every text containing it must hold (<see cref="ChineseText.ContainedTokens"/>), confirmed on the
/// normalised text (instr/strpos), and the first <see cref="Cap"/> hits in the chosen order are counted per section and paged.
/// </summary>
public static class PublicIndex
{
    public const int MaxQuery = 100;
    public const int MaxWords = 6;
    public const int PageSize = 20;
    /// <summary>Hits read per search, at most: a query of everyday words cannot make the database rank the whole site.</summary>
    public const int Cap = 1000;
    private const int Excerpt = 120;

    // ---------------------------------------------------------------- search

    public static async Task<SearchResult> SearchAsync(RendaDbContext db, Platform.Organisations.Congress congress, string? q, string? section, SearchOrder order, int? page, CancellationToken ct)
    {
        var query = Clean(q);
        if (section is not null && PublicSources.Sections.All(s => s.Key != section)) throw DomainException.Invalid("section", "没有这个栏目。");
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => (Raw: w, Norm: ChineseText.Normalize(w))).Where(w => w.Norm.Length > 0)
            .DistinctBy(w => w.Norm).Take(MaxWords).ToList();
        var tokens = words.SelectMany(w => Tokens(w.Norm)).Distinct(StringComparer.Ordinal).ToList();
        SearchResult Empty(string? hint) => new(query, section, order, PublicSources.Sections.Select(s => new SearchSectionCount(s.Key, s.Label, 0)).ToList(), 0, false, 1, 0, [], hint);
        if (words.Count == 0) return Empty(null);
        if (tokens.Count == 0) return Empty("检索词太短：请至少输入两个汉字或一个完整的词。");

        var scope = await LawQueries.CongressScopeAsync(db, congress.Code, ct);
        var postgres = db.Provider == DatabaseProvider.Postgres;
        var found = new List<(long Id, string Section, bool InTitle, long At)>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var tx = db.Database.CurrentTransaction?.GetDbTransaction();
            var check = string.Join(" AND ", words.Select((_, i) => postgres
                ? $"(strpos(d.norm_title, @w{i}) > 0 OR strpos(d.norm_body, @w{i}) > 0)"
                : $"(instr(d.norm_title, @w{i}) > 0 OR instr(d.norm_body, @w{i}) > 0)"));
            var inTitle = string.Join(" AND ", words.Select((_, i) => postgres ? $"strpos(d.norm_title, @w{i}) > 0" : $"instr(d.norm_title, @w{i}) > 0"));
            var orderBy = order == SearchOrder.Best ? "in_title DESC, d.published_at DESC, d.doc_id DESC" : "d.published_at DESC, d.doc_id DESC";
            // A congress's site: its own items, and in the regulations those of the congresses below and the national laws (0).
            var regulations = string.Join(",", scope.Append(0).Select(i => i.ToString(CultureInfo.InvariantCulture)));
            var where = $"(d.congress_id = {congress.Id} OR (d.section = 'regulations' AND d.congress_id IN ({regulations})))";
            var sql = postgres
                ? $"""
                  SELECT d.doc_id, d.section, ({inTitle}) AS in_title, d.published_at FROM search_public_documents d
                  WHERE d.tokens @@ {SearchIndex.TsQueryLiteral(string.Join(" & ", tokens.Select(t => $"'{t}'")))} AND {where} AND {check}
                  ORDER BY {orderBy} LIMIT {Cap + 1}
                  """
                : $"""
                  SELECT d.doc_id, d.section, ({inTitle}) AS in_title, d.published_at FROM search_public_documents d
                  WHERE d.doc_id IN (SELECT rowid FROM search_public_fts WHERE search_public_fts MATCH @match) AND {where} AND {check}
                  ORDER BY {orderBy} LIMIT {Cap + 1}
                  """;
            await using (var cmd = Data.Database.Command(db, tx, sql, [("match", string.Join(" AND ", tokens.Select(t => $"\"{t}\""))), .. words.Select((w, i) => ($"w{i}", (object?)w.Norm))]))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct))
                    found.Add((r.GetInt64(0), r.GetString(1), Convert.ToBoolean(r.GetValue(2), CultureInfo.InvariantCulture), r.GetInt64(3)));

            var capped = found.Count > Cap;
            if (capped) found.RemoveAt(found.Count - 1);
            var counts = found.GroupBy(f => f.Section).ToDictionary(g => g.Key, g => g.Count());
            var shown = section is null ? found : found.Where(f => f.Section == section).ToList();
            var (p, size) = Paging.Normalise(page, PageSize);
            var pageCount = (shown.Count + size - 1) / size;
            p = Math.Min(p, Math.Max(1, pageCount));
            var ids = shown.Skip((p - 1) * size).Take(size).Select(f => f.Id).ToList();
            var rows = new Dictionary<long, (string Section, string Key, string Url, string Title, string Body, long At)>();
            if (ids.Count > 0)
            {
                await using var cmd = Data.Database.Command(db, tx, $"SELECT doc_id, section, key, url, title, body, published_at FROM search_public_documents WHERE doc_id IN ({string.Join(",", ids)})");
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct))
                    rows[r.GetInt64(0)] = (r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt64(6));
            }
            var items = ids.Where(rows.ContainsKey).Select(id =>
            {
                var x = rows[id];
                return new SearchHit(x.Section, PublicSources.Label(x.Section), x.Key, x.Url, Highlight(x.Title, words.Select(w => w.Raw).ToList(), null), Highlight(x.Body, words.Select(w => w.Raw).ToList(), Excerpt),
                    x.At <= 0 ? null : DateOnly.FromDateTime(DateTime.UnixEpoch.AddSeconds(x.At)));
            }).ToList();
            return new SearchResult(query, section, order, PublicSources.Sections.Select(s => new SearchSectionCount(s.Key, s.Label, counts.GetValueOrDefault(s.Key))).ToList(),
                found.Count, capped, p, pageCount, items, null);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The query as searched: control characters and line breaks become spaces; too long is refused (400 on q).</summary>
    public static string Clean(string? q)
    {
        if (q is null) return "";
        if (q.Length > MaxQuery) throw DomainException.Invalid("q", $"检索词不超过 {MaxQuery} 字。");
        var sb = new StringBuilder(q.Length);
        foreach (var ch in q) sb.Append(char.IsControl(ch) || char.IsWhiteSpace(ch) ? ' ' : ch);
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// The index tokens of a normalised query word: those every text containing it holds. A word of letters or digits alone
    /// ("2023", "g109") is its own token, so it is found as a whole word; a single CJK character has none (too short).
    /// </summary>
    private static IReadOnlyList<string> Tokens(string norm)
    {
        var contained = ChineseText.ContainedTokens(norm);
        if (contained.Count > 0) return contained;
        var all = ChineseText.Tokenize(norm);
        return all.Count == 1 && !ChineseText.IsCjk(char.ConvertToUtf32(all[0], 0)) ? all : [];
    }

    /// <summary>
    /// The text HTML-encoded with &lt;mark&gt; around each occurrence of the words; with <paramref name="around"/>, only a
    /// passage of about that many characters starting a little before the first occurrence (the start of the text when none).
    /// </summary>
    public static string Highlight(string text, IReadOnlyList<string> words, int? around)
    {
        if (around is { } n)
        {
            var first = words.Select(w => Find(text, w, 0)).Where(s => s is not null).Select(s => s!.Value.Start).DefaultIfEmpty(0).Min();
            var start = Math.Max(0, first - n / 4);
            var end = Math.Min(text.Length, start + n);
            if (start > 0 && char.IsLowSurrogate(text[start])) start++;
            if (end < text.Length && end > 0 && char.IsHighSurrogate(text[end - 1])) end--;
            var passage = text[start..end].ReplaceLineEndings(" ");
            var html = Highlight(passage, words, null);
            return (start > 0 ? "…" : "") + html + (end < text.Length ? "…" : "");
        }
        var spans = new List<TextSpan>();
        foreach (var w in words)
            for (var (at, k) = (0, 0); k < 20 && Find(text, w, at) is { } s; at = s.End, k++) spans.Add(s);
        return ChineseText.Highlight(text, spans);
    }

    /// <summary>The next place of a word in a text from <paramref name="from"/>: as written, else as the index compares (full-width, spacing and punctuation aside).</summary>
    private static TextSpan? Find(string text, string word, int from)
    {
        if (from >= text.Length) return null;
        var i = text.IndexOf(word, from, StringComparison.OrdinalIgnoreCase);
        if (i >= 0) return new TextSpan(i, word.Length);
        // Only a stretch of a long law is compared the slow way: the passage shown is near its start anyway.
        var norm = ChineseText.Normalize(word);
        if (norm.Length == 0) return null;
        var stretch = text[from..Math.Min(text.Length, from + 20_000)];
        var o = ChineseText.Overlaps(stretch, word, norm.Length).FirstOrDefault();
        return o is null ? null : new TextSpan(from + o.InA.Start, o.InA.Length);
    }

    // ---------------------------------------------------------------- writing

    public readonly record struct Indexed(string Section, string Key, string Stamp);

    /// <summary>Section, key and stamp of every indexed item of the given sections (all when null).</summary>
    public static async Task<List<Indexed>> StampsAsync(RendaDbContext db, IReadOnlyCollection<string> sections, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var list = string.Join(",", sections.Select(s => $"'{s}'"));
            await using var cmd = Data.Database.Command(db, null, $"SELECT section, key, stamp FROM search_public_documents WHERE section IN ({list})");
            var result = new List<Indexed>();
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) result.Add(new(r.GetString(0), r.GetString(1), r.GetString(2)));
            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A hash of what the index holds of an item (or of the source's own stamp): equal stamps, nothing to write.</summary>
    public static string StampOf(PublicDoc d) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
        d.Stamp is { } own ? $"{d.CongressId}\n{d.Url}\n{own}" : $"{d.CongressId}\n{d.Url}\n{d.PublishedAt:O}\n{d.Title}\n{d.Text}")));

    /// <summary>Writes these items (replacing any with the same section and key) and removes those, in one transaction.</summary>
    public static async Task ApplyAsync(RendaDbContext db, IReadOnlyList<PublicDoc> upserts, IReadOnlyList<(string Section, string Key)> removals, CancellationToken ct)
    {
        if (upserts.Count == 0 && removals.Count == 0) return;
        var postgres = db.Provider == DatabaseProvider.Postgres;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await db.Database.GetDbConnection().BeginTransactionAsync(ct);
            var keys = removals.Concat(upserts.Select(u => (u.Section, u.Key))).ToList();
            if (postgres)
            {
                // One statement per batch, the rows as parallel arrays: a round trip per item made a first index of the
                // demo (1,500 items) take longer than a search waits for it.
                await using (var del = Data.Database.Command(db, tx, """
                    DELETE FROM search_public_documents d USING unnest(@sections, @keys) AS x(s, k) WHERE d.section = x.s AND d.key = x.k
                    """, ("sections", keys.Select(k => k.Item1).ToArray()), ("keys", keys.Select(k => k.Item2).ToArray())))
                    await del.ExecuteNonQueryAsync(ct);
                if (upserts.Count > 0)
                {
                    await using var cmd = Data.Database.Command(db, tx, """
                        INSERT INTO search_public_documents (section, key, congress_id, url, title, body, norm_title, norm_body, published_at, stamp, tokens)
                        SELECT s, k, c, u, t, b, nt, nb, a, st, array_to_tsvector(string_to_array(tk, ' '))
                        FROM unnest(@s, @k, @c, @u, @t, @b, @nt, @nb, @a, @st, @tk) AS x(s, k, c, u, t, b, nt, nb, a, st, tk)
                        """,
                        ("s", upserts.Select(d => d.Section).ToArray()), ("k", upserts.Select(d => d.Key).ToArray()), ("c", upserts.Select(d => d.CongressId).ToArray()),
                        ("u", upserts.Select(d => d.Url).ToArray()), ("t", upserts.Select(d => d.Title).ToArray()), ("b", upserts.Select(d => d.Text).ToArray()),
                        ("nt", upserts.Select(d => ChineseText.Normalize(d.Title)).ToArray()), ("nb", upserts.Select(d => ChineseText.Normalize(d.Text)).ToArray()),
                        ("a", upserts.Select(Seconds).ToArray()), ("st", upserts.Select(StampOf).ToArray()),
                        ("tk", upserts.Select(d => string.Join(' ', TokensOf(d))).ToArray()));
                    await cmd.ExecuteNonQueryAsync(ct);
                }
            }
            else
            {
                foreach (var (section, key) in keys)
                {
                    // Contentless FTS5: a row is deleted by its rowid, found in the documents table first.
                    await using var fdel = Data.Database.Command(db, tx, "DELETE FROM search_public_fts WHERE rowid IN (SELECT doc_id FROM search_public_documents WHERE section = @s AND key = @k)", ("s", section), ("k", key));
                    await fdel.ExecuteNonQueryAsync(ct);
                    await using var del = Data.Database.Command(db, tx, "DELETE FROM search_public_documents WHERE section = @s AND key = @k", ("s", section), ("k", key));
                    await del.ExecuteNonQueryAsync(ct);
                }
                foreach (var d in upserts)
                {
                    await using var cmd = Data.Database.Command(db, tx, """
                        INSERT INTO search_public_documents (section, key, congress_id, url, title, body, norm_title, norm_body, published_at, stamp)
                        VALUES (@section, @key, @congress, @url, @title, @body, @nt, @nb, @at, @stamp) RETURNING doc_id
                        """, ("section", d.Section), ("key", d.Key), ("congress", d.CongressId), ("url", d.Url), ("title", d.Title), ("body", d.Text),
                        ("nt", ChineseText.Normalize(d.Title)), ("nb", ChineseText.Normalize(d.Text)), ("at", Seconds(d)), ("stamp", StampOf(d)));
                    var id = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
                    await using var fts = Data.Database.Command(db, tx, "INSERT INTO search_public_fts (rowid, tokens) VALUES (@id, @tokens)", ("id", id), ("tokens", string.Join(' ', TokensOf(d))));
                    await fts.ExecuteNonQueryAsync(ct);
                }
            }
            await tx.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static IEnumerable<string> TokensOf(PublicDoc d) => ChineseText.Tokenize(d.Title).Concat(ChineseText.Tokenize(d.Text)).Distinct(StringComparer.Ordinal);

    private static long Seconds(PublicDoc d) => (long)Math.Max(0, (d.PublishedAt - DateTime.UnixEpoch).TotalSeconds);

    /// <summary>PostgreSQL: moves the GIN index's pending list (fast inserts) into the index, so searches do not scan it.</summary>
    public static async Task TidyAsync(RendaDbContext db, CancellationToken ct)
    {
        if (db.Provider != DatabaseProvider.Postgres) return;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = Data.Database.Command(db, null, "SELECT gin_clean_pending_list('search_public_documents_tokens'::regclass)");
            await cmd.ExecuteScalarAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // ---------------------------------------------------------------- health

    public static async Task<(DateTime? CaughtUpAt, string? LastError, DateTime? LastErrorAt, DateTime? RebuiltAt, Dictionary<string, int> Counts)> StateAsync(RendaDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var counts = new Dictionary<string, int>();
            await using (var cmd = Data.Database.Command(db, null, "SELECT section, count(*) FROM search_public_documents GROUP BY section"))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct)) counts[r.GetString(0)] = Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture);
            await using var s = Data.Database.Command(db, null, "SELECT caught_up_at, last_error, last_error_at, rebuilt_at FROM search_public_state WHERE id = 1");
            await using var row = await s.ExecuteReaderAsync(ct);
            await row.ReadAsync(ct);
            DateTime? Time(int i) => row.IsDBNull(i) ? null : DateTime.UnixEpoch.AddSeconds(row.GetInt64(i));
            return (Time(0), row.IsDBNull(1) ? null : row.GetString(1), Time(2), Time(3), counts);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Records a run of the indexer: caught up (clearing nothing else), failed (the error), or rebuilt.</summary>
    public static async Task RecordAsync(RendaDbContext db, DateTime now, bool caughtUp, string? error, bool rebuilt, CancellationToken ct)
    {
        var at = (long)(now - DateTime.UnixEpoch).TotalSeconds;
        var sets = new List<string>();
        if (caughtUp) sets.Add("caught_up_at = @at");
        if (error is not null) sets.Add("last_error = @error, last_error_at = @at");
        if (rebuilt) sets.Add("rebuilt_at = @at");
        if (sets.Count == 0) return;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = Data.Database.Command(db, null, $"UPDATE search_public_state SET {string.Join(", ", sets)} WHERE id = 1", ("at", at), ("error", error?[..Math.Min(error.Length, 2000)]));
            await cmd.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
