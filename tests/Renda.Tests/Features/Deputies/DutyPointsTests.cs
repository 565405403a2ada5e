using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Deputies;
using Renda.Web.Platform.People;

namespace Renda.Tests.Features.Deputies;

/// <summary>The points scheme (积分): weights per congress set by the administrator, never negative, and the score by query.</summary>
public abstract class DutyPointsTests(RendaApp app)
{
    private static Dictionary<string, double?> Defaults() => DutyPoints.Defaults.ToDictionary(k => k.Key, k => (double?)k.Value);

    [Fact]
    public async Task A_negative_or_missing_weight_is_refused_with_the_field_named_and_nothing_is_written()
    {
        var admin = await app.AdministratorAsync();
        var weights = Defaults();
        weights[DutyKinds.SuggestionLead] = 5;
        weights[DutyKinds.Training] = -1;
        var problem = await (await admin.PutAsJsonAsync("/api/v1/deputies/point-weights", new { weights })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors($"weights[{DutyKinds.Training}]").ShouldHaveSingleItem().ShouldContain("不能为负数");
        weights[DutyKinds.Training] = null;
        (await (await admin.PutAsJsonAsync("/api/v1/deputies/point-weights", new { weights })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors($"weights[{DutyKinds.Training}]").ShouldHaveSingleItem().ShouldContain("请填写");
        var stored = (await admin.GetJsonAsync("/api/v1/deputies/point-weights")).GetProperty("weights").EnumerateArray()
            .ToDictionary(w => w.Str("kind"), w => w.GetProperty("weight").GetDouble());
        stored[DutyKinds.SuggestionLead].ShouldBe(3, "the valid part of a refused request is not written either");
        // Staff read the rule; only the administrator sets it.
        await (await (await app.StaffAsync()).PutAsJsonAsync("/api/v1/deputies/point-weights", new { weights = Defaults() })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Changing_a_weight_changes_every_deputys_score_by_query()
    {
        var admin = await app.AdministratorAsync();
        var staff = await app.StaffAsync();
        var deputyId = await app.DemoDeputyIdAsync();
        var before = await staff.ArchiveAsync(deputyId, 2026);
        var kind = before.GetProperty("kinds")[0];
        var weights = Defaults();
        weights[kind.Str("kind")] = kind.GetProperty("weight").GetDouble() + 10;
        await (await admin.PutAsJsonAsync("/api/v1/deputies/point-weights", new { weights })).ShouldBeOkJsonAsync(HttpStatusCode.NoContent);
        try
        {
            var after = await staff.ArchiveAsync(deputyId, 2026);
            after.Points().ShouldBe(before.Points() + 10 * kind.GetProperty("count").GetInt32(), 0.001);
            // The province's query over every congress below agrees with each congress's own ranking.
            await using var scope = app.Db();
            var haixi = await scope.Context.Congresses.Where(c => c.Code == MeetingSteps.Haixi).Select(c => c.Id).FirstAsync();
            var province = await scope.Context.Congresses.Where(c => c.Code == "630000").Select(c => c.Id).FirstAsync();
            var subtree = await Renda.Web.Platform.Organisations.CongressScope.SubtreeAsync(scope.Context, province);
            var all = await DutyArchiveQueries.PointsAsync(scope.Context, subtree, 2026);
            all.Single(p => p.DeputyId == deputyId).Points.ShouldBe(after.Points(), 0.001);
            all.ShouldAllBe(p => subtree.Contains(p.CongressId));
            all.Count(p => p.CongressId == haixi).ShouldBe((await staff.GetJsonAsync("/api/v1/deputies/points?year=2026")).EnumerateArray().Count(r => r.GetProperty("points").GetDouble() > 0));
        }
        finally
        {
            await (await admin.PutAsJsonAsync("/api/v1/deputies/point-weights", new { weights = Defaults() })).ShouldBeOkJsonAsync(HttpStatusCode.NoContent);
        }
    }
}

public sealed class DutyPointsTests_Sqlite(SqliteApp app) : DutyPointsTests(app), IClassFixture<SqliteApp>;
public sealed class DutyPointsTests_Postgres(PostgresApp app) : DutyPointsTests(app), IClassFixture<PostgresApp>;
