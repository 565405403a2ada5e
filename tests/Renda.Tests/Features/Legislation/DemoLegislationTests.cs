using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;

namespace Renda.Tests.Features.Legislation;

/// <summary>
/// The demo story's legislation gives the seeds' figures through the statistics API, counted from records: Qinghai 2024
/// made, amended or repealed 21 regulations and approved 38 (seed 004), 34 provincial contact points; Haixi 12 (seed 000).
/// </summary>
public abstract class DemoLegislationTests(RendaApp app)
{
    [Fact]
    public async Task Qinghai_2024_made_amended_or_repealed_21_regulations_and_approved_38()
    {
        var staff = await app.ApiClientAsync("qh-staff");
        var s = await staff.GetJsonAsync($"/api/v1/congresses/{LegislationSteps.Qinghai}/legislation/statistics?year=2024");
        s.GetProperty("total").GetInt32().ShouldBe(21);
        (s.GetProperty("made").GetInt32() + s.GetProperty("amended").GetInt32() + s.GetProperty("repealed").GetInt32()).ShouldBe(21);
        s.GetProperty("approved").GetInt32().ShouldBe(38);
        s.GetProperty("contactPoints").GetInt32().ShouldBe(34);
        s.GetProperty("billIds").GetArrayLength().ShouldBe(21);
        (await staff.GetJsonAsync($"/api/v1/congresses/{LegislationSteps.Qinghai}/approvals?year=2024")).EnumerateArray().Count(a => a.Str("status") == "Approved").ShouldBe(38);
        // Haixi's staff see the province's counts too (counts, not records, of the congress above are not theirs: only below).
        var haixi = await app.ApiClientAsync("daigongwei");
        (await haixi.GetJsonAsync($"/api/v1/congresses/{LegislationSteps.Haixi}/contact-points")).GetArrayLength().ShouldBe(12);
        (await staff.GetJsonAsync($"/api/v1/congresses/{LegislationSteps.Haixi}/legislation/statistics?year=2023")).GetProperty("total").GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task The_ecological_civilisation_regulation_passed_after_three_readings_with_versions_comparison_and_public_comments()
    {
        var staff = await app.ApiClientAsync("qh-staff");
        var eco = (await staff.GetJsonAsync($"/api/v1/congresses/{LegislationSteps.Qinghai}/bills?year=2024")).EnumerateArray().Single(b => b.Str("title") == "青海省国家生态文明高地建设条例");
        var bill = await staff.BillAsync(eco.Id());
        bill.GetProperty("readings").EnumerateArray().Select(r => r.Str("stageLabel")).ShouldBe(["一审", "二审", "三审"]);
        bill.GetProperty("readings")[2].GetProperty("final").GetBoolean().ShouldBeTrue();
        var versions = bill.GetProperty("versions").EnumerateArray().Select(v => v.Id()).ToList();
        versions.Count.ShouldBe(3);
        var rows = (await staff.CompareAsync(eco.Id(), versions[0], versions[1])).GetProperty("rows").EnumerateArray().Select(r => r.Str("kind")).ToList();
        rows.ShouldContain("Changed");
        rows.ShouldContain("Inserted");
        rows.ShouldContain("Deleted");
        rows.ShouldContain("Moved");
        var period = bill.GetProperty("commentPeriodIds")[0].GetInt32();
        var page = await app.Anonymous().GetJsonAsync($"/api/v1/public/comment-periods/{period}");
        page.GetProperty("handling").GetArrayLength().ShouldBe(10);
        page.GetProperty("accepting").GetBoolean().ShouldBeFalse();
    }
}

public sealed class DemoLegislationTests_Sqlite(SqliteApp app) : DemoLegislationTests(app), IClassFixture<SqliteApp>;
public sealed class DemoLegislationTests_Postgres(PostgresApp app) : DemoLegislationTests(app), IClassFixture<PostgresApp>;
