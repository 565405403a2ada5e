using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Renda.Tests.Infrastructure;
using Renda.Web.Platform.Identity;

namespace Renda.Tests.Platform.Security;

/// <summary>
/// Issue 21, item 2: every POST/PUT/PATCH/DELETE of the OpenAPI document gets bodies made from its schema and then broken —
/// an empty object, null, the wrong JSON type, and for each field null, the wrong type, 1 MB of text, control characters,
/// markup, negative and huge numbers, an impossible date, an unknown enum name; uploads get broken multipart bodies. No answer
/// is 5xx, every 4xx is a ProblemDetails, a 400 on a field names a field, and when a batch was refused whole, every table has
/// as many rows as before. Then every HTML form is posted with hostile values and a valid antiforgery token: no 5xx.
/// </summary>
public abstract class HostileInputTests(RendaApp app)
{
    private static readonly string Megabyte = new('长', 1024 * 1024 / 3 + 1); // 1 MB of UTF-8

    /// <summary>Who sends the hostile bodies: the first caller the policy lets in, so they get past the door.</summary>
    private static readonly Caller[] Preference =
    [
        Caller.Staff, Caller.SystemAdministrator, Caller.SecurityAdministrator, Caller.AuditAdministrator, Caller.Chairperson, Caller.Member,
        Caller.UnitOfficer, Caller.FilingOrgan, Caller.FinanceBureau, Caller.Deputy, Caller.OtherCongressStaff, Caller.Anonymous,
    ];

    /// <summary>
    /// Tables a refused request may legitimately write: a refused token request is a failed sign-in (LoginAttempts, and its
    /// audit record); anything else counts as a partial write.
    /// </summary>
    private static readonly HashSet<string> WrittenOnRefusal = ["LoginAttempts", "AuditRecords"];

    [Fact]
    public async Task Hostile_bodies_never_get_a_5xx_are_answered_with_problem_details_and_write_nothing()
    {
        var clock = Stopwatch.StartNew();
        var bodies = await OpenApiBodies.LoadAsync(app.Anonymous());
        var clients = new SecuritySurface.Clients(app);
        var values = new SecuritySurface.RouteValues(app);
        foreach (var c in SecuritySurface.Callers) await clients.ForAsync(c, api: true);
        var operations = bodies.Operations().Where(o => o.Method is "POST" or "PUT" or "PATCH" or "DELETE" && o.Route.StartsWith("/api/v1/", StringComparison.Ordinal))
            .OrderBy(o => o.Route, StringComparer.Ordinal).ThenBy(o => o.Method).ToList();
        var routes = (await SecuritySurface.EndpointsAsync(app)).Where(s => s.IsApi).ToDictionary(s => $"{s.Method} {OpenApiBodies.DocumentPath(s.Route)}", s => s.Route);
        var faults = new List<string>();
        int sent = 0, serverErrors = 0, notProblems = 0, unnamed = 0, partialWrites = 0, accepted = 0;
        var legitimate = new Dictionary<string, int>();
        foreach (var (method, path) in operations)
        {
            var route = routes[$"{method} {path}"];
            var access = AccessPolicy.Endpoints[$"{method} {route}"];
            var caller = Preference.FirstOrDefault(c => access.Callers.HasFlag(c), Caller.Anonymous);
            // Sign-in itself: made-up credentials from one address would slow every later sign-in down (that is its job).
            if (route == "/api/v1/auth/token") continue;
            var client = await clients.ForAsync(caller, api: true);
            var url = await values.FillAsync(route);
            var before = await CountsAsync();
            var anyAccepted = false;
            // Where even the plausible body is refused before any field is read (a route or query value the operation needs),
            // no hostile body can be blamed on a field: those 400s are not held to naming one.
            var unbound = false;
            if (PlausibleBody(bodies, method, route) is { } plausibleBody)
            {
                using var baseRequest = new HttpRequestMessage(new HttpMethod(method), url) { Content = plausibleBody };
                using var baseResponse = await client.SendAsync(baseRequest);
                unbound = (int)baseResponse.StatusCode == 400 && !NamesAField(await baseResponse.Content.ReadAsStringAsync());
                if ((int)baseResponse.StatusCode < 400) anyAccepted = true;
            }
            foreach (var (what, field, content) in Hostile(bodies, method, route))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = content };
                using var response = await client.SendAsync(request);
                sent++;
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                var where = $"{method} {route} as {caller} with {what}: {status}";
                if (status >= 500) { serverErrors++; faults.Add($"{where} {Cut(text)}"); continue; }
                if (status < 400) { accepted++; anyAccepted = true; continue; }
                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") { notProblems++; faults.Add($"{where} is not a ProblemDetails: {Cut(text)}"); continue; }
                if (status == 400 && field is not null && !unbound && !NamesAField(text))
                {
                    unnamed++;
                    faults.Add($"{where} names no field: {Cut(text)}");
                }
            }
            var after = await CountsAsync();
            var changed = after.Where(t => before.GetValueOrDefault(t.Key) != t.Value).Select(t => t.Key).ToList();
            foreach (var t in changed.Where(WrittenOnRefusal.Contains)) legitimate[t] = legitimate.GetValueOrDefault(t) + 1;
            var unexpected = changed.Where(t => !WrittenOnRefusal.Contains(t)).ToList();
            if (!anyAccepted && unexpected.Count > 0)
            {
                partialWrites++;
                faults.Add($"{method} {route} as {caller}: every hostile body was refused, yet rows changed in {string.Join(", ", unexpected)}");
            }
        }
        SecuritySurface.WriteFigures($"hostile-api-{app.Provider}", [
            ("operations", operations.Count), ("requests", sent), ("accepted", accepted), ("5xx", serverErrors), ("not ProblemDetails", notProblems),
            ("400 naming no field", unnamed), ("partial writes", partialWrites),
            ("written on refusal", string.Join(" ", legitimate.Select(l => $"{l.Key}:{l.Value}"))), ("seconds", (int)clock.Elapsed.TotalSeconds),
        ]);
        faults.ShouldBeEmpty($"{faults.Count} faults in {sent} hostile requests:\n" + string.Join("\n", faults.Take(150)));
    }

    private static HttpContent? PlausibleBody(OpenApiBodies bodies, string method, string route)
        => bodies.RequestBody(method, route) is { } b && !b.MediaType.StartsWith("multipart/", StringComparison.Ordinal)
            ? Json(bodies.Plausible(b.Schema)?.ToJsonString() ?? "{}") : null;

    private static string Cut(string s) => s.Length > 300 ? s[..300] + "…" : s;

    private static bool NamesAField(string problem)
    {
        try
        {
            var root = JsonDocument.Parse(problem).RootElement;
            return root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any(e => e.Name.Length > 0);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The hostile bodies of one operation: (what, the field at fault or null, content).</summary>
    private static IEnumerable<(string What, string? Field, HttpContent Content)> Hostile(OpenApiBodies doc, string method, string route)
    {
        var body = doc.RequestBody(method, route);
        if (body is null)
        {
            // A step without a body still gets one it does not expect, and garbage.
            yield return ("an unexpected object", null, Json("{\"x\":\"<script>alert(1)</script>\"}"));
            yield break;
        }
        var (media, schema) = body.Value;
        if (media.StartsWith("multipart/", StringComparison.Ordinal))
        {
            foreach (var broken in BrokenMultipart()) yield return broken;
            yield break;
        }
        yield return ("{}", null, Json("{}"));
        yield return ("null", null, Json("null"));
        yield return ("an array", null, Json("[1,2]"));
        yield return ("a truncated body", null, Json("{\"a\":"));
        var plausible = doc.Plausible(schema) as JsonObject ?? [];
        var bigOneSent = false;
        foreach (var (name, property) in doc.Properties(schema))
        {
            var types = OpenApiBodies.Types(property);
            var isEnum = property.TryGetProperty("enum", out _);
            var format = property.TryGetProperty("format", out var f) ? f.GetString() : null;
            var hostile = new List<(string, JsonNode?)> { ("null", null) };
            if (isEnum) hostile.Add(("an unknown enum name", JsonValue.Create("NoSuchValue")));
            if (types.Contains("string") && format is "date" or "date-time") hostile.Add(("an impossible date", JsonValue.Create("2026-02-30")));
            else if (types.Contains("string") && !isEnum)
            {
                hostile.Add(("control characters", JsonValue.Create("\u0000\u0007\u001b[31m")));
                hostile.Add(("markup", JsonValue.Create("<script>alert(1)</script><img src=x onerror=alert(1)>")));
                if (!bigOneSent) { hostile.Add(("1 MB of text", JsonValue.Create(Megabyte))); bigOneSent = true; }
                hostile.Add(("a number for text", JsonValue.Create(12345)));
            }
            if (types.Contains("integer") || types.Contains("number"))
            {
                hostile.Add(("a negative number", JsonValue.Create(-1)));
                hostile.Add(("a huge number", JsonValue.Create(9_999_999_999_999_999_999m)));
                hostile.Add(("text for a number", JsonValue.Create("abc")));
            }
            if (types.Contains("boolean")) hostile.Add(("text for a boolean", JsonValue.Create("yes")));
            if (types.Contains("array")) hostile.Add(("an object for a list", new JsonObject { ["a"] = 1 }));
            foreach (var (what, value) in hostile)
            {
                var o = (JsonObject)plausible.DeepClone();
                o[name] = value;
                yield return ($"{what} in {name}", name, Json(o.ToJsonString()));
            }
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static IEnumerable<(string, string?, HttpContent)> BrokenMultipart()
    {
        const string boundary = "renda-hostile";
        HttpContent Raw(string text)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
            return content;
        }
        yield return ("a multipart body that breaks off", "file", Raw($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\nPK\u0003\u0004"));
        yield return ("a multipart body without parts", null, Raw($"--{boundary}--\r\n"));
        yield return ("a multipart body without a boundary", null, new StringContent("garbage", Encoding.UTF8, "multipart/form-data"));
        yield return ("JSON instead of a form", null, Json("{\"file\":\"abc\"}"));
        var noFile = new MultipartFormDataContent("renda-hostile2") { { new StringContent("\u0000<script>"), "file" } };
        yield return ("a text field for the file", null, noFile);
    }

    /// <summary>Rows in every table of the model, in one query.</summary>
    private async Task<Dictionary<string, long>> CountsAsync()
    {
        await using var scope = app.Db();
        var db = scope.Context;
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var sql = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}', COUNT(*) FROM \"{t}\""));
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var counts = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    [Fact]
    public async Task Every_html_form_posted_with_hostile_values_and_a_valid_token_gets_no_5xx()
    {
        var clock = Stopwatch.StartNew();
        var log = new LogCapture();
        using var logged = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(log)));
        var clients = new SecuritySurface.Clients(logged);
        var values = new SecuritySurface.RouteValues(app);
        foreach (var c in SecuritySurface.Callers) await clients.ForAsync(c, api: false);
        var pages = (await SecuritySurface.EndpointsAsync(app)).Where(s => s.IsPage && s.Method == "POST").ToList();
        var parser = new HtmlParser();
        var faults = new List<string>();
        int forms = 0, sent = 0;
        foreach (var page in pages)
        {
            var access = AccessPolicy.Endpoints[page.Key];
            var caller = Preference.FirstOrDefault(c => access.Callers.HasFlag(c), Caller.Anonymous);
            var client = await clients.ForAsync(caller, api: false);
            var url = await values.FillAsync(page.Route);
            var html = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
            var document = parser.ParseDocument(html);
            foreach (var form in document.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
            {
                var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
                var action = form.GetAttribute("action");
                if (token is null || string.IsNullOrEmpty(action) is false && !action.StartsWith('/') && !action.StartsWith('?')) continue;
                var target = string.IsNullOrEmpty(action) ? url : action.StartsWith('?') ? url + action : action;
                // Only this page's own handlers (a form in the layout, such as sign-out, is tried once, on its own page).
                if (!target.Split('?')[0].Equals(url, StringComparison.Ordinal)) continue;
                forms++;
                var names = form.QuerySelectorAll("input[name], textarea[name], select[name]").Select(i => i.GetAttribute("name")!)
                    .Where(n => n != "__RequestVerificationToken").Distinct().ToList();
                foreach (var (what, value) in new[] { ("empty", ""), ("control characters", "\u0007\u001b[31m"), ("markup", "<script>alert(1)</script>"),
                    ("an impossible date", "2026-02-30"), ("a huge number", "99999999999999999999"), ("100 KB of text", new string('长', 100_000)) })
                {
                    var fields = names.Select(n => new KeyValuePair<string, string>(n, value)).Append(new("__RequestVerificationToken", token)).ToList();
                    using var response = await client.PostAsync(target, new FormUrlEncodedContent(fields));
                    sent++;
                    if ((int)response.StatusCode >= 500)
                    {
                        var error = log.Entries.LastOrDefault(e => e.Exception is not null);
                        faults.Add($"POST {target} ({page.Route}) as {caller} with {what}: {(int)response.StatusCode} {error?.Exception?.GetType().Name}: {error?.Exception?.Message} {error?.Exception?.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("Renda.Web", StringComparison.Ordinal))}");
                    }
                }
            }
        }
        SecuritySurface.WriteFigures($"hostile-forms-{app.Provider}", [("pages", pages.Count), ("forms", forms), ("requests", sent), ("5xx", faults.Count), ("seconds", (int)clock.Elapsed.TotalSeconds)]);
        faults.ShouldBeEmpty($"{faults.Count} of {sent} hostile form posts answered 5xx:\n" + string.Join("\n", faults));
    }
}

public sealed class HostileInputTests_Sqlite(SqliteApp app) : HostileInputTests(app), IClassFixture<SqliteApp>;
public sealed class HostileInputTests_Postgres(PostgresApp app) : HostileInputTests(app), IClassFixture<PostgresApp>;
