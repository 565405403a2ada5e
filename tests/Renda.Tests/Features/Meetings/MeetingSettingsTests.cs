using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;

namespace Renda.Tests.Features.Meetings;

/// <summary>The meetings module's periods, changed by the administrator on /admin/meeting-settings, govern the notices and oath clocks that follow.</summary>
public abstract class MeetingSettingsTests(RendaApp app)
{
    private static Dictionary<string, string> Form(int noticeDays = 7, int nominationDays = 10, int oathDays = 15) => new()
    {
        ["S.NoticeDays"] = noticeDays.ToString(CultureInfo.InvariantCulture), ["S.NominationDays"] = nominationDays.ToString(CultureInfo.InvariantCulture),
        ["S.OathOtherOrganWorkingDays"] = oathDays.ToString(CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task The_administrator_sets_the_oath_period_and_the_notice_period_and_the_next_clocks_follow_them()
    {
        var admin = await app.BrowserClientAsync("sysadmin");
        (await (await admin.PostFormAsync("/admin/meeting-settings", Form(oathDays: 0))).Content.ReadAsStringAsync()).ShouldContain("须在 1 到 60 之间");
        var saved = await admin.PostFormAsync("/admin/meeting-settings", Form(noticeDays: 3, oathDays: 20));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await saved.Content.ReadAsStringAsync()).ShouldContain("已保存");
        (await (await app.BrowserClientAsync("daigongwei")).GetAsync("/admin/meeting-settings")).StatusCode.ShouldNotBe(HttpStatusCode.OK);

        // Three days' notice now suffices: a meeting five days ahead is notified without a reason for short notice.
        var staff = await app.ApiClientAsync("daigongwei");
        var soon = (await staff.ScheduleMeetingAsync(MeetingSteps.Today.AddDays(5))).Id();
        await staff.SendNoticeAsync(soon).DoneAsync();

        // An oath organised by the appointee's organ is due 20 working days after the appointment, not 15.
        var members = await app.MemberClientsAsync(17);
        var id = await staff.MeetingInSessionAsync();
        await staff.RecordPresentAsync(app, id, members.Select(m => m.PersonId));
        var appointment = await staff.NominateAsync(id, "孙丽娟", "州教育局局长", oathOrganiser: "OtherOrgan");
        var item = await staff.AppointmentItemAsync(id);
        var voteId = await staff.PrepareVoteAsync(id, item, "Appointment", appointmentIds: [appointment]);
        await staff.OpenVoteAsync(voteId).DoneAsync();
        await members.CastBallotsAsync(voteId, yes: 17);
        (await staff.ClosedVoteAsync(voteId)).GetProperty("passed").GetBoolean().ShouldBeTrue();

        await using var scope = app.Db();
        var subject = appointment.ToString(CultureInfo.InvariantCulture);
        var clock = await scope.Context.Deadlines.SingleAsync(d => d.SubjectType == "Appointment" && d.SubjectId == subject);
        clock.Rule.ShouldContain("20 个工作日");
        clock.Purpose.ShouldBe("oath");
        clock.DueOn.ShouldBe(new DateOnly(2026, 12, 14)); // 20 working days after Monday 2026-11-16
        (await staff.AppointmentAsync(id, appointment)).Str("oathDueOn").ShouldBe("2026-12-14");
    }
}

public sealed class MeetingSettingsTests_Sqlite(SqliteApp app) : MeetingSettingsTests(app), IClassFixture<SqliteApp>;
public sealed class MeetingSettingsTests_Postgres(PostgresApp app) : MeetingSettingsTests(app), IClassFixture<PostgresApp>;
