using System.Net.Http.Json;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Tests.Platform.Attachments;
using Renda.Web.Features.Supervision;
using Renda.Web.Platform.Deadlines;

namespace Renda.Tests.Features.Supervision;

/// <summary>
/// A special work report through its loop (监督法第十五、十七条): the lead-time clocks before the meeting, heard, opinions within 7 days,
/// the organ's handling report in 3 months, judged, followed up, closed; and the refusals that keep the loop in order.
/// </summary>
public abstract class WorkReportLoopTests(RendaApp app)
{
    private static readonly DateOnly Today = MeetingSteps.Today;

    [Fact]
    public async Task Registering_for_a_meeting_starts_the_three_lead_time_clocks_with_their_rule_and_source()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var starts = Today.AddDays(40);
        var meetingId = (await staff.ScheduleMeetingAsync(starts)).Id();
        var report = await staff.RegisterReportAsync(await app.UnitIdAsync("海西州教育局"), meetingId);
        report.Str("status").ShouldBe("Planned");
        var committee = report.Clock("lead:committee");
        // Due by the 20th day before the meeting; a day off moves it earlier, never later.
        DateOnly.Parse(committee.Str("dueOn")).ShouldBeLessThanOrEqualTo(starts.AddDays(-20));
        DateOnly.Parse(committee.Str("dueOn")).ShouldBeGreaterThan(starts.AddDays(-24));
        committee.Str("source").ShouldBe("监督法第十五条");
        committee.Str("rule").ShouldContain("20日前");
        DateOnly.Parse(report.Clock("lead:standing-committee").Str("dueOn")).ShouldBeLessThan(starts.AddDays(-6));
        report.Clock("lead:members").Str("rule").ShouldContain("7日前");
        // The report is on the meeting's agenda, linked back.
        (await staff.MeetingAsync(meetingId)).GetProperty("agenda").EnumerateArray()
            .ShouldContain(a => a.Str("subjectType") == "WorkReport" && a.GetProperty("subjectId").GetInt32() == report.Id());

        // The organ uploads: the first clock is met.
        var organ = await app.ApiClientAsync("jiaoyuju");
        await organ.ReportStepAsync(report.Id(), "submit", new { text = "报告正文" }).DoneAsync();
        (await staff.ReportAsync(report.Id())).Clock("lead:committee").Str("status").ShouldBe("Met");
    }

    [Fact]
    public async Task A_lead_time_ending_on_a_day_off_falls_on_the_working_day_before_and_moves_with_the_meeting()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var starts = new DateOnly(2026, 12, 11);
        starts.AddDays(-20).DayOfWeek.ShouldBe(DayOfWeek.Saturday, "the 20th day before this meeting is a day off");
        var meetingId = (await staff.ScheduleMeetingAsync(starts)).Id();
        var report = await staff.RegisterReportAsync(await app.UnitIdAsync("海西州教育局"), meetingId);
        var committee = report.Clock("lead:committee");
        committee.Str("dueOn").ShouldBe(starts.AddDays(-21).Iso(), "the Friday before, not the Monday after");
        committee.Str("period").ShouldBe("20日前");
        report.Clock("lead:standing-committee").Str("dueOn").ShouldBe(starts.AddDays(-10).Iso(), "a working day stays as it is");

        // The meeting moves a week later (the 20th day before is again a Saturday): the clocks follow it.
        (await staff.PutAsJsonAsync($"/api/v1/meetings/{meetingId}", new { startsOn = starts.AddDays(7).Iso(), endsOn = starts.AddDays(7).Iso(), place = "州人大常委会第一会议室" }))
            .IsSuccessStatusCode.ShouldBeTrue();
        var moved = await staff.ReportAsync(report.Id());
        moved.Clock("lead:committee").Str("dueOn").ShouldBe(starts.AddDays(7 - 21).Iso());
        moved.Clock("lead:members").Str("dueOn").ShouldBe(starts.AddDays(7 - 7).Iso());
    }

    [Fact]
    public async Task A_meeting_nearer_than_twenty_days_needs_the_reason_recorded()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var meetingId = (await staff.ScheduleMeetingAsync(Today.AddDays(12))).Id();
        var organId = await app.UnitIdAsync("海西州教育局");
        var refused = await (await staff.TryRegisterReportAsync(organId, meetingId, "州人民政府关于全州城镇燃气安全工作情况的报告")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.Str("detail").ShouldContain("20日前");
        await using (var scope = app.Db())
            (await scope.Context.Set<WorkReport>().AnyAsync(r => r.Title == "州人民政府关于全州城镇燃气安全工作情况的报告")).ShouldBeFalse("nothing is written");
        var report = await staff.RegisterReportAsync(organId, meetingId, "州人民政府关于全州城镇燃气安全工作情况的报告", lateReason: "州委临时交办");
        report.Str("lateReason").ShouldBe("州委临时交办");
        // The stages still ahead (10 and 7 days) run; the missed one is not pretended.
        report.GetProperty("clocks").EnumerateArray().Select(c => c.Str("purpose")).ShouldBe(["lead:standing-committee", "lead:members"]);
    }

    [Fact]
    public async Task The_loop_runs_from_hearing_to_closing_with_a_clock_at_each_step()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var organ = await app.ApiClientAsync("jiaoyuju");
        var (id, _) = await staff.HeardReportAsync(organ, await app.UnitIdAsync("海西州教育局"));
        var heard = await staff.ReportAsync(id);
        heard.Str("status").ShouldBe("Heard");
        heard.Clock("opinions").Str("dueOn").ShouldBe(Today.AddDays(7).Iso());
        heard.Clock("opinions").Str("source").ShouldContain("第十七条");

        await staff.ReportStepAsync(id, "opinions", new { opinions = "一、加大普惠性幼儿园建设力度。\n二、加强幼儿教师队伍建设。" }).DoneAsync();
        var sent = await staff.ReportAsync(id);
        sent.Clock("opinions").Str("status").ShouldBe("Met");
        sent.Clock("handling").Str("dueOn").ShouldBe(Today.AddMonths(3).Iso());
        var word = await staff.GetAsync($"/api/v1/supervision/reports/{id}/opinions.docx");
        word.StatusCode.ShouldBe(HttpStatusCode.OK);

        await organ.ReportStepAsync(id, "handling", new { text = "逐条研究，新建普惠性幼儿园12所……" }).DoneAsync();
        (await staff.ReportAsync(id)).Clock("handling").Str("status").ShouldBe("Met");
        await staff.ReportStepAsync(id, "judgement", new { judgement = "FollowUpRequired", note = "师资补充措施不够具体", followUpDueOn = Today.AddDays(56).Iso() }).DoneAsync();
        var following = await staff.ReportAsync(id);
        following.Str("status").ShouldBe("FollowingUp");
        following.Clock("follow-up").Str("dueOn").ShouldBe("2027-01-11");

        // Closing before the organ has reported on the follow-up is refused, and nothing changes.
        var early = await (await staff.ReportStepAsync(id, "close")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        early.Str("detail").ShouldContain("尚未报告跟踪落实情况");
        (await staff.ReportAsync(id)).Str("status").ShouldBe("FollowingUp");
        await organ.ReportStepAsync(id, "follow-up", new { text = "已补充幼儿教师86名。" }).DoneAsync();
        await staff.ReportStepAsync(id, "close").DoneAsync();
        var closed = await staff.ReportAsync(id);
        closed.Str("status").ShouldBe("Closed");
        closed.GetProperty("clocks").EnumerateArray().ShouldAllBe(c => c.GetProperty("status").GetString() == "Met");
    }

    [Fact]
    public async Task A_handling_report_for_opinions_never_sent_is_refused_and_nothing_is_written()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var organ = await app.ApiClientAsync("jiaoyuju");
        var (id, _) = await staff.HeardReportAsync(organ, await app.UnitIdAsync("海西州教育局"), "州教育局关于全州校园安全工作情况的报告");
        var refused = await (await organ.ReportStepAsync(id, "handling", new { text = "已研究处理。" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.Str("detail").ShouldContain("审议意见尚未送交");
        var after = await staff.ReportAsync(id);
        after.Str("status").ShouldBe("Heard");
        after.GetProperty("handlingReport").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        // Another organ's officer cannot answer for it; a member cannot send opinions.
        var other = await app.ApiClientAsync("daibiao");
        (await other.ReportStepAsync(id, "opinions", new { opinions = "意见" })).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_audit_report_heard_starts_the_six_month_rectification_clock_which_the_rectification_report_meets()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var organ = await app.ApiClientAsync("jiaoyuju");
        var gov = await app.UnitIdAsync("海西州人民政府");
        var meetingId = await staff.MeetingInSessionAsync();
        var audit = (await staff.RegisterReportAsync(gov, meetingId, "州人民政府关于2026年度州本级预算执行和其他财政收支的审计工作报告", "Audit", lateReason: "临时会议")).Id();
        await staff.ReportStepAsync(audit, "submit", new { text = "审计工作报告" }).DoneAsync();
        await staff.ReportStepAsync(audit, "heard").DoneAsync();
        var clock = (await staff.ReportAsync(audit)).Clock("rectification");
        // Six months from 2026-11-16 is Sunday 2027-05-16: a period ending on a rest day runs to the next working day.
        clock.Str("dueOn").ShouldBe("2027-05-17");
        clock.Str("source").ShouldBe("监督法第二十七条");

        (await staff.TryRegisterReportAsync(gov, null, "整改报告", "AuditRectification")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var rect = (await staff.RegisterReportAsync(gov, null, "州人民政府关于2026年度审计查出问题整改情况的报告", "AuditRectification", auditReportId: audit)).Id();
        await staff.ReportStepAsync(rect, "submit", new { text = "整改情况" }).DoneAsync();
        (await staff.ReportAsync(audit)).Clock("rectification").Str("status").ShouldBe("Met");
        _ = organ;
    }

    [Fact]
    public async Task A_resolution_asked_on_a_report_is_decided_by_the_vote_and_starts_the_organs_clock()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var organ = await app.ApiClientAsync("jiaoyuju");
        var (id, meetingId) = await staff.HeardReportAsync(organ, await app.UnitIdAsync("海西州教育局"), "州教育局关于全州职业教育改革发展情况的报告");
        await staff.ReportStepAsync(id, "resolution", new { meetingId, title = "关于加快推进全州职业教育改革发展的决议", dueOn = "2027-05-17" }).DoneAsync();
        var report = await staff.ReportAsync(id);
        var itemId = report.GetProperty("resolutionAgendaItemId").GetInt32();
        var members = await app.MemberClientsAsync(16);
        await staff.RecordPresentAsync(app, meetingId, members.Select(m => m.PersonId));
        (await staff.RunWholeVoteAsync(meetingId, itemId, members, yes: 16)).GetProperty("passed").GetBoolean().ShouldBeTrue();
        var after = await staff.ReportAsync(id);
        after.GetProperty("resolutionAdopted").GetBoolean().ShouldBeTrue();
        var clock = after.Clock("resolution");
        clock.Str("dueOn").ShouldBe("2027-05-17");
        await using var scope = app.Db();
        (await scope.Context.Deadlines.CountAsync(d => d.SubjectType == "WorkReport" && d.SubjectId == id.ToString() && d.Purpose == "resolution" && d.Status == DeadlineStatus.Open)).ShouldBe(1);
    }

    [Fact]
    public async Task Final_accounts_are_approved_by_the_vote_on_their_agenda_item_which_also_counts_as_heard()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var meetingId = await staff.MeetingInSessionAsync();
        var gov = await app.UnitIdAsync("海西州人民政府");
        var report = await staff.RegisterReportAsync(gov, meetingId, "州人民政府关于2025年州本级财政决算的报告", "FinalAccounts", lateReason: "临时会议");
        var id = report.Id();
        report.GetProperty("needsApproval").GetBoolean().ShouldBeTrue();
        report.GetProperty("approved").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        var item = (await staff.MeetingAsync(meetingId)).GetProperty("agenda").EnumerateArray().Single(a => a.Str("subjectType") == "WorkReport" && a.GetProperty("subjectId").GetInt32() == id);
        item.Str("kind").ShouldBe("Resolution");
        item.Str("title").ShouldStartWith("审查和批准");
        await staff.ReportStepAsync(id, "submit", new { text = "决算报告正文" }).DoneAsync();

        var members = await app.MemberClientsAsync(16);
        await staff.RecordPresentAsync(app, meetingId, members.Select(m => m.PersonId));
        (await staff.RunWholeVoteAsync(meetingId, item.GetProperty("id").GetInt32(), members, yes: 16)).GetProperty("passed").GetBoolean().ShouldBeTrue();
        var after = await staff.ReportAsync(id);
        after.GetProperty("approved").GetBoolean().ShouldBeTrue();
        after.Str("approvedOn").ShouldBe(Today.Iso());
        after.Str("status").ShouldBe("Heard");
        after.Clock("opinions").Str("status").ShouldBe("Open");

        // A special report is heard, not approved: its agenda item is deliberated without a vote.
        var special = await staff.RegisterReportAsync(gov, meetingId, "州人民政府关于全州安全生产工作情况的报告", lateReason: "临时会议");
        special.GetProperty("needsApproval").GetBoolean().ShouldBeFalse();
        (await staff.MeetingAsync(meetingId)).GetProperty("agenda").EnumerateArray().Single(a => a.Str("subjectType") == "WorkReport" && a.GetProperty("subjectId").GetInt32() == special.Id())
            .Str("kind").ShouldBe("WorkReport");
    }

    [Fact]
    public async Task The_organ_attaches_its_report_document_which_members_see_and_other_units_do_not()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var organ = await app.ApiClientAsync("jiaoyuju");
        var meetingId = (await staff.ScheduleMeetingAsync(Today.AddDays(30))).Id();
        var id = (await staff.RegisterReportAsync(await app.UnitIdAsync("海西州教育局"), meetingId, "州教育局关于全州学校食品安全工作情况的报告")).Id();
        using var file = Uploads.Write("报告.pdf", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray());
        var fields = new Dictionary<string, string> { ["ownerType"] = "WorkReport", ["ownerId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var uploaded = await organ.UploadFileAsync("/api/v1/attachments", file.Path, "州教育局关于全州学校食品安全工作情况的报告.pdf", fields);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        var member = (await app.MemberClientsAsync(1))[0].Client;
        (await member.GetJsonAsync($"/api/v1/attachments?ownerType=WorkReport&ownerId={id}")).GetArrayLength().ShouldBe(1);
        // An officer of another unit may neither attach nor see it.
        var other = await app.CreateAccountAsync("wsj-officer", Renda.Web.Platform.Identity.Role.HandlingUnitOfficer, handlingUnitId: await app.UnitIdAsync("海西州卫生健康委员会"));
        (await other.UploadFileAsync("/api/v1/attachments", file.Path, "x.pdf", fields)).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
    }
}

public sealed class WorkReportLoopTests_Sqlite(SqliteApp app) : WorkReportLoopTests(app), IClassFixture<SqliteApp>;
public sealed class WorkReportLoopTests_Postgres(PostgresApp app) : WorkReportLoopTests(app), IClassFixture<PostgresApp>;
