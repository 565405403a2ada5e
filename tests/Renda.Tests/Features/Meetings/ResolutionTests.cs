using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Identity;

namespace Renda.Tests.Features.Meetings;

/// <summary>The register of resolutions and decisions (决议、决定): drafted onto an agenda, numbered when adopted, followed up.</summary>
public abstract partial class ResolutionTests(RendaApp app)
{
    private const string Register = $"/api/v1/congresses/{MeetingSteps.Haixi}/resolutions";

    private static Task<JsonElement> DraftAsync(HttpClient staff, int meetingId, string title, string kind = "Decision")
        => staff.PostJsonAsync(Register, new { meetingId, kind, title, text = $"{title}。海西蒙古族藏族自治州人大常委会第N次会议审议了……，决定如下：……" }).CreatedAsync();

    private static async Task<int> ItemOfAsync(HttpClient staff, int meetingId, int resolutionId)
        => (await staff.MeetingAsync(meetingId)).GetProperty("agenda").EnumerateArray()
            .Single(a => a.GetProperty("subjectType").GetString() == "Resolution" && a.GetProperty("subjectId").GetInt32() == resolutionId).Id();

    private static int Serial(string number) => int.Parse(NumberPattern().Match(number).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^〔2026〕(\d+)号$")]
    private static partial Regex NumberPattern();

    private async Task<(HttpClient Staff, Member[] Members, int MeetingId)> SittingAsync()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var members = await app.MemberClientsAsync(16);
        var id = await staff.MeetingInSessionAsync();
        await staff.RecordPresentAsync(app, id, members.Select(m => m.PersonId));
        return (staff, members, id);
    }

    [Fact]
    public async Task An_adopted_resolution_gets_the_next_number_of_the_year_and_its_adoption_date_in_the_register()
    {
        var (staff, members, id) = await SittingAsync();
        var before = (await staff.GetJsonAsync($"{Register}?year=2026")).EnumerateArray().Select(r => Serial(r.Str("number"))).DefaultIfEmpty(0).Max();

        var first = await DraftAsync(staff, id, "海西州人大常委会关于加强柴达木盆地生态环境保护的决定", "Decision");
        first.Str("status").ShouldBe("Draft");
        first.GetProperty("number").ValueKind.ShouldBe(JsonValueKind.Null);
        var item = await ItemOfAsync(staff, id, first.Id());
        var agendaItem = (await staff.MeetingAsync(id)).GetProperty("agenda").EnumerateArray().Single(a => a.Id() == item);
        agendaItem.Str("kind").ShouldBe("Resolution");
        agendaItem.Str("title").ShouldBe("海西州人大常委会关于加强柴达木盆地生态环境保护的决定");
        var second = await DraftAsync(staff, id, "海西州人大常委会关于批准州人民政府2026年州级财政预算调整方案的决议", "Resolution");

        var vote = await staff.RunWholeVoteAsync(id, item, members, yes: 16);
        vote.GetProperty("passed").GetBoolean().ShouldBeTrue();
        (await staff.RunWholeVoteAsync(id, await ItemOfAsync(staff, id, second.Id()), members, yes: 14, no: 1, abstain: 1)).GetProperty("passed").GetBoolean().ShouldBeFalse();
        var third = await DraftAsync(staff, id, "海西州人大常委会关于确定海西州第十五届人民代表大会第五次会议召开日期的决定", "Decision");
        await staff.RunWholeVoteAsync(id, await ItemOfAsync(staff, id, third.Id()), members, yes: 16);

        var register = (await staff.GetJsonAsync($"{Register}?year=2026")).EnumerateArray().ToList();
        var adopted = register.Single(r => r.Id() == first.Id());
        adopted.Str("number").ShouldBe($"〔2026〕{before + 1}号");
        adopted.Str("status").ShouldBe("Adopted");
        adopted.Str("adoptedOn").ShouldBe(MeetingSteps.Today.Iso());
        adopted.GetProperty("yes").GetInt32().ShouldBe(16);
        adopted.GetProperty("seatedMembers").GetInt32().ShouldBe(MeetingSteps.Seats);
        adopted.GetProperty("voteId").GetInt32().ShouldBe(vote.Id());
        adopted.Str("meetingTitle").ShouldBe((await staff.MeetingAsync(id)).Str("title"));
        // The rejected one takes no number; the next adopted one follows without a gap.
        register.Single(r => r.Id() == third.Id()).Str("number").ShouldBe($"〔2026〕{before + 2}号");
        register.Select(r => r.Id()).ShouldNotContain(second.Id());
        register.ShouldAllBe(r => r.GetProperty("status").GetString() == "Adopted");
        (await staff.GetJsonAsync($"{Register}?year=2025")).EnumerateArray().Select(r => r.Id()).ShouldNotContain(first.Id());

        var all = (await staff.GetJsonAsync($"{Register}?year=2026&status=all")).EnumerateArray().ToList();
        var rejected = all.Single(r => r.Id() == second.Id());
        rejected.Str("status").ShouldBe("Rejected");
        rejected.GetProperty("number").ValueKind.ShouldBe(JsonValueKind.Null);
        rejected.GetProperty("yes").GetInt32().ShouldBe(14);
        (await staff.GetJsonAsync($"/api/v1/resolutions/{first.Id()}")).Str("number").ShouldBe($"〔2026〕{before + 1}号");
    }

    [Fact]
    public async Task Two_meetings_adopting_at_the_same_moment_take_different_numbers()
    {
        var (staff, members, first) = await SittingAsync();
        var second = await staff.MeetingInSessionAsync();
        await staff.RecordPresentAsync(app, second, members.Select(m => m.PersonId));
        var votes = new List<int>();
        var drafts = new List<int>();
        foreach (var (meeting, title) in new[] { (first, "海西州人大常委会关于加强国有资产管理情况监督的决定"), (second, "海西州人大常委会关于加强预算审查监督的决定") })
        {
            var draft = await DraftAsync(staff, meeting, title);
            drafts.Add(draft.Id());
            var voteId = await staff.PrepareVoteAsync(meeting, await ItemOfAsync(staff, meeting, draft.Id()));
            await staff.OpenVoteAsync(voteId).DoneAsync();
            await members.CastBallotsAsync(voteId, yes: 16);
            votes.Add(voteId);
        }
        var closed = await Task.WhenAll(votes.Select(v => staff.CloseVoteAsync(v)));
        foreach (var c in closed) c.StatusCode.ShouldBe(HttpStatusCode.OK, await c.Content.ReadAsStringAsync());
        var numbers = (await staff.GetJsonAsync($"{Register}?year=2026")).EnumerateArray().Where(r => drafts.Contains(r.Id())).Select(r => Serial(r.Str("number"))).Order().ToList();
        numbers.Count.ShouldBe(2);
        numbers[1].ShouldBe(numbers[0] + 1);
    }

    [Fact]
    public async Task A_draft_withdrawn_after_its_vote_was_prepared_is_not_voted_on()
    {
        var (staff, _, id) = await SittingAsync();
        var draft = await DraftAsync(staff, id, "海西州人大常委会关于开展全州人大代表集中视察活动的决定");
        var item = await ItemOfAsync(staff, id, draft.Id());
        var voteId = await staff.PrepareVoteAsync(id, item);
        await staff.PostJsonAsync($"/api/v1/resolutions/{draft.Id()}/withdraw").DoneAsync();
        (await staff.MeetingAsync(id)).GetProperty("agenda").EnumerateArray().Single(a => a.Id() == item).Str("outcome").ShouldBe("Withdrawn");
        await (await staff.OpenVoteAsync(voteId)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await staff.PostJsonAsync($"/api/v1/resolutions/{draft.Id()}/withdraw")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var all = (await staff.GetJsonAsync($"{Register}?year=2026&status=all")).EnumerateArray();
        all.Single(r => r.Id() == draft.Id()).Str("status").ShouldBe("Withdrawn");
        (await staff.GetJsonAsync($"{Register}?year=2026")).EnumerateArray().Select(r => r.Id()).ShouldNotContain(draft.Id());
    }

    [Fact]
    public async Task A_follow_up_task_runs_a_clock_to_its_due_date_and_the_unit_reports_it_done()
    {
        var (staff, members, id) = await SittingAsync();
        var education = await app.UnitIdAsync("海西州教育局");
        var adopted = await DraftAsync(staff, id, "海西州人大常委会关于推进牧区寄宿制学校标准化建设的决议", "Resolution");
        var rejected = await DraftAsync(staff, id, "海西州人大常委会关于调整州级教育附加费征收范围的决定");
        (await staff.PostJsonAsync($"/api/v1/resolutions/{adopted.Id()}/tasks", new { description = "未通过前不能布置", unitId = education, dueOn = "2027-03-31" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict); // still a draft
        await staff.RunWholeVoteAsync(id, await ItemOfAsync(staff, id, adopted.Id()), members, yes: 16);
        await staff.RunWholeVoteAsync(id, await ItemOfAsync(staff, id, rejected.Id()), members, yes: 3, no: 13);

        var due = new DateOnly(2027, 3, 31);
        (await (await staff.PostJsonAsync($"/api/v1/resolutions/{adopted.Id()}/tasks", new { description = "完成12所学校改造", unitId = education, dueOn = MeetingSteps.Today.Iso() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("dueOn").ShouldNotBeEmpty();
        (await staff.PostJsonAsync($"/api/v1/resolutions/{rejected.Id()}/tasks", new { description = "不应有任务", responsible = "州财政局", dueOn = due.Iso() }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var taskId = (await staff.PostJsonAsync($"/api/v1/resolutions/{adopted.Id()}/tasks", new { description = "2027年3月底前完成12所牧区寄宿制学校标准化改造", unitId = education, dueOn = due.Iso() }).CreatedAsync()).Id();
        var staffTaskId = (await staff.PostJsonAsync($"/api/v1/resolutions/{adopted.Id()}/tasks", new { description = "州人大教科文卫委跟踪监督并向常委会报告", responsible = "州人大常委会教育科学文化卫生工作委员会", dueOn = "2027-06-30" }).CreatedAsync()).Id();

        Deadline clock;
        await using (var scope = app.Db())
            clock = await scope.Context.Deadlines.SingleAsync(d => d.SubjectType == "ResolutionTask" && d.SubjectId == taskId.ToString(CultureInfo.InvariantCulture));
        clock.DueOn.ShouldBe(due);
        clock.StartsOn.ShouldBe(MeetingSteps.Today);
        clock.OwnerHandlingUnitId.ShouldBe(education);
        clock.Status.ShouldBe(DeadlineStatus.Open);
        clock.Title.ShouldContain("〔2026〕");
        var tasks = (await staff.GetJsonAsync($"/api/v1/resolutions/{adopted.Id()}")).GetProperty("tasks").EnumerateArray().ToList();
        tasks.Select(t => t.Id()).ShouldBe([taskId, staffTaskId]);
        tasks[0].Str("responsible").ShouldBe("海西州教育局");
        tasks[0].Str("status").ShouldBe("Open");

        // Another unit may not report it; the unit in charge does, once.
        var finance = await app.CreateAccountAsync("czj-officer", Role.HandlingUnitOfficer, handlingUnitId: await app.UnitIdAsync("海西州财政局"));
        await (await finance.PostJsonAsync($"/api/v1/resolution-tasks/{taskId}/done", new { report = "不是我们的任务" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var unit = await app.ApiClientAsync("jiaoyuju");
        (await unit.PostJsonAsync($"/api/v1/resolution-tasks/{taskId}/done", new { report = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await unit.PostJsonAsync($"/api/v1/resolution-tasks/{taskId}/done", new { report = "12所学校标准化改造已全部完工并投入使用。" }).DoneAsync();
        (await unit.PostJsonAsync($"/api/v1/resolution-tasks/{taskId}/done", new { report = "再报一次" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await unit.PostJsonAsync($"/api/v1/resolution-tasks/{staffTaskId}/done", new { report = "不是本单位的任务" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await staff.PostJsonAsync($"/api/v1/resolution-tasks/{staffTaskId}/done", new { report = "已向常委会第N次会议书面报告。" }).DoneAsync();

        var done = (await staff.GetJsonAsync($"/api/v1/resolutions/{adopted.Id()}")).GetProperty("tasks").EnumerateArray().First();
        done.Str("status").ShouldBe("Done");
        done.Str("doneOn").ShouldBe(MeetingSteps.Today.Iso());
        done.Str("report").ShouldBe("12所学校标准化改造已全部完工并投入使用。");
        done.GetProperty("overdue").GetBoolean().ShouldBeFalse();
        await using (var scope = app.Db())
            (await scope.Context.Deadlines.SingleAsync(d => d.Id == clock.Id)).Status.ShouldBe(DeadlineStatus.Met);
    }
}

public sealed class ResolutionTests_Sqlite(SqliteApp app) : ResolutionTests(app), IClassFixture<SqliteApp>;
public sealed class ResolutionTests_Postgres(PostgresApp app) : ResolutionTests(app), IClassFixture<PostgresApp>;
