using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Suggestions;
using Renda.Web.Platform.Identity;

namespace Renda.Tests.Features.Suggestions;

/// <summary>Every refusal the issue names: the right status, a clear reason, and nothing written.</summary>
public abstract class SuggestionBadInputTests(RendaApp app)
{
    private async Task<(int Suggestions, int Events, int Audit)> CountsAsync()
    {
        await using var scope = app.Db();
        var db = scope.Context;
        return (await db.Set<Suggestion>().CountAsync(), await db.Set<SuggestionEvent>().CountAsync(), await db.AuditRecords.CountAsync(r => r.EntityType.StartsWith("Suggestion")));
    }

    private async Task<HttpResponseMessage> CreateAsync(HttpClient client, object body)
        => await client.PostAsJsonAsync("/api/v1/congresses/632800/suggestions", body);

    [Fact]
    public async Task Empty_or_two_megabyte_content_is_400_on_the_content_field()
    {
        var deputy = await app.ApiClientAsync("daibiao");
        var before = await CountsAsync();
        var empty = await CreateAsync(deputy, new { title = "关于某事的建议", content = "", category = "教育", submit = true });
        (await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("content").ShouldNotBeEmpty();
        var huge = await CreateAsync(deputy, new { title = "关于某事的建议", content = new string('建', 2 * 1024 * 1024), category = "教育", submit = true });
        (await huge.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("content")[0].ShouldContain("不超过 10000 字");
        var category = await CreateAsync(deputy, new { title = "关于某事的建议", content = SuggestionApiSteps.Content, category = "外星人", submit = true });
        (await category.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("category").ShouldNotBeEmpty();
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_co_signer_who_is_not_a_deputy_of_this_congress_is_refused()
    {
        var deputy = await app.ApiClientAsync("daibiao");
        await using var scope = app.Db();
        var provincial = await scope.Context.Deputies.Where(d => d.Congress!.Code == "630000").Select(d => d.Id).FirstAsync();
        var before = await CountsAsync();
        var response = await CreateAsync(deputy, new { title = "关于某事的建议", content = SuggestionApiSteps.Content, category = "教育", coSignerDeputyIds = new[] { provincial } });
        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("coSignerDeputyIds")[0].ShouldContain("不是本级人大的在任代表");
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Only_deputies_write_suggestions_and_only_in_their_own_congress()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        (await CreateAsync(staff, new { title = "关于某事的建议", content = SuggestionApiSteps.Content, category = "教育" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var deputy = await app.ApiClientAsync("daibiao");
        (await deputy.PostAsJsonAsync("/api/v1/congresses/630000/suggestions", new { title = "关于某事的建议", content = SuggestionApiSteps.Content, category = "教育" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Assigning_to_a_unit_of_another_congress_is_refused()
    {
        var deputy = await app.ApiClientAsync("daibiao");
        var staff = await app.ApiClientAsync("daigongwei");
        var id = await deputy.SubmitSuggestionAsync(title: "关于格尔木市城区停车难问题的建议", category: "城乡建设");
        var golmud = await app.UnitIdAsync("格尔木市教育局");
        var before = await CountsAsync();
        var response = await staff.StepAsync(id, "assign", new { mode = "LeadAndCo", units = new[] { new { unitId = golmud, role = "Lead" } } });
        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("units")[0].ShouldContain("本级人大");
        var twoLeads = await staff.StepAsync(id, "assign", new { mode = "LeadAndCo", units = new[] { new { unitId = await app.UnitIdAsync("海西州教育局"), role = "Lead" }, new { unitId = await app.UnitIdAsync("海西州财政局"), role = "Lead" } } });
        (await twoLeads.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("units")[0].ShouldContain("有且只有一个主办单位");
        (await CountsAsync()).ShouldBe(before);
        (await deputy.DetailAsync(id)).Status().ShouldBe("Submitted");
    }

    [Fact]
    public async Task Rating_by_anyone_but_a_signing_deputy_is_refused()
    {
        var deputy = await app.ApiClientAsync("daibiao");
        var staff = await app.ApiClientAsync("daigongwei");
        var unit = await app.ApiClientAsync("jiaoyuju");
        var id = await deputy.SubmitSuggestionAsync(title: "关于茫崖市花土沟镇集中供暖的建议", category: "城乡建设");
        await staff.AssignToLeadAsync(id, await app.UnitIdAsync("海西州教育局"));
        await unit.AnswerAsync(id);
        var before = await CountsAsync();
        await (await staff.StepAsync(id, "ratings", new { result = "Satisfied" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var (other, _) = await app.CreateDeputyAccountAsync("notsigner" + app.Provider, skip: 30);
        // Not a signer: cannot even see it.
        await (await other.StepAsync(id, "ratings", new { result = "Satisfied" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await CountsAsync()).ShouldBe(before);
        (await deputy.DetailAsync(id)).Status().ShouldBe("Answered");
    }

    [Fact]
    public async Task An_extension_beyond_six_months_is_refused_and_one_within_is_recorded()
    {
        app.Clock.Set(new DateTimeOffset(2026, 11, 16, 2, 0, 0, TimeSpan.Zero));
        var deputy = await app.ApiClientAsync("daibiao");
        var staff = await app.ApiClientAsync("daigongwei");
        var id = await deputy.SubmitSuggestionAsync(title: "关于盐湖资源综合利用产业链延伸的建议", category: "经济发展");
        await staff.AssignToLeadAsync(id, await app.UnitIdAsync("海西州发展和改革委员会"));
        await (await staff.StepAsync(id, "extension", new { months = 2, reason = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var before = await CountsAsync();
        var tooLong = await staff.StepAsync(id, "extension", new { months = 4, reason = "涉及多部门，经分管副州长批准" });
        (await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("months")[0].ShouldContain("6 个月");
        (await CountsAsync()).ShouldBe(before);
        await staff.StepAsync(id, "extension", new { months = 3, reason = "涉及多部门，经分管副州长批准" }).OkAsync();
        var detail = await staff.DetailAsync(id);
        detail.GetProperty("answerDueOn").GetString().ShouldBe("2027-05-17"); // 6 months from 2026-11-16 (a Sunday moves to Monday)
        detail.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("title").GetString()!.StartsWith("答复代表")).GetProperty("extensions").GetInt32().ShouldBe(1);
        await (await staff.StepAsync(id, "extension", new { months = 1, reason = "再延期" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Answering_a_suggestion_returned_to_the_deputy_is_a_conflict()
    {
        var deputy = await app.ApiClientAsync("daibiao");
        var staff = await app.ApiClientAsync("daigongwei");
        var unit = await app.ApiClientAsync("jiaoyuju");
        var id = await deputy.SubmitSuggestionAsync(title: "关于某信访事项的建议", category: "其他");
        await staff.StepAsync(id, "return", new { reason = "Petition" }).OkAsync();
        // The unit never had it: not even visible.
        await (await unit.StepAsync(id, "answers", new { category = "A", text = "答复", signedBy = "局长" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // Staff cannot assign a returned one either.
        (await (await staff.StepAsync(id, "assign", new { mode = "LeadAndCo", units = new[] { new { unitId = await app.UnitIdAsync("海西州教育局"), role = "Lead" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("已退回代表");
    }

    [Fact]
    public async Task A_unit_sees_only_what_was_assigned_to_it()
    {
        var deputy = await app.ApiClientAsync("daibiao");
        var staff = await app.ApiClientAsync("daigongwei");
        var id = await deputy.SubmitSuggestionAsync(title: "关于德令哈市老旧小区加装电梯的建议", category: "城乡建设");
        await staff.AssignToLeadAsync(id, await app.UnitIdAsync("海西州住房和城乡建设局"));
        var education = await app.ApiClientAsync("jiaoyuju");
        await (await education.GetAsync($"/api/v1/suggestions/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var housing = await app.CreateAccountAsync("zhujian" + app.Provider, Role.HandlingUnitOfficer, handlingUnitId: await app.UnitIdAsync("海西州住房和城乡建设局"));
        (await housing.DetailAsync(id)).Status().ShouldBe("Assigned");
        var list = await (await education.GetAsync("/api/v1/congresses/632800/suggestions?pageSize=200")).ShouldBeOkJsonAsync();
        list.GetProperty("items").EnumerateArray().ShouldNotContain(i => i.GetProperty("id").GetInt32() == id);
        var province = await app.ApiClientAsync("qh-staff");
        (await province.GetAsync("/api/v1/congresses/632800/suggestions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class SuggestionBadInputTests_Sqlite(SqliteApp app) : SuggestionBadInputTests(app), IClassFixture<SqliteApp>;
public sealed class SuggestionBadInputTests_Postgres(PostgresApp app) : SuggestionBadInputTests(app), IClassFixture<PostgresApp>;
