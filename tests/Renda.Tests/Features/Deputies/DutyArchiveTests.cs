using System.Net;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Features.Suggestions;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Deputies;
using Renda.Web.Platform.People;

namespace Renda.Tests.Features.Deputies;

/// <summary>The duty archive filled from every module at the event, the backfill, and what the deputy sees (我的履职).</summary>
public abstract class DutyArchiveTests(RendaApp app)
{
    [Fact]
    public async Task A_submitted_suggestion_enters_the_archive_of_its_lead_and_of_its_confirmed_co_signer_only()
    {
        var lead = await app.DeputyAsync();
        var leadId = await app.DemoDeputyIdAsync();
        var (second, secondId) = await app.CreateDeputyAccountAsync("arch-co1" + app.Provider, skip: 30);
        var (_, thirdId) = await app.CreateDeputyAccountAsync("arch-co2" + app.Provider, skip: 31);
        var id = await lead.SubmitSuggestionAsync(title: "关于加强柴达木盆地防风固沙的建议", category: "农业农村", coSigners: [secondId, thirdId], submit: false);
        (await app.RecordsAsync(leadId)).ShouldNotContain(r => r.SourceType == "Suggestion" && r.SourceId == id, "a draft is not yet an act");
        await second.StepAsync(id, "co-signature", new { confirm = true }).OkAsync();
        await lead.StepAsync(id, "submit").OkAsync();

        (await app.RecordsAsync(leadId)).Where(r => r.SourceId == id && r.SourceType == "Suggestion").Select(r => (r.Kind, r.On))
            .ShouldBe([(DutyKinds.SuggestionLead, MeetingSteps.Today)]);
        (await app.RecordsAsync(secondId)).Where(r => r.SourceId == id && r.SourceType == "Suggestion").Select(r => r.Kind).ShouldBe([DutyKinds.SuggestionCoSigner]);
        (await app.RecordsAsync(thirdId)).ShouldNotContain(r => r.SourceId == id && r.SourceType == "Suggestion", "an unconfirmed invitation lapsed");
        var archive = await (await app.StaffAsync()).ArchiveAsync(leadId);
        archive.GetProperty("records").EnumerateArray().ShouldContain(r => r.Str("kind") == DutyKinds.SuggestionLead && r.Str("link") == $"/suggestions/{id}");
    }

    [Fact]
    public async Task The_backfill_fills_the_demo_archives_and_a_second_run_adds_nothing()
    {
        var staff = await app.StaffAsync();
        await using (var scope = app.Db())
        {
            // Records the modules' data implies: remove a few and let the rebuild find them again.
            var some = await scope.Context.Set<DutyRecord>().Where(r => r.SourceType == "Meeting" || r.SourceType == "Survey").OrderBy(r => r.Id).Take(3).ToListAsync();
            some.Count.ShouldBe(3);
            scope.Context.RemoveRange(some);
            await scope.Context.SaveChangesAsync();
        }
        (await (await staff.PostJsonAsync("/api/v1/deputies/archive/rebuild")).ShouldBeOkJsonAsync()).GetProperty("added").GetInt32().ShouldBeGreaterThanOrEqualTo(3);
        (await (await staff.PostJsonAsync("/api/v1/deputies/archive/rebuild")).ShouldBeOkJsonAsync()).GetProperty("added").GetInt32().ShouldBe(0);
        await using (var scope = app.Db())
        {
            var kinds = await scope.Context.Set<DutyRecord>().Select(r => r.Kind).Distinct().ToListAsync();
            kinds.ShouldContain(DutyKinds.SuggestionLead);
            kinds.ShouldContain(DutyKinds.MeetingAttendance);
            kinds.ShouldContain(DutyKinds.Inspection);
            var duplicates = await scope.Context.Set<DutyRecord>().GroupBy(r => new { r.DeputyId, r.Kind, r.SourceType, r.SourceId }).CountAsync(g => g.Count() > 1);
            duplicates.ShouldBe(0);
        }
    }

    [Fact]
    public async Task The_archive_counts_by_kind_and_year_and_its_points_are_the_weighted_sum()
    {
        var staff = await app.StaffAsync();
        var deputyId = await app.DemoDeputyIdAsync();
        var archive = await staff.ArchiveAsync(deputyId, 2026);
        var kinds = archive.GetProperty("kinds").EnumerateArray().ToList();
        kinds.ShouldNotBeEmpty();
        archive.Points().ShouldBe(kinds.Sum(k => k.GetProperty("count").GetInt32() * k.GetProperty("weight").GetDouble()), 0.001);
        archive.GetProperty("records").GetArrayLength().ShouldBe(kinds.Sum(k => k.GetProperty("count").GetInt32()));
        archive.GetProperty("weights").GetArrayLength().ShouldBe(DutyKinds.All.Count);
        archive.Str("rule").ShouldContain("分值不得为负");
        // The ranking is the same query: the deputy's place there is the rank 我的履职 shows.
        var ranking = (await staff.GetJsonAsync("/api/v1/deputies/points?year=2026")).EnumerateArray().ToList();
        var row = ranking.Single(r => r.GetProperty("deputyId").GetInt32() == deputyId);
        row.GetProperty("points").GetDouble().ShouldBe(archive.Points(), 0.001);
        var me = await (await app.DeputyAsync()).GetJsonAsync("/api/v1/deputies/me");
        (me.GetProperty("points").GetDouble(), me.GetProperty("rank").GetInt32()).ShouldBe((archive.Points(), row.GetProperty("rank").GetInt32()));
    }

    [Fact]
    public async Task Another_deputy_cannot_read_an_archive_that_is_not_theirs()
    {
        var (other, _) = await app.CreateDeputyAccountAsync("arch-reader" + app.Provider, skip: 32);
        var deputyId = await app.DemoDeputyIdAsync();
        await (await other.GetAsync($"/api/v1/deputies/{deputyId}/archive")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await other.GetJsonAsync("/api/v1/deputies/me/archive")).GetProperty("deputyId").GetInt32().ShouldNotBe(deputyId);
    }

    [Fact]
    public async Task My_duty_home_shows_points_and_what_waits_and_an_account_without_a_deputy_gets_a_message()
    {
        var me = await (await app.DeputyAsync()).GetJsonAsync("/api/v1/deputies/me");
        me.GetProperty("deputyId").GetInt32().ShouldBe(await app.DemoDeputyIdAsync());
        me.GetProperty("year").GetInt32().ShouldBe(2026);
        me.GetProperty("points").GetDouble().ShouldBeGreaterThan(0);
        me.GetProperty("reports").GetArrayLength().ShouldBeGreaterThan(0, "the demo's report of last year");

        var staffMe = await (await app.StaffAsync()).GetJsonAsync("/api/v1/deputies/me");
        staffMe.GetProperty("deputyId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        staffMe.Str("message").ShouldContain("没有关联本级人大的代表身份");
        var page = await (await app.BrowserClientAsync("daigongwei")).GetAsync("/deputies/me");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("没有关联本级人大的代表身份");
    }

    [Fact]
    public async Task The_statistics_count_by_kind_sum_the_congresses_below_and_export_to_excel()
    {
        var staff = await app.StaffAsync();
        var s = await staff.GetJsonAsync("/api/v1/deputies/statistics/archive?year=2026");
        var columns = s.GetProperty("columns").EnumerateArray().ToList();
        columns[0].GetProperty("own").GetBoolean().ShouldBeTrue();
        columns.Skip(1).Select(c => c.Str("code")).ShouldContain("632801");
        var lead = s.GetProperty("rows").EnumerateArray().Single(r => r.Str("kind") == DutyKinds.SuggestionLead);
        lead.GetProperty("total").GetInt32().ShouldBe(lead.GetProperty("counts").EnumerateArray().Sum(c => c.GetInt32()));
        var records = await staff.GetJsonAsync($"/api/v1/deputies/statistics/archive?year=2026&kind={Uri.EscapeDataString(DutyKinds.SuggestionLead)}");
        records.GetProperty("records").GetArrayLength().ShouldBe(lead.GetProperty("counts")[0].GetInt32());
        var xlsx = await staff.GetAsync("/api/v1/deputies/statistics/archive.xlsx?year=2026");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe(Renda.Web.Platform.Modules.Endpoints.Xlsx);
        // A lower congress's staff cannot read the upper congress's figures.
        var golmud = await app.ApiClientAsync("gem-staff");
        await (await golmud.GetAsync("/api/v1/deputies/statistics/archive?congress=632800")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_member_who_is_a_deputy_on_leave_from_a_meeting_has_it_in_the_archive_with_the_reason_until_recorded_present()
    {
        var staff = await app.StaffAsync();
        var day = MeetingSteps.Today.AddDays(12);
        var meetingId = (await staff.ScheduleMeetingAsync(day, day)).Id();
        await staff.SendNoticeAsync(meetingId).DoneAsync();
        var seated = (await app.SeatedMembersAsync(day)).Select(s => s.PersonId).ToList();
        int personId, deputyId;
        await using (var scope = app.Db())
        {
            var haixi = await scope.Context.Congresses.Where(c => c.Code == MeetingSteps.Haixi).Select(c => c.Id).SingleAsync();
            // Members are deputies of their congress; the demo does not link them, so the first member gets the mandate here.
            var term = await scope.Context.Deputies.Where(d => d.CongressId == haixi && d.Status == DeputyStatus.Serving).Select(d => d.TermId).FirstAsync();
            var mandate = new Deputy { PersonId = seated[0], CongressId = haixi, TermId = term };
            scope.Context.Add(mandate);
            await scope.Context.SaveChangesAsync();
            (personId, deputyId) = (seated[0], mandate.Id);
        }
        async Task RecordAsync(string status, string? note) => await staff.PostJsonAsync($"/api/v1/meetings/{meetingId}/attendance",
            new { entries = new[] { new { personId, status, note } } }).DoneAsync();
        IEnumerable<DutyRecord> Absences(List<DutyRecord> records) => records.Where(r => r.Kind == DutyKinds.MeetingAbsence && r.SourceId == meetingId && r.SourceType == "Meeting");

        await RecordAsync("OnLeave", "赴省参加培训");
        Absences(await app.RecordsAsync(deputyId)).Single().Title.ShouldEndWith("（请假：赴省参加培训）");
        await RecordAsync("Absent", null);
        Absences(await app.RecordsAsync(deputyId)).Single().Title.ShouldEndWith("（缺席）");
        await RecordAsync("Present", null);
        Absences(await app.RecordsAsync(deputyId)).ShouldBeEmpty();
    }
}

public sealed class DutyArchiveTests_Sqlite(SqliteApp app) : DutyArchiveTests(app), IClassFixture<SqliteApp>;
public sealed class DutyArchiveTests_Postgres(PostgresApp app) : DutyArchiveTests(app), IClassFixture<PostgresApp>;
