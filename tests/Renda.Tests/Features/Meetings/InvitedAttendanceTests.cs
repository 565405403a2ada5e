using System.Net;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Deputies;
using Renda.Tests.Features.Legislation;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Meetings;
using Renda.Web.Platform.People;

namespace Renda.Tests.Features.Meetings;

/// <summary>
/// Invited (non-member) deputies' attendance, recorded in the members' attendance list: on leave or absent, the invitation's
/// 列席 record gives way to 请假缺席会议 with the reason, as for a member who holds a mandate; recorded present, it is back.
/// </summary>
public abstract class InvitedAttendanceTests(RendaApp app)
{
    private static Task<HttpResponseMessage> RecordAsync(HttpClient staff, int meetingId, params object[] entries)
        => staff.PostJsonAsync($"/api/v1/meetings/{meetingId}/attendance", new { entries });

    private async Task<(HttpClient Staff, int Meeting, List<(int Id, int PersonId, string Name)> Invited)> InvitedAsync(int skip, int daysAhead)
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var day = MeetingSteps.Today.AddDays(daysAhead);
        var meeting = (await staff.ScheduleMeetingAsync(day, day)).Id();
        var invited = await app.DeputiesAsync(skip, 2);
        foreach (var d in invited)
            await staff.PostJsonAsync($"/api/v1/meetings/{meeting}/attendees", new { kind = "InvitedDeputy", deputyId = d.Id }).CreatedAsync();
        return (staff, meeting, invited);
    }

    private async Task<List<(string Kind, string Title)>> ArchiveOfAsync(int deputyId, int meetingId)
        => (await app.RecordsAsync(deputyId)).Where(r => r.SourceType == MeetingWorkflow.Subject && r.SourceId == meetingId).OrderBy(r => r.Kind).Select(r => (r.Kind, r.Title)).ToList();

    [Fact]
    public async Task An_invited_deputy_on_leave_or_absent_has_the_absence_instead_of_the_invitation_until_recorded_present()
    {
        var (staff, meeting, invited) = await InvitedAsync(150, 13);
        var title = (await staff.MeetingAsync(meeting)).Str("title");
        var d = invited[0];
        (await ArchiveOfAsync(d.Id, meeting)).ShouldBe([(DutyKinds.MeetingAttendance, title)], "invited: 列席 until recorded otherwise");
        (await RecordAsync(staff, meeting, new { personId = d.PersonId, status = "OnLeave", note = "赴省参加培训" })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "before the notice");
        await staff.SendNoticeAsync(meeting).DoneAsync();

        await RecordAsync(staff, meeting, new { personId = d.PersonId, status = "OnLeave", note = "赴省参加培训" }).DoneAsync();
        (await ArchiveOfAsync(d.Id, meeting)).ShouldBe([(DutyKinds.MeetingAbsence, $"{title}（请假：赴省参加培训）")]);
        var attendee = (await staff.MeetingAsync(meeting)).GetProperty("attendees").EnumerateArray().Single(a => a.IntOrNull("deputyId") == d.Id);
        (attendee.Str("status"), attendee.Str("statusLabel"), attendee.Str("note"), attendee.GetProperty("personId").GetInt32()).ShouldBe(("OnLeave", "请假", "赴省参加培训", d.PersonId));
        await RecordAsync(staff, meeting, new { personId = d.PersonId, status = "Absent" }).DoneAsync();
        (await ArchiveOfAsync(d.Id, meeting)).ShouldBe([(DutyKinds.MeetingAbsence, $"{title}（缺席）")]);
        await RecordAsync(staff, meeting, new { personId = d.PersonId, status = "Present" }).DoneAsync();
        (await ArchiveOfAsync(d.Id, meeting)).ShouldBe([(DutyKinds.MeetingAttendance, title)]);
        (await ArchiveOfAsync(invited[1].Id, meeting)).ShouldBe([(DutyKinds.MeetingAttendance, title)], "the other invited deputy is untouched");

        // Members and invited deputies in one list; the members' count and quorum are the members' alone.
        var seated = await app.SeatedMembersAsync(MeetingSteps.Today.AddDays(13));
        await RecordAsync(staff, meeting, new { personId = seated[0].PersonId, status = "Present" }, new { personId = invited[1].PersonId, status = "Absent", note = (string?)null }).DoneAsync();
        var detail = await staff.MeetingAsync(meeting);
        detail.GetProperty("present").GetInt32().ShouldBe(1);
        detail.GetProperty("attendance").GetArrayLength().ShouldBe(MeetingSteps.Seats);
        (await ArchiveOfAsync(invited[1].Id, meeting)).ShouldBe([(DutyKinds.MeetingAbsence, $"{title}（缺席）")]);
        // The page's attendance form lists the invited deputies after the members, in the same list.
        var html = await (await app.BrowserClientAsync("daigongwei")).GetStringAsync($"/meetings/{meeting}");
        html.ShouldContain("data-testid=\"invited-attendance\"");
        html.ShouldContain($"name=\"Attendance[{MeetingSteps.Seats}].PersonId\" value=\"{d.PersonId}\"");
    }

    [Fact]
    public async Task Someone_not_invited_is_refused_naming_the_entry_and_nothing_of_the_list_is_written_and_a_closed_meeting_refuses()
    {
        var (staff, meeting, invited) = await InvitedAsync(160, 14);
        await staff.SendNoticeAsync(meeting).DoneAsync();
        var stranger = (await app.DeputiesAsync(162, 1))[0];
        await RecordAsync(staff, meeting, new { personId = invited[0].PersonId, status = "OnLeave", note = "因病" }, new { personId = stranger.PersonId, status = "Absent" })
            .ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "entries[1].personId", "应邀列席代表");
        (await ArchiveOfAsync(invited[0].Id, meeting)).ShouldBe([(DutyKinds.MeetingAttendance, (await staff.MeetingAsync(meeting)).Str("title"))], "nothing half-written");
        (await staff.MeetingAsync(meeting)).GetProperty("attendees").EnumerateArray().ShouldAllBe(a => a.GetProperty("status").ValueKind == System.Text.Json.JsonValueKind.Null);
        (await RecordAsync(staff, meeting, new { personId = invited[0].PersonId, status = "Gone" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // A meeting that is over takes no attendance.
        var today = await staff.MeetingInSessionAsync();
        await staff.PostJsonAsync($"/api/v1/meetings/{today}/attendees", new { kind = "InvitedDeputy", deputyId = stranger.Id }).CreatedAsync();
        await staff.PostJsonAsync($"/api/v1/meetings/{today}/close").DoneAsync();
        (await RecordAsync(staff, today, new { personId = stranger.PersonId, status = "OnLeave" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_backfill_writes_the_absence_takes_back_the_invitation_and_a_second_run_changes_nothing()
    {
        var (staff, meeting, invited) = await InvitedAsync(170, 15);
        await staff.SendNoticeAsync(meeting).DoneAsync();
        await RecordAsync(staff, meeting, new { personId = invited[0].PersonId, status = "OnLeave", note = "出差" }).DoneAsync();
        var title = (await staff.MeetingAsync(meeting)).Str("title");
        await using (var scope = app.Db())
        {
            // As if written before absences of invited deputies were recorded: the invitation only.
            await scope.Context.Set<DutyRecord>().Where(r => r.SourceType == MeetingWorkflow.Subject && r.SourceId == meeting).ExecuteDeleteAsync();
            scope.Context.Add(new DutyRecord { DeputyId = invited[0].Id, On = MeetingSteps.Today.AddDays(15), Kind = DutyKinds.MeetingAttendance, Title = title, SourceType = MeetingWorkflow.Subject, SourceId = meeting });
            await scope.Context.SaveChangesAsync();
        }
        (await (await staff.PostJsonAsync("/api/v1/deputies/archive/rebuild")).ShouldBeOkJsonAsync()).GetProperty("added").GetInt32().ShouldBeGreaterThanOrEqualTo(2);
        (await ArchiveOfAsync(invited[0].Id, meeting)).ShouldBe([(DutyKinds.MeetingAbsence, $"{title}（请假：出差）")]);
        (await ArchiveOfAsync(invited[1].Id, meeting)).ShouldBe([(DutyKinds.MeetingAttendance, title)]);
        (await (await staff.PostJsonAsync("/api/v1/deputies/archive/rebuild")).ShouldBeOkJsonAsync()).GetProperty("added").GetInt32().ShouldBe(0);
        (await ArchiveOfAsync(invited[0].Id, meeting)).Count.ShouldBe(1);
        (await ArchiveOfAsync(invited[1].Id, meeting)).Count.ShouldBe(1);
    }
}

public sealed class InvitedAttendanceTests_Sqlite(SqliteApp app) : InvitedAttendanceTests(app), IClassFixture<SqliteApp>;
public sealed class InvitedAttendanceTests_Postgres(PostgresApp app) : InvitedAttendanceTests(app), IClassFixture<PostgresApp>;
