using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Renda.Tests.Infrastructure;
using Renda.Web.Platform.Identity;

namespace Renda.Tests.Platform.Security;

/// <summary>
/// Issue 21, item 1: every endpoint of the application (read from its own endpoint list) called as every caller, each answer
/// held to <see cref="AccessPolicy"/>. A caller the table allows is not refused; one it does not allow is refused (401/403,
/// 404 for a record it may not know of, or the login or forbidden page); nobody ever gets a 5xx. An endpoint without a line
/// in the table fails here, so a new endpoint cannot be added without saying who may call it.
/// </summary>
public abstract class AuthorizationMatrixTests(RendaApp app)
{
    [Fact]
    public async Task Every_endpoint_has_a_line_in_the_policy_and_every_line_an_endpoint()
    {
        var endpoints = (await SecuritySurface.EndpointsAsync(app)).Select(s => s.Key).ToHashSet();
        endpoints.Count.ShouldBeGreaterThan(500);
        var missing = endpoints.Where(k => !AccessPolicy.Endpoints.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var stale = AccessPolicy.Endpoints.Keys.Where(k => !endpoints.Contains(k)).Order(StringComparer.Ordinal).ToList();
        missing.ShouldBeEmpty($"{missing.Count} endpoints have no line in AccessPolicy.Endpoints (say who may call them):\n" + string.Join("\n", missing));
        stale.ShouldBeEmpty("lines in AccessPolicy.Endpoints name no endpoint:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_the_policy_says()
    {
        var clock = Stopwatch.StartNew();
        var surfaces = await SecuritySurface.EndpointsAsync(app);
        var clients = new SecuritySurface.Clients(app);
        var values = new SecuritySurface.RouteValues(app);
        var bodies = await OpenApiBodies.LoadAsync(app.Anonymous());
        var discover = Environment.GetEnvironmentVariable("RENDA_AUTHZ_DISCOVER");
        var violations = new List<string>();
        var generated = new List<string>();
        var calls = 0;
        // Every sign-in first, one at a time: a step below (a token asked for with made-up credentials) slows down later sign-ins from the same address.
        foreach (var c in SecuritySurface.Callers)
        {
            await clients.ForAsync(c, api: true);
            await clients.ForAsync(c, api: false);
        }
        var results = new System.Collections.Concurrent.ConcurrentDictionary<string, (string Url, Dictionary<Caller, (Outcome Outcome, int Status)> Outcomes)>();
        // Reads change nothing: several endpoints and every caller at once. Steps one at a time, the least powerful caller first,
        // so that the state each caller meets is the same on every run.
        await Parallel.ForEachAsync(surfaces.Where(s => !s.Changes), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (surface, _) =>
        {
            var url = await values.FillAsync(surface.Route);
            var answers = await Task.WhenAll(SecuritySurface.Callers.Select(async c => (c, await CallAsync(clients, bodies, surface, url, c))));
            results[surface.Key] = (url, answers.ToDictionary(a => a.c, a => a.Item2));
        });
        foreach (var surface in surfaces.Where(s => s.Changes))
        {
            var url = await values.FillAsync(surface.Route);
            var outcomes = new Dictionary<Caller, (Outcome Outcome, int Status)>();
            foreach (var c in SecuritySurface.Callers)
                outcomes[c] = await CallAsync(clients, bodies, surface, url, c);
            results[surface.Key] = (url, outcomes);
        }
        foreach (var surface in surfaces)
        {
            var (url, outcomes) = results[surface.Key];
            calls += outcomes.Count;
            var reached = outcomes.Where(o => o.Value.Outcome == Outcome.Reached).Aggregate(Caller.Nobody, (all, o) => all | o.Key);
            foreach (var (c, (outcome, status)) in outcomes.Where(o => o.Value.Outcome == Outcome.ServerError))
                violations.Add($"{surface.Key} as {c}: {status} {url}");
            if (discover is not null)
            {
                generated.Add(Line(surface, reached) + (reached == Caller.Nobody ? $" // {url} {string.Join(" ", outcomes.Select(o => $"{Short(o.Key)}={o.Value.Status}"))}" : ""));
                continue;
            }
            if (!AccessPolicy.Endpoints.TryGetValue(surface.Key, out var access))
                continue; // the first test names it
            foreach (var c in SecuritySurface.Callers)
            {
                var (outcome, status) = outcomes[c];
                var allowed = access.Callers.HasFlag(c);
                // On a step, whether an allowed caller gets past validation and state depends on what earlier steps left
                // (the table lists who was not refused in the run that wrote it); the direction that matters is held on every step.
                if (allowed && !surface.Changes && outcome is Outcome.Refused or Outcome.Hidden)
                    violations.Add($"{surface.Key} as {c}: allowed by the policy, refused with {status} ({url})");
                if (!allowed && outcome == Outcome.Reached)
                    violations.Add($"{surface.Key} as {c}: not allowed by the policy, answered {status} ({url})");
            }
        }
        if (discover is not null)
            File.WriteAllLines(discover, generated);
        SecuritySurface.WriteFigures($"authorization-matrix-{app.Provider}", [
            ("endpoints", surfaces.Count), ("callers", SecuritySurface.Callers.Length), ("calls", calls), ("violations", violations.Count),
            ("seconds", (int)clock.Elapsed.TotalSeconds),
        ]);
        violations.ShouldBeEmpty($"{violations.Count} of {calls} calls break the policy:\n" + string.Join("\n", violations.Take(200)));
    }

    private static async Task<(Outcome, int)> CallAsync(SecuritySurface.Clients clients, OpenApiBodies bodies, Surface surface, string url, Caller caller)
    {
        var client = await clients.ForAsync(caller, surface.IsApi);
        using var request = new HttpRequestMessage(new HttpMethod(surface.Method), url);
        if (surface.Changes)
        {
            if (surface.IsPage)
                request.Content = new FormUrlEncodedContent([]); // no antiforgery token: an allowed caller gets 400, a refused one the login or forbidden page
            else if (bodies.RequestBody(surface.Method, surface.Route) is { } body)
                request.Content = body.MediaType.StartsWith("multipart/", StringComparison.Ordinal)
                    ? OpenApiBodies.Multipart(bodies, body.Schema)
                    : new StringContent(bodies.Plausible(body.Schema)?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        return (SecuritySurface.Classify(response), (int)response.StatusCode);
    }

    /// <summary>A table line for what was observed (RENDA_AUTHZ_DISCOVER=file writes them instead of asserting).</summary>
    private static string Line(Surface surface, Caller reached)
    {
        string callers;
        if (reached == Caller.Anyone) callers = "Anyone";
        else if (reached == Caller.SignedIn) callers = "SignedIn";
        else if (reached == Caller.Nobody) callers = "Nobody";
        else callers = string.Join(" | ", Enum.GetValues<Caller>().Where(c => c != 0 && (c & (c - 1)) == 0 && reached.HasFlag(c)).Select(Short));
        var reach = reached.HasFlag(Caller.Anonymous) ? "Any" : reached.HasFlag(Caller.Staff) && !reached.HasFlag(Caller.OtherCongressStaff) ? "Congress" : "Any";
        return $"        [\"{surface.Key}\"] = new({callers}, {reach}),";
    }

    private static string Short(Caller c) => c switch
    {
        Caller.SystemAdministrator => "Sys", Caller.SecurityAdministrator => "Sec", Caller.AuditAdministrator => "Aud", Caller.Staff => "Staff",
        Caller.Chairperson => "Chair", Caller.Member => "Member", Caller.UnitOfficer => "Unit", Caller.FilingOrgan => "Filer",
        Caller.FinanceBureau => "Finance", Caller.Deputy => "Deputy", Caller.OtherCongressStaff => "Other", Caller.Anonymous => "Anon",
        _ => c.ToString(),
    };
}

public sealed class AuthorizationMatrixTests_Sqlite(SqliteApp app) : AuthorizationMatrixTests(app), IClassFixture<SqliteApp>;
public sealed class AuthorizationMatrixTests_Postgres(PostgresApp app) : AuthorizationMatrixTests(app), IClassFixture<PostgresApp>;
