using System.Data.Common;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Renda.Bench.Load;

/// <summary>
/// The public portal's load figures (issue 19 part 2), driven by bench/run-portal-load.sh:
/// portal-seed multiplies the demo's public content (articles, the congresses' regulations, published suggestions with
/// answers, drafts for comment, reports heard, liaison stations) by copying each public row N-1 times in SQL;
/// portal-load measures home, news list and an article against the site's CSS (the static-file baseline) at 64 connections,
/// in alternating slices; portal-search measures the site search API (never cached) for a set of queries, one at a time.
/// </summary>
public static class PortalScenario
{
    /// <summary>Table, which rows are public, and the columns that must differ per copy (unique indexes, a visible title).</summary>
    private static readonly (string Table, string Where, Dictionary<string, string> Set)[] Copies =
    [
        ("NewsArticles", "t.\"Status\" = 'Published'", new() { ["Title"] = "t.\"Title\" || '（' || n.i || '）'" }),
        ("Laws", "t.\"CongressId\" IS NOT NULL", new() { ["SourcePath"] = "t.\"SourcePath\" || '#' || n.i", ["BillId"] = "NULL", ["Title"] = "t.\"Title\" || '（' || n.i || '）'" }),
        ("Suggestions", "t.\"Published\"", new()
        {
            ["Number"] = "t.\"Number\" || '-' || n.i", ["Serial"] = "t.\"Serial\" + n.i * 100000", ["IdempotencyKey"] = "NULL",
            ["PublicTitle"] = "t.\"PublicTitle\" || '（' || n.i || '）'",
        }),
        ("CommentPeriods", "1 = 1", new()),
        ("WorkReports", "t.\"HeardOn\" IS NOT NULL", new() { ["Title"] = "t.\"Title\" || '（' || n.i || '）'" }),
        ("LiaisonStations", "1 = 1", new() { ["Name"] = "t.\"Name\" || '（' || n.i || '）'" }),
    ];

    public static async Task<int> SeedAsync(Options o, CancellationToken ct)
    {
        var times = o.Int("times", 100);
        var postgres = o.Get("provider").Equals("postgres", StringComparison.OrdinalIgnoreCase);
        await using DbConnection conn = postgres ? new NpgsqlConnection(o.Get("conn")) : new SqliteConnection(o.Get("conn"));
        await conn.OpenAsync(ct);
        foreach (var (table, where, set) in Copies)
        {
            var columns = new List<string>();
            await using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = postgres
                    ? $"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}' AND column_name <> 'Id' ORDER BY ordinal_position"
                    : $"SELECT name FROM pragma_table_info('{table}') WHERE name <> 'Id' ORDER BY cid";
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct)) columns.Add(r.GetString(0));
            }
            var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
            var values = string.Join(", ", columns.Select(c => set.TryGetValue(c, out var e) ? e : $"t.\"{c}\""));
            var clock = Stopwatch.StartNew();
            await using var insert = conn.CreateCommand();
            insert.CommandTimeout = 600;
            insert.CommandText = $"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {times - 1})
                INSERT INTO "{table}" ({list}) SELECT {values} FROM "{table}" t CROSS JOIN n WHERE {where}
                """;
            var rows = await insert.ExecuteNonQueryAsync(ct);
            Console.WriteLine($"  {table}: +{rows} rows ({clock.ElapsedMilliseconds} ms)");
        }
        return 0;
    }

    public static async Task<int> LoadAsync(Options o, CancellationToken ct)
    {
        var url = o.Get("url");
        var concurrency = o.Int("concurrency", 64);
        var duration = TimeSpan.FromSeconds(o.Int("duration", 30));
        var slices = o.Int("slices", 3);
        var code = o.Maybe("code") ?? "632800";
        using var client = LoadRunner.Client(url, concurrency);
        var css = o.Maybe("css") ?? "/css/site.css";
        var article = o.Get("article");
        (string Name, string Path)[] targets = [("static CSS (baseline)", css), ("home", $"/p/{code}"), ("news list", $"/p/{code}/news"), ("article", article)];
        var results = targets.ToDictionary(t => t.Name, _ => new List<RunResult>());
        // Slices alternate between the targets, so a change in the shared machine's load touches all of them alike.
        for (var s = 0; s < slices; s++)
            foreach (var (name, path) in targets)
                results[name].Add(await LoadRunner.ClosedLoopAsync(name, client, concurrency, TimeSpan.FromSeconds(2), duration / slices,
                    _ => new HttpRequestMessage(HttpMethod.Get, path), ct));
        var merged = targets.Select(t => RunResult.Merge(t.Name, results[t.Name])).ToList();
        var baseline = merged[0].Throughput;
        var sb = new StringBuilder();
        sb.AppendLine("| page | conc. | requests | errors | req/s | share of static | p50 ms | p95 ms | p99 ms |").AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in merged)
            sb.AppendLine($"| {r.Name} | {r.Concurrency} | {r.Count} | {r.Errors} | {r.Throughput:F0} | {r.Throughput / baseline:P0} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} |");
        Console.WriteLine(sb.ToString());
        if (o.Maybe("out") is { } file) await File.AppendAllTextAsync(file, sb.ToString() + "\n", ct);
        return 0;
    }

    public static async Task<int> SearchAsync(Options o, CancellationToken ct)
    {
        var url = o.Get("url");
        var code = o.Maybe("code") ?? "632800";
        var runs = o.Int("runs", 40);
        var queries = (o.Maybe("queries") ?? "冷湖天文,人大,代表建议,海西州 生态保护,条例,茶卡盐湖,答复,人民代表大会常务委员会,乡村振兴 产业").Split(',');
        using var client = LoadRunner.Client(url, 1);
        var all = new List<double>();
        var sb = new StringBuilder();
        sb.AppendLine("| query | hits | p50 ms | p95 ms | max ms |").AppendLine("|---|---:|---:|---:|---:|");
        foreach (var q in queries)
        {
            var path = $"/api/v1/public/congresses/{code}/search?q={Uri.EscapeDataString(q)}";
            var hits = 0;
            for (var i = 0; i < 3; i++)
            {
                using var doc = JsonDocument.Parse(await client.GetStringAsync(path, ct));
                hits = doc.RootElement.GetProperty("total").GetInt32();
                if (doc.RootElement.GetProperty("capped").GetBoolean()) hits = -hits;
            }
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.GetAsync(path, ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                response.EnsureSuccessStatusCode();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            all.AddRange(times);
            sb.AppendLine($"| {q} | {(hits < 0 ? $"{-hits}+" : hits.ToString())} | {Pct(times, 0.5):F1} | {Pct(times, 0.95):F1} | {times[^1]:F1} |");
        }
        all.Sort();
        sb.AppendLine($"| **all queries** | | {Pct(all, 0.5):F1} | **{Pct(all, 0.95):F1}** | {all[^1]:F1} |");
        Console.WriteLine(sb.ToString());
        if (o.Maybe("out") is { } file) await File.AppendAllTextAsync(file, sb.ToString() + "\n", ct);
        return 0;
    }

    private static double Pct(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
