using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Renda.Bench.Votes;

/// <summary>The staff's calls that set a scenario up: each must answer as expected, or the run stops with the body.</summary>
public sealed class Api(HttpClient client, string token)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<JsonNode?> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected, CancellationToken ct)
    {
        using var m = Request(method, path, token, body);
        using var response = await client.SendAsync(m, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode}, expected {(int)expected}: {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    public Task<JsonNode?> PostAsync(string path, object? body, HttpStatusCode expected, CancellationToken ct) => SendAsync(HttpMethod.Post, path, body, expected, ct);
    public Task<JsonNode?> GetAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Get, path, null, HttpStatusCode.OK, ct);

    /// <summary>A request with its body serialised up front, so that sending it costs the client nothing more.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string path, string token, object? body)
    {
        var m = new HttpRequestMessage(method, path);
        m.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
            m.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, Json)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } };
        return m;
    }

    /// <summary>One client per member, as each member's phone has its own connection.</summary>
    public static HttpClient Phone(string baseUrl) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 1,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        UseProxy = false,
    })
    {
        BaseAddress = new Uri(baseUrl),
        Timeout = TimeSpan.FromSeconds(60),
    };
}

/// <summary>Outcome of one request: status (0 when it threw), latency in ms, and the body when the status was not expected.</summary>
public readonly record struct Sent(int Status, double Ms, double SinceGateMs, string? Body);

/// <summary>
/// N requests released at one moment: each is built and its task started first, all wait on one gate, and the gate
/// opens when every task waits on it. The latency of each is from its own send to its answer; "since the gate"
/// is from the common moment of release (the time a member waits from pressing the button).
/// </summary>
public static class Barrier
{
    public static async Task<Sent[]> FireAsync(IReadOnlyList<HttpClient> clients, Func<int, HttpRequestMessage> make, HttpStatusCode expected, CancellationToken ct)
    {
        var n = clients.Count;
        var results = new Sent[n];
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = 0;
        long released = 0;
        var tasks = Enumerable.Range(0, n).Select(i => Task.Run(async () =>
        {
            using var message = make(i);
            Interlocked.Increment(ref waiting);
            await gate.Task;
            var t0 = Stopwatch.GetTimestamp();
            try
            {
                using var response = await clients[i].SendAsync(message, HttpCompletionOption.ResponseContentRead, ct);
                var body = response.StatusCode == expected ? null : await response.Content.ReadAsStringAsync(ct);
                var t1 = Stopwatch.GetTimestamp();
                results[i] = new((int)response.StatusCode, Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds, Stopwatch.GetElapsedTime(released, t1).TotalMilliseconds, body);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                results[i] = new(0, Stopwatch.GetElapsedTime(t0).TotalMilliseconds, Stopwatch.GetElapsedTime(released).TotalMilliseconds, e.Message);
            }
        }, ct)).ToList();
        while (Volatile.Read(ref waiting) < n) await Task.Delay(1, ct);
        await Task.Delay(20, ct);
        released = Stopwatch.GetTimestamp();
        gate.SetResult();
        await Task.WhenAll(tasks);
        return results;
    }
}

public static class OneByOne
{
    /// <summary>The same requests one after another (no queue): the service time of each.</summary>
    public static async Task<Sent[]> SendAsync(IReadOnlyList<HttpClient> clients, Func<int, HttpRequestMessage> make, HttpStatusCode expected, CancellationToken ct)
    {
        var results = new Sent[clients.Count];
        for (var i = 0; i < clients.Count; i++)
        {
            using var message = make(i);
            var t0 = Stopwatch.GetTimestamp();
            using var response = await clients[i].SendAsync(message, HttpCompletionOption.ResponseContentRead, ct);
            var body = response.StatusCode == expected ? null : await response.Content.ReadAsStringAsync(ct);
            var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            results[i] = new((int)response.StatusCode, ms, ms, body);
        }
        return results;
    }
}

/// <summary>Nearest-rank percentiles of a sample, in ms.</summary>
public sealed record Stats(int Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static Stats Of(IEnumerable<double> values)
    {
        var v = values.Order().ToList();
        if (v.Count == 0) return new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        double P(double p) => v[Math.Clamp((int)Math.Ceiling(p * v.Count) - 1, 0, v.Count - 1)];
        return new(v.Count, P(0.50), P(0.95), P(0.99), v[^1], v.Average());
    }
}

public static class Report
{
    public static string F(double ms) => double.IsNaN(ms) ? "–" : ms >= 100 ? ms.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) : ms.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task WriteAsync(string? path, StringBuilder text, CancellationToken ct)
    {
        Console.Write(text);
        if (path is not null) await File.AppendAllTextAsync(path, text.ToString(), ct);
    }
}
