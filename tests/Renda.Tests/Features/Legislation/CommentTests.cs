using System.Net;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Legislation;
using Renda.Web.Platform.People;

namespace Renda.Tests.Features.Legislation;

/// <summary>Public comment on a draft (征求意见): the period, comments per article from citizens, deputies and contact points, the summary.</summary>
public abstract class CommentTests(RendaApp app)
{
    private async Task<(HttpClient Staff, int Bill, int Version, List<(string NodeId, string Label, string Text)> Articles, int Period)> OpenAsync(string title)
    {
        var staff = await app.ApiClientAsync("fagongwei");
        var bill = (await staff.CreateBillAsync(title)).Id();
        var version = (await staff.AddVersionAsync(bill)).Id();
        var period = (await staff.OpenCommentPeriodAsync(bill, version, MeetingSteps.Today, 30)).Id();
        return (staff, bill, version, await staff.ArticlesAsync(bill, version), period);
    }

    [Fact]
    public async Task A_period_shorter_than_thirty_days_needs_a_recorded_reason()
    {
        var staff = await app.ApiClientAsync("fagongwei");
        var bill = (await staff.CreateBillAsync("海西蒙古族藏族自治州城市绿化条例（短期）")).Id();
        var version = (await staff.AddVersionAsync(bill)).Id();
        await staff.PostJsonAsync($"/api/v1/bills/{bill}/comment-periods", new { versionId = version, opensOn = MeetingSteps.Today.Iso(), closesOn = MeetingSteps.Today.AddDays(14).Iso() })
            .ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "shortPeriodReason", "三十日");
        var period = await staff.OpenCommentPeriodAsync(bill, version, MeetingSteps.Today, 15, "主任会议决定：该法规仅作个别条款修改，征求意见十五日");
        period.Str("shortPeriodReason").ShouldStartWith("主任会议决定");
        (await staff.VersionAsync(bill, version)).GetProperty("frozen").GetBoolean().ShouldBeTrue();
        (await app.Anonymous().GetJsonAsync("/api/v1/public/comment-periods")).EnumerateArray().ShouldContain(p => p.Id() == period.Id() && p.GetProperty("accepting").GetBoolean());

        // A period that starts tomorrow is not public yet.
        var later = (await staff.CreateBillAsync("海西蒙古族藏族自治州城市绿化条例（明日）")).Id();
        var laterVersion = (await staff.AddVersionAsync(later)).Id();
        var tomorrow = (await staff.OpenCommentPeriodAsync(later, laterVersion, MeetingSteps.Today.AddDays(1), 30)).Id();
        (await app.Anonymous().GetAsync($"/api/v1/public/comment-periods/{tomorrow}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Anonymous().GetJsonAsync("/api/v1/public/comment-periods")).EnumerateArray().ShouldNotContain(p => p.Id() == tomorrow);
    }

    [Fact]
    public async Task Citizens_deputies_and_contact_points_comment_per_article_and_the_comments_follow_the_article_into_later_versions()
    {
        var (staff, bill, version, a, period) = await OpenAsync("海西蒙古族藏族自治州城市绿化条例（意见）");
        var page = await app.Anonymous().GetJsonAsync($"/api/v1/public/comment-periods/{period}");
        page.GetProperty("accepting").GetBoolean().ShouldBeTrue();
        page.GetProperty("provisions").EnumerateArray().Count(p => p.Str("kind") == "Article").ShouldBe(5);

        var citizen = await app.Anonymous().CommentAsCitizenAsync(period, a[1].NodeId, "建议明确城市绿化的主管部门。", "张先生");
        (await citizen.ShouldBeOkJsonAsync(HttpStatusCode.Created)).Str("articleLabel").ShouldBe("第二条");
        var deputy = await app.ApiClientAsync("daibiao");
        await deputy.PostJsonAsync($"/api/v1/comment-periods/{period}/comments", new { nodeId = a[3].NodeId, text = "建议对占用绿地规定补偿标准。" }).CreatedAsync();
        var points = await staff.GetJsonAsync($"/api/v1/congresses/{LegislationSteps.Haixi}/contact-points");
        points.GetArrayLength().ShouldBe(12);
        var point = points[0].Id();
        await staff.PostJsonAsync($"/api/v1/comment-periods/{period}/comments", new { nodeId = a[3].NodeId, text = "群众建议增加社区绿地认养。", contactPointId = point }).CreatedAsync();
        await deputy.PostJsonAsync($"/api/v1/comment-periods/{period}/comments", new { nodeId = a[3].NodeId, text = "冒充联系点", contactPointId = point }).ShouldBeRefusedAsync(HttpStatusCode.Forbidden);

        var view = await staff.GetJsonAsync($"/api/v1/comment-periods/{period}");
        var comments = view.GetProperty("comments").EnumerateArray().ToList();
        comments.Select(c => c.Str("source")).ShouldBe(["Citizen", "Deputy", "ContactPoint"]);
        comments[2].Str("contactPoint").ShouldBe(points[0].Str("name"));
        comments[0].Str("name").ShouldBe("张先生");
        await using (var scope = app.Db())
            (await scope.Context.Set<DutyRecord>().AnyAsync(r => r.SourceType == BillWorkflow.Subject && r.SourceId == bill && r.Kind == "对法规草案提出意见")).ShouldBeTrue();

        // The next version gets a new article in front of 第二条: the comment made on 第二条 now sits on 第三条.
        await staff.PostJsonAsync($"/api/v1/comment-periods/{period}/close").DoneAsync();
        var v2 = (await staff.DeriveAsync(bill, version)).Id();
        await staff.InsertArticleAsync(bill, v2, a[0].NodeId, "城市绿化应当坚持政府主导、社会参与。");
        var moved = (await staff.GetJsonAsync($"/api/v1/comment-periods/{period}")).GetProperty("comments")[0];
        moved.Str("articleLabel").ShouldBe("第二条");
        moved.Str("currentLabel").ShouldBe("第三条");
        (await staff.VersionAsync(bill, v2)).GetProperty("provisions").EnumerateArray().Single(p => p.Str("nodeId") == a[1].NodeId).GetProperty("comments").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Markup_repeated_text_and_comments_after_the_period_are_refused_and_nothing_is_written()
    {
        var (staff, bill, _, a, period) = await OpenAsync("海西蒙古族藏族自治州城市绿化条例（过滤）");
        var anonymous = app.Anonymous();
        await anonymous.CommentAsCitizenAsync(period, a[0].NodeId, "<script>alert(1)</script>好").ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "text");
        await anonymous.CommentAsCitizenAsync(period, a[0].NodeId, "点击<a href='x'>这里</a>").ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "text");
        await anonymous.CommentAsCitizenAsync(period, a[0].NodeId, new string('长', 2001)).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "text", "2000");
        await anonymous.CommentAsCitizenAsync(period, "nonexistent", "不存在的条").ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "nodeId");
        var deputy = await app.ApiClientAsync("daibiao");
        await deputy.PostJsonAsync($"/api/v1/comment-periods/{period}/comments", new { nodeId = a[0].NodeId, text = "建议增加“美化城市”的表述。" }).CreatedAsync();
        await deputy.PostJsonAsync($"/api/v1/comment-periods/{period}/comments", new { nodeId = a[0].NodeId, text = "建议增加 “美化城市” 的表述。" })
            .ShouldBeRefusedAsync(HttpStatusCode.Conflict, containing: "内容相同");
        await staff.PostJsonAsync($"/api/v1/comment-periods/{period}/close").DoneAsync();
        await anonymous.CommentAsCitizenAsync(period, a[0].NodeId, "截止后才提的意见").ShouldBeRefusedAsync(HttpStatusCode.Conflict, containing: "截止");
        await using var scope = app.Db();
        (await scope.Context.Set<BillComment>().CountAsync(c => c.BillId == bill)).ShouldBe(1);
    }

    [Fact]
    public async Task A_flood_from_one_address_is_refused_after_the_hourly_allowance()
    {
        var (_, bill, _, a, period) = await OpenAsync("海西蒙古族藏族自治州城市绿化条例（限流）");
        // The allowance is the bill's congress's (Haixi's) legislation setting, set by its administrator.
        var admin = await app.BrowserClientAsync("sysadmin");
        (await (await admin.PostFormAsync("/admin/legislation-settings", LegislationSettingsTests.Form(perAddressPerHour: 3))).Content.ReadAsStringAsync()).ShouldContain("已保存");
        try
        {
            var anonymous = app.Anonymous();
            int already;
            await using (var scope = app.Db())
            {
                var since = app.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
                already = await scope.Context.Set<BillComment>().CountAsync(c => c.AddressHash != null && c.CreatedAt > since);
            }
            for (var i = already; i < 3; i++)
                (await anonymous.CommentAsCitizenAsync(period, a[i % 5].NodeId, $"第{i}条意见：建议完善。")).StatusCode.ShouldBe(HttpStatusCode.Created);
            await anonymous.CommentAsCitizenAsync(period, a[0].NodeId, "再提一条意见").ShouldBeRefusedAsync(HttpStatusCode.Conflict, containing: "每小时最多提交 3 条");
            await using (var scope = app.Db())
                (await scope.Context.Set<BillComment>().CountAsync(c => c.BillId == bill)).ShouldBe(Math.Max(0, 3 - already));
            // The next hour the address may comment again (and the other tests of this class start from a fresh hour).
            app.Clock.Advance(TimeSpan.FromMinutes(61));
            (await anonymous.CommentAsCitizenAsync(period, a[0].NodeId, "一小时后再提的意见")).StatusCode.ShouldBe(HttpStatusCode.Created);
            app.Clock.Advance(TimeSpan.FromMinutes(61));
        }
        finally
        {
            // Signed in again: the clock moved past the first sign-in's session.
            await (await app.BrowserClientAsync("sysadmin")).PostFormAsync("/admin/legislation-settings", LegislationSettingsTests.Form());
        }
    }

    [Fact]
    public async Task The_summary_gives_each_comment_a_verdict_with_reasons_and_is_published_on_the_public_page()
    {
        var (staff, _, _, a, period) = await OpenAsync("海西蒙古族藏族自治州城市绿化条例（汇总）");
        var deputy = await app.ApiClientAsync("daibiao");
        await deputy.PostJsonAsync($"/api/v1/comment-periods/{period}/comments", new { nodeId = a[2].NodeId, text = "建议增加耐旱树种的要求。" }).CreatedAsync();
        await deputy.PostJsonAsync($"/api/v1/comment-periods/{period}/comments", new { nodeId = a[4].NodeId, text = "建议推迟施行日期。" }).CreatedAsync();
        await staff.PostJsonAsync($"/api/v1/comment-periods/{period}/summary", new { text = "采纳情况" }).ShouldBeRefusedAsync(HttpStatusCode.Conflict, containing: "尚未截止");
        await staff.PostJsonAsync($"/api/v1/comment-periods/{period}/close").DoneAsync();
        await staff.PostJsonAsync($"/api/v1/comment-periods/{period}/summary", new { text = "采纳情况" }).ShouldBeRefusedAsync(HttpStatusCode.Conflict, containing: "未研究处理");
        var comments = (await staff.GetJsonAsync($"/api/v1/comment-periods/{period}")).GetProperty("comments").EnumerateArray().ToList();
        await staff.PostJsonAsync($"/api/v1/comments/{comments[0].Id()}/handling", new { handling = "Adopted", reason = (string?)null }).DoneAsync();
        await staff.PostJsonAsync($"/api/v1/comments/{comments[1].Id()}/handling", new { handling = "NotAdopted", reason = (string?)null }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "reason");
        await staff.PostJsonAsync($"/api/v1/comments/{comments[1].Id()}/handling", new { handling = "NotAdopted", reason = "施行日期由常委会会议确定。" }).DoneAsync();
        await staff.PostJsonAsync($"/api/v1/comment-periods/{period}/summary", new { text = "共收到意见2条，采纳1条，未采纳1条。" }).DoneAsync();
        await staff.PostJsonAsync($"/api/v1/comments/{comments[1].Id()}/handling", new { handling = "Adopted", reason = (string?)null }).ShouldBeRefusedAsync(HttpStatusCode.Conflict);

        var page = await app.Anonymous().GetJsonAsync($"/api/v1/public/comment-periods/{period}");
        page.Str("summaryText").ShouldBe("共收到意见2条，采纳1条，未采纳1条。");
        var handling = page.GetProperty("handling").EnumerateArray().ToList();
        handling.Select(h => (h.Str("articleLabel"), h.Str("handling"))).ShouldBe([("第三条", "采纳"), ("第五条", "未采纳")]);
        handling[1].Str("reason").ShouldBe("施行日期由常委会会议确定。");
        page.ToString().ShouldNotContain("daibiao");
    }
}

public sealed class CommentTests_Sqlite(SqliteApp app) : CommentTests(app), IClassFixture<SqliteApp>;
public sealed class CommentTests_Postgres(PostgresApp app) : CommentTests(app), IClassFixture<PostgresApp>;
