using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renda.Tests.Features.Filings;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Deputies;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Tests.Features.Deputies;

using static StationSteps;

/// <summary>Reception days: published at least three days ahead with someone present, opinions taken from the day, duty records on closing, the yearly minimum.</summary>
public abstract class ReceptionDayTests(RendaApp app)
{
    [Fact]
    public async Task A_reception_in_the_past_within_the_notice_period_or_with_nobody_present_is_refused_naming_the_field_and_nothing_is_written()
    {
        var staff = await app.StaffAsync();
        var station = await staff.CreateStationAsync();
        var deputy = (await app.DeputiesAsync(count: 1, skip: 20))[0].Id;
        var before = await app.CountAsync<ReceptionDay>();
        await staff.TryScheduleAsync(station, app.Today().AddDays(-1), [deputy]).ShouldNameFieldAsync("on");
        await staff.TryScheduleAsync(station, app.Today().AddDays(2), [deputy]).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "至少提前 3 日公告");
        await staff.TryScheduleAsync(station, app.Today().AddDays(5), []).ShouldNameFieldAsync("deputyIds");
        await staff.PostJsonAsync($"{Api}/stations/{station}/receptions", new { kind = "Deputies", time = "上午", deputyIds = new[] { deputy } }).ShouldNameFieldAsync("on");
        var outsider = (await app.DeputiesAsync("100000", 1))[0].Id; // a deputy to the NPC (above Haixi) may be present: 四级代表进站
        await staff.TryScheduleAsync(station, app.Today().AddDays(5), [99_999_999]).ShouldNameFieldAsync("deputyIds");
        var member = await MemberNotOnTheCouncilAsync();
        await staff.TryScheduleAsync(station, app.Today().AddDays(5), [], [member], "Chairpersons").ShouldNameFieldAsync("chairpersonIds");
        (await app.CountAsync<ReceptionDay>()).ShouldBe(before, "nothing written");
        await staff.TryScheduleAsync(station, app.Today().AddDays(3), [deputy, outsider]).CreatedAsync();
    }

    private async Task<int> MemberNotOnTheCouncilAsync()
    {
        await using var scope = app.Db();
        return await scope.Context.StandingCommitteeMembers.Where(m => m.Congress!.Code == MeetingSteps.Haixi && m.Post == StandingCommitteePost.Member && m.LeftOn == null).Select(m => m.PersonId).FirstAsync();
    }

    [Fact]
    public async Task A_chairpersons_reception_is_published_takes_opinions_from_its_day_and_closing_writes_a_duty_record_for_each_deputy_present()
    {
        var staff = await app.StaffAsync();
        var station = await staff.CreateStationAsync();
        var deputies = await app.DeputiesAsync(count: 2, skip: 30);
        int chair;
        await using (var scope = app.Db())
            chair = await scope.Context.StandingCommitteeMembers.Where(m => m.Congress!.Code == MeetingSteps.Haixi && m.Post == StandingCommitteePost.Chair).Select(m => m.PersonId).FirstAsync();
        var on = app.Today().AddDays(4);
        var created = await staff.TryScheduleAsync(station, on, [.. deputies.Select(d => d.Id)], [chair], "Chairpersons").CreatedAsync();
        var id = created.GetProperty("reception").Id();
        created.GetProperty("attendees").GetArrayLength().ShouldBe(3);
        created.GetProperty("publishedOn").GetString().ShouldBe(app.Today().Iso());

        var board = await app.Anonymous().GetJsonAsync($"/api/v1/public/stations/{station}");
        board.GetProperty("upcoming").EnumerateArray().Single().Str("kindLabel").ShouldBe("主任接待日");
        await using (var scope = app.Db())
        {
            var person = deputies[0].PersonId;
            var upcoming = await DeputiesQueries.UpcomingReceptionsForPersonAsync(scope.Context, person, app.Today(), default);
            upcoming.ShouldContain(u => u.Href == $"/deputies/receptions/{id}" && u.On == on && u.Title.StartsWith("主任接待日"));
        }

        await staff.PostJsonAsync($"{Api}/receptions/{id}/opinions", Opinion()).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "当天起才能登记");
        await staff.PostJsonAsync($"{Api}/receptions/{id}/close").ShouldBeRefusedAsync(HttpStatusCode.Conflict, "尚未举行");
        app.Clock.Advance(TimeSpan.FromDays(4));
        staff = await app.StaffAsync(); // signed in again: the token idled while the clock moved
        await staff.RecordOpinionAsync(id);
        await staff.PostJsonAsync($"{Api}/receptions/{id}/close").DoneAsync();
        await staff.PostJsonAsync($"{Api}/receptions/{id}/close").ShouldBeRefusedAsync(HttpStatusCode.Conflict, "已接待");
        await staff.PostJsonAsync($"{Api}/receptions/{id}/cancel").ShouldBeRefusedAsync(HttpStatusCode.Conflict, "不能取消接待日");
        await using (var scope = app.Db())
        {
            var records = await scope.Context.Set<DutyRecord>().Where(r => r.SourceType == ReceptionDayWorkflow.Subject && r.SourceId == id).ToListAsync();
            records.Select(r => r.DeputyId).ShouldBe(deputies.Select(d => d.Id), ignoreOrder: true, "the chairperson is not a deputy here: no record");
            records.ShouldAllBe(r => r.Kind == DutyKinds.Reception && r.On == on);
        }
        var daibiao = await app.ApiClientAsync("daibiao");
        (await daibiao.GetAsync($"{Api}/receptions/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "not present: not the deputy's reception");
    }

    [Fact]
    public async Task Deputies_below_the_yearly_minimum_are_listed_for_staff_on_the_home_page_and_reminded_once()
    {
        var staff = await app.StaffAsync();
        var below = await staff.GetJsonAsync($"{Api}/receptions/below-minimum");
        var count = below.GetArrayLength();
        count.ShouldBeGreaterThan(100, "most demo deputies received nobody this year");
        var home = await (await (await app.BrowserClientAsync("daigongwei")).GetAsync("/")).Content.ReadAsStringAsync();
        home.ShouldContain("href=\"/deputies/receptions?below=true\"");
        home.ShouldContain($"本年接待群众少于 2 次的代表 {count} 名");

        var deputyAccount = (await app.DeputiesAsync(count: 1, skip: 40))[0];
        await app.CreateAccountAsync("d1-reminded", Renda.Web.Platform.Identity.Role.Deputy, personId: deputyAccount.PersonId);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Renda.Web.Data.RendaDbContext>();
        (await ReceptionReminders.NotifyAsync(db, app.Today(), default)).ShouldBeGreaterThanOrEqualTo(1);
        (await ReceptionReminders.NotifyAsync(db, app.Today(), default)).ShouldBe(0, "once a year");
        var account = await db.Accounts.Where(a => a.UserName == "d1-reminded").Select(a => a.Id).FirstAsync();
        (await db.Notifications.CountAsync(n => n.AccountId == account && n.Title == ReceptionReminders.Title(app.Today().Year))).ShouldBe(1);
    }
}

public sealed class ReceptionDayTests_Sqlite(SqliteApp app) : ReceptionDayTests(app), IClassFixture<SqliteApp>;
public sealed class ReceptionDayTests_Postgres(PostgresApp app) : ReceptionDayTests(app), IClassFixture<PostgresApp>;
