using System.Net;
using System.Text.Json;
using Renda.Tests.Infrastructure;

namespace Renda.Tests.Platform.Web;

/// <summary>
/// The API describes itself (docs/MODULES.md, "Endpoints"): a finance bureau or a portal generates its client from the
/// OpenAPI document, so every operation must have an id, a Chinese summary, a schema for each success it answers, and the
/// ProblemDetails of each error. The document does not depend on the database, so one provider suffices.
/// </summary>
public sealed class ApiDescriptionTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    [Fact]
    public async Task Every_operation_has_an_id_a_summary_a_typed_success_and_its_problems()
    {
        var doc = await (await app.Anonymous().GetAsync("/openapi/v1.json")).ShouldBeOkJsonAsync();
        var faults = new List<string>();
        var operations = 0;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                operations++;
                faults.AddRange(Faults(op.Value).Select(f => $"{op.Name.ToUpperInvariant()} {path.Name}: {f}"));
            }
        }
        operations.ShouldBeGreaterThan(200);
        faults.ShouldBeEmpty($"{faults.Count} of {operations} operations are not described:\n" + string.Join("\n", faults));
    }

    [Fact]
    public async Task Operation_ids_are_unique()
    {
        var doc = await (await app.Anonymous().GetAsync("/openapi/v1.json")).ShouldBeOkJsonAsync();
        var ids = doc.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            .Select(o => o.Value.TryGetProperty("operationId", out var id) ? id.GetString() : null).OfType<string>().ToList();
        ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_reference_page_for_integrators_is_served()
    {
        var client = app.Anonymous();
        var response = await client.GetAsync("/api/reference/");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("人大履职综合平台 API");
        // The page loads its script from the package and the document from the address it names, relative to itself.
        (await client.GetAsync("/api/reference/scalar.js")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var url = System.Text.RegularExpressions.Regex.Match(html, "\"url\":\"([^\"]+)\"").Groups[1].Value;
        url.ShouldNotBeEmpty();
        var document = new Uri(new Uri("http://localhost/api/reference/"), url).AbsolutePath;
        document.ShouldBe("/openapi/v1.json");
        (await client.GetAsync(document)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static IEnumerable<string> Faults(JsonElement op)
    {
        if (!op.TryGetProperty("operationId", out _)) yield return "no operationId (WithName)";
        if (!op.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString())) yield return "no summary (WithSummary)";
        if (!op.TryGetProperty("responses", out var responses))
        {
            yield return "no responses";
            yield break;
        }
        var statuses = responses.EnumerateObject().ToDictionary(r => r.Name, r => r.Value);
        var successes = statuses.Where(s => s.Key.StartsWith('2')).ToList();
        if (successes.Count == 0) yield return "no 2xx response (return TypedResults)";
        foreach (var (status, response) in successes)
        {
            // 204 and a redirect carry no body; every other success must say what it sends.
            if (status == "204") continue;
            if (!HasSchema(response)) yield return $"{status} has no schema";
        }
        foreach (var error in new[] { "400", "403", "404" })
        {
            if (!statuses.TryGetValue(error, out var response)) yield return $"no {error} response";
            else if (!HasSchema(response)) yield return $"{error} has no ProblemDetails schema";
        }
    }

    private static bool HasSchema(JsonElement response)
        => response.TryGetProperty("content", out var content) && content.EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out _));
}
