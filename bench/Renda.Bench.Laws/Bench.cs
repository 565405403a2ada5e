using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Renda.Web.Data;
using Renda.Web.Features.Laws;
using Renda.Web.Platform.Web;

namespace Renda.Bench.Laws;

internal static class Sql
{
    public static DbCommand Command(RendaDbContext db, string sql)
    {
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = sql;
        return cmd;
    }

    public static DbParameter Add(this DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
        return p;
    }
}

/// <summary>The baseline of the import: the same rows into plain tables, one transaction, prepared statements, nothing else.</summary>
internal static class Bare
{
    public static async Task InsertAsync(RendaDbContext db, List<(string Title, string Source, List<LawArticle> Units)> rows)
    {
        await db.Database.OpenConnectionAsync();
        await using (var create = Sql.Command(db, """
            CREATE TABLE bench_bare_laws (id integer PRIMARY KEY, title text NOT NULL, source text NOT NULL);
            CREATE TABLE bench_bare_articles (law_id integer NOT NULL, ordinal integer NOT NULL, kind text NOT NULL, number integer NOT NULL,
                suffix integer NOT NULL, label text NOT NULL, path text NOT NULL, body text NOT NULL);
            """))
            await create.ExecuteNonQueryAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        await using var law = Sql.Command(db, "INSERT INTO bench_bare_laws (id, title, source) VALUES (@id, @title, @source)");
        var (id, title, source) = (law.Add("id", 0), law.Add("title", ""), law.Add("source", ""));
        await using var art = Sql.Command(db, "INSERT INTO bench_bare_articles VALUES (@law, @ordinal, @kind, @number, @suffix, @label, @path, @body)");
        var p = new[] { "law", "ordinal", "kind", "number", "suffix", "label", "path", "body" }.Select(n => art.Add(n, null)).ToArray();
        var n = 0;
        foreach (var r in rows)
        {
            id.Value = ++n; title.Value = r.Title; source.Value = r.Source;
            await law.ExecuteNonQueryAsync();
            foreach (var u in r.Units)
            {
                p[0].Value = n; p[1].Value = u.Ordinal; p[2].Value = u.Kind; p[3].Value = u.Number; p[4].Value = u.Suffix; p[5].Value = u.Label; p[6].Value = u.Path; p[7].Value = u.Body;
                await art.ExecuteNonQueryAsync();
            }
        }
        await tx.CommitAsync();
        await db.Database.CloseConnectionAsync();
    }
}

/// <summary>A fixed, seeded set of queries: legal phrases, 2–4 character passages cut from real articles, two-word queries, titles.</summary>
internal static class Queries
{
    public static List<string> Build(List<string> bodies, List<string> titles, int count)
    {
        var random = new Random(2026);
        string[] phrases = ["基层立法联系点", "行政处罚", "法律责任", "国务院", "人民代表大会常务委员会", "环境保护", "未成年人", "知识产权", "罚款", "备案审查", "冷湖", "恐怖活动", "自治条例", "个人信息"];
        var list = new List<string>(phrases);
        while (list.Count < count)
        {
            var kind = random.Next(4);
            if (kind == 3) { list.Add(titles[random.Next(titles.Count)].Replace("中华人民共和国", "", StringComparison.Ordinal)); continue; }
            string Cut(int length)
            {
                for (var tries = 0; tries < 50; tries++)
                {
                    var b = bodies[random.Next(bodies.Count)];
                    if (b.Length < length + 2) continue;
                    var at = random.Next(b.Length - length);
                    var s = b.Substring(at, length);
                    if (s.All(c => c >= 0x4E00 && c <= 0x9FFF)) return s;
                }
                return "法律";
            }
            list.Add(kind switch { 0 => Cut(2), 1 => Cut(4), _ => $"{Cut(2)} {Cut(3)}" });
        }
        return list;
    }
}

internal static class Search
{
    /// <summary>How many of the slowest queries to print with their times (--slowest N), to see what the tail is made of.</summary>
    public static int Slowest { get; set; }

    /// <summary>Renda:Laws:SearchCap for the measured searches (--cap N; default LawIndex.MatchCap).</summary>
    public static int Cap { get; set; } = LawIndex.MatchCap;

    public static async Task MeasureAsync(RendaDbContext db, List<string> queries, string label)
    {
        var filter = new LawFilter();
        // Warm-up: every query once (page cache, statement caches), not counted.
        foreach (var q in queries) await LawQueries.SearchAsync(db, q, filter, 1, null, default, Cap);
        var search = new List<double>();
        var list = new List<double>();
        var trivial = new List<double>();
        var found = 0;
        var lowerBound = 0;
        var none = new List<string>();
        var sw = new Stopwatch();
        await db.Database.OpenConnectionAsync();
        await using var one = Sql.Command(db, "SELECT 1");
        foreach (var q in queries)
        {
            sw.Restart();
            var page = await LawQueries.SearchAsync(db, q, filter, 1, null, default, Cap);
            search.Add(sw.Elapsed.TotalMilliseconds);
            if (page.Total > 0) found++; else none.Add(q);
            if (page.TotalIsLowerBound) lowerBound++;
            sw.Restart();
            await one.ExecuteScalarAsync();
            trivial.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            await LawQueries.SearchAsync(db, null, filter, 1, null, default);
            list.Add(sw.Elapsed.TotalMilliseconds);
        }
        await db.Database.CloseConnectionAsync();
        Console.WriteLine();
        Console.WriteLine($"search at {label}, cap {Cap}: {queries.Count} queries, {found} with results, {lowerBound} with a lower-bound total (the cap reached)");
        Console.WriteLine("| what | p50 ms | p95 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        Row("`LawQueries.SearchAsync(q)` (page 1, total, snippets)", search);
        Row("unfiltered first page (no q)", list);
        Row("baseline `SELECT 1`", trivial);
        foreach (var (q, ms) in queries.Zip(search).OrderByDescending(x => x.Second).Take(Slowest))
            Console.WriteLine(FormattableString.Invariant($"  {ms,8:F1} ms  {q}"));
        if (Slowest > 0) Console.WriteLine("without results: " + string.Join(" / ", none));
    }

    private static void Row(string what, List<double> ms)
    {
        var s = ms.Order().ToList();
        double P(double p) => s[Math.Min(s.Count - 1, (int)Math.Ceiling(p * s.Count) - 1)];
        Console.WriteLine(FormattableString.Invariant($"| {what} | {P(0.5):F1} | {P(0.95):F1} | {s[^1]:F1} |"));
    }
}

/// <summary>
/// A SCALE× corpus from the real laws: each law again SCALE−1 times, title and text varied per copy (a place name
/// and a number put in, one character of every tenth article changed), written straight into "Laws" and the article
/// index in large transactions (no audit: it is benchmark data).
/// </summary>
internal static class Generator
{
    private static readonly string[] Places = ["西宁市", "海东市", "海西州", "格尔木市", "德令哈市", "玉树州", "果洛州", "海南州", "黄南州", "海北州", "茫崖市", "都兰县"];

    public static async Task<(int Laws, int Units)> GrowAsync(RendaDbContext db, List<(string Title, string Source, List<LawArticle> Units)> rows, int scale)
    {
        var laws = 0;
        var units = 0;
        var strategy = db.Database.CreateExecutionStrategy();
        // PostgreSQL: GIN indexes grown row by row made generating 100× take 25–55 minutes; built once afterwards they hold
        // the same entries. (Migration 0008/0014 define them; the statements below repeat those definitions.)
        if (db.Provider == DatabaseProvider.Postgres)
            await db.Database.ExecuteSqlRawAsync("DROP INDEX search_law_articles_tokens; DROP INDEX search_law_titles_tokens;");
        for (var copy = 1; copy < scale; copy++)
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            foreach (var (title, _, original) in rows)
            {
                var place = Places[(copy + laws) % Places.Length];
                var newTitle = $"{place}{title.Replace("中华人民共和国", "", StringComparison.Ordinal)}（汇编{copy}）";
                int id;
                await using (var insert = Sql.Command(db, """
                    INSERT INTO "Laws" ("WorkKey", "Title", "Category", "SourcePath", "SourceHash", "History", "VersionDate", "ArticleCount", "Repealed", "ImportedAt")
                    VALUES (@key, @title, @category, @path, '', '', @date, @count, @no, @now) RETURNING "Id"
                    """))
                {
                    insert.Add("key", $"bench/{copy}/{laws}");
                    insert.Add("title", newTitle);
                    insert.Add("category", "汇编");
                    insert.Add("path", $"bench/{copy}/{laws}.md");
                    insert.Add("date", new DateOnly(1980 + copy % 45, 1 + laws % 12, 1));
                    insert.Add("count", original.Count(u => u.Kind == LawArticle.ArticleKind));
                    insert.Add("no", false);
                    insert.Add("now", DateTime.UtcNow);
                    id = Convert.ToInt32(await insert.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
                }
                await using (var text = Sql.Command(db, "INSERT INTO \"LawSources\" (\"Id\", \"Source\") VALUES (@id, '')"))
                {
                    text.Add("id", id);
                    await text.ExecuteNonQueryAsync();
                }
                var varied = original.Select((u, i) => u with
                {
                    LawId = id,
                    Body = i % 10 == copy % 10 && u.Body.Length > 4 ? $"{place}{u.Body[..^2]}{copy % 10}{u.Body[^1]}" : u.Body,
                }).ToList();
                await LawIndex.ReplaceAsync(db, id, newTitle, varied, default);
                laws++;
                units += varied.Count;
            }
            await tx.CommitAsync();
            if (copy % 10 == 0 || copy == scale - 1) Console.Error.WriteLine($"  generated copy {copy}/{scale - 1}: {laws} laws, {units} units");
        }
        if (db.Provider == DatabaseProvider.Postgres)
        {
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            await db.Database.ExecuteSqlRawAsync("""
                SET maintenance_work_mem = '1GB';
                CREATE INDEX search_law_articles_tokens ON search_law_articles USING gin (law_id, tokens) WITH (fastupdate = off);
                CREATE INDEX search_law_titles_tokens ON search_law_titles USING gin (tokens) WITH (fastupdate = off);
                RESET maintenance_work_mem;
                ANALYZE;
                """);
        }
        else
            await db.Database.ExecuteSqlRawAsync("ANALYZE; INSERT INTO search_law_fts(search_law_fts) VALUES('optimize');");
        return (laws, units);
    }
}
