using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Renda.Web.Platform.Web;

/// <summary>
/// What operations watch (issue 21, item 7): OpenTelemetry metrics and traces of requests (ASP.NET Core), outgoing HTTP,
/// database commands (<see cref="DatabaseTelemetry"/>; PostgreSQL's driver adds its own spans and pool metrics) and the
/// background checks (<see cref="PeriodicCheck"/>). Metrics are scraped by Prometheus at /metrics, traces leave only when
/// an OTLP collector is configured (OTEL_EXPORTER_OTLP_ENDPOINT); nothing leaves the building otherwise.
/// /metrics and /health/detail answer only the operations network (<see cref="IsOperations"/>): loopback, and the networks
/// listed in Renda:Operations:Networks ("10.20.0.0/16,192.168.5.0/24"); anyone else gets 404, as if they did not exist.
/// </summary>
public static class Telemetry
{
    public const string Name = "Renda";
    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> DatabaseCommands = Meter.CreateHistogram<double>("renda.db.command.duration", "s",
        "Duration of database commands, by provider and outcome");
    public static readonly Histogram<double> BackgroundRuns = Meter.CreateHistogram<double>("renda.background.run.duration", "s",
        "Duration of background checks (deadline monitor, reminders, audit checkpoints), by check and outcome");

    public static IServiceCollection AddRendaTelemetry(this IServiceCollection services, IConfiguration config)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("renda"))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter(Name, "Npgsql").AddPrometheusExporter())
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o => o.Filter = http => !IsOperationsPath(http.Request.Path))
                    .AddHttpClientInstrumentation().AddSource(Name, "Npgsql");
                if (!string.IsNullOrEmpty(config["OTEL_EXPORTER_OTLP_ENDPOINT"]))
                    t.AddOtlpExporter();
            });
        return services;
    }

    /// <summary>/metrics (Prometheus) and /health/detail, for the operations network only.</summary>
    public static void MapRendaOperations(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapHealthChecks("/health/detail", new HealthCheckOptions { ResponseWriter = WriteDetailAsync });
    }

    /// <summary>Before routing: a request for an operations path from elsewhere is answered 404.</summary>
    public static void UseRendaOperationsGuard(this WebApplication app)
    {
        var networks = (app.Configuration["Renda:Operations:Networks"] ?? "")
            .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries).Select(IPNetwork.Parse).ToArray();
        app.Use(async (http, next) =>
        {
            if (IsOperationsPath(http.Request.Path) && !IsOperations(http.Connection.RemoteIpAddress, networks))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next(http);
        });
    }

    private static bool IsOperationsPath(PathString path) => path.StartsWithSegments("/metrics") || path.StartsWithSegments("/health/detail");

    public static bool IsOperations(IPAddress? address, IReadOnlyList<IPNetwork> networks)
    {
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return IPAddress.IsLoopback(address) || networks.Any(n => n.Contains(address));
    }

    private static Task WriteDetailAsync(HttpContext http, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data.ToDictionary(d => d.Key, d => d.Value),
            }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
    }
}

/// <summary>
/// Every database command as a metric (renda.db.command.duration) and, on SQLite (PostgreSQL's driver traces itself), a span
/// under the request or background check that ran it.
/// </summary>
public sealed class DatabaseTelemetry : DbCommandInterceptor
{
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Record(command, eventData, "ok");
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData, "ok");
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Record(command, eventData, "ok");
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData, "ok");
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Record(command, eventData, "ok");
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData, "ok");
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Record(command, eventData, "error");

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Record(command, eventData, "error");
        return Task.CompletedTask;
    }

    private static void Record(DbCommand command, CommandEndEventData data, string outcome)
    {
        var system = command is Npgsql.NpgsqlCommand ? "postgresql" : "sqlite";
        Telemetry.DatabaseCommands.Record(data.Duration.TotalSeconds,
            new KeyValuePair<string, object?>("db.system", system), new KeyValuePair<string, object?>("outcome", outcome));
        if (system != "sqlite" || !Telemetry.Source.HasListeners()) return;
        using var span = Telemetry.Source.StartActivity("sqlite " + data.ExecuteMethod, ActivityKind.Client);
        if (span is null) return;
        span.SetStartTime(data.StartTime.UtcDateTime);
        span.SetTag("db.system", system);
        span.SetTag("db.operation", FirstWord(command.CommandText));
        if (outcome == "error") span.SetStatus(ActivityStatusCode.Error);
        span.SetEndTime(data.StartTime.UtcDateTime + data.Duration);
    }

    private static string FirstWord(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        var end = text.IndexOfAny(' ', '\n', '\r');
        return (end < 0 ? text : text[..end]).ToString().ToUpperInvariant();
    }
}
