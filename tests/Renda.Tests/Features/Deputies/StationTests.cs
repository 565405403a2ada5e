using System.Net;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renda.Tests.Features.Filings;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Deputies;
using Renda.Web.Platform.People;

namespace Renda.Tests.Features.Deputies;

using static StationSteps;

/// <summary>Liaison stations and 代表之家: 四级代表进站, funding (the seed's ¥3.59 M), delegations as entities, the public pages and the statistics.</summary>
public abstract class StationTests(RendaApp app)
{
    [Fact]
    public async Task Staff_create_a_station_and_assign_deputies_of_the_congresses_above_and_below_but_not_of_another_branch()
    {
        var golmud = await app.ApiClientAsync("gem-staff");
        var station = await golmud.CreateStationAsync("郭勒木德镇测试联络站");
        var haixi = (await app.DeputiesAsync(MeetingSteps.Haixi, 1))[0].Id;
        var township = (await app.DeputiesAsync("632801100", 1))[0].Id;
        var own = (await app.DeputiesAsync("632801", 1, skip: 3))[0].Id;
        var delingha = (await app.DeputiesAsync("632802", 1))[0].Id;

        await golmud.PostJsonAsync($"{Api}/stations/{station}/deputies", new { deputyIds = new[] { delingha, own } }).ShouldNameFieldAsync("deputyIds");
        (await golmud.GetJsonAsync($"{Api}/stations/{station}")).GetProperty("deputies").GetArrayLength().ShouldBe(0, "nothing written");

        await golmud.PostJsonAsync($"{Api}/stations/{station}/deputies", new { deputyIds = new[] { haixi, township, own } }).DoneAsync();
        var view = await golmud.GetJsonAsync($"{Api}/stations/{station}");
        view.GetProperty("deputies").EnumerateArray().Select(d => d.Str("congress")).ShouldBe(["海西州人大代表", "格尔木市人大代表", "郭勒木德镇人大代表"], ignoreOrder: true);
        (await (await app.StaffAsync()).GetAsync($"{Api}/stations/{station}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another congress's station is not Haixi's business");
        await golmud.PostJsonAsync($"{Api}/stations", new { name = "郭勒木德镇测试联络站", kind = "Station", address = "某地", township = "某镇" }).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "已有名为");
        await golmud.PostJsonAsync($"{Api}/stations", new { name = "缺地址的站", kind = "Home", township = "某镇" }).ShouldNameFieldAsync("address");
    }

    [Fact]
    public async Task Funding_is_recorded_per_station_or_programme_and_bad_amounts_are_refused_naming_the_field()
    {
        var staff = await app.StaffAsync();
        var station = await staff.CreateStationAsync();
        await staff.PostJsonAsync($"{Api}/funding", new { stationId = station, source = "州级财政", amount = 85000.50m, purpose = "接待室改造", year = 2026 }).CreatedAsync();
        await staff.PostJsonAsync($"{Api}/funding", new { source = "州级财政", amount = 1000m, purpose = "无去向", year = 2026 }).ShouldNameFieldAsync("stationId");
        await staff.PostJsonAsync($"{Api}/funding", new { stationId = station, source = "州级财政", amount = -5m, purpose = "负数", year = 2026 }).ShouldNameFieldAsync("amount");
        await staff.PostJsonAsync($"{Api}/funding", new { stationId = station, source = "州级财政", amount = 1.001m, purpose = "厘", year = 2026 }).ShouldNameFieldAsync("amount");
        await staff.PostJsonAsync($"{Api}/funding", new { stationId = station, amount = 10m, purpose = "无来源", year = 2026 }).ShouldNameFieldAsync("source");
        var rows = (await staff.GetJsonAsync($"{Api}/stations/{station}")).GetProperty("funding").EnumerateArray().ToList();
        rows.Select(f => f.GetProperty("amount").GetDecimal()).ShouldBe([85000.50m]);
    }

    [Fact]
    public async Task The_demo_reproduces_the_seeds_3_59_million_of_Zhejiang_aid_for_the_three_rooms_one_station_one_platform_programme()
    {
        var staff = await app.StaffAsync();
        var aid = await staff.GetJsonAsync($"{Api}/funding?year=2023&source={Uri.EscapeDataString(DeputiesDemo.AidSource)}");
        aid.EnumerateArray().Sum(f => f.GetProperty("amount").GetDecimal()).ShouldBe(3_590_000m);
        aid.EnumerateArray().ShouldAllBe(f => f.Str("programme") == DeputiesDemo.Programme);
        var stations = await staff.GetJsonAsync($"{Api}/stations");
        stations.EnumerateArray().Count(s => s.Str("kind") == "Home").ShouldBeGreaterThanOrEqualTo(1);
        stations.GetArrayLength().ShouldBeGreaterThanOrEqualTo(4);

        var stats = await staff.GetJsonAsync($"{Api}/statistics/stations?year=2023");
        stats.GetProperty("total").GetProperty("funding").GetDecimal().ShouldBe(3_590_000m);
        var own = stats.GetProperty("congresses")[0];
        (own.GetProperty("onTheSpot").GetInt32(), own.GetProperty("township").GetInt32(), own.GetProperty("referral").GetInt32(), own.GetProperty("suggestion").GetInt32())
            .ShouldBe((1, 1, 2, 1));
        own.GetProperty("chairpersonReceptions").GetInt32().ShouldBe(1);
        (own.GetProperty("satisfied").GetInt32(), own.GetProperty("basicallySatisfied").GetInt32(), own.GetProperty("dissatisfied").GetInt32()).ShouldBe((3, 1, 1));
        own.GetProperty("referralsOnTime").GetInt32().ShouldBe(2);
        stats.GetProperty("fundingBySource").EnumerateArray().Single(f => f.Str("source") == DeputiesDemo.AidSource).GetProperty("amount").GetDecimal().ShouldBe(3_590_000m);

        // The upper congress sees the sum over the congresses below; Golmud's staff cannot read Haixi's.
        var province = await app.ApiClientAsync("qh-staff");
        (await province.GetJsonAsync($"{Api}/statistics/stations?year=2023")).GetProperty("total").GetProperty("funding").GetDecimal().ShouldBe(3_590_000m);
        (await (await app.ApiClientAsync("gem-staff")).GetAsync($"{Api}/statistics/stations?code=632800&year=2023")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var xlsx = await staff.GetAsync($"{Api}/statistics/stations.xlsx?year=2023");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe(Renda.Web.Platform.Modules.Endpoints.Xlsx);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        doc.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText.ShouldContain("3,590,000.00");
    }

    [Fact]
    public async Task The_statistics_page_links_each_figure_to_its_records()
    {
        var browser = await app.BrowserClientAsync("daigongwei");
        var html = await (await browser.GetAsync("/deputies/statistics/stations?year=2023")).Content.ReadAsStringAsync();
        var page = await new HtmlParser().ParseDocumentAsync(html);
        page.QuerySelector("[data-testid=opinions-figure]")!.GetAttribute("href").ShouldBe("/deputies/opinions?year=2023&");
        var referral = page.QuerySelectorAll("[data-testid=congress-row] a").Select(a => a.GetAttribute("href")).ToList();
        referral.ShouldContain("/deputies/opinions?year=2023&route=Referral");
        referral.ShouldContain("/deputies/statistics/stations?code=632801&year=2023");
        var list = await (await browser.GetAsync("/deputies/opinions?year=2023&route=Referral")).Content.ReadAsStringAsync();
        (await new HtmlParser().ParseDocumentAsync(list)).QuerySelectorAll("[data-testid=opinion-card]").Length.ShouldBe(2);
    }

    [Fact]
    public async Task Every_page_of_stations_and_receptions_opens_for_whom_it_is_for()
    {
        var staff = await app.BrowserClientAsync("daigongwei");
        int home;
        await using (var scope = app.Db())
            home = await scope.Context.Set<LiaisonStation>().Where(s => s.Name == DeputiesDemo.HomeName).Select(s => s.Id).FirstAsync();
        foreach (var path in new[] { "/deputies/stations", $"/deputies/stations/{home}?q=王", "/deputies/receptions?below=true", "/deputies/opinions", "/deputies/statistics/stations?code=632801" })
            (await staff.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK, path);
        var page = await (await staff.GetAsync($"/deputies/stations/{home}")).Content.ReadAsStringAsync();
        page.ShouldContain("1,200,000.00");
        var deputy = await app.BrowserClientAsync("daibiao");
        var mine = await (await deputy.GetAsync("/deputies/my-receptions")).Content.ReadAsStringAsync();
        (await new HtmlParser().ParseDocumentAsync(mine)).QuerySelectorAll("[data-testid=my-reception]").Length.ShouldBeGreaterThanOrEqualTo(3);
        (await deputy.GetAsync("/deputies/opinions")).StatusCode.ShouldBe(HttpStatusCode.Found, "sent to the access-denied page");
        var unit = await app.BrowserClientAsync("jiaoyuju");
        var queue = await (await unit.GetAsync("/deputies/opinions/referred")).Content.ReadAsStringAsync();
        queue.ShouldContain("河东片区中学放学时段交通拥堵", customMessage: "the demo's overdue referral waits for the education bureau");
        queue.ShouldContain("已逾期");
        (await unit.GetAsync("/deputies/stations")).StatusCode.ShouldBe(HttpStatusCode.Found, "sent to the access-denied page");
    }

    [Fact]
    public async Task Loading_the_demo_again_adds_nothing()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Renda.Web.Data.RendaDbContext>();
        var before = (await db.Set<LiaisonStation>().CountAsync(), await db.Set<ReceptionDay>().CountAsync(), await db.Set<ConstituentOpinion>().CountAsync(), await db.Set<StationFunding>().CountAsync());
        await DeputiesDemo.EnsureAsync(new Renda.Web.Platform.Demo.DemoSeed(db, scope.ServiceProvider.GetRequiredService<Renda.Web.Platform.Calendar.WorkCalendar>(), RendaApp.Password), default);
        (await db.Set<LiaisonStation>().CountAsync(), await db.Set<ReceptionDay>().CountAsync(), await db.Set<ConstituentOpinion>().CountAsync(), await db.Set<StationFunding>().CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Delegations_and_groups_named_on_the_roster_are_entities_linked_to_their_deputies()
    {
        await using var scope = app.Db();
        var haixi = await scope.Context.Congresses.Where(c => c.Code == MeetingSteps.Haixi).Select(c => c.Id).FirstAsync();
        var delegations = await scope.Context.Set<Delegation>().Where(d => d.CongressId == haixi).Select(d => d.Name).ToListAsync();
        delegations.ShouldContain("格尔木市代表团");
        (await scope.Context.Deputies.CountAsync(d => d.Delegation != null && d.DelegationId == null)).ShouldBe(0);
        var golmud = await scope.Context.Set<Delegation>().FirstAsync(d => d.CongressId == haixi && d.Name == "格尔木市代表团");
        (await scope.Context.Deputies.Where(d => d.DelegationId == golmud.Id).Select(d => d.Delegation).Distinct().ToListAsync()).ShouldBe(["格尔木市代表团"]);
    }

    [Fact]
    public async Task The_public_pages_list_stations_and_upcoming_receptions_without_a_login_and_show_no_contact()
    {
        var citizen = app.Anonymous();
        var list = await citizen.GetJsonAsync("/api/v1/public/stations");
        var home = list.EnumerateArray().Single(s => s.Str("name") == DeputiesDemo.HomeName);
        home.GetProperty("upcoming").GetArrayLength().ShouldBeGreaterThanOrEqualTo(1);
        var page = await citizen.GetAsync($"/stations/{home.Id()}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("主任接待日");
        html.ShouldContain("在线留言");
        (await citizen.GetAsync("/stations")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await citizen.GetAsync("/deputies/stations")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "staff pages need a login");
    }
}

public sealed class StationTests_Sqlite(SqliteApp app) : StationTests(app), IClassFixture<SqliteApp>;
public sealed class StationTests_Postgres(PostgresApp app) : StationTests(app), IClassFixture<PostgresApp>;
