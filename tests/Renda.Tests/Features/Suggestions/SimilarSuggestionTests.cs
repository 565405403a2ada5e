using System.Net.Http.Json;
using Renda.Tests.Infrastructure;

namespace Renda.Tests.Features.Suggestions;

/// <summary>Similar suggestions while writing and at intake, and the units proposed from how similar ones were assigned.</summary>
public abstract class SimilarSuggestionTests(RendaApp app)
{
    private const string Earlier = "冷湖地区是我国重要的天文观测基地，近年来周边光污染逐步增加，建议州政府出台冷湖天文观测环境保护措施，划定暗夜保护区，严格控制夜间照明，保护天文观测环境。";
    private const string Later = "冷湖天文观测基地周边光污染逐步增加，建议出台冷湖天文观测环境保护措施，划定暗夜保护区并严格控制夜间照明，切实保护天文观测环境。";

    [Fact]
    public async Task A_near_duplicate_is_found_with_its_shared_passages_and_its_lead_unit_is_proposed()
    {
        var deputy = await app.ApiClientAsync("daibiao");
        var staff = await app.ApiClientAsync("daigongwei");
        var ecology = await app.UnitIdAsync("海西州生态环境局");
        var first = await deputy.SubmitSuggestionAsync(title: "关于加强冷湖天文观测环境保护的建议", content: Earlier, category: "生态环境");
        await staff.AssignToLeadAsync(first, ecology);

        var similar = await (await deputy.PostAsJsonAsync("/api/v1/congresses/632800/suggestions/similar", new { title = "关于保护冷湖暗夜环境的建议", content = Later })).ShouldBeOkJsonAsync();
        var hit = similar.EnumerateArray().First(h => h.GetProperty("id").GetInt32() == first);
        hit.GetProperty("score").GetDouble().ShouldBeGreaterThan(0.3);
        hit.GetProperty("highlightedText").GetString()!.ShouldContain("<mark>");
        var unrelated = await (await deputy.PostAsJsonAsync("/api/v1/congresses/632800/suggestions/similar", new { title = "关于格尔木市公交线路优化的建议", content = "格尔木市城区公交线路覆盖不足，建议增开夜间线路，优化站点设置，方便群众出行。" })).ShouldBeOkJsonAsync();
        unrelated.EnumerateArray().ShouldNotContain(h => h.GetProperty("id").GetInt32() == first);

        var second = await deputy.SubmitSuggestionAsync(title: "关于保护冷湖暗夜环境的建议", content: Later, category: "生态环境");
        var units = await (await staff.GetAsync($"/api/v1/suggestions/{second}/unit-recommendations")).ShouldBeOkJsonAsync();
        units[0].GetProperty("unitId").GetInt32().ShouldBe(ecology);
        units[0].GetProperty("reasons")[0].GetString()!.ShouldContain("相似度");

        // The fragment the new-suggestion form loads while the deputy types.
        var page = await app.BrowserClientAsync("daibiao");
        var fragment = await (await page.PostFormAsync("/suggestions/similar", new() { ["Title"] = "关于保护冷湖暗夜环境的建议", ["Content"] = Later }, formPage: "/suggestions/new")).Content.ReadAsStringAsync();
        fragment.ShouldContain("data-testid=\"similar-item\"");
        fragment.ShouldContain("<mark>");
        fragment.ShouldNotContain("<html");

        // Another congress never sees these.
        var county = await app.ApiClientAsync("gem-staff");
        (await county.PostAsJsonAsync("/api/v1/congresses/632800/suggestions/similar", new { title = "x", content = Later })).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
    }
}

public sealed class SimilarSuggestionTests_Sqlite(SqliteApp app) : SimilarSuggestionTests(app), IClassFixture<SqliteApp>;
public sealed class SimilarSuggestionTests_Postgres(PostgresApp app) : SimilarSuggestionTests(app), IClassFixture<PostgresApp>;
