using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Meetings;

namespace Renda.Tests.Features.Meetings;

/// <summary>民生实事项目人大代表票决: candidates (差额), one secret ballot per deputy, the top N adopted with the tie rule, progress and evaluation.</summary>
public abstract class LivelihoodBallotTests(RendaApp app)
{
    private const string Ballots = $"/api/v1/congresses/{MeetingSteps.Haixi}/livelihood-ballots";

    /// <summary>Serving Haixi deputies with accounts: the demo's daibiao first, then deputies given accounts here (made once per application).</summary>
    private async Task<HttpClient[]> DeputiesAsync(int n)
    {
        var clients = new List<HttpClient> { await app.ApiClientAsync("daibiao") };
        for (var i = 1; i < n; i++)
        {
            var userName = $"mszs-daibiao{i}";
            bool exists;
            await using (var scope = app.Db())
                exists = await scope.Context.Accounts.AnyAsync(a => a.UserName == userName);
            clients.Add(exists ? await app.ApiClientAsync(userName, Accounts.Password) : (await app.CreateDeputyAccountAsync(userName, skip: 30 + i)).Client);
        }
        return [.. clients];
    }

    private static async Task<int> CreateBallotAsync(HttpClient staff, int places, string tieRule = "SubmissionOrder", int year = 2027)
    {
        var created = await staff.PostJsonAsync(Ballots, new { year, title = $"{year}年海西州民生实事项目", session = "海西州第十五届人民代表大会第五次会议", places, tieRule }).CreatedAsync();
        created.Str("status").ShouldBe("Draft");
        return created.Id();
    }

    private static Task<HttpResponseMessage> TryAddProjectAsync(HttpClient client, int ballotId, string name, decimal budget = 1000m)
        => client.PostJsonAsync($"/api/v1/livelihood-ballots/{ballotId}/projects", new { name, department = "海西州人民政府", budget, description = $"{name}：项目内容、实施地点和完成时限。" });

    private static async Task<int> AddProjectAsync(HttpClient client, int ballotId, string name, decimal budget = 1000m)
        => (await TryAddProjectAsync(client, ballotId, name, budget).CreatedAsync()).Id();

    private static Task<HttpResponseMessage> CastAsync(HttpClient deputy, int ballotId, params int[] projectIds)
        => deputy.PostJsonAsync($"/api/v1/livelihood-ballots/{ballotId}/ballots", new { projectIds });

    private static async Task CastOkAsync(HttpClient deputy, int ballotId, params int[] projectIds)
    {
        var r = await CastAsync(deputy, ballotId, projectIds);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
    }

    private static Dictionary<int, JsonElement> Projects(JsonElement ballot)
        => ballot.GetProperty("projects").EnumerateArray().ToDictionary(p => p.Id());

    [Fact]
    public async Task Deputies_vote_once_in_secret_and_the_top_projects_are_adopted_then_reported_on_and_evaluated()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var unit = await app.ApiClientAsync("jiaoyuju");
        var deputies = await DeputiesAsync(5);
        var id = await CreateBallotAsync(staff, places: 2);

        // The government's candidates; more candidates than places (差额) before it opens.
        var heating = await AddProjectAsync(unit, id, "牧区寄宿制学校清洁取暖改造", 3200m);
        var water = await AddProjectAsync(unit, id, "农牧区饮水安全巩固提升", 2100m);
        await (await staff.PostJsonAsync($"/api/v1/livelihood-ballots/{id}/open")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await TryAddProjectAsync(deputies[0], id, "代表不能提交候选项目")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await TryAddProjectAsync(unit, id, "牧区寄宿制学校清洁取暖改造")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var clinics = await AddProjectAsync(staff, id, "乡镇卫生院能力提升", 1500m);
        var buses = await AddProjectAsync(staff, id, "城乡公交一体化", 900m);
        await staff.PostJsonAsync($"/api/v1/livelihood-ballots/{id}/open").DoneAsync();
        (await TryAddProjectAsync(unit, id, "开始投票后补报的项目")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var opened = await staff.GetJsonAsync($"/api/v1/livelihood-ballots/{id}");
        opened.Str("status").ShouldBe("Open");
        opened.GetProperty("eligibleDeputies").GetInt32().ShouldBeGreaterThan(200);

        // At most two ticks each, one ballot each, deputies only.
        (await (await CastAsync(deputies[0], id, heating, water, clinics)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("projectIds").ShouldNotBeEmpty();
        (await CastAsync(deputies[0], id, heating, heating)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await CastOkAsync(deputies[0], id, heating, water);
        await (await CastAsync(deputies[0], id, buses)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await CastOkAsync(deputies[1], id, heating, clinics);
        await CastOkAsync(deputies[2], id, buses);
        await CastOkAsync(deputies[3], id, clinics, buses);
        await (await CastAsync(staff, id, heating)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await CastAsync(await app.ApiClientAsync("zhuren"), id, heating)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await CastAsync(unit, id, heating)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // No running totals until it closes.
        var running = await deputies[0].GetJsonAsync($"/api/v1/livelihood-ballots/{id}");
        running.GetProperty("ballotsCast").GetInt32().ShouldBe(4);
        running.GetProperty("hasVoted").GetBoolean().ShouldBeTrue();
        running.GetProperty("projects").EnumerateArray().ShouldAllBe(p => p.GetProperty("votes").ValueKind == JsonValueKind.Null);
        (await deputies[4].GetJsonAsync($"/api/v1/livelihood-ballots/{id}")).GetProperty("hasVoted").GetBoolean().ShouldBeFalse();
        (await unit.PostJsonAsync($"/api/v1/livelihood-projects/{heating}/progress", new { percentDone = 10, text = "尚未确定" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // heating 2, clinics 2, buses 2, water 1: three tie for two places; submission order adopts heating and clinics.
        var closed = await (await staff.PostJsonAsync($"/api/v1/livelihood-ballots/{id}/close")).ShouldBeOkJsonAsync();
        closed.Str("status").ShouldBe("Closed");
        closed.GetProperty("ballotsCast").GetInt32().ShouldBe(4);
        closed.Str("ballotDigest").Length.ShouldBe(64);
        var p = Projects(closed);
        (p[heating].GetProperty("votes").GetInt32(), p[clinics].GetProperty("votes").GetInt32(), p[buses].GetProperty("votes").GetInt32(), p[water].GetProperty("votes").GetInt32()).ShouldBe((2, 2, 2, 1));
        closed.GetProperty("projects").EnumerateArray().Select(x => x.Id()).ShouldBe([heating, clinics, buses, water]); // by rank
        closed.GetProperty("projects").EnumerateArray().Select(x => x.GetProperty("rank").GetInt32()).ShouldBe([1, 2, 3, 4]);
        closed.GetProperty("projects").EnumerateArray().Where(x => x.GetProperty("adopted").GetBoolean()).Select(x => x.Id()).ShouldBe([heating, clinics]);
        closed.Str("tieNote").ShouldContain("第2名得票相同（2票）的项目有3个");
        closed.Str("tieNote").ShouldContain("牧区寄宿制学校清洁取暖改造、乡镇卫生院能力提升");

        // The tally is the papers': four papers, four receipts, seven ticks, counted project by project.
        await using (var scope = app.Db())
        {
            var papers = await scope.Context.Set<LivelihoodBallotPaper>().Where(x => x.BallotId == id).Select(x => x.Choices).ToListAsync();
            (await scope.Context.Set<LivelihoodBallotReceipt>().CountAsync(x => x.BallotId == id)).ShouldBe(4);
            papers.Count.ShouldBe(4);
            var ticks = papers.SelectMany(LivelihoodChoices.Parse).ToList();
            foreach (var (projectId, view) in p)
                view.GetProperty("votes").GetInt32().ShouldBe(ticks.Count(t => t == projectId));
            (await scope.Context.AuditRecords.CountAsync(r => r.EntityType == nameof(LivelihoodBallotPaper) || r.EntityType == nameof(LivelihoodBallotReceipt))).ShouldBe(0);
        }
        await (await CastAsync(deputies[4], id, heating)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await staff.PostJsonAsync($"/api/v1/livelihood-ballots/{id}/close")).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Progress through the year, only for adopted projects, never going back.
        await unit.PostJsonAsync($"/api/v1/livelihood-projects/{heating}/progress", new { percentDone = 40, text = "已完成12所学校中5所的改造。" }).DoneAsync();
        (await unit.PostJsonAsync($"/api/v1/livelihood-projects/{heating}/progress", new { percentDone = 30, text = "倒退" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unit.PostJsonAsync($"/api/v1/livelihood-projects/{water}/progress", new { percentDone = 10, text = "未入选项目" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await deputies[0].PostJsonAsync($"/api/v1/livelihood-projects/{heating}/progress", new { percentDone = 50, text = "代表不能报告" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The year-end evaluation, once it opens, once per deputy and adopted project.
        (await deputies[0].PostJsonAsync($"/api/v1/livelihood-projects/{heating}/evaluations", new { result = "Satisfied" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await staff.PostJsonAsync($"/api/v1/livelihood-ballots/{id}/evaluation").DoneAsync();
        (await staff.PostJsonAsync($"/api/v1/livelihood-ballots/{id}/evaluation")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await deputies[0].PostJsonAsync($"/api/v1/livelihood-projects/{heating}/evaluations", new { result = "Satisfied" }).DoneAsync();
        await (await deputies[0].PostJsonAsync($"/api/v1/livelihood-projects/{heating}/evaluations", new { result = "Dissatisfied" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await deputies[1].PostJsonAsync($"/api/v1/livelihood-projects/{heating}/evaluations", new { result = "BasicallySatisfied" }).DoneAsync();
        (await deputies[0].PostJsonAsync($"/api/v1/livelihood-projects/{water}/evaluations", new { result = "Satisfied" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await staff.PostJsonAsync($"/api/v1/livelihood-projects/{heating}/evaluations", new { result = "Satisfied" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var evaluated = Projects(await deputies[0].GetJsonAsync($"/api/v1/livelihood-ballots/{id}"))[heating];
        evaluated.GetProperty("percentDone").GetInt32().ShouldBe(40);
        evaluated.GetProperty("satisfied").GetInt32().ShouldBe(1);
        evaluated.GetProperty("basicallySatisfied").GetInt32().ShouldBe(1);
        evaluated.GetProperty("dissatisfied").GetInt32().ShouldBe(0);
        evaluated.Str("myEvaluation").ShouldBe("Satisfied");
        (await staff.GetJsonAsync($"{Ballots}?year=2027")).EnumerateArray().Select(b => b.Id()).ShouldContain(id);
    }

    [Fact]
    public async Task A_tie_at_the_last_place_is_settled_by_the_recorded_rule()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var deputies = await DeputiesAsync(2);

        // Lower budget: the cheaper of the two tied projects is adopted.
        var cheaper = await CreateBallotAsync(staff, places: 1, tieRule: "LowerBudget", year: 2028);
        var dear = await AddProjectAsync(staff, cheaper, "城区老旧小区改造", 5000m);
        var cheap = await AddProjectAsync(staff, cheaper, "社区养老服务站建设", 800m);
        var none = await AddProjectAsync(staff, cheaper, "公共体育设施补短板", 600m);
        await staff.PostJsonAsync($"/api/v1/livelihood-ballots/{cheaper}/open").DoneAsync();
        await CastOkAsync(deputies[0], cheaper, dear);
        await CastOkAsync(deputies[1], cheaper, cheap);
        var byBudget = await (await staff.PostJsonAsync($"/api/v1/livelihood-ballots/{cheaper}/close")).ShouldBeOkJsonAsync();
        var b = Projects(byBudget);
        b[cheap].GetProperty("adopted").GetBoolean().ShouldBeTrue();
        b[dear].GetProperty("adopted").GetBoolean().ShouldBeFalse();
        b[none].GetProperty("adopted").GetBoolean().ShouldBeFalse();
        b[none].GetProperty("votes").GetInt32().ShouldBe(0);
        byBudget.Str("tieNote").ShouldContain("社区养老服务站建设");

        // Runoff: neither tied project is adopted by this ballot.
        var runoff = await CreateBallotAsync(staff, places: 1, tieRule: "Runoff", year: 2028);
        var first = await AddProjectAsync(staff, runoff, "城区老旧小区改造", 5000m);
        var second = await AddProjectAsync(staff, runoff, "社区养老服务站建设", 800m);
        await AddProjectAsync(staff, runoff, "公共体育设施补短板", 600m);
        await staff.PostJsonAsync($"/api/v1/livelihood-ballots/{runoff}/open").DoneAsync();
        await CastOkAsync(deputies[0], runoff, first);
        await CastOkAsync(deputies[1], runoff, second);
        var again = await (await staff.PostJsonAsync($"/api/v1/livelihood-ballots/{runoff}/close")).ShouldBeOkJsonAsync();
        again.GetProperty("projects").EnumerateArray().ShouldAllBe(x => !x.GetProperty("adopted").GetBoolean());
        again.Str("tieNote").ShouldContain("另行投票");

        // No tie, no note.
        var clear = await CreateBallotAsync(staff, places: 1, year: 2028);
        var winner = await AddProjectAsync(staff, clear, "城区老旧小区改造");
        await AddProjectAsync(staff, clear, "社区养老服务站建设");
        await staff.PostJsonAsync($"/api/v1/livelihood-ballots/{clear}/open").DoneAsync();
        await CastOkAsync(deputies[0], clear, winner);
        await CastOkAsync(deputies[1], clear);
        var plain = await (await staff.PostJsonAsync($"/api/v1/livelihood-ballots/{clear}/close")).ShouldBeOkJsonAsync();
        plain.GetProperty("tieNote").ValueKind.ShouldBe(JsonValueKind.Null);
        plain.GetProperty("ballotsCast").GetInt32().ShouldBe(2);
        Projects(plain)[winner].GetProperty("adopted").GetBoolean().ShouldBeTrue();
    }
}

public sealed class LivelihoodBallotTests_Sqlite(SqliteApp app) : LivelihoodBallotTests(app), IClassFixture<SqliteApp>;
public sealed class LivelihoodBallotTests_Postgres(PostgresApp app) : LivelihoodBallotTests(app), IClassFixture<PostgresApp>;
