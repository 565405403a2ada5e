using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Suggestions;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Identity;

namespace Renda.Tests.Features.Suggestions;

/// <summary>提 → 交 → 办 → 督 → 评 through the API, with the legal clocks each step starts and ends.</summary>
public abstract class SuggestionLifecycleTests(RendaApp app)
{
    /// <summary>Tests that check exact due dates start from a known Monday; clients are made after the clock is set (tokens expire after 8 hours).</summary>
    private void StartOnMonday() => app.Clock.Set(new DateTimeOffset(2026, 11, 16, 2, 0, 0, TimeSpan.Zero));

    private async Task<Deadline[]> ClocksAsync(int id)
    {
        await using var scope = app.Db();
        return await scope.Context.Deadlines.Where(d => d.SubjectType == "Suggestion" && d.SubjectId == id.ToString()).OrderBy(d => d.Id).ToArrayAsync();
    }

    [Fact]
    public async Task A_suggestion_goes_from_submission_to_a_satisfied_rating_and_every_clock_is_kept()
    {
        StartOnMonday();
        var deputy = await app.ApiClientAsync("daibiao");
        var staff = await app.ApiClientAsync("daigongwei");
        var unit = await app.ApiClientAsync("jiaoyuju");
        var education = await app.UnitIdAsync("海西州教育局");
        var finance = await app.UnitIdAsync("海西州财政局");

        var id = await deputy.SubmitSuggestionAsync();
        var submitted = await deputy.DetailAsync(id);
        submitted.Status().ShouldBe("Submitted");
        submitted.GetProperty("number").GetString().ShouldStartWith("2026-");
        var assignClock = (await ClocksAsync(id)).Single();
        assignClock.Purpose.ShouldBe("assign");
        assignClock.Source.ShouldContain("代表法 第五十一条");
        assignClock.DueOn.ShouldBe(new DateOnly(2026, 11, 30)); // 10 working days after Monday 2026-11-16

        await staff.StepAsync(id, "accept").OkAsync();
        await staff.AssignToLeadAsync(id, education, finance);
        var clocks = await ClocksAsync(id);
        clocks.Single(d => d.Purpose == "assign").Status.ShouldBe(DeadlineStatus.Met);
        clocks.Single(d => d.Purpose == $"answer:{education}").DueOn.ShouldBe(new DateOnly(2027, 2, 16)); // 3 months
        clocks.Single(d => d.Purpose == $"contact:{education}").Status.ShouldBe(DeadlineStatus.Open);
        clocks.Single(d => d.Purpose == $"co-views:{finance}").OwnerHandlingUnitId.ShouldBe(finance);
        (await unit.GetAsync("/api/v1/congresses/632800/suggestions?status=Assigned")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await unit.StepAsync(id, "contacts", new { kind = "Visit", faceToFace = true, on = "2026-11-16", notes = "到代表所在学校实地查看" }).OkAsync();
        await unit.AnswerAsync(id);
        var answered = await deputy.DetailAsync(id);
        answered.Status().ShouldBe("Answered");
        answered.GetProperty("answerCategory").GetString().ShouldBe("A");
        (await ClocksAsync(id)).Single(d => d.Purpose == "rating").Status.ShouldBe(DeadlineStatus.Open);

        await deputy.StepAsync(id, "ratings", new { result = "Satisfied" }).OkAsync();
        var closed = await deputy.DetailAsync(id);
        closed.Status().ShouldBe("Closed");
        closed.GetProperty("rating").GetString().ShouldBe("Satisfied");
        var finalClocks = await ClocksAsync(id);
        finalClocks.Where(d => d.Purpose is "assign" or "rating" || d.Purpose == $"answer:{education}" || d.Purpose == $"contact:{education}")
            .ShouldAllBe(d => d.Status == DeadlineStatus.Met);
        closed.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString())
            .ShouldBe(["起草", "提交", "受理", "交办", "联系代表", "答复", "评价"]);

        await using var scope = app.Db();
        var unitOfficer = await scope.Context.Accounts.Where(a => a.UserName == "jiaoyuju").Select(a => a.Id).FirstAsync();
        (await scope.Context.Notifications.AnyAsync(n => n.AccountId == unitOfficer && n.Link == $"/suggestions/{id}")).ShouldBeTrue();
    }

    [Fact]
    public async Task An_administrator_shortens_the_assignment_period_and_the_next_clock_follows()
    {
        StartOnMonday();
        var admin = await app.BrowserClientAsync("sysadmin");
        var fields = new Dictionary<string, string>
        {
            ["S.AssignWorkingDays"] = "5", ["S.UnitReturnWorkingDays"] = "10", ["S.ReassignWorkingDays"] = "10", ["S.FirstContactWorkingDays"] = "20",
            ["S.CoViewsMonths"] = "1", ["S.AnswerMonths"] = "3", ["S.AnswerMaxMonths"] = "6", ["S.RatingWorkingDays"] = "20", ["S.RatingReminderWorkingDays"] = "10",
            ["S.RehandlingMonths"] = "1", ["S.SimilarityThreshold"] = "0.3", ["S.Categories"] = SuggestionSettings.DefaultCategories, ["S.AnswerCategories"] = SuggestionSettings.DefaultAnswerCategories,
        };
        var bad = await admin.PostFormAsync("/admin/suggestion-settings", new(fields) { ["S.AnswerMaxMonths"] = "2" });
        (await bad.Content.ReadAsStringAsync()).ShouldContain("最长答复期限不能短于答复期限");
        var saved = await admin.PostFormAsync("/admin/suggestion-settings", fields);
        (await saved.Content.ReadAsStringAsync()).ShouldContain("已保存");
        try
        {
            var deputy = await app.ApiClientAsync("daibiao");
            var id = await deputy.SubmitSuggestionAsync(title: "关于天峻县草原生态补偿资金发放的建议", category: "生态环境");
            (await ClocksAsync(id)).Single(d => d.Purpose == "assign").DueOn.ShouldBe(new DateOnly(2026, 11, 23)); // 5 working days
        }
        finally
        {
            await admin.PostFormAsync("/admin/suggestion-settings", new(fields) { ["S.AssignWorkingDays"] = "10", ["S.RehandlingMonths"] = "2" });
        }
    }

    [Fact]
    public async Task The_same_Idempotency_Key_never_creates_a_second_suggestion_even_concurrently()
    {
        var deputy = await app.ApiClientAsync("daibiao");
        var key = Guid.NewGuid().ToString();
        var ids = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => deputy.SubmitSuggestionAsync(title: "关于格尔木市增开夜间公交线路的建议", key: key)));
        ids.Distinct().Count().ShouldBe(1);
        await using var scope = app.Db();
        (await scope.Context.Set<Suggestion>().CountAsync(s => s.IdempotencyKey == key)).ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_submissions_draw_distinct_registration_numbers()
    {
        var deputy = await app.ApiClientAsync("daibiao");
        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => deputy.SubmitSuggestionAsync(title: $"关于海西州第{i + 1}批高标准农田建设的建议", category: "农业农村", key: Guid.NewGuid().ToString())));
        ids.Distinct().Count().ShouldBe(8);
        await using var scope = app.Db();
        var numbers = await scope.Context.Set<Suggestion>().Where(s => ids.Contains(s.Id)).Select(s => s.Number).ToListAsync();
        numbers.ShouldAllBe(n => n != null);
        numbers.Distinct().Count().ShouldBe(8);
    }

    [Fact]
    public async Task Co_signers_confirm_before_submission_and_unconfirmed_invitations_lapse()
    {
        var lead = await app.ApiClientAsync("daibiao");
        var (second, secondId) = await app.CreateDeputyAccountAsync("cosign1" + app.Provider, skip: 20);
        var (_, thirdId) = await app.CreateDeputyAccountAsync("cosign2" + app.Provider, skip: 21);
        var id = await lead.SubmitSuggestionAsync(title: "关于柴达木枸杞品牌保护的建议", category: "农业农村", coSigners: [secondId, thirdId], submit: false);
        await second.StepAsync(id, "co-signature", new { confirm = true }).OkAsync();
        await lead.StepAsync(id, "submit").OkAsync();
        var detail = await second.DetailAsync(id);
        var signers = detail.GetProperty("signers").EnumerateArray().ToList();
        signers.Count.ShouldBe(2);
        signers[1].GetProperty("deputyId").GetInt32().ShouldBe(secondId);
        signers.ShouldNotContain(s => s.GetProperty("deputyId").GetInt32() == thirdId);
        // A co-signer cannot submit or edit; a confirmed one may rate later.
        await (await second.StepAsync(id, "submit")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Dissatisfied_opens_a_second_round_due_in_two_months_and_both_rounds_are_kept()
    {
        StartOnMonday();
        var deputy = await app.ApiClientAsync("daibiao");
        var staff = await app.ApiClientAsync("daigongwei");
        var unit = await app.ApiClientAsync("jiaoyuju");
        var education = await app.UnitIdAsync("海西州教育局");
        var id = await deputy.SubmitSuggestionAsync(title: "关于德令哈市中小学课后服务经费保障的建议");
        await staff.AssignToLeadAsync(id, education);
        await unit.AnswerAsync(id, "C");
        (await deputy.StepAsync(id, "ratings", new { result = "Dissatisfied" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest); // reason required
        await deputy.StepAsync(id, "ratings", new { result = "Dissatisfied", reason = "答复未说明经费来源和时间表" }).OkAsync();
        var reopened = await deputy.DetailAsync(id);
        reopened.Status().ShouldBe("Rehandling");
        reopened.GetProperty("round").GetInt32().ShouldBe(2);
        (await ClocksAsync(id)).Single(d => d.Purpose == $"rehandle:{education}").DueOn.ShouldBe(new DateOnly(2027, 1, 18)); // 2 months; 01-16 is a Saturday

        await unit.AnswerAsync(id, "B");
        await deputy.StepAsync(id, "ratings", new { result = "BasicallySatisfied" }).OkAsync();
        var closed = await deputy.DetailAsync(id);
        closed.Status().ShouldBe("Closed");
        closed.GetProperty("answers").EnumerateArray().Select(a => (a.GetProperty("round").GetInt32(), a.GetProperty("category").GetString())).ShouldBe([(1, "C"), (2, "B")]);
        closed.GetProperty("ratings").EnumerateArray().Select(r => r.GetProperty("result").GetString()).ShouldBe(["Dissatisfied", "BasicallySatisfied"]);
    }

    [Fact]
    public async Task A_unit_returns_a_misaddressed_suggestion_within_ten_working_days_and_staff_reassign()
    {
        var deputy = await app.ApiClientAsync("daibiao");
        var staff = await app.ApiClientAsync("daigongwei");
        var unit = await app.ApiClientAsync("jiaoyuju");
        var education = await app.UnitIdAsync("海西州教育局");
        var transport = await app.UnitIdAsync("海西州交通运输局");
        var id = await deputy.SubmitSuggestionAsync(title: "关于G315线茫崖段路面维修的建议", category: "城乡建设");
        await staff.AssignToLeadAsync(id, education);
        await (await unit.StepAsync(id, "unit-return", new { reason = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await unit.StepAsync(id, "unit-return", new { reason = "公路养护不属于教育部门职责，建议交州交通运输局办理" }).OkAsync();
        (await deputy.DetailAsync(id)).Status().ShouldBe("UnitReturned");
        (await ClocksAsync(id)).Single(d => d.Purpose == "reassign").Status.ShouldBe(DeadlineStatus.Open);
        (await ClocksAsync(id)).Single(d => d.Purpose == $"answer:{education}").Status.ShouldBe(DeadlineStatus.Cancelled);
        // Answering a returned suggestion is refused.
        await (await unit.StepAsync(id, "answers", new { category = "A", text = "x", signedBy = "y" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        await staff.StepAsync(id, "reassign", new { units = new[] { new { unitId = transport, role = "Lead" } } }).OkAsync();
        var detail = await staff.DetailAsync(id);
        detail.Status().ShouldBe("Assigned");
        detail.GetProperty("assignments").EnumerateArray().Select(a => a.GetProperty("status").GetString()).ShouldBe(["Returned", "Handling"]);
        (await ClocksAsync(id)).Single(d => d.Purpose == "reassign").Status.ShouldBe(DeadlineStatus.Met);
    }

    [Fact]
    public async Task A_unit_return_after_ten_working_days_is_refused()
    {
        StartOnMonday();
        var deputy = await app.ApiClientAsync("daibiao");
        var staff = await app.ApiClientAsync("daigongwei");
        var unit = await app.ApiClientAsync("jiaoyuju");
        var id = await deputy.SubmitSuggestionAsync(title: "关于乌兰县茶卡镇旅游厕所建设的建议", category: "城乡建设");
        await staff.AssignToLeadAsync(id, await app.UnitIdAsync("海西州教育局"));
        app.Clock.Advance(TimeSpan.FromDays(16)); // 12 working days later
        unit = await app.ApiClientAsync("jiaoyuju");
        deputy = await app.ApiClientAsync("daibiao");
        var late = await unit.StepAsync(id, "unit-return", new { reason = "不属于本单位职责" });
        (await late.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("退回期限已过");
        (await deputy.DetailAsync(id)).Status().ShouldBe("Assigned");
    }

    [Fact]
    public async Task Unrated_answers_get_one_reminder_then_close_excluded_from_satisfaction()
    {
        StartOnMonday();
        var deputy = await app.ApiClientAsync("daibiao");
        var staff = await app.ApiClientAsync("daigongwei");
        var unit = await app.ApiClientAsync("jiaoyuju");
        var id = await deputy.SubmitSuggestionAsync(title: "关于都兰县热水乡卫生院配备救护车的建议", category: "医疗卫生");
        await staff.AssignToLeadAsync(id, await app.UnitIdAsync("海西州教育局"));
        await unit.AnswerAsync(id);
        var monitor = app.Services.GetRequiredService<SuggestionMonitor>();
        app.Clock.Advance(TimeSpan.FromDays(15)); // 11 working days
        (await monitor.RunOnceAsync(app.Clock.GetUtcNow())).Reminded.ShouldBeGreaterThanOrEqualTo(1);
        (await monitor.RunOnceAsync(app.Clock.GetUtcNow())).Reminded.ShouldBe(0);
        app.Clock.Advance(TimeSpan.FromDays(20));
        await monitor.RunOnceAsync(app.Clock.GetUtcNow());
        deputy = await app.ApiClientAsync("daibiao");
        var closed = await deputy.DetailAsync(id);
        closed.Status().ShouldBe("Closed");
        closed.GetProperty("ratingMissing").GetBoolean().ShouldBeTrue();
        await (await deputy.StepAsync(id, "ratings", new { result = "Satisfied" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Only_the_Council_of_Chairpersons_designates_key_suggestions()
    {
        var deputy = await app.ApiClientAsync("daibiao");
        var id = await deputy.SubmitSuggestionAsync(title: "关于加强冷湖天文观测基地暗夜环境保护的建议", category: "生态环境");
        await (await (await app.ApiClientAsync("daigongwei")).StepAsync(id, "key", new { leader = "州人大常委会主任" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await app.ApiClientAsync("zhuren")).StepAsync(id, "key", new { leader = "州人大常委会主任" }).OkAsync();
        var detail = await deputy.DetailAsync(id);
        detail.GetProperty("isKey").GetBoolean().ShouldBeTrue();
        detail.GetProperty("keyLeader").GetString().ShouldBe("州人大常委会主任");
    }

    [Fact]
    public async Task Staff_return_an_inadmissible_suggestion_or_merge_a_duplicate_and_the_deputies_are_told()
    {
        var deputy = await app.ApiClientAsync("daibiao");
        var staff = await app.ApiClientAsync("daigongwei");
        var personal = await deputy.SubmitSuggestionAsync(title: "关于解决本人亲属工作调动问题的建议", content: "本人亲属在某乡镇工作多年，家庭困难，希望组织上考虑调动到州府所在地工作，请有关部门予以协调解决。", category: "其他");
        await staff.StepAsync(personal, "return", new { reason = "PersonalMatter", note = "可通过其他渠道反映" }).OkAsync();
        var returned = await deputy.DetailAsync(personal);
        returned.Status().ShouldBe("Returned");
        returned.GetProperty("returnReason").GetString().ShouldBe("涉及代表本人及其亲属个人事务");

        var first = await deputy.SubmitSuggestionAsync(title: "关于木里矿区生态修复后续管护的建议", category: "生态环境");
        var second = await deputy.SubmitSuggestionAsync(title: "关于巩固木里矿区生态修复成果的建议", category: "生态环境");
        await staff.StepAsync(second, "merge", new { targetId = first }).OkAsync();
        var merged = await deputy.DetailAsync(second);
        merged.Status().ShouldBe("Merged");
        merged.GetProperty("mergedIntoId").GetInt32().ShouldBe(first);
        await using var scope = app.Db();
        var deputyAccount = await scope.Context.Accounts.Where(a => a.UserName == "daibiao").Select(a => a.Id).FirstAsync();
        (await scope.Context.Notifications.AnyAsync(n => n.AccountId == deputyAccount && n.Title.Contains("并案"))).ShouldBeTrue();
    }

    [Fact]
    public async Task Publishing_removes_personal_data()
    {
        var deputy = await app.ApiClientAsync("daibiao");
        var staff = await app.ApiClientAsync("daigongwei");
        var unit = await app.ApiClientAsync("jiaoyuju");
        var id = await deputy.SubmitSuggestionAsync(title: "关于天峻县牧民定居点饮水安全的建议", category: "农业农村");
        await staff.AssignToLeadAsync(id, await app.UnitIdAsync("海西州教育局"));
        await unit.AnswerAsync(id);
        await staff.StepAsync(id, "publish", new { title = "关于天峻县牧民定居点饮水安全的建议", content = "联系人电话13912345678，身份证632823198001011234。建议改造供水管网。", answer = "已列入计划" }).OkAsync();
        await using var scope = app.Db();
        var s = await scope.Context.Set<Suggestion>().FirstAsync(x => x.Id == id);
        s.Published.ShouldBeTrue();
        s.PublicContent!.ShouldNotContain("13912345678");
        s.PublicContent!.ShouldNotContain("632823198001011234");
        s.PublicContent!.ShouldContain("建议改造供水管网");

        var portal = app.Anonymous();
        var list = await (await portal.GetAsync("/api/v1/public/congresses/632800/suggestions?q=供水管网")).ShouldBeOkJsonAsync();
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ShouldContain(id);
        var one = await (await portal.GetAsync($"/api/v1/public/suggestions/{id}")).ShouldBeOkJsonAsync();
        one.GetProperty("content").GetString()!.ShouldContain("［电话已隐去］");
        one.ToString().ShouldNotContain("13912345678");
        // Unpublished ones are not there.
        await staff.StepAsync(id, "unpublish").OkAsync();
        await (await portal.GetAsync($"/api/v1/public/suggestions/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class SuggestionLifecycleTests_Sqlite(SqliteApp app) : SuggestionLifecycleTests(app), IClassFixture<SqliteApp>;
public sealed class SuggestionLifecycleTests_Postgres(PostgresApp app) : SuggestionLifecycleTests(app), IClassFixture<PostgresApp>;
