using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Renda.Tests.Infrastructure;

namespace Renda.Tests.Features.Suggestions;

/// <summary>Intent-named steps of the suggestion workflow over the HTTP API.</summary>
public static class SuggestionApiSteps
{
    public const string Content = "海西州牧区寄宿制学校冬季取暖设施老化，部分学校仍使用燃煤小锅炉，建议州政府统筹资金实施清洁取暖改造，并明确教育、财政、住建部门的分工和完成时限。";

    public static async Task<int> SubmitSuggestionAsync(this HttpClient deputy, string title = "关于改善牧区寄宿制学校取暖条件的建议", string content = Content, string category = "教育", string? key = null, int[]? coSigners = null, bool submit = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/congresses/632800/suggestions")
        {
            Content = JsonContent.Create(new { title, content, category, period = "BetweenSessions", coSignerDeputyIds = coSigners, submit }),
        };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        var response = await deputy.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBeOneOf([HttpStatusCode.Created, HttpStatusCode.OK], body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
    }

    public static async Task<HttpResponseMessage> StepAsync(this HttpClient client, int id, string step, object? body = null)
        => await client.PostAsJsonAsync($"/api/v1/suggestions/{id}/{step}", body ?? new { });

    public static async Task OkAsync(this Task<HttpResponseMessage> response)
    {
        var r = await response;
        r.StatusCode.ShouldBe(HttpStatusCode.NoContent, await r.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> DetailAsync(this HttpClient client, int id)
        => await (await client.GetAsync($"/api/v1/suggestions/{id}")).ShouldBeOkJsonAsync();

    public static async Task AssignToLeadAsync(this HttpClient staff, int id, int leadUnit, params int[] coUnits)
        => await staff.StepAsync(id, "assign", new
        {
            mode = "LeadAndCo",
            units = coUnits.Select(u => new { unitId = u, role = "Co" }).Prepend(new { unitId = leadUnit, role = "Lead" }).ToArray(),
        }).OkAsync();

    public static Task AnswerAsync(this HttpClient unit, int id, string category = "A")
        => unit.StepAsync(id, "answers", new { category, text = "经研究，州教育局会同州财政局已将12所牧区寄宿制学校清洁取暖改造列入2024年项目计划，资金已落实。", signedBy = "张局长" }).OkAsync();

    public static string Status(this JsonElement detail) => detail.GetProperty("status").GetString()!;
}
