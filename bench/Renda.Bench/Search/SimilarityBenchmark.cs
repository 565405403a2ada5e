using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Renda.Web.Data;
using Renda.Web.Platform.Audit;
using Renda.Web.Platform.Search;

namespace Renda.Bench.Search;

/// <summary>
/// SearchIndex.SimilarAsync on PostgreSQL at a million suggestions: fills a fresh database through
/// the real migrations and COPY, then times queries (half light rewrites of stored texts, half new
/// texts) against a baseline measured in the same run, so the figure reads as a ratio on any
/// machine. A Stopwatch harness: what matters is the tail of a database query, not nanoseconds.
/// </summary>
public static class SimilarityBenchmark
{
    private const string Kind = "suggestion";
    private const int Seed = 20_260_101;

    public static async Task<int> RunAsync(string[] args)
    {
        var connection = Option(args, "--connection") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=renda_bench_search";
        var documents = long.Parse(Option(args, "--documents") ?? "1000000", CultureInfo.InvariantCulture);
        var queries = int.Parse(Option(args, "--queries") ?? "200", CultureInfo.InvariantCulture);
        var generator = new SuggestionGenerator(Seed, names: !args.Contains("--stock-phrases"));

        if (!args.Contains("--skip-load"))
            await LoadAsync(connection, documents, generator);

        var options = new DbContextOptionsBuilder<RendaDbContext>().UseNpgsql(connection).Options;
        RendaDbContext NewContext() => new(options, new SystemActor(), TimeProvider.System);
        await using (var db = NewContext())
        {
            var count = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM search_documents").SingleAsync();
            Console.WriteLine($"documents: {count:N0}");
        }

        var random = new Random(Seed);
        var workload = Enumerable.Range(0, queries + 20).Select(q => Query(q, documents, generator, random)).ToList();
        var lastYear = SuggestionGenerator.FirstYear + SuggestionGenerator.Years - 1;

        // Warm up: JIT, connection pool, the hot pages of the index.
        foreach (var w in workload.Take(20))
            await using (var db = NewContext())
                await SearchIndex.SimilarAsync(db, Kind, w.Text, new SimilarQuery(w.Congress) { UpToYear = lastYear });

        var ping = await TimeAsync(queries, async (db, i) =>
        {
            await db.Database.OpenConnectionAsync();
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = "SELECT 1";
            await cmd.ExecuteScalarAsync();
            await db.Database.CloseConnectionAsync();
        }, NewContext);
        var lookup = await TimeAsync(queries, async (db, i) =>
        {
            await db.Database.OpenConnectionAsync();
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = "SELECT body FROM search_documents WHERE kind = 'suggestion' AND id = @id";
            cmd.Parameters.Add(new NpgsqlParameter("id", 1 + (long)i * 4_999 % documents));
            await cmd.ExecuteScalarAsync();
            await db.Database.CloseConnectionAsync();
        }, NewContext);

        var found = 0;
        var hitsTotal = 0;
        var freshWithHits = 0;
        var measured = workload.Skip(20).ToList();
        var similar = await TimeAsync(queries, async (db, i) =>
        {
            var w = measured[i];
            var hits = await SearchIndex.SimilarAsync(db, Kind, w.Text, new SimilarQuery(w.Congress) { UpToYear = lastYear });
            hitsTotal += hits.Count;
            if (w.SourceId is { } source && hits.Count > 0 && hits[0].Id == source) found++;
            if (w.SourceId is null && hits.Count > 0) freshWithHits++;
        }, NewContext);

        var nearDuplicates = measured.Count(w => w.SourceId is not null);
        var exactChecks = int.Parse(Option(args, "--exact") ?? "0", CultureInfo.InvariantCulture);
        var recall = exactChecks > 0 ? await RecallAgainstExactAsync(connection, measured.Take(exactChecks).ToList(), NewContext, lastYear) : null;
        Console.WriteLine();
        Console.WriteLine($"| measure ({queries} each) | p50 ms | p95 ms | p99 ms | max ms | mean ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Row("baseline: SELECT 1 round trip", ping);
        Row("baseline: primary-key lookup of a body", lookup);
        Row("SearchIndex.SimilarAsync", similar);
        Console.WriteLine();
        Console.WriteLine($"p95 ratio SimilarAsync / SELECT 1: {Percentile(similar, 0.95) / Percentile(ping, 0.95):F0}×; / primary-key lookup: {Percentile(similar, 0.95) / Percentile(lookup, 0.95):F0}×");
        Console.WriteLine($"near-duplicates whose source ranked first: {found} of {nearDuplicates}");
        Console.WriteLine($"new texts with a hit ≥ {SearchIndex.DefaultMinScore}: {freshWithHits} of {measured.Count - nearDuplicates}; hits returned on average: {(double)hitsTotal / measured.Count:F1}");
        if (recall is not null) Console.WriteLine(recall);
        return found == nearDuplicates ? 0 : 1;
    }

    /// <summary>
    /// How much of the exact answer SimilarAsync returns: for each query, every text of its
    /// congress is scored (a full scan, seconds per query) and the exact top 10 above the threshold
    /// is compared with what SimilarAsync returned, at the default threshold and at 0.5.
    /// </summary>
    private static async Task<string> RecallAgainstExactAsync(string connection, List<Work> queries, Func<RendaDbContext> newContext, int lastYear)
    {
        var report = new System.Text.StringBuilder();
        foreach (var threshold in new[] { SearchIndex.DefaultMinScore, 0.5 })
        {
            int expectedTotal = 0, foundTotal = 0;
            long above = 0;
            int[] byKind = [0, 0, 0, 0]; // near-dup expected, found; new expected, found
            foreach (var w in queries)
            {
                var query = ChineseText.CountKeys(w.Text);
                var exact = new List<(long Id, double Score)>();
                await using (var c = new NpgsqlConnection(connection))
                {
                    await c.OpenAsync();
                    await using var cmd = new NpgsqlCommand("SELECT id, body FROM search_documents WHERE kind = 'suggestion' AND congress_id = @c AND year <= @y", c);
                    cmd.Parameters.AddWithValue("c", w.Congress);
                    cmd.Parameters.AddWithValue("y", lastYear);
                    await using var r = await cmd.ExecuteReaderAsync();
                    while (await r.ReadAsync())
                    {
                        var score = ChineseText.Similarity(query, ChineseText.CountKeys(r.GetString(1)));
                        if (score >= threshold) exact.Add((r.GetInt64(0), score));
                    }
                }
                above += exact.Count;
                var top = exact.OrderByDescending(e => e.Score).ThenBy(e => e.Id).Take(10).Select(e => e.Id).ToHashSet();
                await using var db = newContext();
                var hits = await SearchIndex.SimilarAsync(db, Kind, w.Text, new SimilarQuery(w.Congress) { UpToYear = lastYear, MinScore = threshold });
                var found = hits.Count(h => top.Contains(h.Id));
                expectedTotal += top.Count;
                foundTotal += found;
                var k = w.SourceId is null ? 2 : 0;
                byKind[k] += top.Count;
                byKind[k + 1] += found;
            }
            report.AppendLine(FormattableString.Invariant(
                $"recall of the exact top 10 at score ≥ {threshold}: {foundTotal} of {expectedTotal} (near-duplicate queries {byKind[1]} of {byKind[0]}, new texts {byKind[3]} of {byKind[2]}) over {queries.Count} queries; texts at or above that score per query: {above / (double)queries.Count:F0} on average"));
        }
        return report.ToString();
    }

    private sealed record Work(string Text, int Congress, long? SourceId);

    /// <summary>Even queries rewrite a stored text (its source should rank first); odd ones are texts never stored.</summary>
    private static Work Query(int q, long documents, SuggestionGenerator generator, Random random)
    {
        if (q % 2 == 0)
        {
            var id = random.NextInt64(1, documents + 1);
            return new Work(SuggestionGenerator.Rewrite(generator.Text(id), random), SuggestionGenerator.CongressOf(id), id);
        }
        return new Work(generator.Text(documents + 1 + q), random.Next(1, SuggestionGenerator.Congresses + 1), null);
    }

    private static async Task<double[]> TimeAsync(int count, Func<RendaDbContext, int, Task> work, Func<RendaDbContext> newContext)
    {
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            await using var db = newContext();
            var sw = Stopwatch.StartNew();
            await work(db, i);
            times[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times;
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static void Row(string name, double[] t)
        => Console.WriteLine(FormattableString.Invariant($"| {name} | {Percentile(t, 0.5):F2} | {Percentile(t, 0.95):F2} | {Percentile(t, 0.99):F2} | {t[^1]:F2} | {t.Average():F2} |"));

    private static string? Option(string[] args, string name)
        => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    /// <summary>
    /// A fresh database through the real migrations; then the documents and their term counts by
    /// COPY, with the GIN index dropped during the load and rebuilt from its own definition (one
    /// sorted build is far faster than a million incremental inserts).
    /// </summary>
    private static async Task LoadAsync(string connection, long documents, SuggestionGenerator generator)
    {
        var target = new NpgsqlConnectionStringBuilder(connection);
        var server = new NpgsqlConnectionStringBuilder(connection) { Database = "postgres" };
        await using (var c = new NpgsqlConnection(server.ConnectionString))
        {
            await c.OpenAsync();
            await Exec(c, $"DROP DATABASE IF EXISTS \"{target.Database}\" WITH (FORCE)");
            await Exec(c, $"CREATE DATABASE \"{target.Database}\" ENCODING 'UTF8' TEMPLATE template0");
        }
        var options = new DbContextOptionsBuilder<RendaDbContext>().UseNpgsql(connection).Options;
        await using (var db = new RendaDbContext(options, new SystemActor(), TimeProvider.System))
            await Database.MigrateAsync(db);

        var total = Stopwatch.StartNew();
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        var indexDefinition = (string)(await new NpgsqlCommand("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_documents_tokens'", conn).ExecuteScalarAsync())!;
        await Exec(conn, "DROP INDEX search_documents_tokens");

        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        long characters = 0;
        await using (var copy = await conn.BeginBinaryImportAsync("COPY search_documents (kind, id, congress_id, year, tokens, body) FROM STDIN (FORMAT BINARY)"))
        {
            for (long id = 1; id <= documents; id++)
            {
                var text = generator.Text(id);
                characters += text.Length;
                var congress = SuggestionGenerator.CongressOf(id);
                var lexemes = SearchIndex.Lexemes(Kind, congress, text);
                foreach (var t in lexemes.AsSpan(0, lexemes.Length - 1)) df[t] = df.GetValueOrDefault(t) + 1; // the last is the scope, not a token
                await copy.StartRowAsync();
                await copy.WriteAsync(Kind, NpgsqlDbType.Varchar);
                await copy.WriteAsync(id, NpgsqlDbType.Bigint);
                await copy.WriteAsync(congress, NpgsqlDbType.Integer);
                await copy.WriteAsync(SuggestionGenerator.YearOf(id), NpgsqlDbType.Integer);
                // The same lexemes as SearchIndex.UpsertAsync writes with array_to_tsvector; letters, digits and the scope's '@', nothing to escape.
#pragma warning disable CS0618 // client-side tsvector parsing is deprecated for user input; these lexemes are our own
                await copy.WriteAsync(NpgsqlTsVector.Parse(string.Join(' ', lexemes)), NpgsqlDbType.TsVector);
#pragma warning restore CS0618
                await copy.WriteAsync(text, NpgsqlDbType.Text);
                if (id % 100_000 == 0) Console.WriteLine($"  {id:N0} documents, {total.Elapsed.TotalSeconds:F0} s");
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await conn.BeginBinaryImportAsync("COPY search_terms (kind, term, df) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (term, count) in df)
                await copy.WriteRowAsync(default, Kind, term, count);
            await copy.CompleteAsync();
        }
        Console.WriteLine($"copied {documents:N0} documents (average {characters / (double)documents:F0} characters, {df.Count:N0} distinct tokens) in {total.Elapsed.TotalSeconds:F0} s; building the GIN index …");
        await Exec(conn, "SET maintenance_work_mem = '1GB'");
        await Exec(conn, indexDefinition);
        await Exec(conn, "VACUUM ANALYZE search_documents");
        await Exec(conn, "ANALYZE search_terms");
        Console.WriteLine($"loaded in {total.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task Exec(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }
}
