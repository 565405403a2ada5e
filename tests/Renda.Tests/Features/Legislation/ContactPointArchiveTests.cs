using System.Net;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Deputies;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Legislation;
using Renda.Web.Platform.People;

namespace Renda.Tests.Features.Legislation;

/// <summary>A contact point's deputies (of any level) and the consultations they took part in: 基层立法联系点征求意见 in the archive.</summary>
public abstract class ContactPointArchiveTests(RendaApp app)
{
    private static string Points => $"/api/v1/congresses/{LegislationSteps.Haixi}/contact-points";

    private async Task<(HttpClient Staff, int Point)> PointAsync(string name)
    {
        var staff = await app.ApiClientAsync("fagongwei");
        var point = (await staff.PostJsonAsync(Points, new { name, location = "德令哈市", establishedOn = "2024-05-01", national = false }).CreatedAsync()).Id();
        return (staff, point);
    }

    private static async Task<(int Bill, int Period, string NodeId)> OpenAsync(HttpClient staff, string title)
    {
        var bill = (await staff.CreateBillAsync(title)).Id();
        var version = (await staff.AddVersionAsync(bill)).Id();
        var period = (await staff.OpenCommentPeriodAsync(bill, version, MeetingSteps.Today, 30)).Id();
        return (bill, period, (await staff.ArticlesAsync(bill, version))[1].NodeId);
    }

    [Fact]
    public async Task Staff_assign_deputies_of_any_level_and_the_point_shows_them()
    {
        var (staff, point) = await PointAsync("德令哈市柯鲁柯镇基层立法联系点（代表）");
        var haixi = await app.DeputiesAsync(220, 2);
        var province = (await app.DeputiesAsync(0, 1, LegislationSteps.Qinghai))[0];
        await staff.PostJsonAsync($"{Points}/{point}/deputies", new { deputyIds = new[] { haixi[0].Id, haixi[1].Id, province.Id, haixi[0].Id } }).DoneAsync();
        var view = (await staff.GetJsonAsync(Points)).EnumerateArray().Single(p => p.Id() == point);
        view.GetProperty("deputies").EnumerateArray().Select(d => d.GetProperty("deputyId").GetInt32()).Order().ShouldBe(new[] { haixi[0].Id, haixi[1].Id, province.Id }.Order());
        view.GetProperty("deputies").EnumerateArray().ShouldContain(d => d.Str("congress") == "青海省人大代表");

        await staff.PostJsonAsync($"{Points}/{point}/deputies", new { deputyIds = new[] { 999_999 } }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "deputyIds");
        await staff.PostJsonAsync($"{Points}/{point}/deputies", new { deputyIds = Array.Empty<int>() }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "deputyIds");
        (await staff.DeleteAsync($"{Points}/{point}/deputies/{haixi[1].Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await staff.DeleteAsync($"{Points}/{point}/deputies/{haixi[1].Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await staff.GetJsonAsync(Points)).EnumerateArray().Single(p => p.Id() == point).GetProperty("deputies").GetArrayLength().ShouldBe(2);
        // Another congress's staff cannot change Haixi's points; a deputy cannot at all.
        (await (await app.ApiClientAsync("daibiao")).PostJsonAsync($"{Points}/{point}/deputies", new { deputyIds = new[] { haixi[1].Id } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_deputies_named_with_a_points_opinion_get_one_record_per_bill_that_follows_corrections()
    {
        var (staff, point) = await PointAsync("乌兰县希里沟镇基层立法联系点（征求意见）");
        var d = await app.DeputiesAsync(230, 3);
        var province = (await app.DeputiesAsync(1, 1, LegislationSteps.Qinghai))[0];
        await staff.PostJsonAsync($"{Points}/{point}/deputies", new { deputyIds = new[] { d[0].Id, d[1].Id, province.Id } }).DoneAsync();
        var (bill, period, node) = await OpenAsync(staff, "海西蒙古族藏族自治州城市绿化条例（联系点）");
        string Comments() => $"/api/v1/comment-periods/{period}/comments";
        Task<List<DutyRecord>> RecordsAsync() => app.RecordsOfAsync(DutyKinds.ContactPointConsultation, "Bill", bill);

        var c1 = (await staff.PostJsonAsync(Comments(), new { nodeId = node, text = "群众建议增加社区绿地认养。", contactPointId = point, deputyIds = new[] { d[0].Id, province.Id } }).CreatedAsync()).Id();
        var c2 = (await staff.PostJsonAsync(Comments(), new { text = "建议明确绿化养护经费来源。", contactPointId = point, deputyIds = new[] { d[0].Id } }).CreatedAsync()).Id();
        (await RecordsAsync()).Select(r => (r.DeputyId, r.On, r.Title)).ShouldBe(new[] { (d[0].Id, MeetingSteps.Today, "海西蒙古族藏族自治州城市绿化条例（联系点）"),
            (province.Id, MeetingSteps.Today, "海西蒙古族藏族自治州城市绿化条例（联系点）") }.OrderBy(x => x.Item1), "one record per deputy and bill, for a provincial deputy too");
        var archive = await staff.ArchiveAsync(d[0].Id);
        archive.GetProperty("records").EnumerateArray().ShouldContain(r => r.Str("kind") == "基层立法联系点征求意见" && r.Str("link") == $"/legislation/bills/{bill}");
        var comment = (await staff.GetJsonAsync($"/api/v1/comment-periods/{period}")).GetProperty("comments").EnumerateArray().Single(c => c.Id() == c1);
        comment.GetProperty("deputies").EnumerateArray().Select(x => x.GetString()).ShouldBe([d[0].Name, province.Name]);

        // A deputy not assigned to the point is refused, naming the field; nothing is written.
        await staff.PostJsonAsync(Comments(), new { text = "建议增设街头绿地。", contactPointId = point, deputyIds = new[] { d[2].Id } })
            .ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "deputyIds", "不是");
        (await staff.GetJsonAsync($"/api/v1/comment-periods/{period}")).GetProperty("comments").GetArrayLength().ShouldBe(2);
        (await RecordsAsync()).Count.ShouldBe(2);

        // Corrected: the first opinion's consultation was d1's, not the provincial deputy's.
        await staff.PutJsonAsync($"/api/v1/comments/{c1}/deputies", new { deputyIds = new[] { d[1].Id } }).DoneAsync();
        (await RecordsAsync()).Select(r => r.DeputyId).ShouldBe(new[] { d[0].Id, d[1].Id }.Order(), "d0 still took part in the second opinion");
        await staff.PutJsonAsync($"/api/v1/comments/{c2}/deputies", new { deputyIds = Array.Empty<int>() }).DoneAsync();
        (await RecordsAsync()).Select(r => r.DeputyId).ShouldBe([d[1].Id]);
        // A deputy who leaves the point keeps what was done there.
        await staff.DeleteAsync($"{Points}/{point}/deputies/{d[1].Id}").DoneAsync();
        (await RecordsAsync()).Select(r => r.DeputyId).ShouldBe([d[1].Id]);

        // Only a contact point's opinion has participants.
        var deputy = await app.ApiClientAsync("daibiao");
        await deputy.PostJsonAsync(Comments(), new { text = "建议对古树名木单独立章。", deputyIds = new[] { d[0].Id } }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "deputyIds");
        var own = (await deputy.PostJsonAsync(Comments(), new { text = "建议对古树名木单独立章。" }).CreatedAsync()).Id();
        (await staff.PutJsonAsync($"/api/v1/comments/{own}/deputies", new { deputyIds = new[] { d[0].Id } })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await app.Anonymous().PostJsonAsync($"/api/v1/public/comment-periods/{period}/comments", new { text = "公众意见。", deputyIds = new[] { d[0].Id } })
            .ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "deputyIds");
    }

    [Fact]
    public async Task Staff_correct_who_took_part_on_the_comment_page_and_the_records_follow()
    {
        var (staff, point) = await PointAsync("都兰县察汗乌苏镇基层立法联系点（更正）");
        var d = await app.DeputiesAsync(210, 2);
        await staff.PostJsonAsync($"{Points}/{point}/deputies", new { deputyIds = new[] { d[0].Id, d[1].Id } }).DoneAsync();
        var (bill, period, _) = await OpenAsync(staff, "海西蒙古族藏族自治州河道管理条例（更正）");
        var comment = (await staff.PostJsonAsync($"/api/v1/comment-periods/{period}/comments", new { text = "建议明确河长制职责。", contactPointId = point, deputyIds = new[] { d[0].Id } })
            .CreatedAsync()).Id();

        var browser = await app.BrowserClientAsync("fagongwei");
        var page = $"/legislation/comments/{period}";
        var html = await browser.GetStringAsync(page);
        html.ShouldContain($"id=\"cd-{comment}-{d[0].Id}\" checked=\"checked\"");
        html.ShouldNotContain($"id=\"cd-{comment}-{d[1].Id}\" checked");
        var response = await browser.PostFormAsync($"{page}?handler=Participants", new() { ["CommentId"] = $"{comment}", ["DeputyIds"] = $"{d[1].Id}" }, page);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        (await app.RecordsOfAsync(DutyKinds.ContactPointConsultation, "Bill", bill)).Select(r => r.DeputyId).ShouldBe([d[1].Id]);
        (await browser.GetStringAsync(page)).ShouldContain($"id=\"cd-{comment}-{d[1].Id}\" checked=\"checked\"");
    }

    [Fact]
    public async Task The_demo_consultation_produced_records_and_the_backfill_restores_them_idempotently()
    {
        int pairs;
        await using (var scope = app.Db())
            pairs = (await (from x in scope.Context.Set<BillCommentDeputy>()
                            join c in scope.Context.Set<BillComment>() on x.BillCommentId equals c.Id
                            select new { x.DeputyId, c.BillId }).Distinct().ToListAsync()).Count;
        pairs.ShouldBeGreaterThanOrEqualTo(2, "the demo's Haixi point forwarded an opinion two of its deputies took part in");
        (await app.CountKindAsync(DutyKinds.ContactPointConsultation)).ShouldBe(pairs);
        var (restored, second, after) = await app.RebuildKindTwiceAsync(DutyKinds.ContactPointConsultation);
        (restored, second, after).ShouldBe((pairs, 0, pairs));
        var demoPoints = (await (await app.ApiClientAsync("fagongwei")).GetJsonAsync(Points)).EnumerateArray().Count(p => p.GetProperty("deputies").GetArrayLength() > 0);
        demoPoints.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task The_pages_show_a_points_deputies_and_offer_them_when_staff_enter_its_opinions()
    {
        var api = await app.ApiClientAsync("fagongwei");
        var point = (await api.GetJsonAsync(Points)).EnumerateArray().First(p => p.GetProperty("deputies").GetArrayLength() > 0);
        var name = point.GetProperty("deputies")[0].Str("name");
        var browser = await app.BrowserClientAsync("fagongwei");
        (await PageAsync(browser, "/legislation/contact-points")).ShouldContain($"/legislation/contact-points/{point.Id()}");
        var page = await PageAsync(browser, $"/legislation/contact-points/{point.Id()}");
        page.ShouldContain(name);
        // Searching the roster offers deputies of this congress and those above and below it to assign.
        (await PageAsync(browser, $"/legislation/contact-points/{point.Id()}?q={Uri.EscapeDataString(name)}")).ShouldContain("安排联系本点");
        // The demo's open Haixi period: its point's opinion names who took part, and the entry form offers the points' deputies.
        var period = (await api.GetJsonAsync($"/api/v1/congresses/{LegislationSteps.Haixi}/comment-periods")).EnumerateArray()
            .First(p => p.GetProperty("comments").EnumerateArray().Any(c => c.GetProperty("deputies").GetArrayLength() > 0));
        var html = await PageAsync(browser, $"/legislation/comments/{period.Id()}");
        html.ShouldContain("参加征求意见的代表：");
        html.ShouldContain("data-testid=\"point-deputies\"");
        (await (await app.BrowserClientAsync("daibiao")).GetAsync($"/legislation/contact-points/{point.Id()}")).StatusCode.ShouldNotBe(HttpStatusCode.InternalServerError);
    }

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var r = await client.GetAsync(url);
        var html = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(HttpStatusCode.OK, $"{url}: {html[..Math.Min(html.Length, 2000)]}");
        return html;
    }
}

public sealed class ContactPointArchiveTests_Sqlite(SqliteApp app) : ContactPointArchiveTests(app), IClassFixture<SqliteApp>;
public sealed class ContactPointArchiveTests_Postgres(PostgresApp app) : ContactPointArchiveTests(app), IClassFixture<PostgresApp>;
