using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Organisations;

namespace Renda.Tests.Features.Meetings;

/// <summary>A standing-committee meeting from scheduling to closing: numbering, the 7-day notice, agenda, attendance, 列席 and sitting.</summary>
public abstract class MeetingLifecycleTests(RendaApp app)
{
    private async Task<int> HaixiDeputyOfDaibiaoAsync()
    {
        await using var scope = app.Db();
        var person = await scope.Context.Accounts.Where(a => a.UserName == "daibiao").Select(a => a.PersonId).FirstAsync();
        return await scope.Context.Deputies.Where(d => d.PersonId == person && d.Congress!.Code == MeetingSteps.Haixi).Select(d => d.Id).FirstAsync();
    }

    [Fact]
    public async Task Meetings_are_numbered_in_order_within_the_term_and_listed_by_year()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var first = await staff.ScheduleMeetingAsync(new DateOnly(2027, 2, 22), new DateOnly(2027, 2, 24));
        var second = await staff.ScheduleMeetingAsync(new DateOnly(2027, 4, 20));
        var n = first.GetProperty("number").GetInt32();
        second.GetProperty("number").GetInt32().ShouldBe(n + 1);
        first.Str("title").ShouldBe($"海西州第十五届人大常委会第{ChineseNumerals.Of(n)}次会议");
        second.Str("title").ShouldBe($"海西州第十五届人大常委会第{ChineseNumerals.Of(n + 1)}次会议");
        first.Str("status").ShouldBe("Scheduled");
        first.GetProperty("seatedMembers").GetInt32().ShouldBe(MeetingSteps.Seats);

        var y2027 = await staff.GetJsonAsync($"/api/v1/congresses/{MeetingSteps.Haixi}/meetings?year=2027");
        var ids = y2027.EnumerateArray().Select(m => m.Id()).ToList();
        ids.ShouldContain(first.Id());
        ids.ShouldContain(second.Id());
        y2027.EnumerateArray().ShouldAllBe(m => m.GetProperty("startsOn").GetString()!.StartsWith("2027-"));
        var y2026 = await staff.GetJsonAsync($"/api/v1/congresses/{MeetingSteps.Haixi}/meetings?year=2026");
        y2026.EnumerateArray().Select(m => m.Id()).ShouldNotContain(first.Id());

        // Outside every term, and back to front, is refused.
        (await staff.TryScheduleMeetingAsync(new DateOnly(2021, 6, 1))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var backwards = await (await staff.TryScheduleMeetingAsync(new DateOnly(2027, 5, 10), new DateOnly(2027, 5, 9))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        backwards.FieldErrors("endsOn").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Meetings_scheduled_at_the_same_moment_take_consecutive_numbers()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var scheduled = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => staff.ScheduleMeetingAsync(new DateOnly(2027, 6, 1).AddDays(7 * i))));
        var numbers = scheduled.Select(m => m.GetProperty("number").GetInt32()).Order().ToList();
        numbers.ShouldBe(Enumerable.Range(numbers[0], 5));
        scheduled.Select(m => m.Str("title")).Distinct().Count().ShouldBe(5);
    }

    [Fact]
    public async Task A_notice_less_than_seven_days_ahead_needs_a_reason_and_nothing_changes_without_one()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var soon = (await staff.ScheduleMeetingAsync(MeetingSteps.Today.AddDays(6))).Id();

        var refused = await (await staff.SendNoticeAsync(soon)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.Str("detail").ShouldContain("七日前");
        var unchanged = await staff.MeetingAsync(soon);
        unchanged.Str("status").ShouldBe("Scheduled");
        unchanged.GetProperty("noticeSentAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        unchanged.GetProperty("shortNoticeReason").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);

        await staff.SendNoticeAsync(soon, "防汛形势紧急，需审议州人民政府关于防汛救灾资金安排的报告").DoneAsync();
        var noticed = await staff.MeetingAsync(soon);
        noticed.Str("status").ShouldBe("Notified");
        noticed.Str("shortNoticeReason").ShouldBe("防汛形势紧急，需审议州人民政府关于防汛救灾资金安排的报告");
        noticed.GetProperty("noticeSentAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
        (await staff.SendNoticeAsync(soon)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Seven days ahead needs no reason, and none is kept.
        var inTime = (await staff.ScheduleMeetingAsync(MeetingSteps.Today.AddDays(7))).Id();
        await staff.SendNoticeAsync(inTime, "不需要的理由").DoneAsync();
        var regular = await staff.MeetingAsync(inTime);
        regular.Str("status").ShouldBe("Notified");
        regular.GetProperty("shortNoticeReason").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task The_notice_reaches_every_seated_member_with_an_account_and_nobody_else()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var members = await app.MemberClientsAsync(2);
        var former = await app.MemberAccountAsync("former-member", await app.FormerMemberPersonIdAsync());
        former.ShouldNotBeNull();
        var id = (await staff.ScheduleMeetingAsync(MeetingSteps.Today.AddDays(14))).Id();
        await staff.SendNoticeAsync(id).DoneAsync();

        await using var scope = app.Db();
        var link = $"/meetings/{id}";
        var notified = await scope.Context.Notifications.Where(n => n.Link == link).Join(scope.Context.Accounts, n => n.AccountId, a => a.Id, (n, a) => new { a.UserName, a.PersonId, n.Title }).ToListAsync();
        var seatedPeople = (await app.SeatedMembersAsync(MeetingSteps.Today.AddDays(14))).Select(s => s.PersonId).ToHashSet();
        var expected = await scope.Context.Accounts.Where(a => a.PersonId != null && a.Enabled && a.Congress!.Code == MeetingSteps.Haixi).Select(a => new { a.UserName, a.PersonId }).ToListAsync();
        notified.Select(n => n.UserName).OrderBy(u => u).ShouldBe(expected.Where(a => seatedPeople.Contains(a.PersonId!.Value)).Select(a => a.UserName).OrderBy(u => u));
        notified.Select(n => n.UserName).ShouldContain("zhuren");
        foreach (var m in members) notified.Select(n => n.PersonId).ShouldContain(m.PersonId);
        notified.Select(n => n.UserName).ShouldNotContain("daibiao");
        notified.Select(n => n.UserName).ShouldNotContain("former-member");
        notified.ShouldAllBe(n => n.Title.StartsWith("会议通知：海西州第十五届人大常委会第"));
    }

    [Fact]
    public async Task Agenda_items_attendance_of_seated_members_and_non_voting_attendees_with_the_deputys_duty_record()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var id = (await staff.ScheduleMeetingAsync(MeetingSteps.Today.AddDays(10), MeetingSteps.Today.AddDays(11))).Id();
        var report = await staff.AddAgendaItemAsync(id);
        var inquiry = await staff.AddAgendaItemAsync(id, "听取和审议州中级人民法院关于行政审判工作情况的报告");
        var bad = await (await staff.PostJsonAsync($"/api/v1/meetings/{id}/agenda", new { kind = "Other", title = "半个关联", subjectType = "Resolution" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        bad.FieldErrors("subjectType").ShouldNotBeEmpty();
        var detail = await staff.MeetingAsync(id);
        detail.GetProperty("agenda").EnumerateArray().Select(a => (a.Id(), a.GetProperty("order").GetInt32(), a.Str("outcome")))
            .ShouldBe([(report, 1, "Pending"), (inquiry, 2, "Pending")]);

        // Attendance is recorded once the notice is out, and only for members seated on the meeting day.
        var seated = await app.SeatedMembersAsync(MeetingSteps.Today.AddDays(10));
        (await staff.TryRecordAttendanceAsync(id, [seated[0].PersonId])).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await staff.SendNoticeAsync(id).DoneAsync();
        var former = await app.FormerMemberPersonIdAsync();
        var notSeated = await (await staff.TryRecordAttendanceAsync(id, [seated[0].PersonId, former])).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        notSeated.FieldErrors("entries[1].personId").ShouldNotBeEmpty();
        (await staff.MeetingAsync(id)).GetProperty("present").GetInt32().ShouldBe(0);
        await staff.RecordAttendanceAsync(id, seated.Take(20).Select(s => s.PersonId));
        await staff.RecordAttendanceAsync(id, [seated[20].PersonId], "OnLeave");
        var attended = await staff.MeetingAsync(id);
        attended.GetProperty("present").GetInt32().ShouldBe(20);
        attended.GetProperty("quorate").GetBoolean().ShouldBeTrue();
        attended.GetProperty("attendance").GetArrayLength().ShouldBe(MeetingSteps.Seats);
        attended.GetProperty("attendance").EnumerateArray().Single(a => a.GetProperty("personId").GetInt32() == seated[20].PersonId).Str("status").ShouldBe("OnLeave");

        // 列席: the head of an organ and an invited deputy; the deputy's duty record shows the meeting.
        await staff.PostJsonAsync($"/api/v1/meetings/{id}/attendees", new { kind = "OrganHead", name = "李明", organisation = "州人民政府副州长" }).CreatedAsync();
        var deputyId = await HaixiDeputyOfDaibiaoAsync();
        await staff.PostJsonAsync($"/api/v1/meetings/{id}/attendees", new { kind = "InvitedDeputy", deputyId }).CreatedAsync();
        (await staff.PostJsonAsync($"/api/v1/meetings/{id}/attendees", new { kind = "InvitedDeputy", deputyId })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await staff.PostJsonAsync($"/api/v1/meetings/{id}/attendees", new { kind = "InvitedDeputy" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var attendees = (await staff.MeetingAsync(id)).GetProperty("attendees").EnumerateArray().ToList();
        attendees.Select(a => a.Str("kind")).ShouldBe(["OrganHead", "InvitedDeputy"]);
        attendees[1].GetProperty("deputyId").GetInt32().ShouldBe(deputyId);

        var title = detail.Str("title");
        foreach (var reader in new[] { staff, await app.ApiClientAsync("daibiao") })
        {
            var records = await reader.GetJsonAsync($"/api/v1/deputies/{deputyId}/duty-records");
            var entry = records.EnumerateArray().Single(r => r.Str("sourceType") == "Meeting" && r.GetProperty("sourceId").GetInt32() == id);
            entry.Str("kind").ShouldBe("列席常委会会议");
            entry.Str("title").ShouldBe(title);
            entry.Str("on").ShouldBe(MeetingSteps.Today.AddDays(10).Iso());
        }
    }

    [Fact]
    public async Task An_invited_deputys_duty_record_follows_the_meeting_when_it_is_moved_or_cancelled()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var deputy = await app.ApiClientAsync("daibiao");
        var deputyId = await HaixiDeputyOfDaibiaoAsync();
        async Task<List<System.Text.Json.JsonElement>> EntriesAsync(int meetingId)
            => (await deputy.GetJsonAsync($"/api/v1/deputies/{deputyId}/duty-records")).EnumerateArray()
                .Where(r => r.Str("sourceType") == "Meeting" && r.GetProperty("sourceId").GetInt32() == meetingId).ToList();

        var moved = (await staff.ScheduleMeetingAsync(MeetingSteps.Today.AddDays(20))).Id();
        await staff.PostJsonAsync($"/api/v1/meetings/{moved}/attendees", new { kind = "InvitedDeputy", deputyId }).CreatedAsync();
        await staff.PutAsJsonAsync($"/api/v1/meetings/{moved}", new { startsOn = MeetingSteps.Today.AddDays(27).Iso(), endsOn = MeetingSteps.Today.AddDays(28).Iso(), place = "州人大常委会第二会议室" }).DoneAsync();
        var rescheduled = await staff.MeetingAsync(moved);
        rescheduled.Str("startsOn").ShouldBe(MeetingSteps.Today.AddDays(27).Iso());
        rescheduled.Str("place").ShouldBe("州人大常委会第二会议室");
        (await EntriesAsync(moved)).Single().Str("on").ShouldBe(MeetingSteps.Today.AddDays(27).Iso());

        // A meeting that never sits was attended by nobody.
        var cancelled = (await staff.ScheduleMeetingAsync(MeetingSteps.Today.AddDays(30))).Id();
        await staff.PostJsonAsync($"/api/v1/meetings/{cancelled}/attendees", new { kind = "InvitedDeputy", deputyId }).CreatedAsync();
        await staff.SendNoticeAsync(cancelled).DoneAsync();
        (await EntriesAsync(cancelled)).Count.ShouldBe(1);
        await staff.PostJsonAsync($"/api/v1/meetings/{cancelled}/cancel").DoneAsync();
        (await staff.MeetingAsync(cancelled)).Str("status").ShouldBe("Cancelled");
        (await EntriesAsync(cancelled)).ShouldBeEmpty();
        (await staff.PostJsonAsync($"/api/v1/meetings/{cancelled}/cancel")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await staff.PostJsonAsync($"/api/v1/meetings/{cancelled}/open")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await staff.PutAsJsonAsync($"/api/v1/meetings/{cancelled}", new { startsOn = MeetingSteps.Today.AddDays(31).Iso(), endsOn = MeetingSteps.Today.AddDays(31).Iso(), place = "会议室" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_minutes_say_whether_the_meeting_had_a_quorum()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var id = await staff.MeetingInSessionAsync();
        var seated = await app.SeatedMembersAsync();
        await staff.RecordPresentAsync(app, id, seated.Take(12).Select(s => s.PersonId));
        var thin = await staff.DocxTextAsync($"/api/v1/meetings/{id}/documents/minutes.docx");
        thin.ShouldContain($"会议应到常委会组成人员 {MeetingSteps.Seats} 人，实到 12 人");
        thin.ShouldNotContain("符合法定人数");
        thin.ShouldContain("不足法定人数");
        await staff.RecordAttendanceAsync(id, seated.Skip(12).Take(4).Select(s => s.PersonId));
        (await staff.DocxTextAsync($"/api/v1/meetings/{id}/documents/minutes.docx")).ShouldContain("实到 16 人，符合法定人数");
    }

    [Fact]
    public async Task A_meeting_opens_on_its_day_and_closes_only_when_no_vote_is_open()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var later = (await staff.ScheduleMeetingAsync(MeetingSteps.Today.AddDays(8))).Id();
        (await staff.PostJsonAsync($"/api/v1/meetings/{later}/open")).StatusCode.ShouldBe(HttpStatusCode.Conflict); // no notice yet
        await staff.SendNoticeAsync(later).DoneAsync();
        var early = await (await staff.PostJsonAsync($"/api/v1/meetings/{later}/open")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        early.Str("detail").ShouldContain("尚未到开会日期");
        (await staff.MeetingAsync(later)).Str("status").ShouldBe("Notified");

        var id = await staff.MeetingInSessionAsync();
        (await staff.MeetingAsync(id)).Str("status").ShouldBe("InSession");
        var item = await staff.AddAgendaItemAsync(id, "关于批准2026年州级财政预算调整方案的决议（草案）", "Other");
        var members = await app.MemberClientsAsync(16);
        await staff.RecordAttendanceAsync(id, members.Select(m => m.PersonId));
        var vote = await staff.PrepareVoteAsync(id, item);
        await staff.OpenVoteAsync(vote).DoneAsync();

        var refused = await (await staff.PostJsonAsync($"/api/v1/meetings/{id}/close")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.Str("detail").ShouldContain("正在进行的表决");
        (await staff.MeetingAsync(id)).Str("status").ShouldBe("InSession");

        await staff.ClosedVoteAsync(vote);
        await staff.PostJsonAsync($"/api/v1/meetings/{id}/minutes", new { minutes = "会议审议了预算调整方案。" }).DoneAsync();
        await staff.PostJsonAsync($"/api/v1/meetings/{id}/close").DoneAsync();
        var closed = await staff.MeetingAsync(id);
        closed.Str("status").ShouldBe("Closed");
        closed.Str("minutes").ShouldBe("会议审议了预算调整方案。");
        (await staff.PostJsonAsync($"/api/v1/meetings/{id}/agenda", new { kind = "Other", title = "闭会后的议题" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_report_is_deliberated_without_a_vote_and_adopted_or_rejected_come_only_from_votes()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var later = (await staff.ScheduleMeetingAsync(MeetingSteps.Today.AddDays(9))).Id();
        var early = await staff.AddAgendaItemAsync(later);
        (await staff.PostJsonAsync($"/api/v1/meetings/{later}/agenda/{early}/outcome", new { outcome = "Deliberated" })).StatusCode.ShouldBe(HttpStatusCode.Conflict); // not sitting yet

        var id = await staff.MeetingInSessionAsync();
        var report = await staff.AddAgendaItemAsync(id);
        var adopted = await (await staff.PostJsonAsync($"/api/v1/meetings/{id}/agenda/{report}/outcome", new { outcome = "Adopted" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        adopted.FieldErrors("outcome").ShouldNotBeEmpty();
        await staff.PostJsonAsync($"/api/v1/meetings/{id}/agenda/{report}/outcome", new { outcome = "Deliberated", note = "会议对报告进行了分组审议" }).DoneAsync();
        (await staff.PostJsonAsync($"/api/v1/meetings/{id}/agenda/{report}/outcome", new { outcome = "Withdrawn" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var item = (await staff.MeetingAsync(id)).GetProperty("agenda").EnumerateArray().Single(a => a.Id() == report);
        item.Str("outcome").ShouldBe("Deliberated");
        item.Str("outcomeNote").ShouldBe("会议对报告进行了分组审议");
        // A deliberated item is not then put to a vote.
        (await staff.TryPrepareVoteAsync(id, report)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await staff.TryPrepareVoteAsync(id, report + 100_000)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_meeting_papers_are_Word_documents_with_the_meetings_title()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var id = await staff.MeetingInSessionAsync();
        var title = (await staff.MeetingAsync(id)).Str("title");
        await staff.AddAgendaItemAsync(id, "审议州人民政府关于生态环境保护工作情况的报告");
        await staff.RecordAllPresentAsync(app, id);
        await staff.PostJsonAsync($"/api/v1/meetings/{id}/minutes", new { minutes = "会议听取了生态环境保护工作情况的报告。" }).DoneAsync();

        (await staff.DocxTextAsync($"/api/v1/meetings/{id}/documents/agenda.docx")).ShouldContain($"{title}议程");
        (await staff.DocxTextAsync($"/api/v1/meetings/{id}/documents/agenda.docx")).ShouldContain("一、审议州人民政府关于生态环境保护工作情况的报告");
        var attendance = await staff.DocxTextAsync($"/api/v1/meetings/{id}/documents/attendance.docx");
        attendance.ShouldContain($"{title}出席情况");
        attendance.ShouldContain($"常委会组成人员 {MeetingSteps.Seats} 人，出席 {MeetingSteps.Seats} 人");
        (await staff.DocxTextAsync($"/api/v1/meetings/{id}/documents/results.docx")).ShouldContain($"{title}表决结果");
        var minutes = await staff.DocxTextAsync($"/api/v1/meetings/{id}/documents/minutes.docx");
        minutes.ShouldContain($"{title}纪要");
        minutes.ShouldContain("会议听取了生态环境保护工作情况的报告。");

        await (await staff.GetAsync($"/api/v1/meetings/{id}/documents/invitation.docx")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class MeetingLifecycleTests_Sqlite(SqliteApp app) : MeetingLifecycleTests(app), IClassFixture<SqliteApp>;
public sealed class MeetingLifecycleTests_Postgres(PostgresApp app) : MeetingLifecycleTests(app), IClassFixture<PostgresApp>;
