using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Renda.Bench.Load;

/// <summary>
/// The staff list of a congress's suggestions under a mix of filters, each measured as its own
/// closed-loop run next to the authenticated trivial endpoint (GET /api/v1/ping) in the same run.
/// Pages 1–5 of 20 rows, as people page through a list.
/// </summary>
public static class ListScenario
{
    public const double P99TargetMs = 50;
    public const double RatioTarget = 0.30;

    public static async Task<int> RunAsync(Options o, CancellationToken ct)
    {
        var url = o.Get("url");
        var code = o.Get("code");
        var concurrency = o.Int("concurrency", 64);
        var warmup = TimeSpan.FromSeconds(o.Int("warmup", 5));
        var duration = TimeSpan.FromSeconds(o.Int("duration", 20));
        var year = o.Int("year", DateTime.UtcNow.Year - 1);
        var current = o.Int("current-year", DateTime.UtcNow.Year);
        var text = o.Maybe("text") ?? "草原";
        using var client = LoadRunner.Client(url, concurrency);
        var token = await LoadRunner.TokenAsync(client, o.Get("user"), o.Get("password"), ct);

        var basePath = $"/api/v1/congresses/{code}/suggestions?pageSize=20";
        var filters = new List<(string Name, string Query)>
        {
            ("list: no filter", ""),
            ($"list: year={year}", $"&year={year}"),
            ("list: status=Assigned", "&status=Assigned"),
            ($"list: year={current}&status=Submitted", $"&year={current}&status=Submitted"),
            ($"list: year={year}&status=Closed", $"&year={year}&status=Closed"),
            ($"list: year={current}&text={text}", $"&year={current}&text={Uri.EscapeDataString(text)}"),
        };
        if (o.Maybe("only") is { } only)
            filters = filters.Where(f => only.Split(',').Any(x => f.Name.Contains(x, StringComparison.OrdinalIgnoreCase))).ToList();

        Console.WriteLine($"list scenario: {url} congress {code}, {concurrency} connections, warm-up {warmup.TotalSeconds:F0} s, {duration.TotalSeconds:F0} s each");
        Console.WriteLine("rows matched per filter (total of page 1):");
        foreach (var (name, query) in filters)
        {
            using var m = LoadRunner.Get(basePath + query, token);
            using var response = await client.SendAsync(m, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"{name}: {(int)response.StatusCode} {body}");
            using var doc = JsonDocument.Parse(body);
            Console.WriteLine($"  {name,-40} total {doc.RootElement.GetProperty("total").GetInt32(),7}, items {doc.RootElement.GetProperty("items").GetArrayLength()}");
        }

        var results = new List<RunResult>();
        Console.WriteLine();
        Console.WriteLine(RunResult.Header);
        var ping = await LoadRunner.ClosedLoopAsync("ping (baseline)", client, concurrency, warmup, duration, _ => LoadRunner.Get("/api/v1/ping", token), ct);
        LoadRunner.Print(ping);
        results.Add(ping);
        foreach (var (name, query) in filters)
        {
            var r = await LoadRunner.ClosedLoopAsync(name, client, concurrency, warmup, duration,
                i => LoadRunner.Get($"{basePath}{query}&page={1 + (uint)i % 5}", token), ct);
            LoadRunner.Print(r);
            results.Add(r);
        }
        if (filters.Count > 1)
        {
            var mix = await LoadRunner.ClosedLoopAsync("list: mix of the above", client, concurrency, warmup, duration,
                i => LoadRunner.Get($"{basePath}{filters[(int)((uint)i % (uint)filters.Count)].Query}&page={1 + (uint)(i / filters.Count) % 5}", token), ct);
            LoadRunner.Print(mix);
            results.Add(mix);
        }
        // The baseline again at the end: the machine is shared, so a drift shows here.
        var pingAfter = await LoadRunner.ClosedLoopAsync("ping (baseline, again)", client, concurrency, warmup, duration, _ => LoadRunner.Get("/api/v1/ping", token), ct);
        LoadRunner.Print(pingAfter);
        results.Add(pingAfter);

        var baseline = (ping.Throughput + pingAfter.Throughput) / 2;
        var summary = new StringBuilder();
        summary.AppendLine(CultureInfo.InvariantCulture, $"\nping baseline (mean of before and after): {baseline:F0} req/s");
        summary.AppendLine("| scenario | p99 ms | p99 ≤ 50 ms | ratio to ping | ratio ≥ 30 % | errors |");
        summary.AppendLine("|---|---:|---|---:|---|---:|");
        foreach (var r in results.Where(r => r.Name.StartsWith("list", StringComparison.Ordinal)))
        {
            var ratio = r.Throughput / baseline;
            summary.AppendLine(CultureInfo.InvariantCulture, $"| {r.Name} | {r.P99:F1} | {(r.P99 <= P99TargetMs ? "met" : "missed")} | {ratio:P0} | {(ratio >= RatioTarget ? "met" : "missed")} | {r.Errors} |");
        }
        Console.Write(summary);
        if (o.Maybe("out") is { } path)
        {
            var md = new StringBuilder();
            md.AppendLine(CultureInfo.InvariantCulture, $"#### List endpoint, {concurrency} connections, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            md.AppendLine();
            md.AppendLine(RunResult.Header);
            foreach (var r in results) md.AppendLine(r.Row);
            md.Append(summary);
            md.AppendLine();
            await File.AppendAllTextAsync(path, md.ToString(), ct);
        }
        return results.Sum(r => r.Errors) == 0 ? 0 : 1;
    }
}
