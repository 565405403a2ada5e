using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Legislation;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Features.Portal;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Laws;
using Renda.Web.Features.Legislation;

namespace Renda.Tests.Features.Laws;

/// <summary>
/// The congresses' own regulations in the regulations database: the demo's promulgated regulations are there (backfilled
/// once), a regulation promulgated now enters at once with its history, the congress's site lists its own and its levels'
/// regulations, and staff record an amendment or a repeal (已修改 / 已废止) with the act and its date.
/// </summary>
public abstract class RegulationsOfCongressesTests(RendaApp app)
{
    [Fact]
    public async Task The_demo_promulgated_Haixi_regulations_are_found_by_a_search_for_Haixi_and_for_Lenghu_astronomy()
    {
        var citizen = app.Anonymous();
        (await citizen.SearchLawTitlesAsync("q=冷湖天文")).ShouldContain("海西蒙古族藏族自治州冷湖天文观测环境保护条例");
        var haixi = await citizen.SearchLawTitlesAsync("q=海西&pageSize=50");
        haixi.ShouldContain("海西蒙古族藏族自治州木里矿区生态环境保护条例");
        haixi.ShouldContain("海西蒙古族藏族自治州促进民族团结进步条例");
        haixi.ShouldContain("海西蒙古族藏族自治州生态旅游高质量发展促进条例");
        // The pages too, at the old address and under the site's.
        var page = await citizen.PageAsync($"/p/{PortalSteps.Haixi}/laws?q={Uri.EscapeDataString("冷湖天文")}");
        page.QuerySelectorAll("[data-testid=law-title]").Select(a => a.TextContent).ShouldContain("海西蒙古族藏族自治州冷湖天文观测环境保护条例");

        int id;
        await using (var scope = app.Db())
            id = await scope.Context.Set<Law>().Where(l => l.Title == "海西蒙古族藏族自治州冷湖天文观测环境保护条例").Select(l => l.Id).SingleAsync();
        var law = await citizen.LawAsync(id);
        law.GetProperty("congress").GetString().ShouldBe("海西州人大常委会");
        law.GetProperty("statusLabel").GetString().ShouldBe("有效");
        law.GetProperty("history").EnumerateArray().Select(h => h.GetString()).ShouldBe(
            ["2023年2月24日 海西州人大常委会会议通过", "2023年3月30日 青海省人大常委会会议批准", "2023年4月10日 海西州人大常委会公告第1号公布"]);

        // Backfilling again finds nothing to do.
        await using (var scope = app.Db()) (await RegulationRecords.EnterMissingAsync(scope.Context, default)).ShouldBe(0);
    }

    [Fact]
    public async Task A_regulation_promulgated_now_enters_the_database_at_once_with_its_text_and_history()
    {
        var staff = await app.ApiClientAsync("qh-staff");
        var bill = (await staff.CreateBillAsync("青海省城镇绿化条例", code: LegislationSteps.Qinghai)).Id();
        await staff.AddVersionAsync(bill, LegislationSteps.Draft.Replace("海西蒙古族藏族自治州", "青海省", StringComparison.Ordinal).Replace("城市绿化条例", "城镇绿化条例", StringComparison.Ordinal));
        await using (var scope = app.Db())
        {
            // Adopted at a meeting already (the vote is the legislation tests' subject).
            var b = await scope.Context.Set<Bill>().SingleAsync(x => x.Id == bill);
            b.StartReview(MeetingSteps.Today);
            b.Decide(true, MeetingSteps.Today, null);
            await scope.Context.SaveChangesAsync();
        }
        var citizen = app.Anonymous();
        (await citizen.SearchLawTitlesAsync("q=城镇绿化")).ShouldBeEmpty();
        await staff.PostJsonAsync($"/api/v1/bills/{bill}/promulgate", new { announcementNumber = 77, promulgatedOn = MeetingSteps.Today.Iso() }).DoneAsync();

        (await citizen.SearchLawTitlesAsync("q=城镇绿化")).ShouldBe(["青海省城镇绿化条例"]);
        int id;
        await using (var scope = app.Db())
            id = await scope.Context.Set<Law>().Where(l => l.BillId == bill).Select(l => l.Id).SingleAsync();
        var law = await citizen.LawAsync(id);
        law.GetProperty("category").GetString().ShouldBe(RegulationRecords.Category);
        law.GetProperty("articleCount").GetInt32().ShouldBeGreaterThan(3);
        law.GetProperty("history").EnumerateArray().Last().GetString().ShouldBe($"{MeetingSteps.Today.Year}年{MeetingSteps.Today.Month}月{MeetingSteps.Today.Day}日 青海省人大常委会公告第77号公布");
        // Qinghai's site lists it and Haixi's (a level below) does not.
        (await citizen.SearchLawTitlesAsync("q=城镇绿化&congress=630000")).ShouldBe(["青海省城镇绿化条例"]);
        (await citizen.SearchLawTitlesAsync("q=城镇绿化&congress=632800")).ShouldBeEmpty();
        // Haixi's regulations are among the province's (the levels below it).
        (await citizen.SearchLawTitlesAsync("q=冷湖天文&congress=630000")).ShouldContain("海西蒙古族藏族自治州冷湖天文观测环境保护条例");
    }

    [Fact]
    public async Task Staff_mark_their_regulation_amended_then_repealed_with_the_act_and_the_date_and_it_is_filterable()
    {
        int id;
        await using (var scope = app.Db())
            id = await scope.Context.Set<Law>().Where(l => l.Title == "海西蒙古族藏族自治州木里矿区生态环境保护条例").Select(l => l.Id).SingleAsync();
        var staff = await app.ApiClientAsync(PortalSteps.Editor);
        var today = MeetingSteps.Today;
        await staff.PostAsJsonAsync($"/api/v1/laws/{id}/amended", new { on = today.Iso() }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "act");
        await staff.PostAsJsonAsync($"/api/v1/laws/{id}/amended", new { act = "决定", on = today.AddDays(1).Iso() }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "on");
        await (await app.ApiClientAsync("qh-staff")).PostAsJsonAsync($"/api/v1/laws/{id}/amended", new { act = "决定", on = today.Iso() }).ShouldBeRefusedAsync(HttpStatusCode.Forbidden);

        (await staff.PostAsJsonAsync($"/api/v1/laws/{id}/amended", new { act = "关于修改《海西蒙古族藏族自治州木里矿区生态环境保护条例》的决定", on = today.Iso() }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var citizen = app.Anonymous();
        var law = await citizen.LawAsync(id);
        law.GetProperty("statusLabel").GetString().ShouldBe("已修改");
        law.GetProperty("amendingAct").GetString()!.ShouldStartWith("关于修改");
        (await citizen.SearchLawTitlesAsync($"status={Uri.EscapeDataString("已修改")}&congress=632800")).ShouldBe(["海西蒙古族藏族自治州木里矿区生态环境保护条例"]);
        (await citizen.SearchLawTitlesAsync($"q=木里&status={Uri.EscapeDataString("有效")}&congress=632800")).ShouldBeEmpty();
        await staff.PostAsJsonAsync($"/api/v1/laws/{id}/amended", new { act = "再次", on = today.Iso() }).ShouldBeRefusedAsync(HttpStatusCode.Conflict, containing: "已标记为已修改");

        (await staff.PostAsJsonAsync($"/api/v1/laws/{id}/repealed", new { act = "关于废止《海西蒙古族藏族自治州木里矿区生态环境保护条例》的决定", on = today.Iso() }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await citizen.LawAsync(id)).GetProperty("statusLabel").GetString().ShouldBe("已废止");
        (await citizen.SearchLawTitlesAsync($"q=木里&status={Uri.EscapeDataString("已废止")}")).ShouldBe(["海西蒙古族藏族自治州木里矿区生态环境保护条例"]);
        await staff.PostAsJsonAsync($"/api/v1/laws/{id}/repealed", new { act = "再次", on = today.Iso() }).ShouldBeRefusedAsync(HttpStatusCode.Conflict, containing: "已废止");
        // The page says so, with the acts.
        var page = await citizen.PageAsync($"/laws/{id}");
        page.QuerySelector("[data-testid=law-changes]")!.TextContent.ShouldContain("关于废止");
        await using (var scope = app.Db())
            (await scope.Context.AuditRecords.CountAsync(a => a.EntityType == nameof(Law) && a.EntityId == id.ToString())).ShouldBeGreaterThanOrEqualTo(2);
    }
}

public sealed class RegulationsOfCongressesTests_Sqlite(SqliteApp app) : RegulationsOfCongressesTests(app), IClassFixture<SqliteApp>;
public sealed class RegulationsOfCongressesTests_Postgres(PostgresApp app) : RegulationsOfCongressesTests(app), IClassFixture<PostgresApp>;
