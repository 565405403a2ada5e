using System.Net;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Platform.Deadlines;

namespace Renda.Tests.Features.Filings;

using static FilingSteps;

/// <summary>Reviews (审查): committees, findings per standard, the clocks, the outcome — archive, correction, or annulment by the standing committee.</summary>
public abstract class ReviewTests(RendaApp app)
{
    [Fact]
    public async Task A_review_without_problem_is_archived_after_all_four_standards_and_its_clocks_are_met()
    {
        var (filingId, reviewId) = await app.ReceivedFilingAsync("海西州人民政府关于印发海西州城市公园管理办法的通知");
        var staff = await app.ReviewerAsync();
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/pass", new { committeeId = await app.CommitteeIdAsync() }).DoneAsync();
        var clocks = await app.ClocksAsync("Review", reviewId);
        clocks.Select(c => (c.Purpose, c.Status)).ShouldBe([("pass", DeadlineStatus.Met), ("review", DeadlineStatus.Open), ("committee", DeadlineStatus.Open)]);
        (clocks[1].Unit, clocks[1].Amount, clocks[1].DueOn).ShouldBe((PeriodUnit.Months, 3, Today.AddMonths(3)));
        (await staff.FilingAsync(filingId)).Str("status").ShouldBe("UnderReview");

        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/findings", new { standard = "Constitutionality", problem = false, note = "未发现问题。" }).DoneAsync();
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/close", new { }).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "政治性、合法性、适当性");
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/findings", new { standard = "Legality", problem = true }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "法律依据");
        foreach (var s in new[] { "Political", "Legality", "Appropriateness" })
            await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/findings", new { standard = s, problem = false }).DoneAsync();
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/communications", new { kind = "CommitteeView", text = "法制委员会审查意见：未发现问题。" }).DoneAsync();
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/close", new { note = "予以归档。" }).DoneAsync();

        var filing = await staff.FilingAsync(filingId);
        (filing.Str("status"), filing.Str("closedOn")).ShouldBe(("Archived", Today.Iso()));
        var review = filing.GetProperty("reviews")[0];
        (review.Str("status"), review.Str("outcome")).ShouldBe(("Closed", "NoProblem"));
        review.GetProperty("findings").GetArrayLength().ShouldBe(4);
        (await app.ClocksAsync("Review", reviewId)).ShouldAllBe(c => c.Status == DeadlineStatus.Met);
    }

    [Fact]
    public async Task A_review_that_found_a_problem_cannot_close_without_an_outcome_nor_run_twice_and_ends_corrected()
    {
        var (filingId, reviewId) = await app.ReceivedFilingAsync("海西州人民政府关于印发海西州网络预约出租汽车管理办法的通知");
        var staff = await app.ReviewerAsync();
        // A second active review of the same filing is refused.
        await staff.PostJsonAsync($"/api/v1/filings/{filingId}/reviews", new { mode = "Request", requestedBy = "海西州中级人民法院" }).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "正在进行的审查");
        await app.ReviewedAsync(reviewId, problem: true);
        // The 3-month clock is extended once, by 3 months, with its reason.
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/extend", new { reason = "涉及多部上位法，需征求州司法局意见。" }).DoneAsync();
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/extend", new { reason = "再延长" }).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "已延长过一次");
        var review = (await app.ClocksAsync("Review", reviewId)).Single(c => c.Purpose == "review");
        var extension = review.Extensions.Single();
        (extension.Unit, extension.Amount, extension.Reason).ShouldBe((PeriodUnit.Months, 3, "涉及多部上位法，需征求州司法局意见。"));
        review.DueOn.ShouldBeInRange(Today.AddMonths(6), Today.AddMonths(6).AddDays(3)); // moved to a working day

        var reviews = await app.CountAsync<Renda.Web.Features.Filings.Review>();
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/close", new { }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "须写明处理结果");
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/close", new { outcome = "NoProblem" }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "须写明处理结果");
        (await app.CountAsync<Renda.Web.Features.Filings.Review>()).ShouldBe(reviews);
        (await staff.GetJsonAsync($"/api/v1/reviews/{reviewId}")).Str("status").ShouldBe("InReview");

        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/communications", new { kind = "Communication", text = "与州交通运输局沟通，指出第九条设定行政许可超越权限。" }).DoneAsync();
        (await staff.FilingAsync(filingId)).Str("status").ShouldBe("ProblemFound");
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/communications", new { kind = "Opinion", text = "发出书面审查意见，请于两个月内研究处理并书面回复。" }).DoneAsync();
        var reply = (await app.ClocksAsync("Review", reviewId)).Single(c => c.Purpose == "reply");
        (reply.Status, reply.Amount, reply.DueOn, reply.Source).ShouldBe((DeadlineStatus.Open, 60, Today.AddDays(60), "立法法 第一百一十二条"));
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/communications", new { kind = "Reply", text = "州人民政府回复：同意删除第九条，已印发修改决定。" }).DoneAsync();
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/close", new { outcome = "Corrected" }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "关联纠正或废止的文件");
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/close", new { outcome = "Corrected", note = "已删除第九条。", correctionDocument = "海西州人民政府关于修改《海西州网络预约出租汽车管理办法》的决定（西政〔2026〕60号）" }).DoneAsync();

        var filing = await staff.FilingAsync(filingId);
        filing.Str("status").ShouldBe("Archived");
        var closed = filing.GetProperty("reviews")[0];
        (closed.Str("outcome"), closed.Str("correctionDocument")).ShouldBe(("Corrected", "海西州人民政府关于修改《海西州网络预约出租汽车管理办法》的决定（西政〔2026〕60号）"));
        closed.GetProperty("communications").EnumerateArray().Select(c => c.Str("kind")).ShouldBe(["Communication", "Opinion", "Reply"]);
        (await app.ClocksAsync("Review", reviewId)).ShouldAllBe(c => c.Status == DeadlineStatus.Met);
        // Now a request may open a new review of the same document.
        var request = await staff.PostJsonAsync($"/api/v1/filings/{filingId}/reviews", new { mode = "Request", requestedBy = "海西州中级人民法院" }).CreatedAsync();
        (request.Str("mode"), request.Str("requestedBy")).ShouldBe(("Request", "海西州中级人民法院"));
    }

    [Fact]
    public async Task An_organ_that_refuses_to_correct_is_escalated_and_the_standing_committee_annuls_the_document_by_its_vote()
    {
        var (filingId, reviewId) = await app.ReceivedFilingAsync("海西州人民政府关于印发海西州旅游市场秩序管理办法的通知");
        await app.ReviewedAsync(reviewId, problem: true);
        var staff = await app.ReviewerAsync();
        var meetingStaff = await app.ApiClientAsync("daigongwei");
        var members = await app.MemberClientsAsync(16);
        var meetingId = await meetingStaff.MeetingInSessionAsync();
        await meetingStaff.RecordPresentAsync(app, meetingId, members.Select(m => m.PersonId));

        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/agenda", new { meetingId }).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "主任会议");
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/communications", new { kind = "Communication", text = "沟通未果。" }).DoneAsync();
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/communications", new { kind = "Opinion", text = "发出书面审查意见。" }).DoneAsync();
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/communications", new { kind = "Escalation", text = "制定机关拒不纠正，提请主任会议。" }).DoneAsync();
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/close", new { outcome = "Annulled", note = "撤销" }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "常委会会议表决");
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/agenda", new { meetingId }).DoneAsync();

        var item = (await meetingStaff.MeetingAsync(meetingId)).GetProperty("agenda").EnumerateArray()
            .Single(a => a.GetProperty("subjectType").GetString() == "Filing" && a.GetProperty("subjectId").GetInt32() == filingId);
        (item.Str("kind"), item.Str("title")).ShouldBe(("FilingReview", "关于撤销《海西州人民政府关于印发海西州旅游市场秩序管理办法的通知》的决定（草案）"));
        var vote = await meetingStaff.RunWholeVoteAsync(meetingId, item.Id(), members, yes: 16);
        vote.GetProperty("passed").GetBoolean().ShouldBeTrue();

        var filing = await staff.FilingAsync(filingId);
        (filing.Str("status"), filing.Str("closedOn")).ShouldBe(("Annulled", Today.Iso()));
        var review = filing.GetProperty("reviews")[0];
        (review.Str("status"), review.Str("outcome")).ShouldBe(("Closed", "Annulled"));
        review.Str("outcomeNote").ShouldContain("赞成16票");
        (await staff.StatisticsAsync(2026)).GetProperty("annulled").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task A_cleanup_lists_its_documents_and_ends_only_when_each_has_a_result()
    {
        var staff = await app.ReviewerAsync();
        var before = (await staff.StatisticsAsync(2026)).GetProperty("campaignDocuments").GetInt32();
        var (filingId, _) = await app.ReceivedFilingAsync("海西州人民政府关于印发海西州黄河流域生态保护补偿办法的通知");
        var cleanup = await staff.PostJsonAsync($"/api/v1/congresses/{FilingSteps.Haixi}/review-campaigns",
            new { kind = "Cleanup", theme = "黄河流域保护", scope = "州人民政府规范性文件" }).CreatedAsync();
        var id = cleanup.Id();
        var listed = (await staff.PostJsonAsync($"/api/v1/review-campaigns/{id}/documents", new { filingId }).CreatedAsync()).Id();
        (await staff.PostJsonAsync($"/api/v1/review-campaigns/{id}/documents", new { filingId })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var other = (await staff.PostJsonAsync($"/api/v1/review-campaigns/{id}/documents", new { title = "德令哈市人大常委会关于加强巴音河流域保护的决定", issuingOrgan = "德令哈市人大常委会" }).CreatedAsync()).Id();

        await staff.PostJsonAsync($"/api/v1/review-campaigns/{id}/close", new { }).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "2 件文件没有处理结果");
        await staff.PostJsonAsync($"/api/v1/campaign-documents/{listed}/result", new { result = "Amend" }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "须写明理由");
        await staff.PostJsonAsync($"/api/v1/campaign-documents/{listed}/result", new { result = "Amend", note = "生态补偿标准与新修订的条例不一致。" }).DoneAsync();
        await staff.PostJsonAsync($"/api/v1/campaign-documents/{other}/result", new { result = "Keep" }).DoneAsync();
        await staff.PostJsonAsync($"/api/v1/review-campaigns/{id}/close", new { summary = "清理完成。" }).DoneAsync();

        var done = await staff.GetJsonAsync($"/api/v1/review-campaigns/{id}");
        (done.Str("status"), done.GetProperty("documents").GetArrayLength()).ShouldBe(("Closed", 2));
        done.GetProperty("documents")[0].Str("title").ShouldBe("海西州人民政府关于印发海西州黄河流域生态保护补偿办法的通知");
        (await staff.PostJsonAsync($"/api/v1/review-campaigns/{id}/documents", new { filingId })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var after = await staff.StatisticsAsync(2026);
        after.GetProperty("campaignDocuments").GetInt32().ShouldBe(before + 2);
        after.GetProperty("campaigns").EnumerateArray().Single(c => c.Id() == id).GetProperty("amend").GetInt32().ShouldBe(1);
    }
}

public sealed class ReviewTests_Sqlite(SqliteApp app) : ReviewTests(app), IClassFixture<SqliteApp>;
public sealed class ReviewTests_Postgres(PostgresApp app) : ReviewTests(app), IClassFixture<PostgresApp>;
