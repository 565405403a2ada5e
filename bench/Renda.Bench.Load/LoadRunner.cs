using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Renda.Bench.Load;

/// <summary>Figures of one measured run. Latencies in milliseconds, nearest-rank percentiles.</summary>
public sealed record RunResult(string Name, int Concurrency, double Seconds, long Count, long Errors, double Throughput, double P50, double P95, double P99, double Max, IReadOnlyDictionary<string, long> ErrorKinds)
{
    public static string Header => "| scenario | conc. | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|";

    public string Row => $"| {Name} | {Concurrency} | {Count} | {Errors} | {Throughput:F0} | {P50:F1} | {P95:F1} | {P99:F1} | {Max:F1} |";

    /// <summary>The recorded latencies, sorted, so that slices of one scenario can be merged.</summary>
    public IReadOnlyList<double> Latencies { get; private init; } = [];

    public static RunResult From(string name, int concurrency, double seconds, List<double> latencies, long errors, IReadOnlyDictionary<string, long> kinds)
    {
        latencies.Sort();
        double Pct(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Clamp((int)Math.Ceiling(p * latencies.Count) - 1, 0, latencies.Count - 1)];
        return new(name, concurrency, seconds, latencies.Count, errors, latencies.Count / seconds, Pct(0.50), Pct(0.95), Pct(0.99), latencies.Count == 0 ? double.NaN : latencies[^1], kinds)
        {
            Latencies = latencies,
        };
    }

    /// <summary>One result from several slices of the same scenario: their latencies together over their summed time.</summary>
    public static RunResult Merge(string name, IReadOnlyList<RunResult> slices)
    {
        var kinds = slices.SelectMany(r => r.ErrorKinds).GroupBy(k => k.Key).ToDictionary(g => g.Key, g => g.Sum(k => k.Value));
        return From(name, slices[0].Concurrency, slices.Sum(r => r.Seconds), slices.SelectMany(r => r.Latencies).ToList(), slices.Sum(r => r.Errors), kinds);
    }
}

/// <summary>
/// Closed-loop load: N workers, each sending its next request when the previous one is answered.
/// Requests started during the warm-up are not recorded; after warm-up + duration the workers stop.
/// A request counts as an error when it throws or its status is not the expected one; errors are
/// counted, not timed, and the first few bodies are kept to say why.
/// </summary>
public static class LoadRunner
{
    public static HttpClient Client(string baseUrl, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        UseProxy = false,
    })
    {
        BaseAddress = new Uri(baseUrl),
        Timeout = TimeSpan.FromSeconds(60),
    };

    public static async Task<RunResult> ClosedLoopAsync(string name, HttpClient client, int concurrency, TimeSpan warmup, TimeSpan duration,
        Func<int, HttpRequestMessage> request, CancellationToken ct, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var clock = Stopwatch.StartNew();
        var measureFrom = warmup;
        var stopAt = warmup + duration;
        var perWorker = new List<double>[concurrency];
        var errors = 0L;
        var kinds = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var mine = perWorker[w] = new List<double>(1 << 14);
            var i = 0;
            while (!ct.IsCancellationRequested)
            {
                var startedAt = clock.Elapsed;
                if (startedAt >= stopAt) break;
                var (ok, kind) = await SendAsync(client, request(w * 1_000_003 + i++), expected, ct);
                var elapsed = (clock.Elapsed - startedAt).TotalMilliseconds;
                // Errors count even in the warm-up: a failing endpoint must not look healthy.
                if (ok && startedAt >= measureFrom) mine.Add(elapsed);
                else if (!ok)
                {
                    Interlocked.Increment(ref errors);
                    kinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
                }
            }
        }, ct)).ToList();
        await Task.WhenAll(workers);
        var measured = Math.Min(duration.TotalSeconds, (clock.Elapsed - measureFrom).TotalSeconds);
        return RunResult.From(name, concurrency, measured, perWorker.SelectMany(l => l).ToList(), errors, kinds);
    }

    /// <summary>Each item once, by <paramref name="concurrency"/> workers; every item's latency or error recorded.</summary>
    public static async Task<RunResult> EachOnceAsync(string name, HttpClient client, int concurrency, int count,
        Func<int, HttpRequestMessage> request, HttpStatusCode expected, CancellationToken ct)
    {
        var next = -1;
        var perWorker = new List<double>[concurrency];
        var errors = 0L;
        var kinds = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var mine = perWorker[w] = [];
            int i;
            while (!ct.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < count)
            {
                var started = clock.Elapsed;
                var (ok, kind) = await SendAsync(client, request(i), expected, ct);
                if (ok) mine.Add((clock.Elapsed - started).TotalMilliseconds);
                else
                {
                    Interlocked.Increment(ref errors);
                    kinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
                }
            }
        }, ct)).ToList();
        await Task.WhenAll(workers);
        return RunResult.From(name, concurrency, clock.Elapsed.TotalSeconds, perWorker.SelectMany(l => l).ToList(), errors, kinds);
    }

    private static int samples;

    private static async Task<(bool Ok, string Kind)> SendAsync(HttpClient client, HttpRequestMessage message, HttpStatusCode expected, CancellationToken ct)
    {
        try
        {
            using (message)
            using (var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct))
            {
                if (response.StatusCode == expected) return (true, "");
                var body = await response.Content.ReadAsStringAsync(ct);
                if (Interlocked.Increment(ref samples) <= 5)
                    Console.Error.WriteLine($"  ! {(int)response.StatusCode} {message.Method} {message.RequestUri}: {Trim(body)}");
                return (false, $"HTTP {(int)response.StatusCode} {Title(body)}");
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            if (Interlocked.Increment(ref samples) <= 5)
                Console.Error.WriteLine($"  ! {message.Method} {message.RequestUri}: {e.GetType().Name} {e.Message}");
            return (false, e.GetType().Name);
        }
    }

    private static string Trim(string s) => s.Length > 400 ? s[..400] + "…" : s;

    private static string Title(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    public static HttpRequestMessage Get(string url, string token)
    {
        var m = new HttpRequestMessage(HttpMethod.Get, url);
        m.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return m;
    }

    public sealed record TokenResponse(string Token, DateTime ExpiresAt);

    public static async Task<string> TokenAsync(HttpClient client, string user, string password, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password }, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"token for {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        return (await response.Content.ReadFromJsonAsync<TokenResponse>(ct))!.Token;
    }

    public static void Print(RunResult r)
    {
        Console.WriteLine(r.Row);
        foreach (var (kind, n) in r.ErrorKinds)
            Console.WriteLine($"|   error: {kind} × {n} | | | | | | | | |");
    }
}
