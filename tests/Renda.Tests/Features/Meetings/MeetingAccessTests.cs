using System.Net;
using Renda.Tests.Infrastructure;

namespace Renda.Tests.Features.Meetings;

/// <summary>Who may do what: the committee's staff keep meetings and votes; deputies, units and members may not; another congress sees nothing of them.</summary>
public abstract class MeetingAccessTests(RendaApp app)
{
    [Fact]
    public async Task Deputies_unit_officers_members_and_the_chair_cannot_schedule_meetings_or_run_votes()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var id = await staff.MeetingInSessionAsync();
        var item = await staff.AddAgendaItemAsync(id, "关于海西州人大常委会2027年度监督工作计划的决定（草案）", "Other");
        var vote = await staff.PrepareVoteAsync(id, item);
        var member = (await app.MemberClientsAsync(1))[0].Client;
        var outsiders = new[] { ("daibiao", await app.ApiClientAsync("daibiao")), ("jiaoyuju", await app.ApiClientAsync("jiaoyuju")), ("member", member), ("zhuren", await app.ApiClientAsync("zhuren")) };

        foreach (var (who, client) in outsiders)
        {
            (await client.TryScheduleMeetingAsync(MeetingSteps.Today.AddDays(20))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, who);
            (await client.OpenVoteAsync(vote)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, who);
            (await client.CloseVoteAsync(vote)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, who);
            (await client.TryPrepareVoteAsync(id, item, "Clause", "第三条")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, who);
            (await client.TryRecordAttendanceAsync(id, [(await app.SeatedMembersAsync())[0].PersonId])).StatusCode.ShouldBe(HttpStatusCode.Forbidden, who);
            (await client.PostJsonAsync($"/api/v1/meetings/{id}/close")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, who);
            (await client.TryNominateAsync(id, "某某", "某职务")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, who);
            // They may read the meeting.
            (await client.MeetingAsync(id)).Str("status").ShouldBe("InSession");
        }
        (await staff.VoteAsync(vote)).Str("status").ShouldBe("Prepared");
        (await staff.MeetingAsync(id)).Str("status").ShouldBe("InSession");

        // An account with no person, unit or committee work behind it reads nothing here; nor does anyone signed out.
        (await (await app.ApiClientAsync("sysadmin")).GetAsync($"/api/v1/congresses/{MeetingSteps.Haixi}/meetings")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Anonymous().GetAsync($"/api/v1/meetings/{id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Another_congresss_staff_see_nothing_of_Haixis_meetings_but_the_province_sees_its_statistics()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var id = await staff.MeetingInSessionAsync();
        var item = await staff.AddAgendaItemAsync(id, "关于海西州人大常委会2027年度立法工作计划的决定（草案）", "Other");
        var vote = await staff.PrepareVoteAsync(id, item);
        var resolution = (await staff.PostJsonAsync($"/api/v1/congresses/{MeetingSteps.Haixi}/resolutions", new { meetingId = id, kind = "Decision", title = "关于某事项的决定", text = "决定如下。" }).CreatedAsync()).Id();
        var province = await app.ApiClientAsync("qh-staff");

        (await province.GetAsync($"/api/v1/congresses/{MeetingSteps.Haixi}/meetings")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await province.TryScheduleMeetingAsync(MeetingSteps.Today.AddDays(20))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await province.GetAsync($"/api/v1/congresses/{MeetingSteps.Haixi}/resolutions?year=2026")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await province.GetAsync($"/api/v1/congresses/{MeetingSteps.Haixi}/appointments")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await province.GetAsync($"/api/v1/congresses/{MeetingSteps.Haixi}/livelihood-ballots")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await province.PostJsonAsync($"/api/v1/congresses/{MeetingSteps.Haixi}/resolutions", new { meetingId = id, kind = "Decision", title = "越权", text = "越权" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // By id, Haixi's records do not exist for the province's staff.
        await (await province.GetAsync($"/api/v1/meetings/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await province.PostJsonAsync($"/api/v1/meetings/{id}/open")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await province.PostJsonAsync($"/api/v1/meetings/{id}/agenda", new { kind = "Other", title = "越权议题" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await province.GetAsync($"/api/v1/votes/{vote}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await province.OpenVoteAsync(vote)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await province.GetAsync($"/api/v1/resolutions/{resolution}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await province.GetAsync($"/api/v1/meetings/{id}/documents/agenda.docx")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await province.TryPrepareVoteAsync(id, item, "Clause", "第一条")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await staff.VoteAsync(vote)).Str("status").ShouldBe("Prepared");

        // Statistics, not records, go up a level; never down or sideways.
        (await province.AppointmentStatisticsAsync(2026)).Str("code").ShouldBe(MeetingSteps.Haixi);
        (await (await app.ApiClientAsync("gem-staff")).GetAsync($"/api/v1/congresses/{MeetingSteps.Haixi}/appointments/statistics?year=2026")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.ApiClientAsync("gem-staff")).GetAsync($"/api/v1/meetings/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class MeetingAccessTests_Sqlite(SqliteApp app) : MeetingAccessTests(app), IClassFixture<SqliteApp>;
public sealed class MeetingAccessTests_Postgres(PostgresApp app) : MeetingAccessTests(app), IClassFixture<PostgresApp>;
