using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Renda.Bench.Load;

/// <summary>
/// The staff list of a congress's suggestions under a mix of filters, each measured in closed-loop
/// slices that alternate with slices of the authenticated trivial endpoint (GET /api/v1/ping).
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
        // A text in a few hundred suggestions of the congress (a place and a topic of the seeded titles), where the
        // similarity index narrows the search; 草原 is in three quarters of them, where it cannot.
        var rare = o.Maybe("rare-text") ?? "乌兰县发展枸杞";
        var writesPerSecond = o.Int("writes-per-second", 5);
        var writer = o.Maybe("writer") ?? "daibiao";
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
        // Measured after the mix, which stays the six filters above (comparable with earlier runs).
        var extra = new List<(string Name, string Query)>
        {
            ($"list: year={current}&text={rare}", $"&year={current}&text={Uri.EscapeDataString(rare)}"),
            ($"list: text={rare}", $"&text={Uri.EscapeDataString(rare)}"),
        };
        if (o.Maybe("only") is { } only)
        {
            bool Chosen((string Name, string Query) f) => only.Split(',').Any(x => f.Name.Contains(x, StringComparison.OrdinalIgnoreCase));
            filters = filters.Where(Chosen).ToList();
            extra = extra.Where(Chosen).ToList();
        }

        Console.WriteLine($"list scenario: {url} congress {code}, {concurrency} connections, warm-up {warmup.TotalSeconds:F0} s, {duration.TotalSeconds:F0} s measured per scenario and as much for its baseline");
        Console.WriteLine("rows matched per filter (total of page 1; + where the list stopped counting):");
        foreach (var (name, query) in filters.Concat(extra))
        {
            using var m = LoadRunner.Get(basePath + query, token);
            using var response = await client.SendAsync(m, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"{name}: {(int)response.StatusCode} {body}");
            using var doc = JsonDocument.Parse(body);
            var more = doc.RootElement.TryGetProperty("totalIsLowerBound", out var lower) && lower.GetBoolean() ? "+" : " ";
            Console.WriteLine($"  {name,-40} total {doc.RootElement.GetProperty("total").GetInt32(),7}{more} items {doc.RootElement.GetProperty("items").GetArrayLength()}");
        }

        // The machine is shared: its speed drifts within a run. So each scenario is measured in slices that
        // alternate with slices of the baseline (ping, list, ping, list …), and its ratio is taken against the
        // ping slices next to it. Each slice has its own short warm-up so that slices do not bleed into each other.
        var rounds = o.Int("rounds", 3);
        var slice = TimeSpan.FromSeconds(duration.TotalSeconds / rounds);
        var sliceWarmup = TimeSpan.FromSeconds(1);
        HttpRequestMessage Ping(int _) => LoadRunner.Get("/api/v1/ping", token);
        Func<int, HttpRequestMessage> ListPage(string query) => i => LoadRunner.Get($"{basePath}{query}&page={1 + (uint)i % 5}", token);
        var scenarios = filters.Select(f => (f.Name, Request: ListPage(f.Query), Writes: 0)).ToList();
        if (filters.Count > 1)
        {
            HttpRequestMessage Mix(int i) => LoadRunner.Get($"{basePath}{filters[(int)((uint)i % (uint)filters.Count)].Query}&page={1 + (uint)(i / filters.Count) % 5}", token);
            scenarios.Add(("list: mix of the above", Mix, 0));
            // The pages are kept in memory until a write could change them (decision 0020): the same mix while a deputy
            // saves drafts, each of which empties the kept pages, shows the list when it is not only read.
            if (writesPerSecond > 0)
                scenarios.Add(($"list: mix, while a deputy saves {writesPerSecond} drafts/s", Mix, writesPerSecond));
        }
        scenarios.AddRange(extra.Select(f => (f.Name, Request: ListPage(f.Query), Writes: 0)));

        await LoadRunner.ClosedLoopAsync("warm-up", client, concurrency, warmup, TimeSpan.Zero, Ping, ct);
        foreach (var (name, request, _) in scenarios)
            await LoadRunner.ClosedLoopAsync("warm-up", client, concurrency, TimeSpan.FromSeconds(2), TimeSpan.Zero, request, ct);

        var results = new List<(RunResult List, RunResult Ping)>();
        Console.WriteLine();
        Console.WriteLine($"{rounds} alternating slices of {slice.TotalSeconds:F1} s per scenario and per baseline:");
        Console.WriteLine(RunResult.Header);
        var drafts = (Saved: 0, Failed: 0);
        foreach (var (name, request, writes) in scenarios)
        {
            var pings = new List<RunResult>();
            var lists = new List<RunResult>();
            for (var r = 0; r < rounds; r++)
            {
                pings.Add(await LoadRunner.ClosedLoopAsync("ping", client, concurrency, sliceWarmup, slice, Ping, ct));
                using var stopWriting = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var writing = writes > 0 ? WriteDraftsAsync(url, writer, o.Get("password"), code, writes, stopWriting.Token) : Task.FromResult((0, 0));
                lists.Add(await LoadRunner.ClosedLoopAsync(name, client, concurrency, sliceWarmup, slice, request, ct));
                await stopWriting.CancelAsync();
                var (saved, failed) = await writing;
                drafts = (drafts.Saved + saved, drafts.Failed + failed);
            }
            var list = RunResult.Merge(name, lists);
            var ping = RunResult.Merge("  ping, in the same slices", pings);
            LoadRunner.Print(list);
            LoadRunner.Print(ping);
            results.Add((list, ping));
        }
        if (writesPerSecond > 0)
            Console.WriteLine($"drafts saved during the writing scenario: {drafts.Saved}, refused or failed: {drafts.Failed}");

        var summary = new StringBuilder();
        summary.AppendLine(CultureInfo.InvariantCulture, $"\n| scenario ({concurrency} connections) | p99 ms | p99 ≤ 50 ms | req/s | ping req/s, same slices | ratio | ratio ≥ 30 % | errors |");
        summary.AppendLine("|---|---:|---|---:|---:|---:|---|---:|");
        foreach (var (list, ping) in results)
        {
            var ratio = list.Throughput / ping.Throughput;
            summary.AppendLine(CultureInfo.InvariantCulture,
                $"| {list.Name} | {list.P99:F1} | {(list.P99 <= P99TargetMs ? "met" : "missed")} | {list.Throughput:F0} | {ping.Throughput:F0} | {ratio:P0} | {(ratio >= RatioTarget ? "met" : "missed")} | {list.Errors} |");
        }
        var pingAll = RunResult.Merge("ping, all slices", results.Select(r => r.Ping).ToList());
        if (writesPerSecond > 0 && drafts.Saved + drafts.Failed > 0)
            summary.AppendLine(CultureInfo.InvariantCulture, $"\ndrafts saved by {writer} while the writing scenario ran: {drafts.Saved} (each empties the kept pages), refused or failed: {drafts.Failed}");
        summary.AppendLine(CultureInfo.InvariantCulture, $"\nping over all its slices: {pingAll.Throughput:F0} req/s, p50 {pingAll.P50:F1} ms, p99 {pingAll.P99:F1} ms; per scenario's slices {results.Min(r => r.Ping.Throughput):F0}–{results.Max(r => r.Ping.Throughput):F0} req/s");
        Console.Write(summary);
        if (o.Maybe("out") is { } path)
        {
            var md = new StringBuilder();
            md.AppendLine(CultureInfo.InvariantCulture, $"#### List endpoint, {concurrency} connections, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC ({rounds} slices of {slice.TotalSeconds:F1} s each, alternating with ping)");
            md.AppendLine();
            md.AppendLine(RunResult.Header);
            foreach (var (list, ping) in results)
            {
                md.AppendLine(list.Row);
                md.AppendLine(ping.Row);
            }
            md.Append(summary);
            md.AppendLine();
            await File.AppendAllTextAsync(path, md.ToString(), ct);
        }
        return results.Sum(r => r.List.Errors + r.Ping.Errors) + drafts.Failed == 0 ? 0 : 1;
    }

    /// <summary>A deputy saving drafts at a steady rate on a connection of its own, until stopped: (saved, refused or failed).</summary>
    private static async Task<(int Saved, int Failed)> WriteDraftsAsync(string url, string user, string password, string code, int perSecond, CancellationToken stop)
    {
        using var client = LoadRunner.Client(url, 2);
        var token = await LoadRunner.TokenAsync(client, user, password, CancellationToken.None);
        var (saved, failed) = (0, 0);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / perSecond));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                using var m = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/congresses/{code}/suggestions")
                {
                    Content = System.Net.Http.Json.JsonContent.Create(new
                    {
                        title = $"关于基准测试期间草稿写入第{saved + failed + 1}项的建议",
                        content = "本草稿由列表基准测试写入，用于在读取列表的同时产生写操作，检验列表缓存在写入时的表现，不提交、不交办。",
                        category = "其他",
                        submit = false,
                    }),
                };
                m.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                using var response = await client.SendAsync(m, CancellationToken.None);
                if (response.IsSuccessStatusCode) saved++; else failed++;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        return (saved, failed);
    }
}
