using System.Net;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Deputies;
using Renda.Web.Platform.People;
using static Renda.Tests.Features.Deputies.DeputyActivitySteps;

namespace Renda.Tests.Features.Deputies;

/// <summary>代表论坛: participants of three kinds, opinions and where each went, the deputies' duty records, the seed's six themes.</summary>
public abstract class ForumTests(RendaApp app)
{
    private static readonly DateOnly Today = MeetingSteps.Today;

    private static Task<HttpResponseMessage> CreateAsync(HttpClient staff, string theme, DateOnly heldOn, params object[] participants)
        => staff.PostJsonAsync($"{Root}/forums", new { theme, heldOn = heldOn.Iso(), place = "德令哈市", participants });

    [Fact]
    public async Task A_forum_records_its_opinions_and_where_each_went()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var deputies = await app.DeputyIdsAsync("632800", 2, skip: 220);
        var before = await staff.StatisticsAsync(Today.Year);
        var forum = await CreateAsync(staff, "海西人大代表论坛——文旅融合", Today.AddDays(-2), new { deputyId = deputies[0] }, new { deputyId = deputies[1] },
            new { kind = "Expert", name = "李教授" }, new { kind = "Department", name = "海西州文体旅游广电局" }).CreatedAsync();
        var id = forum.Id();
        forum.GetProperty("participants").GetArrayLength().ShouldBe(4);
        (await app.DutyRecordsAsync(Forum.Subject, id)).Select(r => r.DeputyId).ShouldBe(deputies.Order());
        (await app.DutyRecordsAsync(Forum.Subject, id)).ShouldAllBe(r => r.Kind == DutyKinds.Forum);

        var opinion = (await staff.PostJsonAsync($"{Root}/forums/{id}/opinions", new { text = "建议打造柴达木文旅精品线路。", raisedBy = "李教授" }).CreatedAsync()).Id();
        await staff.PostJsonAsync($"{Root}/forums/{id}/opinions/{opinion}/route", new { destination = "Transferred" }).ShouldBeRefusedAsync("detail", "承办单位");
        await staff.PostJsonAsync($"{Root}/forums/{id}/opinions/{opinion}/route", new { destination = "Transferred", detail = "海西州文体旅游广电局" }).DoneAsync();
        var view = await staff.GetJsonAsync($"{Root}/forums/{id}");
        var routed = view.GetProperty("opinions")[0];
        routed.Str("destination").ShouldBe("Transferred");
        routed.Str("destinationLabel").ShouldBe("转交承办单位");
        routed.Str("destinationDetail").ShouldBe("海西州文体旅游广电局");

        var after = await staff.StatisticsAsync(Today.Year);
        after.Figure("own", "forums").ShouldBe(before.Figure("own", "forums") + 1);
        int Transferred(System.Text.Json.JsonElement s) => s.GetProperty("own").GetProperty("opinionsByDestination").EnumerateArray().Single(d => d.Str("key") == "Transferred").GetProperty("count").GetInt32();
        Transferred(after).ShouldBe(Transferred(before) + 1);
    }

    [Fact]
    public async Task An_opinion_of_two_megabytes_and_a_forum_without_participants_are_refused_with_nothing_written()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var forums = await app.CountAsync<Forum>();
        await CreateAsync(staff, "无人参加的论坛", Today).ShouldBeRefusedAsync("participants");
        await CreateAsync(staff, "   ", Today, new { kind = "Expert", name = "专家" }).ShouldBeRefusedAsync("theme");
        await CreateAsync(staff, "未注明类别", Today, new { name = "某人" }).ShouldBeRefusedAsync("participants");
        (await app.CountAsync<Forum>()).ShouldBe(forums);

        var id = (await CreateAsync(staff, "海西人大代表论坛——意见长度", Today, new { kind = "Expert", name = "专家" }).CreatedAsync()).Id();
        var opinions = await app.CountAsync<ForumOpinion>();
        var response = await staff.PostJsonAsync($"{Root}/forums/{id}/opinions", new { text = new string('意', 2 * 1024 * 1024), raisedBy = "专家" });
        if (response.StatusCode == HttpStatusCode.RequestEntityTooLarge)
            response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge); // refused at the door: still nothing written
        else
            await Task.FromResult(response).ShouldBeRefusedAsync("text", "不能超过 5000 字");
        (await app.CountAsync<ForumOpinion>()).ShouldBe(opinions);
    }

    [Fact]
    public async Task Haixi_2023_has_the_seeds_six_forums_with_their_themes()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var forums = await staff.GetJsonAsync($"{Root}/forums?year=2023");
        var themes = forums.EnumerateArray().Select(f => f.Str("theme")).ToList();
        themes.Count.ShouldBe(6);
        foreach (var theme in new[] { "城乡环境清洁行动", "天文科技", "非遗传承", "生活品质", "盐湖产业", "教育质量提升" })
            themes.ShouldContain(t => t.Contains(theme));
        (await staff.StatisticsAsync(2023)).Figure("own", "forums").ShouldBe(6);
    }
}

public sealed class ForumTests_Sqlite(SqliteApp app) : ForumTests(app), IClassFixture<SqliteApp>;
public sealed class ForumTests_Postgres(PostgresApp app) : ForumTests(app), IClassFixture<PostgresApp>;
