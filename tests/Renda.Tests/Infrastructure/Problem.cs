using System.Net;
using System.Text.Json;

namespace Renda.Tests.Infrastructure;

/// <summary>Assertions on ProblemDetails responses that print the body when they fail.</summary>
public static class Problem
{
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task<JsonElement> ShouldBeOkJsonAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The field errors of a 400 ValidationProblem, keyed by field name.</summary>
    public static string[] FieldErrors(this JsonElement problem, string field)
        => problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var list)
            ? list.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];
}
