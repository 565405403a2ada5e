using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore.Storage;

namespace Renda.Web.Platform.Search;

/// <summary>What <see cref="SearchIndex.SimilarAsync"/> looks for. A congress only ever sees its own texts.</summary>
public sealed record SimilarQuery(int CongressId)
{
    /// <summary>Only texts of this year and earlier (e.g. the year of the new suggestion).</summary>
    public int? UpToYear { get; init; }
    /// <summary>Only texts of this year and later (e.g. the start of the term).</summary>
    public int? FromYear { get; init; }
    /// <summary>Leave out this id (the text itself, when it is already indexed).</summary>
    public long? ExcludeId { get; init; }
    public int Limit { get; init; } = 10;
    /// <summary>The lowest similarity (<see cref="ChineseText.Similarity(string, string)"/>, Dice over bigrams) returned.</summary>
    public double MinScore { get; init; } = SearchIndex.DefaultMinScore;
}

/// <summary>An indexed text like the query: its id under the kind, and its similarity, 0 to 1.</summary>
public sealed record SimilarHit(long Id, double Score);

/// <summary>
/// The Chinese text similarity index: texts of any kind ("suggestion" …) by id, scoped to a
/// congress and a year. Retrieval in the database (SQLite FTS5, or PostgreSQL tsvector + GIN) by
/// the query's rarest bigrams, then exact rescoring here with <see cref="ChineseText.Similarity(string, string)"/>.
/// A derived index written with raw SQL, so not audited; callers upsert after they save the
/// source record. See docs/decisions/0005-chinese-similarity-index.md.
/// </summary>
public static class SearchIndex
{
    /// <summary>
    /// Default threshold: texts that share at least 30 % of their bigrams, to show "similar
    /// suggestions". A light rewrite of a suggestion scores about 0.8–0.9, another suggestion on
    /// the same place and subject about 0.35, different subjects under 0.1; pass 0.5–0.6 for
    /// duplicates only (并案 candidates).
    /// </summary>
    public const double DefaultMinScore = 0.3;

    /// <summary>At most this many tokens of the query find candidates alone (keeps the SQL short).</summary>
    internal const int MaxSingles = 128;

    /// <summary>
    /// A token this rare finds candidates alone, as long as the postings of all such tokens stay
    /// within <see cref="PostingBudget"/>: the texts the database has to read.
    /// </summary>
    internal const long RareDf = 1_000;

    internal const long PostingBudget = 4_000;

    /// <summary>
    /// A query with fewer rare tokens than this (a text of everyday words only) also searches for
    /// conjunctions of common tokens from different places of the query, each grown until the
    /// texts expected to hold it all (assuming independence) are at most <see cref="ConjunctionMatches"/>.
    /// A fallback: on PostgreSQL every common token in a query makes the GIN scan walk its long
    /// posting list, so conjunctions are few, and what they find is cut at <see cref="MaxExamined"/>.
    /// </summary>
    internal const int MinSingles = 4;

    internal const double ConjunctionMatches = 20;

    internal const int MaxConjunctions = 4;

    internal const int MaxConjunctionSize = 4;

    /// <summary>The tokens of a conjunction start this many characters apart or more, so they come from different phrases.</summary>
    internal const int PairDistance = 6;

    /// <summary>
    /// A safety valve (PostgreSQL): at most this many matching texts are read and ranked, so a
    /// query of nothing but everyday words cannot read a large part of the table.
    /// </summary>
    internal const int MaxExamined = 2_000;

    /// <summary>How many best-matching candidates the database returns for exact rescoring.</summary>
    internal const int Candidates = 100;

    public static async Task UpsertAsync(RendaDbContext db, string kind, long id, int congressId, int year, string text, CancellationToken ct = default)
    {
        CheckKind(kind);
        var tokens = ChineseText.Tokenize(text);
        await InTransactionAsync(db, async tx =>
        {
            if (db.Provider == DatabaseProvider.Postgres)
                await PostgresUpsertAsync(db, tx, kind, id, congressId, year, text, tokens, ct);
            else
                await SqliteUpsertAsync(db, tx, kind, id, congressId, year, text, tokens, ct);
        }, ct);
    }

    public static async Task RemoveAsync(RendaDbContext db, string kind, long id, CancellationToken ct = default)
    {
        CheckKind(kind);
        await InTransactionAsync(db, async tx =>
        {
            if (db.Provider == DatabaseProvider.Postgres)
                await PostgresRemoveAsync(db, tx, kind, id, ct);
            else
                await SqliteRemoveAsync(db, tx, kind, id, ct);
        }, ct);
    }

    /// <summary>
    /// The indexed texts of this kind and congress most like <paramref name="text"/>, best first,
    /// scoring at least <see cref="SimilarQuery.MinScore"/>, at most <see cref="SimilarQuery.Limit"/>.
    /// </summary>
    public static async Task<IReadOnlyList<SimilarHit>> SimilarAsync(RendaDbContext db, string kind, string text, SimilarQuery q, CancellationToken ct = default)
    {
        CheckKind(kind);
        var tokens = ChineseText.Tokenize(text);
        if (tokens.Count == 0 || q.Limit <= 0) return [];
        var query = ChineseText.CountKeys(text);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var tx = db.Database.CurrentTransaction?.GetDbTransaction();
            var postgres = db.Provider == DatabaseProvider.Postgres;
            var (frequencies, documents) = postgres
                ? await PostgresDocumentFrequenciesAsync(db, tx, kind, tokens.Distinct(StringComparer.Ordinal), ct)
                : await SqliteDocumentFrequenciesAsync(db, tx, tokens.Distinct(StringComparer.Ordinal), ct);
            var plan = Plan(tokens, frequencies, documents);
            if (plan.IsEmpty) return []; // no token of the query is in any indexed text, or only everyday ones
            var candidates = await CandidatesAsync(db, kind, plan, q, ct);
            return candidates
                .DistinctBy(c => c.Id)
                .Select(c => new SimilarHit(c.Id, ChineseText.Similarity(query, ChineseText.CountKeys(c.Body))))
                .Where(h => h.Score >= q.MinScore)
                .OrderByDescending(h => h.Score).ThenBy(h => h.Id)
                .Take(q.Limit)
                .ToList();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The ids of the indexed texts of this kind and congress that hold every one of <paramref name="tokens"/> (from
    /// <see cref="ChineseText.ContainedTokens"/>: then they include every indexed text that contains the searched
    /// text), with their years, in no particular order; null when there are more than <paramref name="limit"/>, and the caller searches
    /// without the index. Each text found costs the database a row read (its id is in the row, not in the inverted
    /// index), so it reads at most limit + 1, and none when the document frequencies show the text is common: they
    /// count every congress (and on SQLite every kind), so only a rarest token in more than <see cref="SkipFactor"/>
    /// × limit texts counts as common.
    /// </summary>
    public static async Task<IReadOnlyList<(long Id, int Year)>?> HavingAllAsync(RendaDbContext db, string kind, int congressId, IReadOnlyCollection<string> tokens, int limit, CancellationToken ct = default)
    {
        CheckKind(kind);
        ArgumentOutOfRangeException.ThrowIfZero(tokens.Count);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var tx = db.Database.CurrentTransaction?.GetDbTransaction();
            var postgres = db.Provider == DatabaseProvider.Postgres;
            var (frequencies, _) = postgres
                ? await PostgresDocumentFrequenciesAsync(db, tx, kind, tokens, ct)
                : await SqliteDocumentFrequenciesAsync(db, tx, tokens, ct);
            // Only a choice of path: the rows found below are the answer, and LIMIT guards against a count that is off.
            var rarest = tokens.OrderBy(t => frequencies.GetValueOrDefault(t)).ThenBy(t => t, StringComparer.Ordinal).Take(MaxConjunctionTokens).ToList();
            if (frequencies.GetValueOrDefault(rarest[0]) > SkipFactor * limit)
                return null;
            // Tokens are letters and digits only (ChineseText), so quoting them cannot be escaped, as in the similarity
            // queries. On PostgreSQL the scope lexeme keeps the inverted index inside the congress, so every row read is one found.
            await using var cmd = postgres
                ? Data.Database.Command(db, tx, $"""
                    SELECT id, year FROM search_documents
                    WHERE tokens @@ {TsQueryLiteral(string.Join(" & ", rarest.Select(t => $"'{t}'").Prepend($"'{ScopeLexeme(kind, congressId)}'")))} AND kind = @kind AND congress_id = @congress
                    LIMIT {limit + 1}
                    """, ("kind", kind), ("congress", congressId))
                : Data.Database.Command(db, tx, """
                    SELECT d.id, d.year FROM search_fts JOIN search_documents d ON d.doc_id = search_fts.rowid
                    WHERE search_fts MATCH @match AND d.kind = @kind AND d.congress_id = @congress
                    LIMIT @take
                    """, ("match", string.Join(" AND ", rarest.Select(t => $"\"{t}\""))), ("kind", kind), ("congress", congressId), ("take", limit + 1));
            var found = new List<(long, int)>();
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) found.Add((r.GetInt64(0), Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)));
            return found.Count > limit ? null : found;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// <see cref="HavingAllAsync"/> asks the inverted index for at most this many of the tokens, the rarest: they narrow
    /// the texts as well as all of them would, and each common one would only add a long posting list to walk.
    /// </summary>
    internal const int MaxConjunctionTokens = 8;

    /// <summary>See <see cref="HavingAllAsync"/>.</summary>
    internal const int SkipFactor = 10;

    /// <summary>
    /// How the database finds candidates: rare tokens, each alone (what they find is never cut),
    /// conjunctions of common tokens (the fallback, cut at <see cref="MaxExamined"/>), and the
    /// tokens that rank what they find.
    /// </summary>
    internal sealed record CandidateQuery(IReadOnlyList<string> Singles, IReadOnlyList<string[]> Conjunctions, IReadOnlyList<string> RankTerms)
    {
        public bool IsEmpty => Singles.Count == 0 && Conjunctions.Count == 0;
    }

    /// <summary>
    /// Rarest first, as Lucene's MoreLikeThis: every token rare enough finds candidates alone while
    /// their postings fit the budget — in a small index that is nearly every token, so every
    /// similar text is found; in a large one the rare tokens (names, places, figures, unusual
    /// wording) find the near-duplicates. <paramref name="documents"/> is the number of indexed
    /// texts (an estimate will do).
    /// </summary>
    internal static CandidateQuery Plan(IReadOnlyList<string> queryTokens, IReadOnlyDictionary<string, long> documentFrequencies, long documents)
    {
        var firstAt = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < queryTokens.Count; i++) firstAt.TryAdd(queryTokens[i], i);
        var terms = documentFrequencies.Where(f => f.Value > 0 && firstAt.ContainsKey(f.Key))
            .OrderBy(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => f.Key).ToList();
        if (terms.Count > 0) documents = Math.Max(documents, documentFrequencies[terms[^1]]);
        var singles = new List<string>();
        var rest = new List<string>();
        long postings = 0;
        foreach (var term in terms)
        {
            var df = documentFrequencies[term];
            if (df <= RareDf && postings + df <= PostingBudget && singles.Count < MaxSingles)
            {
                singles.Add(term);
                postings += df;
            }
            else rest.Add(term);
        }
        var conjunctions = new List<string[]>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in singles.Count >= MinSingles ? [] : rest)
        {
            if (conjunctions.Count == MaxConjunctions) break;
            if (used.Contains(term)) continue;
            var members = new List<string> { term };
            var expected = (double)documentFrequencies[term];
            foreach (var other in rest)
            {
                if (expected <= ConjunctionMatches || members.Count == MaxConjunctionSize) break;
                if (used.Contains(other) || members.Any(m => m == other || Math.Abs(firstAt[m] - firstAt[other]) < PairDistance)) continue;
                members.Add(other);
                expected *= (double)documentFrequencies[other] / documents;
            }
            // No partner far enough away, or still so common that it would only fill the safety valve with chance texts.
            if (members.Count == 1 || expected > MaxExamined) continue;
            used.UnionWith(members);
            conjunctions.Add([.. members]);
        }
        return new CandidateQuery(singles, conjunctions, [.. singles, .. conjunctions.SelectMany(c => c)]);
    }

    /// <summary>
    /// What the PostgreSQL index stores for a text: its distinct tokens and the scope lexeme of its
    /// kind and congress. Public for bulk loaders that COPY into search_documents (the benchmark).
    /// </summary>
    public static string[] Lexemes(string kind, int congressId, string text)
        => [.. ChineseText.Tokenize(text).Distinct(StringComparer.Ordinal), ScopeLexeme(kind, congressId)];

    /// <summary>
    /// "suggestion@3": every text of a kind and congress carries it, so the GIN index itself keeps
    /// the query inside the congress (ANDed with the tokens) instead of reading other congresses'
    /// rows and discarding them. Tokens are letters and digits only: no token has an '@'.
    /// </summary>
    internal static string ScopeLexeme(string kind, int congressId) => $"{kind}@{congressId}";

    /// <summary>
    /// A tsquery as a literal in the SQL text, not a parameter. Npgsql prepares a statement after its second use
    /// (Database.WithAutoPrepare) and PostgreSQL then plans it once for any query: with the tsquery unknown it estimates
    /// a fixed small share of matching rows, and under a LIMIT it chose to scan the whole table testing every row (a
    /// search in the laws' titles: 38 ms instead of 1 ms at 10,000 laws; the 1,044 laws' search p95 155 ms, docs/BENCHMARKS.md).
    /// With the literal each query is planned for its own words. The text is built from tokens (letters and digits,
    /// ChineseText) and scope lexemes; quotes are doubled all the same.
    /// </summary>
    internal static string TsQueryLiteral(string tsquery) => $"CAST('{tsquery.Replace("'", "''", StringComparison.Ordinal)}' AS tsquery)";

    private static void CheckKind(string kind)
    {
        // Kinds go into lexemes and queries: letters, digits, '-' and '_' only.
        if (kind is not { Length: > 0 and <= 40 } || !kind.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException("A search kind is a short name of letters, digits, '-' and '_', such as \"suggestion\".", nameof(kind));
    }

    /// <summary>Joins the caller's transaction, or runs in one of its own: the index rows and the term counts change together.</summary>
    private static async Task InTransactionAsync(RendaDbContext db, Func<DbTransaction, Task> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is { } current)
        {
            await work(current.GetDbTransaction());
            return;
        }
        await using var own = await db.Database.BeginTransactionAsync(ct);
        await work(own.GetDbTransaction());
        await own.CommitAsync(ct);
    }

    private static async Task<List<(long Id, string Body)>> ReadCandidatesAsync(DbCommand cmd, CancellationToken ct)
    {
        var result = new List<(long, string)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) result.Add((r.GetInt64(0), r.GetString(1)));
        return result;
    }

    /// <summary>What the database finds for a plan, best first by its own rank, before rescoring (the connection is open).</summary>
    internal static Task<List<(long Id, string Body)>> CandidatesAsync(RendaDbContext db, string kind, CandidateQuery plan, SimilarQuery q, CancellationToken ct = default)
    {
        var tx = db.Database.CurrentTransaction?.GetDbTransaction();
        return db.Provider == DatabaseProvider.Postgres
            ? PostgresCandidatesAsync(db, tx, kind, plan, q, ct)
            : SqliteCandidatesAsync(db, tx, kind, plan, q, ct);
    }

    /// <summary>The optional filters of a query as SQL conditions, on both providers.</summary>
    private static (string Sql, List<(string, object?)> Parameters) Filters(string column, SimilarQuery q)
    {
        var sql = new StringBuilder();
        var parameters = new List<(string, object?)>();
        if (q.UpToYear is { } upTo) { sql.Append($" AND {column}year <= @upTo"); parameters.Add(("upTo", upTo)); }
        if (q.FromYear is { } from) { sql.Append($" AND {column}year >= @from"); parameters.Add(("from", from)); }
        if (q.ExcludeId is { } exclude) { sql.Append($" AND {column}id <> @exclude"); parameters.Add(("exclude", exclude)); }
        return (sql.ToString(), parameters);
    }

    // ---------------------------------------------------------------- SQLite (FTS5)

    private static async Task SqliteUpsertAsync(RendaDbContext db, DbTransaction tx, string kind, long id, int congressId, int year, string text, IReadOnlyList<string> tokens, CancellationToken ct)
    {
        await using var find = Data.Database.Command(db, tx, "SELECT doc_id FROM search_documents WHERE kind = @kind AND id = @id", ("kind", kind), ("id", id));
        var existing = await find.ExecuteScalarAsync(ct);
        long docId;
        if (existing is long known)
        {
            docId = known;
            await using var forget = Data.Database.Command(db, tx, "DELETE FROM search_fts WHERE rowid = @doc", ("doc", docId));
            await forget.ExecuteNonQueryAsync(ct);
            await using var update = Data.Database.Command(db, tx, "UPDATE search_documents SET congress_id = @congress, year = @year, body = @body WHERE doc_id = @doc",
                ("congress", congressId), ("year", year), ("body", text), ("doc", docId));
            await update.ExecuteNonQueryAsync(ct);
        }
        else
        {
            await using var insert = Data.Database.Command(db, tx, "INSERT INTO search_documents (kind, id, congress_id, year, body) VALUES (@kind, @id, @congress, @year, @body) RETURNING doc_id",
                ("kind", kind), ("id", id), ("congress", congressId), ("year", year), ("body", text));
            docId = (long)(await insert.ExecuteScalarAsync(ct))!;
        }
        await using var index = Data.Database.Command(db, tx, "INSERT INTO search_fts (rowid, tokens) VALUES (@doc, @tokens)", ("doc", docId), ("tokens", string.Join(' ', tokens)));
        await index.ExecuteNonQueryAsync(ct);
    }

    private static async Task SqliteRemoveAsync(RendaDbContext db, DbTransaction tx, string kind, long id, CancellationToken ct)
    {
        await using var cmd = Data.Database.Command(db, tx, """
            DELETE FROM search_fts WHERE rowid IN (SELECT doc_id FROM search_documents WHERE kind = @kind AND id = @id);
            DELETE FROM search_documents WHERE kind = @kind AND id = @id;
            """, ("kind", kind), ("id", id));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Document frequencies of the terms and the number of documents (all kinds: FTS5 counts over the whole index).</summary>
    private static async Task<(Dictionary<string, long>, long)> SqliteDocumentFrequenciesAsync(RendaDbContext db, DbTransaction? tx, IEnumerable<string> terms, CancellationToken ct)
    {
        // fts5vocab answers term = ? from the index; json_each passes the whole list as one parameter.
        await using var cmd = Data.Database.Command(db, tx, """
            SELECT term, doc FROM search_fts_vocab WHERE term IN (SELECT value FROM json_each(@terms));
            SELECT count(*) FROM search_documents;
            """, ("terms", System.Text.Json.JsonSerializer.Serialize(terms)));
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) result[r.GetString(0)] = r.GetInt64(1);
        await r.NextResultAsync(ct);
        await r.ReadAsync(ct);
        return (result, r.GetInt64(0));
    }

    private static async Task<List<(long Id, string Body)>> SqliteCandidatesAsync(RendaDbContext db, DbTransaction? tx, string kind, CandidateQuery plan, SimilarQuery q, CancellationToken ct)
    {
        // Tokens are letters and digits only; quoted, none can be read as an FTS5 operator. FTS5's
        // own bm25 ranks (it weighs the rare tokens up); the scale of one congress needs no more.
        var match = string.Join(" OR ", plan.Singles.Select(t => $"\"{t}\"")
            .Concat(plan.Conjunctions.Select(c => "(" + string.Join(" AND ", c.Select(t => $"\"{t}\"")) + ")")));
        var (filters, parameters) = Filters("d.", q);
        await using var cmd = Data.Database.Command(db, tx, $"""
            SELECT d.id, d.body FROM search_fts JOIN search_documents d ON d.doc_id = search_fts.rowid
            WHERE search_fts MATCH @match AND d.kind = @kind AND d.congress_id = @congress{filters}
            ORDER BY search_fts.rank LIMIT {Candidates}
            """, [("match", match), ("kind", kind), ("congress", q.CongressId), .. parameters]);
        return await ReadCandidatesAsync(cmd, ct);
    }

    // ---------------------------------------------------------------- PostgreSQL (tsvector + GIN)

    private static async Task PostgresUpsertAsync(RendaDbContext db, DbTransaction tx, string kind, long id, int congressId, int year, string text, IReadOnlyList<string> tokens, CancellationToken ct)
    {
        var terms = tokens.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var old = await PostgresLockAndReadTermsAsync(db, tx, kind, id, ct);
        string[] lexemes = [.. terms, ScopeLexeme(kind, congressId)];
        await PostgresCountTermsAsync(db, tx, kind, removed: old.Except(terms, StringComparer.Ordinal).ToArray(), added: terms.Except(old, StringComparer.Ordinal).ToArray(), ct);
        await using var upsert = Data.Database.Command(db, tx, """
            INSERT INTO search_documents (kind, id, congress_id, year, tokens, body)
            VALUES (@kind, @id, @congress, @year, array_to_tsvector(@lexemes), @body)
            ON CONFLICT (kind, id) DO UPDATE SET congress_id = excluded.congress_id, year = excluded.year, tokens = excluded.tokens, body = excluded.body
            """, ("kind", kind), ("id", id), ("congress", congressId), ("year", year), ("lexemes", lexemes), ("body", text));
        await upsert.ExecuteNonQueryAsync(ct);
    }

    private static async Task PostgresRemoveAsync(RendaDbContext db, DbTransaction tx, string kind, long id, CancellationToken ct)
    {
        var old = await PostgresLockAndReadTermsAsync(db, tx, kind, id, ct);
        await PostgresCountTermsAsync(db, tx, kind, removed: old, added: [], ct);
        await using var delete = Data.Database.Command(db, tx, "DELETE FROM search_documents WHERE kind = @kind AND id = @id", ("kind", kind), ("id", id));
        await delete.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Writers of one kind take turns (a transaction-scoped advisory lock): two texts share many
    /// common tokens, and counting them in parallel would deadlock on the search_terms rows.
    /// Writes are rare, so the wait is short. Returns the terms now indexed for the id.
    /// </summary>
    private static async Task<string[]> PostgresLockAndReadTermsAsync(RendaDbContext db, DbTransaction tx, string kind, long id, CancellationToken ct)
    {
        await using var cmd = Data.Database.Command(db, tx, """
            SELECT pg_advisory_xact_lock(hashtext('renda.search_terms:' || @kind));
            SELECT tsvector_to_array(tokens) FROM search_documents WHERE kind = @kind AND id = @id;
            """, ("kind", kind), ("id", id));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.NextResultAsync(ct);
        // Without the scope lexeme, which is not a token and has no count.
        return await r.ReadAsync(ct) ? r.GetFieldValue<string[]>(0).Where(t => !t.Contains('@', StringComparison.Ordinal)).ToArray() : [];
    }

    private static async Task PostgresCountTermsAsync(RendaDbContext db, DbTransaction tx, string kind, string[] removed, string[] added, CancellationToken ct)
    {
        if (removed.Length > 0)
        {
            await using var down = Data.Database.Command(db, tx, """
                UPDATE search_terms SET df = df - 1 WHERE kind = @kind AND term = ANY(@terms);
                DELETE FROM search_terms WHERE kind = @kind AND term = ANY(@terms) AND df <= 0;
                """, ("kind", kind), ("terms", removed));
            await down.ExecuteNonQueryAsync(ct);
        }
        if (added.Length > 0)
        {
            await using var up = Data.Database.Command(db, tx, """
                INSERT INTO search_terms (kind, term, df) SELECT @kind, t, 1 FROM unnest(@terms) AS t
                ON CONFLICT (kind, term) DO UPDATE SET df = search_terms.df + 1
                """, ("kind", kind), ("terms", added));
            await up.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// Document frequencies of the terms in this kind, and the planner's estimate of the number of
    /// documents (all kinds; -1 before the first ANALYZE, when Plan falls back to the largest df).
    /// </summary>
    private static async Task<(Dictionary<string, long>, long)> PostgresDocumentFrequenciesAsync(RendaDbContext db, DbTransaction? tx, string kind, IEnumerable<string> terms, CancellationToken ct)
    {
        await using var cmd = Data.Database.Command(db, tx, """
            SELECT term, df FROM search_terms WHERE kind = @kind AND term = ANY(@terms);
            SELECT reltuples::bigint FROM pg_class WHERE oid = 'search_documents'::regclass;
            """, ("kind", kind), ("terms", terms.ToArray()));
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) result[r.GetString(0)] = r.GetInt32(1);
        await r.NextResultAsync(ct);
        await r.ReadAsync(ct);
        return (result, r.GetInt64(0));
    }

    private static async Task<List<(long Id, string Body)>> PostgresCandidatesAsync(RendaDbContext db, DbTransaction? tx, string kind, CandidateQuery plan, SimilarQuery q, CancellationToken ct)
    {
        // The tsqueries are built as text and cast, not parsed by to_tsquery: no parser or
        // dictionary may change a token. Tokens are letters and digits, kinds letters, digits, '-'
        // and '_', so quoting cannot be escaped. The scope lexeme makes the GIN index intersect
        // with this kind and congress; the kind and congress_id conditions re-check it in SQL.
        var scope = $"'{ScopeLexeme(kind, q.CongressId)}'";
        var (filters, parameters) = Filters("", q);
        var where = $"kind = @kind AND congress_id = @congress{filters}";
        var parts = new List<string>();
        if (plan.Singles.Count > 0)
        {
            var rare = TsQueryLiteral($"{scope} & ( {string.Join(" | ", plan.Singles.Select(t => $"'{t}'"))} )");
            parts.Add($"SELECT id, body, tokens FROM search_documents WHERE tokens @@ {rare} AND {where}");
        }
        if (plan.Conjunctions.Count > 0)
        {
            var common = TsQueryLiteral($"{scope} & ( {string.Join(" | ", plan.Conjunctions.Select(c => string.Join(" & ", c.Select(t => $"'{t}'"))))} )");
            parts.Add($"(SELECT id, body, tokens FROM search_documents WHERE tokens @@ {common} AND {where} LIMIT {MaxExamined})");
        }
        var rank = string.Join(" | ", plan.RankTerms.Select(t => $"'{t}'"));
        await using var cmd = Data.Database.Command(db, tx, $"""
            SELECT id, body FROM (
                {string.Join("\n    UNION ALL\n    ", parts)}
            ) AS found
            ORDER BY ts_rank(tokens, CAST(@rank AS tsquery)) DESC, id LIMIT {Candidates}
            """, [("rank", rank), ("kind", kind), ("congress", q.CongressId), .. parameters]);
        return await ReadCandidatesAsync(cmd, ct);
    }
}
