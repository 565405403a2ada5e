using System.Net;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Legislation;
using Renda.Web.Platform.Deadlines;

namespace Renda.Tests.Features.Legislation;

/// <summary>Readings on meetings (三审制), the final vote through the meetings module, promulgation and filing upward, shelved bills.</summary>
public abstract class ReadingTests(RendaApp app)
{
    [Fact]
    public async Task A_bill_read_three_times_is_adopted_by_a_majority_of_all_members_at_the_final_reading()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var members = await app.MemberClientsAsync(16);
        var (bill, _, final) = await staff.BillAtFinalReadingAsync(3);
        final.GetProperty("ordinal").GetInt32().ShouldBe(3);
        final.Str("stageLabel").ShouldBe("三审");
        final.GetProperty("final").GetBoolean().ShouldBeTrue();
        var detail = await staff.BillAsync(bill);
        detail.Str("status").ShouldBe("UnderReview");
        detail.GetProperty("readings").GetArrayLength().ShouldBe(3);
        detail.GetProperty("readings")[0].Str("outcome").ShouldBe("Deliberated");
        await staff.PutJsonAsync($"/api/v1/bills/{bill}/readings/{final.Id()}/reports", new { resultReport = "法制委员会关于草案审议结果的报告：建议表决通过。" }).DoneAsync();

        // 16 yes of 31 seated is more than half of all members.
        var vote = await staff.VoteBillAsync(app, bill, final.GetProperty("meetingId").GetInt32(), members, yes: 16);
        vote.GetProperty("passed").GetBoolean().ShouldBeTrue();
        detail = await staff.BillAsync(bill);
        detail.Str("status").ShouldBe("Adopted");
        detail.Str("passedOn").ShouldBe(MeetingSteps.Today.Iso());
        detail.GetProperty("readings")[2].Str("resultReport").ShouldStartWith("法制委员会");
    }

    [Fact]
    public async Task Fifteen_yes_of_thirty_one_is_not_a_majority_of_all_members_and_the_bill_is_rejected()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var members = await app.MemberClientsAsync(16);
        var (bill, _, final) = await staff.BillAtFinalReadingAsync(1, "单项修改，各方面意见一致", "海西蒙古族藏族自治州城市绿化条例（否决）");
        var vote = await staff.VoteBillAsync(app, bill, final.GetProperty("meetingId").GetInt32(), members, yes: 15, no: 1);
        vote.GetProperty("passed").GetBoolean().ShouldBeFalse();
        (await staff.BillAsync(bill)).Str("status").ShouldBe("Rejected");
    }

    [Fact]
    public async Task Passing_after_fewer_than_three_readings_needs_a_recorded_reason_and_a_bill_without_its_final_reading_cannot_be_voted_on()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var bill = (await staff.CreateBillAsync("海西蒙古族藏族自治州城市绿化条例（二审）")).Id();
        var version = (await staff.AddVersionAsync(bill)).Id();
        await staff.TryPrepareBillVoteAsync(bill).ShouldBeRefusedAsync(HttpStatusCode.Conflict, containing: "不能交付表决");

        var m1 = await staff.MeetingInSessionAsync();
        await staff.TryScheduleReadingAsync(bill, m1, version, final: true).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "fewerReadingsReason", "三次");
        var first = await staff.ScheduleReadingAsync(bill, m1, version);
        await staff.TryPrepareBillVoteAsync(bill).ShouldBeRefusedAsync(HttpStatusCode.Conflict, containing: "尚未安排表决稿的审议");
        // The meetings module's own vote endpoint refuses a whole vote on a reading that is not the final one: it is deliberated only.
        await staff.TryPrepareVoteAsync(m1, first.GetProperty("agendaItemId").GetInt32()).ShouldBeRefusedAsync(HttpStatusCode.Conflict, containing: "只审议不表决");
        (await staff.MeetingAsync(m1)).GetProperty("agenda").EnumerateArray().Single(a => a.Id() == first.GetProperty("agendaItemId").GetInt32()).Str("outcome").ShouldBe("Pending");
        (await staff.BillAsync(bill)).Str("status").ShouldBe("UnderReview");
        await staff.DeliberatedAsync(first);

        var m2 = await staff.MeetingInSessionAsync();
        var m3 = await staff.MeetingInSessionAsync();
        var other = (await staff.CreateBillAsync("海西蒙古族藏族自治州城市绿化条例（待审）")).Id();
        var otherVersion = (await staff.AddVersionAsync(other)).Id();
        await staff.ScheduleReadingAsync(other, m3, otherVersion);
        await staff.TryScheduleReadingAsync(other, m2, otherVersion).ShouldBeRefusedAsync(HttpStatusCode.Conflict, containing: "尚未完成");
        var second = await staff.ScheduleReadingAsync(bill, m2, version, final: true, fewerReadingsReason: "各方面意见比较一致，经两次审议交付表决");
        second.Str("stageLabel").ShouldBe("二审");
        (await staff.BillAsync(bill)).Str("fewerReadingsReason").ShouldBe("各方面意见比较一致，经两次审议交付表决");
        var clause = await staff.PostJsonAsync($"/api/v1/bills/{bill}/clause-votes", new { nodeId = (await staff.ArticlesAsync(bill, version))[3].NodeId }).CreatedAsync();
        clause.Str("kind").ShouldBe("Clause");
        clause.Str("title").ShouldContain("第四条（单独表决）");
        (await staff.TryPrepareBillVoteAsync(bill)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_prefecture_regulation_is_promulgated_only_after_the_province_approved_it_and_its_filing_clock_runs_thirty_days()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var members = await app.MemberClientsAsync(16);
        var (bill, _, final) = await staff.BillAtFinalReadingAsync(1, "部分修改", "海西蒙古族藏族自治州城市绿化条例（报批）");
        await staff.VoteBillAsync(app, bill, final.GetProperty("meetingId").GetInt32(), members, yes: 16);
        await staff.PostJsonAsync($"/api/v1/bills/{bill}/promulgate", new { announcementNumber = 7, promulgatedOn = MeetingSteps.Today.Iso() })
            .ShouldBeRefusedAsync(HttpStatusCode.Conflict, containing: "批准");

        var approvalId = (await staff.PostJsonAsync($"/api/v1/bills/{bill}/approval").CreatedAsync()).Id();
        (await staff.BillAsync(bill)).Str("status").ShouldBe("AwaitingApproval");
        var province = await app.ApiClientAsync("qh-staff");
        var approval = await province.GetJsonAsync($"/api/v1/approvals/{approvalId}");
        approval.Str("status").ShouldBe("Submitted");
        approval.Str("dueOn").ShouldBe(MeetingSteps.Today.AddMonths(4).Iso());
        await staff.PostJsonAsync($"/api/v1/approvals/{approvalId}/findings", new { findings = "不抵触", conflictFound = false }).ShouldBeRefusedAsync(HttpStatusCode.Forbidden);

        var meeting = (await province.PostJsonAsync($"/api/v1/congresses/{LegislationSteps.Qinghai}/meetings", new { startsOn = MeetingSteps.Today.Iso(), endsOn = MeetingSteps.Today.Iso(), place = "省人大常委会会议厅" }).CreatedAsync()).Id();
        await province.PostJsonAsync($"/api/v1/approvals/{approvalId}/agenda", new { meetingId = meeting }).ShouldBeRefusedAsync(HttpStatusCode.Conflict, containing: "合法性审查");
        await province.PostJsonAsync($"/api/v1/approvals/{approvalId}/findings", new { findings = "经审查，同宪法、法律、行政法规和本省地方性法规不抵触。", conflictFound = false }).DoneAsync();
        await province.PostJsonAsync($"/api/v1/approvals/{approvalId}/agenda", new { meetingId = meeting }).DoneAsync();
        await province.SendNoticeAsync(meeting, "省委决定临时召开").DoneAsync();
        await province.PostJsonAsync($"/api/v1/meetings/{meeting}/open").DoneAsync();
        var seats = await app.SeatsAsync(LegislationSteps.Qinghai);
        var qinghaiMembers = await app.QinghaiMembersAsync(seats / 2 + 1);
        await province.PostJsonAsync($"/api/v1/meetings/{meeting}/attendance", new { entries = qinghaiMembers.Select(m => new { personId = m.PersonId, status = "Present", note = (string?)null }).ToArray() }).DoneAsync();
        var vote = (await province.PostJsonAsync($"/api/v1/approvals/{approvalId}/vote").CreatedAsync()).Id();
        await province.OpenVoteAsync(vote).DoneAsync();
        await qinghaiMembers.CastBallotsAsync(vote, qinghaiMembers.Length);
        (await province.ClosedVoteAsync(vote)).GetProperty("passed").GetBoolean().ShouldBeTrue();
        (await province.GetJsonAsync($"/api/v1/approvals/{approvalId}")).Str("status").ShouldBe("Approved");
        (await staff.BillAsync(bill)).Str("status").ShouldBe("Approved");

        await staff.PostJsonAsync($"/api/v1/bills/{bill}/promulgate", new { announcementNumber = 7, promulgatedOn = MeetingSteps.Today.Iso() }).DoneAsync();
        var detail = await staff.BillAsync(bill);
        detail.Str("status").ShouldBe("Promulgated");
        detail.Str("announcement").ShouldBe("公告第7号");
        var filing = detail.GetProperty("filings").EnumerateArray().Single();
        filing.Str("toCongress").ShouldBe("青海省人大常委会");
        // The province's filing and review work receives it in the same transaction: a filing of Qinghai filed by Haixi's standing committee.
        var received = await province.GetJsonAsync($"/api/v1/filings/{filing.GetProperty("receiverFilingId").GetInt32()}");
        received.Str("title").ShouldBe(detail.Str("title"));
        received.Str("documentNumber").ShouldBe("公告第7号");
        received.Str("filerType").ShouldBe("LowerCongress");
        received.Str("sourceType").ShouldBe("Bill");
        received.GetProperty("sourceId").GetInt32().ShouldBe(bill);
        await using var scope = app.Db();
        var clock = await scope.Context.Deadlines.SingleAsync(d => d.SubjectType == LegislationClocks.FilingSubject && d.SubjectId == bill.ToString(System.Globalization.CultureInfo.InvariantCulture));
        clock.Source.ShouldBe("立法法 第一百零九条");
        clock.DueOn.ShouldBe(MeetingSteps.Today.AddDays(30));
        clock.Status.ShouldBe(DeadlineStatus.Met);
        (await scope.Context.Deadlines.SingleAsync(d => d.SubjectType == ApprovalWorkflow.Subject && d.SubjectId == approvalId.ToString(System.Globalization.CultureInfo.InvariantCulture))).Status.ShouldBe(DeadlineStatus.Met);
    }

    [Fact]
    public async Task A_bill_shelved_for_two_years_is_flagged_and_may_be_terminated_but_a_recent_one_may_not_on_that_ground()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var bills = await staff.GetJsonAsync($"/api/v1/congresses/{LegislationSteps.Haixi}/bills");
        var shelved = bills.EnumerateArray().Single(b => b.Str("title") == "海西蒙古族藏族自治州物业管理条例");
        shelved.GetProperty("shelvedTwoYears").GetBoolean().ShouldBeTrue();
        var (recent, _, _) = await staff.BillAtFinalReadingAsync(1, "单项修改", "海西蒙古族藏族自治州城市绿化条例（搁置）");
        (await staff.BillAsync(recent)).GetProperty("shelvedTwoYears").GetBoolean().ShouldBeFalse();
        await staff.PostJsonAsync($"/api/v1/bills/{recent}/terminate", new { reason = (string?)null }).ShouldBeRefusedAsync(HttpStatusCode.Conflict, containing: "未满两年");
        await staff.PostJsonAsync($"/api/v1/bills/{shelved.Id()}/terminate", new { reason = (string?)null }).DoneAsync();
        var after = await staff.BillAsync(shelved.Id());
        after.Str("status").ShouldBe("Terminated");
        after.Str("terminationReason").ShouldContain("第四十五条");
    }
}

public sealed class ReadingTests_Sqlite(SqliteApp app) : ReadingTests(app), IClassFixture<SqliteApp>;
public sealed class ReadingTests_Postgres(PostgresApp app) : ReadingTests(app), IClassFixture<PostgresApp>;
