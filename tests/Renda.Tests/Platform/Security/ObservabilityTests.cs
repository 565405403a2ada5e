using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Renda.Tests.Infrastructure;
using Renda.Web.Platform.Deadlines;

namespace Renda.Tests.Platform.Security;

/// <summary>
/// Issue 21, item 7: Prometheus metrics of requests and database commands for the operations network only, the trace id in
/// every log line of a request, and the deadline monitor in the health report.
/// </summary>
public abstract class ObservabilityTests(RendaApp app)
{
    /// <summary>The test server has no peer address: this header stands in for the address a request comes from.</summary>
    private const string From = "X-Test-Peer";

    private WebApplicationFactory<Program> WithPeerAddresses(params (string Key, string Value)[] settings)
        => app.WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings) b.UseSetting(key, value);
            b.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new PeerAddress()));
        });

    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => a =>
        {
            a.Use(async (http, following) =>
            {
                if (http.Request.Headers.TryGetValue(From, out var peer)) http.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                await following(http);
            });
            next(a);
        };
    }

    private static async Task<HttpResponseMessage> GetFromAsync(HttpClient client, string url, string? peer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (peer is not null) request.Headers.Add(From, peer);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Metrics_of_requests_and_database_commands_are_served_to_the_operations_network_only()
    {
        using var factory = WithPeerAddresses(("Renda:Operations:Networks", "10.20.0.0/16"));
        var staff = await factory.ApiClientAsync("daigongwei");
        (await staff.GetAsync("/api/v1/congresses/632800/suggestions")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var anonymous = factory.Anonymous();
        // The exporter gathers what was measured at most once a … scrape: the first answer already holds the request above.
        var scrape = await GetFromAsync(anonymous, "/metrics", "127.0.0.1");
        var text = await scrape.Content.ReadAsStringAsync();
        scrape.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        text.ShouldContain("http_server_request_duration_seconds_count");
        text.ShouldContain("http_route=\"/api/v1/congresses/{code}/suggestions/\"");
        text.ShouldContain("renda_db_command_duration_seconds_count");
        text.ShouldContain(app.Provider == Renda.Web.Data.DatabaseProvider.Postgres ? "db_system=\"postgresql\"" : "db_system=\"sqlite\"");
        (await GetFromAsync(anonymous, "/metrics", "10.20.3.4")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // From anywhere else, and signed in or not, the endpoint does not exist.
        foreach (var peer in new[] { "203.0.113.9", "10.21.0.1", null })
        {
            (await GetFromAsync(anonymous, "/metrics", peer)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await GetFromAsync(staff, "/metrics", peer)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await GetFromAsync(anonymous, "/health/detail", peer)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task A_log_line_of_a_request_carries_the_requests_trace_id()
    {
        var log = new LogCapture();
        using var factory = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Information");
            b.ConfigureLogging(l => l.AddProvider(log));
        });
        var traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/laws?q=" + Uri.EscapeDataString("环境保护"));
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
        (await factory.Anonymous().SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var lines = log.Entries.Where(e => e.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && e.Message.Contains("/api/v1/laws")).ToList();
        lines.ShouldNotBeEmpty();
        foreach (var line in lines)
        {
            line.Scopes.GetValueOrDefault("TraceId")?.ToString().ShouldBe(traceId);
            line.Scopes.GetValueOrDefault("SpanId")?.ToString().ShouldNotBeNullOrEmpty();
            line.Scopes.GetValueOrDefault("SpanId")?.ToString().ShouldNotBe("00f067aa0ba902b7"); // the server's own span, under the caller's
        }
    }

    [Fact]
    public async Task The_health_report_shows_the_deadline_monitor()
    {
        using var factory = WithPeerAddresses();
        var monitor = factory.Services.GetRequiredService<DeadlineMonitor>();
        await monitor.RunOnceAsync(app.Clock.GetUtcNow());
        int overdue;
        await using (var scope = factory.Services.CreateAsyncScope())
            overdue = await scope.ServiceProvider.GetRequiredService<Renda.Web.Data.RendaDbContext>().Deadlines.CountAsync(d => d.Status == DeadlineStatus.Overdue);

        var response = await GetFromAsync(factory.Anonymous(), "/health/detail", "::1");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var check = JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty("deadline-monitor");
        check.GetProperty("status").GetString().ShouldBe("Healthy", body);
        var data = check.GetProperty("data");
        DateTimeOffset.Parse(data.GetProperty("lastRunAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(app.Clock.GetUtcNow());
        data.GetProperty("overdue").GetInt32().ShouldBe(overdue);
        overdue.ShouldBeGreaterThan(0); // the demo story has overdue clocks, so the figure is read, not defaulted
        data.GetProperty("pastDueNotMarked").GetInt32().ShouldBe(0);
        (await factory.Anonymous().GetStringAsync("/health/ready")).ShouldBe("Healthy");
    }
}

public sealed class ObservabilityTests_Sqlite(SqliteApp app) : ObservabilityTests(app), IClassFixture<SqliteApp>;
public sealed class ObservabilityTests_Postgres(PostgresApp app) : ObservabilityTests(app), IClassFixture<PostgresApp>;
