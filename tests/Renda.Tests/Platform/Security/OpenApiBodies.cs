using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Renda.Tests.Platform.Security;

/// <summary>The application's OpenAPI document, read once, and request bodies made from its schemas.</summary>
public sealed partial class OpenApiBodies(JsonElement document)
{
    public static async Task<OpenApiBodies> LoadAsync(HttpClient client)
        => new(JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement);

    /// <summary>"/api/v1/bills/{id:int}" as the document spells it: "/api/v1/bills/{id}".</summary>
    public static string DocumentPath(string route) => Constraint().Replace(route, "{$1}") is var path && path.Length > 1 ? path.TrimEnd('/') : path;

    /// <summary>The operation's request body: its media type and schema, or null when it takes none.</summary>
    public (string MediaType, JsonElement Schema)? RequestBody(string method, string route)
    {
        if (!document.GetProperty("paths").TryGetProperty(DocumentPath(route), out var path)) return null;
        if (!path.TryGetProperty(method.ToLowerInvariant(), out var op)) return null;
        if (!op.TryGetProperty("requestBody", out var body) || !body.TryGetProperty("content", out var content)) return null;
        foreach (var media in content.EnumerateObject())
            return (media.Name, media.Value.TryGetProperty("schema", out var schema) ? Resolve(schema) : default);
        return null;
    }

    public IEnumerable<(string Method, string Route)> Operations()
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject())
                yield return (op.Name.ToUpperInvariant(), path.Name);
    }

    public JsonElement Resolve(JsonElement schema)
    {
        for (var i = 0; i < 10 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); i++)
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }
        return schema;
    }

    /// <summary>The JSON types a schema allows ("type": "string" or ["null", "string"]).</summary>
    public static string[] Types(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type)) return [];
        return type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];
    }

    public IEnumerable<(string Name, JsonElement Schema)> Properties(JsonElement schema)
    {
        schema = Resolve(schema);
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties))
            foreach (var p in properties.EnumerateObject())
                yield return (p.Name, Resolve(p.Value));
    }

    /// <summary>A plausible value for a schema: what a client that read the document would send.</summary>
    public JsonNode? Plausible(JsonElement schema, int depth = 0)
    {
        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object || depth > 4) return null;
        if (schema.TryGetProperty("enum", out var values))
            return values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => JsonValue.Create(v.GetString())).FirstOrDefault();
        foreach (var key in new[] { "oneOf", "anyOf", "allOf" })
            if (schema.TryGetProperty(key, out var options))
                foreach (var o in options.EnumerateArray())
                    if (!Types(Resolve(o)).SequenceEqual(["null"]))
                        return Plausible(o, depth + 1);
        var types = Types(schema).Where(t => t != "null").ToArray();
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return types.FirstOrDefault() switch
        {
            "string" => format switch
            {
                "date" => JsonValue.Create("2026-11-16"),
                "date-time" => JsonValue.Create("2026-11-16T10:00:00+08:00"),
                "time" => JsonValue.Create("10:00:00"),
                "uri" => JsonValue.Create("https://www.example.cn/"),
                _ => JsonValue.Create("测试内容"),
            },
            "integer" => JsonValue.Create(1),
            "number" => JsonValue.Create(1.5),
            "boolean" => JsonValue.Create(false),
            "array" => new JsonArray(),
            _ => PlausibleObject(schema, depth),
        };
    }

    private JsonObject PlausibleObject(JsonElement schema, int depth)
    {
        var o = new JsonObject();
        foreach (var (name, property) in Properties(schema))
            o[name] = Plausible(property, depth + 1);
        return o;
    }

    /// <summary>A small multipart form with every field of the schema and a text file in each binary one.</summary>
    public static HttpContent Multipart(OpenApiBodies doc, JsonElement schema)
    {
        var form = new MultipartFormDataContent("renda-matrix");
        foreach (var (name, property) in doc.Properties(schema))
        {
            if (property.TryGetProperty("format", out var format) && format.GetString() == "binary")
            {
                var file = new ByteArrayContent(Encoding.UTF8.GetBytes("测试"));
                file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain");
                form.Add(file, name, "a.txt");
            }
            else
                form.Add(new StringContent(doc.Plausible(property)?.ToString() ?? ""), name);
        }
        return form;
    }

    [GeneratedRegex(@"\{(\w+)(?::[^}?]+(?:\([^)]*\))?)?(\?)?\}")]
    private static partial Regex Constraint();
}
