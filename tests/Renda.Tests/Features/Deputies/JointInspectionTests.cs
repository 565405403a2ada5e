using System.Net;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Deputies;
using Renda.Web.Platform.People;
using static Renda.Tests.Features.Deputies.DeputyActivitySteps;

namespace Renda.Tests.Features.Deputies;

/// <summary>四级人大代表集中视察: deputies of the province, prefecture, county and township, each in their own congress's archive, counted per level.</summary>
public abstract class JointInspectionTests(RendaApp app)
{
    private static readonly DateOnly Today = MeetingSteps.Today;

    private static Task<HttpResponseMessage> CreateAsync(HttpClient staff, IEnumerable<int> deputyIds, string topic = "四级人大代表集中视察生态环境保护工作")
        => staff.PostJsonAsync($"{Root}/joint-inspections", new { topic, startsOn = Today.AddDays(-3).Iso(), endsOn = Today.AddDays(-1).Iso(), places = "格尔木市", deputyIds = deputyIds.ToArray() });

    [Fact]
    public async Task Deputies_of_four_levels_each_get_a_record_in_their_own_congress_and_are_counted_per_level()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var province = await app.DeputyIdsAsync("630000", 2, skip: 300);
        var prefecture = await app.DeputyIdsAsync("632800", 1, skip: 230);
        var county = await app.DeputyIdsAsync("632802", 2, skip: 60);
        var township = await app.DeputyIdsAsync("632801100", 1, skip: 40);
        var before = await staff.StatisticsAsync(Today.Year);
        var created = await CreateAsync(staff, [.. province, .. prefecture, .. county, .. township]).CreatedAsync();
        created.GetProperty("byLevel").EnumerateArray().Select(l => (l.Str("label"), l.GetProperty("count").GetInt32()))
            .ShouldBe([("省", 2), ("州", 1), ("县", 2), ("乡", 1)]);

        var records = await app.DutyRecordsAsync(JointInspection.Subject, created.Id());
        records.Count.ShouldBe(6);
        records.ShouldAllBe(r => r.Kind == DutyKinds.JointInspection);
        await using (var scope = app.Db())
        {
            // Each record hangs on the deputy's mandate in their own congress: the archive of that congress shows it.
            var congresses = await scope.Context.Deputies.Where(d => records.Select(r => r.DeputyId).Contains(d.Id)).Select(d => d.Congress!.Code).Distinct().OrderBy(c => c).ToListAsync();
            congresses.ShouldBe(["630000", "632800", "632801100", "632802"]);
        }
        var after = await staff.StatisticsAsync(Today.Year);
        after.Figure("own", "jointInspections").ShouldBe(before.Figure("own", "jointInspections") + 1);
        int Level(System.Text.Json.JsonElement s, string label) => s.GetProperty("own").GetProperty("participantsByLevel").EnumerateArray().Single(l => l.Str("label") == label).GetProperty("count").GetInt32();
        Level(after, "省").ShouldBe(Level(before, "省") + 2);
        Level(after, "乡").ShouldBe(Level(before, "乡") + 1);

        await staff.PostJsonAsync($"{Root}/joint-inspections/{created.Id()}/findings", new { findings = "一、……二、……" }).DoneAsync();
        (await staff.GetJsonAsync($"{Root}/joint-inspections/{created.Id()}")).Str("findings").ShouldBe("一、……二、……");
    }

    [Fact]
    public async Task An_inspection_without_all_four_levels_is_refused_naming_the_missing_levels_and_nothing_written()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var before = await app.CountAsync<JointInspection>();
        var records = await app.CountAsync<DutyRecord>();
        await CreateAsync(staff, await app.DeputyIdsAsync("632800", 5, skip: 231)).ShouldBeRefusedAsync("deputyIds", "缺少省、县、乡级代表");
        await CreateAsync(staff, []).ShouldBeRefusedAsync("deputyIds");
        var national = await app.DeputyIdsAsync("100000", 1, skip: 0);
        await CreateAsync(staff, [.. national, .. await app.DeputyIdsAsync("632800", 1, skip: 232)]).ShouldBeRefusedAsync("deputyIds", "四级人大的代表");
        await staff.PostJsonAsync($"{Root}/joint-inspections", new { topic = "日期倒置", startsOn = Today.Iso(), endsOn = Today.AddDays(-1).Iso(), deputyIds = Array.Empty<int>() })
            .ShouldBeRefusedAsync("endsOn");
        (await app.CountAsync<JointInspection>()).ShouldBe(before);
        (await app.CountAsync<DutyRecord>()).ShouldBe(records);
    }

    [Fact]
    public async Task Haixi_2023_has_the_four_level_inspection_of_the_seed()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var list = await staff.GetJsonAsync($"{Root}/joint-inspections?year=2023");
        var inspection = list.EnumerateArray().Single();
        inspection.GetProperty("byLevel").EnumerateArray().ShouldAllBe(l => l.GetProperty("count").GetInt32() > 0);
        (await staff.StatisticsAsync(2023)).Figure("own", "jointInspections").ShouldBe(1);
        (await (await app.ApiClientAsync("daibiao")).GetAsync($"{Root}/joint-inspections")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class JointInspectionTests_Sqlite(SqliteApp app) : JointInspectionTests(app), IClassFixture<SqliteApp>;
public sealed class JointInspectionTests_Postgres(PostgresApp app) : JointInspectionTests(app), IClassFixture<PostgresApp>;
