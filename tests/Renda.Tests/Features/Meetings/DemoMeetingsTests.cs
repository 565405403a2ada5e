using Renda.Tests.Infrastructure;

namespace Renda.Tests.Features.Meetings;

/// <summary>
/// The demo story's meetings: Haixi 2023 gives the seed report's figures through the API (seed 000: 15 resolutions and
/// decisions, 97 person-times appointed and removed, 32 person-times sworn in). Needs Features/Meetings/MeetingDemo.cs.
/// </summary>
public abstract class DemoMeetingsTests(RendaApp app)
{
    [Fact]
    public async Task Haixi_2023_gives_the_seed_reports_resolutions_appointments_and_oaths()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var resolutions = await staff.GetJsonAsync($"/api/v1/congresses/{MeetingSteps.Haixi}/resolutions?year=2023");
        resolutions.GetArrayLength().ShouldBe(15);
        resolutions.EnumerateArray().Select(r => r.Str("number")).ShouldBe(Enumerable.Range(1, 15).Select(i => $"〔2023〕{i}号"));

        var statistics = await staff.AppointmentStatisticsAsync(2023);
        statistics.GetProperty("personTimes").GetInt32().ShouldBe(97);
        statistics.GetProperty("oathPersonTimes").GetInt32().ShouldBe(32);
        statistics.GetProperty("byKind").EnumerateObject().Sum(k => k.Value.GetInt32()).ShouldBe(97);
    }
}

public sealed class DemoMeetingsTests_Sqlite(SqliteApp app) : DemoMeetingsTests(app), IClassFixture<SqliteApp>;
public sealed class DemoMeetingsTests_Postgres(PostgresApp app) : DemoMeetingsTests(app), IClassFixture<PostgresApp>;
