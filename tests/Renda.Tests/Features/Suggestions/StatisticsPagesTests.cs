using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Suggestions;

namespace Renda.Tests.Features.Suggestions;

/// <summary>The dashboard, the records behind a figure and the commitment ledger, as signed-in users see them.</summary>
public abstract class StatisticsPagesTests(RendaApp app)
{
    private static async Task<string> HtmlAsync(HttpClient client, string url, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, html);
        return WebUtility.HtmlDecode(html);
    }

    [Fact]
    public async Task The_dashboard_shows_each_figure_with_its_definition_and_a_link_to_its_records()
    {
        var staff = await app.BrowserClientAsync("daigongwei");
        var html = await HtmlAsync(staff, "/suggestions/statistics?year=2023");
        html.ShouldContain("海西州人大常委会 2023年");
        html.ShouldContain("办复率 = 在期限内答复的件数 ÷ 交办件数");
        html.ShouldContain("满意率 = 领衔代表评价为“满意”的件数 ÷ 已评价件数");
        html.ShouldContain("年内共办结34件，办复率和满意率均达到100%。");
        html.ShouldContain("href=\"/suggestions/statistics/records?code=632800&year=2023&figure=answeredOnTime\"");
        html.ShouldContain("id=\"chart-category\"");
        html.ShouldContain("id=\"chart-unit\"");
        html.ShouldContain("id=\"chart-satisfaction\"");
        html.ShouldContain("/js/suggestion-statistics.js");
        html.ShouldContain("/api/v1/congresses/632800/suggestions/ledgers/assignments.xlsx?year=2023");
        html.ShouldContain("data-testid=\"by-deputy\"");
        Regex.IsMatch(html, "data-testid=\"figure-replyRate\"[\\s\\S]*?>100%<").ShouldBeTrue();
        html.ShouldNotContain("<script>", Case.Insensitive);
    }

    [Fact]
    public async Task The_records_page_lists_exactly_the_records_behind_a_figure()
    {
        var staff = await app.BrowserClientAsync("daigongwei");
        var html = await HtmlAsync(staff, "/suggestions/statistics/records?code=632800&year=2023&figure=replyRate");
        html.ShouldContain("办复率 = 在期限内答复的件数 ÷ 交办件数");
        Regex.Count(html, "data-testid=\"record\"").ShouldBe(34);
        html.ShouldContain("共 34 件");
        await using var scope = app.Db();
        var first = await scope.Context.Set<Suggestion>().Where(s => s.Number == "2023-001").Select(s => new { s.Id, s.Title }).FirstAsync();
        html.ShouldContain($"<a href=\"/suggestions/{first.Id}\">{first.Title}</a>");
        var education = await scope.Context.HandlingUnits.Where(u => u.Name == "海西州教育局").Select(u => u.Id).FirstAsync();
        var unit = await HtmlAsync(staff, $"/suggestions/statistics/records?code=632800&year=2023&figure=assigned&unit={education}");
        unit.ShouldContain("（海西州教育局）");
        var expected = await scope.Context.Set<Suggestion>().CountAsync(s => s.Year == 2023 && s.Number != null && s.Assignments.Any(a => a.HandlingUnitId == education && a.Role == AssignmentRole.Lead));
        Regex.Count(unit, "data-testid=\"record\"").ShouldBe(expected);
        await HtmlAsync(staff, "/suggestions/statistics/records?code=632800&year=2023&figure=bogus", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_province_sees_the_congresses_below_and_their_figures_but_no_names()
    {
        var province = await app.BrowserClientAsync("qh-staff");
        var own = await HtmlAsync(province, "/suggestions/statistics?year=2023");
        own.ShouldContain("data-testid=\"below\"");
        own.ShouldContain("href=\"/suggestions/statistics?code=632800&year=2023\"");
        var haixi = await HtmlAsync(province, "/suggestions/statistics?code=632800&year=2023");
        haixi.ShouldContain("年内共办结34件");
        haixi.ShouldNotContain("data-testid=\"by-deputy\"");
        haixi.ShouldNotContain("ledgers/assignments.xlsx");
        var records = await HtmlAsync(province, "/suggestions/statistics/records?code=632800&year=2023&figure=closed");
        Regex.Count(records, "data-testid=\"record\"").ShouldBe(34);
        Regex.IsMatch(records, "<a href=\"/suggestions/\\d+\"").ShouldBeFalse("an upper congress cannot open the records");

        var county = await app.BrowserClientAsync("gem-staff");
        (await HtmlAsync(county, "/suggestions/statistics?code=632800&year=2023", HttpStatusCode.Forbidden)).ShouldContain("只能查看本级及下级人大的统计数据");
        var officer = await app.BrowserClientAsync("jiaoyuju");
        var denied = await officer.GetAsync("/suggestions/statistics");
        denied.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_unit_officer_sees_the_units_commitments_and_reports_progress()
    {
        var officer = await app.BrowserClientAsync("jiaoyuju");
        var html = await HtmlAsync(officer, "/suggestions/commitments?status=Open");
        html.ShouldContain("承诺事项台账");
        html.ShouldContain("仅显示本单位的承诺事项");
        Regex.Count(html, "data-testid=\"commitment\"").ShouldBeGreaterThan(0);
        html.ShouldNotContain("海西州住房和城乡建设局");
        html.ShouldContain("/api/v1/congresses/632800/suggestions/ledgers/commitments.xlsx?status=Open");

        int id;
        await using (var scope = app.Db())
        {
            var education = await scope.Context.HandlingUnits.Where(u => u.Name == "海西州教育局").Select(u => u.Id).FirstAsync();
            id = await scope.Context.Set<Commitment>().Where(c => c.HandlingUnitId == education && c.Status == CommitmentStatus.Open).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync();
        }
        var posted = await officer.PostFormAsync("/suggestions/commitments?handler=Progress&status=Open",
            new() { ["commitmentId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["text"] = "已完成施工招标，预计下月开工。" + app.Provider }, "/suggestions/commitments?status=Open");
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        await using (var scope = app.Db())
        {
            var c = await scope.Context.Set<Commitment>().Include(x => x.Progress).FirstAsync(x => x.Id == id);
            c.Progress.ShouldContain(p => p.Text == "已完成施工招标，预计下月开工。" + app.Provider);
            c.Status.ShouldBe(CommitmentStatus.Open);
        }
        var after = await HtmlAsync(officer, posted.Headers.Location!.ToString());
        after.ShouldContain("进展已报告");
        after.ShouldContain("已完成施工招标，预计下月开工。" + app.Provider);

        var staff = await app.BrowserClientAsync("daigongwei");
        var all = await HtmlAsync(staff, "/suggestions/commitments");
        all.ShouldContain("海西州住房和城乡建设局");
        all.ShouldNotContain("name=\"commitmentId\"");
    }
}

public sealed class StatisticsPagesTests_Sqlite(SqliteApp app) : StatisticsPagesTests(app), IClassFixture<SqliteApp>;
public sealed class StatisticsPagesTests_Postgres(PostgresApp app) : StatisticsPagesTests(app), IClassFixture<PostgresApp>;
