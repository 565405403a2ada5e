using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Suggestions;

namespace Renda.Tests.Features.Suggestions;

/// <summary>
/// The congress's list of suggestions: a total that stops counting at a limit and says so, and the text filter,
/// which the similarity index narrows, finding exactly what LIKE '%…%' over title, number and content finds.
/// </summary>
public abstract class SuggestionListTests(RendaApp app)
{
    private const string List = "/api/v1/congresses/632800/suggestions";

    private static async Task<JsonElement> ListAsync(HttpClient client, string query)
        => await (await client.GetAsync($"{List}?{query}")).ShouldBeOkJsonAsync();

    /// <summary>Every id the client's list shows for the query, page by page.</summary>
    private static async Task<int[]> IdsAsync(HttpClient client, string query)
    {
        var ids = new List<int>();
        for (var page = 1; ; page++)
        {
            var body = await ListAsync(client, $"{query}&pageSize=200&page={page}");
            body.GetProperty("totalIsLowerBound").GetBoolean().ShouldBeFalse();
            var items = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
            ids.AddRange(items);
            if (items.Count < 200) return [.. ids.Order()];
        }
    }

    /// <summary>What LIKE '%text%' over title, number and content finds among the suggestions the client may list, worked out here.</summary>
    private async Task<int[]> ExpectedAsync(HttpClient client, string text)
    {
        var visible = await IdsAsync(client, "");
        await using var scope = app.Db();
        var rows = await scope.Context.Set<Suggestion>().Where(s => visible.Contains(s.Id)).Select(s => new { s.Id, s.Title, s.Number, s.Content }).ToListAsync();
        return [.. rows.Where(r => r.Title.Contains(text, StringComparison.Ordinal) || (r.Number?.Contains(text, StringComparison.Ordinal) ?? false)
            || r.Content.Contains(text, StringComparison.Ordinal)).Select(r => r.Id).Order()];
    }

    private async Task<int[]> SearchedAsync(HttpClient client, string text)
    {
        var ids = await IdsAsync(client, $"text={Uri.EscapeDataString(text)}");
        ids.ShouldBe(await ExpectedAsync(client, text), $"text “{text}” ({app.Provider})");
        (await ListAsync(client, $"text={Uri.EscapeDataString(text)}")).GetProperty("total").GetInt32().ShouldBe(ids.Length);
        return ids;
    }

    private async Task<string> NumberAsync(int id)
    {
        await using var scope = app.Db();
        return await scope.Context.Set<Suggestion>().Where(s => s.Id == id).Select(s => s.Number!).SingleAsync();
    }

    [Fact]
    public async Task The_text_filter_finds_exactly_what_LIKE_finds_in_title_number_and_content()
    {
        var deputy = await app.ApiClientAsync("daibiao");
        var staff = await app.ApiClientAsync("daigongwei");
        var inTitle = await deputy.SubmitSuggestionAsync(title: "关于茶卡盐湖旅游公路提级改造的建议");
        var inContent = await deputy.SubmitSuggestionAsync(title: "关于改善牧区人畜饮水条件的建议",
            content: "每年茶卡盐湖旅游旺季，沿线村社用水紧张，建议统筹建设集中供水工程，并对牧区分散水源进行提质改造，确保人畜饮水安全。");
        var apart = await deputy.SubmitSuggestionAsync(title: "关于完善景区停车设施的建议",
            content: "茶卡盐湖，旅游车辆集中停放困难，建议在景区周边规划建设生态停车场，并完善标识指引和公共交通接驳服务。");
        var upper = await deputy.SubmitSuggestionAsync(title: "关于加强国道养护的建议",
            content: "沿G109国道格尔木段路面破损较多，建议交通运输部门加大养护投入，设置警示标志，保障过往车辆通行安全。");
        var lower = await deputy.SubmitSuggestionAsync(title: "关于增设国道服务区的建议",
            content: "g109国道德令哈至格尔木段服务设施不足，建议合理增设服务区和加油站点，方便司乘人员休息和车辆补给。");
        var percent = await deputy.SubmitSuggestionAsync(title: "关于提高农村卫生室覆盖率的建议",
            content: "全州行政村卫生室要力争达到100%覆盖，建议对偏远牧区村卫生室建设给予倾斜支持，并配齐必要的诊疗设备和乡村医生。");

        // Bigrams narrow the rows; the exact condition decides: not the text split by punctuation, not another case.
        (await SearchedAsync(staff, "茶卡盐湖旅游")).ShouldBe([inTitle, inContent]);
        (await SearchedAsync(staff, "茶卡盐湖")).ShouldBe([inTitle, inContent, apart]);
        (await SearchedAsync(staff, "G109国道")).ShouldBe([upper]);
        (await SearchedAsync(staff, "沿G109国道")).ShouldBe([upper]); // "g109" between two boundaries is searched for as a word too
        (await SearchedAsync(staff, "g109国道")).ShouldBe([lower]);
        (await SearchedAsync(staff, "100%覆盖")).ShouldBe([percent]); // LIKE's wildcards are plain characters here
        (await SearchedAsync(staff, "提质改造")).ShouldContain(inContent);
        // Only in a number: numbers are not in the index, so such a text is searched without it.
        var number = await NumberAsync(inContent);
        (await SearchedAsync(staff, number)).ShouldContain(inContent);
        // One character has no bigram: searched without the index.
        (await SearchedAsync(staff, "湖")).Length.ShouldBeGreaterThan(3);
        // The demo story's suggestions were written without the workflow and indexed at start-up.
        (await SearchedAsync(staff, "冷湖天文")).ShouldNotBeEmpty();
        (await SearchedAsync(staff, "暗夜保护核心区")).ShouldNotBeEmpty();
        // Nothing contains it.
        (await SearchedAsync(staff, "可可西里藏羚羊迁徙通道")).ShouldBeEmpty();
        (await SearchedAsync(staff, "茶卡盐湖旅游公路提级改造的建议之外")).ShouldBeEmpty();

        // With the other filters, and a page of the result.
        var year = (await deputy.DetailAsync(inTitle)).GetProperty("year").GetInt32();
        (await IdsAsync(staff, $"text={Uri.EscapeDataString("茶卡盐湖")}&year={year}&status=Submitted")).ShouldBe([inTitle, inContent, apart]);
        (await IdsAsync(staff, $"text={Uri.EscapeDataString("茶卡盐湖")}&year={year - 1}")).ShouldBeEmpty();
        var second = await ListAsync(staff, $"text={Uri.EscapeDataString("茶卡盐湖")}&pageSize=2&page=2");
        second.GetProperty("total").GetInt32().ShouldBe(3);
        second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ShouldBe([inTitle]);
    }

    [Fact]
    public async Task A_deputy_finds_their_own_drafts_by_text_which_are_not_indexed_yet()
    {
        var deputy = await app.ApiClientAsync("daibiao");
        var staff = await app.ApiClientAsync("daigongwei");
        var submitted = await deputy.SubmitSuggestionAsync(title: "关于都兰县热水乡牧民定居点供暖的建议");
        var draft = await deputy.SubmitSuggestionAsync(title: "关于都兰县热水乡牧民定居点道路硬化的建议", submit: false);

        (await SearchedAsync(deputy, "热水乡牧民定居点")).ShouldBe([submitted, draft]);
        (await SearchedAsync(staff, "热水乡牧民定居点")).ShouldBe([submitted]);
        var unit = await app.ApiClientAsync("jiaoyuju");
        (await SearchedAsync(unit, "热水乡牧民定居点")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Above_the_limit_the_total_is_a_lower_bound_and_paging_goes_on()
    {
        var deputy = await app.ApiClientAsync("daibiao");
        var ids = new List<int>();
        for (var i = 1; i <= 6; i++)
            ids.Add(await deputy.SubmitSuggestionAsync(title: $"关于乌兰县茶卡镇限额计数试点第{i}项工作的建议", key: Guid.NewGuid().ToString()));
        var text = Uri.EscapeDataString("限额计数试点");

        // The default limit (10,000): exact.
        var staff = await app.ApiClientAsync("daigongwei");
        var exact = await ListAsync(staff, $"text={text}&pageSize=2");
        exact.GetProperty("total").GetInt32().ShouldBe(6);
        exact.GetProperty("totalIsLowerBound").GetBoolean().ShouldBeFalse();
        exact.GetProperty("pageCount").GetInt32().ShouldBe(3);

        using var limited = app.WithSettings(("Renda:Suggestions:ExactCountLimit", "5"));
        var client = await limited.ApiClientAsync("daigongwei");
        var first = await ListAsync(client, $"text={text}&pageSize=2");
        first.GetProperty("total").GetInt32().ShouldBe(5);
        first.GetProperty("totalIsLowerBound").GetBoolean().ShouldBeTrue();
        first.GetProperty("pageCount").GetInt32().ShouldBe(3); // the page after the fifth row exists
        first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ShouldBe([ids[5], ids[4]]);
        // The page asked for always lies within what is counted: page 3 counts up to its end, and there it is exact.
        var third = await ListAsync(client, $"text={text}&pageSize=2&page=3");
        third.GetProperty("total").GetInt32().ShouldBe(6);
        third.GetProperty("totalIsLowerBound").GetBoolean().ShouldBeFalse();
        third.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ShouldBe([ids[1], ids[0]]);
        // A page past the end has no rows, and still the total.
        var beyond = await ListAsync(client, $"text={text}&pageSize=2&page=10");
        beyond.GetProperty("items").GetArrayLength().ShouldBe(0);
        beyond.GetProperty("total").GetInt32().ShouldBe(6);
        beyond.GetProperty("totalIsLowerBound").GetBoolean().ShouldBeFalse();
        // Up to the limit: exact.
        var few = await ListAsync(client, $"text={Uri.EscapeDataString("限额计数试点第3项")}");
        few.GetProperty("total").GetInt32().ShouldBe(1);
        few.GetProperty("totalIsLowerBound").GetBoolean().ShouldBeFalse();

        // The page shows "more than": its 20 rows are counted, and there are more.
        var browser = await limited.BrowserClientAsync("daigongwei");
        var page = await browser.PageAsync("/suggestions");
        var total = page.QuerySelector("[data-testid=total]")!;
        total.TextContent.Trim().ShouldBe("超过 20 件");
        total.GetAttribute("data-lower-bound").ShouldBe("true");
        page.QuerySelectorAll("[data-testid=suggestion-row]").Length.ShouldBe(20);
        var pager = page.QuerySelector("nav[aria-label=分页]")!;
        pager.TextContent.ShouldContain("超过 20 条");
        pager.QuerySelectorAll("a.page-link").Last().GetAttribute("href")!.ShouldContain("page=2");
        // Below the limit the page counts exactly, as before.
        (await browser.PageAsync($"/suggestions?q={text}")).QuerySelector("[data-testid=total]")!.TextContent.Trim().ShouldBe("共 6 件");
    }
}

public sealed class SuggestionListTests_Sqlite(SqliteApp app) : SuggestionListTests(app), IClassFixture<SqliteApp>;
public sealed class SuggestionListTests_Postgres(PostgresApp app) : SuggestionListTests(app), IClassFixture<PostgresApp>;
