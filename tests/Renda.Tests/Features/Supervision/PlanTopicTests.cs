using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Supervision;
using Renda.Web.Platform.Organisations;

namespace Renda.Tests.Features.Supervision;

/// <summary>
/// Keeping the plan right during the year: a topic is changed, removed from a draft, and records are linked to the topic they carry
/// out after they were made; the detail pages of inquiries, surveys and interpellations; a lower congress's own report of its part
/// of a joint inspection; the organ told when the opinions are sent.
/// </summary>
public abstract class PlanTopicTests(RendaApp app)
{
    private static string Plan(int year) => $"{SupervisionSteps.Root}/plan?year={year}";

    private static async Task<int> AddTopicAsync(HttpClient staff, int year, string title, string kind = "Survey")
        => (await staff.PostJsonAsync($"{SupervisionSteps.Root}/plan/topics?year={year}", new { title, kind, source = "CommitteeDecision", plannedMonth = 6 }).CreatedAsync()).Id();

    private static async Task<JsonElement> TopicAsync(HttpClient staff, int year, int id)
        => (await staff.GetJsonAsync(Plan(year))).GetProperty("topics").EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == id);

    [Fact]
    public async Task A_topic_is_changed_refused_when_invalid_and_removed_only_from_a_draft_plan_with_nothing_behind_it()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        const int year = 2031;
        var id = await AddTopicAsync(staff, year, "全州牧区草原生态保护补助奖励政策落实情况专题调研");
        var url = $"{SupervisionSteps.Root}/plan/topics/{id}";

        (await staff.PutAsJsonAsync(url, new { title = "全州草原生态保护补助奖励政策落实情况专题调研", kind = "Inspection", source = "Petitions", sourceNote = "群众来信反映较多", plannedMonth = 9 }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var changed = await TopicAsync(staff, year, id);
        changed.Str("title").ShouldBe("全州草原生态保护补助奖励政策落实情况专题调研");
        changed.Str("kind").ShouldBe("Inspection");
        changed.Str("sourceNote").ShouldBe("群众来信反映较多");
        changed.GetProperty("plannedMonth").GetInt32().ShouldBe(9);

        // Invalid: a topic from deputies' suggestions must name the suggestion; nothing is changed.
        var refused = await (await staff.PutAsJsonAsync(url, new { title = "改后的标题", kind = "Survey", source = "DeputySuggestions" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        refused.FieldErrors("suggestionId").Single().ShouldContain("代表建议");
        (await TopicAsync(staff, year, id)).Str("title").ShouldBe("全州草原生态保护补助奖励政策落实情况专题调研");

        // A record carries it out: it cannot be removed until the record is linked elsewhere.
        var survey = (await staff.PostJsonAsync($"{SupervisionSteps.Root}/surveys", new { kind = "Survey", topic = "草原生态补奖政策调研", startsOn = "2031-09-02", endsOn = "2031-09-04", topicId = id }).CreatedAsync()).Id();
        (await (await staff.DeleteAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Conflict)).Str("detail").ShouldContain("关联");
        (await staff.PutAsJsonAsync($"/api/v1/supervision/surveys/{survey}/topic", new { topicId = (int?)null })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await staff.DeleteAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await staff.GetJsonAsync(Plan(year))).GetProperty("topics").EnumerateArray().ShouldNotContain(t => t.GetProperty("id").GetInt32() == id);

        // A published plan keeps its topics: they can be changed, not removed.
        var kept = await AddTopicAsync(staff, year, "全州义务教育均衡发展情况的报告", "WorkReport");
        (await staff.PostJsonAsync($"{SupervisionSteps.Root}/plan/publish?year={year}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await staff.DeleteAsync($"{SupervisionSteps.Root}/plan/topics/{kept}")).ShouldBeProblemAsync(HttpStatusCode.Conflict)).Str("detail").ShouldContain("已发布");
        (await staff.PutAsJsonAsync($"{SupervisionSteps.Root}/plan/topics/{kept}", new { title = "全州义务教育优质均衡发展情况的报告", kind = "WorkReport", source = "CommitteeDecision", plannedMonth = 10 }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await TopicAsync(staff, year, kept)).Str("title").ShouldBe("全州义务教育优质均衡发展情况的报告");

        // Members read the plan but do not change it; another congress's staff do not find the topic.
        var member = await app.ApiClientAsync("weiyuan");
        (await member.PutAsJsonAsync($"{SupervisionSteps.Root}/plan/topics/{kept}", new { title = "x", kind = "WorkReport", source = "CommitteeDecision" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var golmud = await app.ApiClientAsync("gem-staff");
        (await golmud.PutAsJsonAsync($"/api/v1/congresses/632801/supervision/plan/topics/{kept}", new { title = "x", kind = "WorkReport", source = "CommitteeDecision" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Records_made_before_their_topic_are_linked_to_it_afterwards_and_the_plan_counts_them()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        const int year = 2032;
        var inquiry = (await staff.PostJsonAsync($"{SupervisionSteps.Root}/inquiries", new { title = "关于全州城乡居民医疗保障工作的专题询问", heldOn = "2032-06-20" }).CreatedAsync()).Id();
        var topic = await AddTopicAsync(staff, year, "城乡居民医疗保障工作专题询问", "Inquiry");
        (await TopicAsync(staff, year, topic)).ValueKind.ShouldBe(JsonValueKind.Object);
        (await TopicAsync(staff, year, topic)).GetProperty("doneAs").ValueKind.ShouldBe(JsonValueKind.Null);

        (await staff.PutAsJsonAsync($"/api/v1/supervision/inquiries/{inquiry}/topic", new { topicId = topic })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var done = await TopicAsync(staff, year, topic);
        done.Str("doneLink").ShouldBe($"/supervision/inquiries/{inquiry}");
        (await staff.GetJsonAsync($"/api/v1/supervision/inquiries/{inquiry}")).GetProperty("topicId").GetInt32().ShouldBe(topic);

        // Only a topic of this congress's own plan; a record of another congress is not found.
        (await staff.PutAsJsonAsync($"/api/v1/supervision/inquiries/{inquiry}/topic", new { topicId = 999_999 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var golmud = await app.ApiClientAsync("gem-staff");
        var theirs = (await golmud.PostJsonAsync("/api/v1/congresses/632801/supervision/plan/topics?year=2032", new { title = "格尔木市城市供水工作专题调研", kind = "Survey", source = "CommitteeDecision" }).CreatedAsync()).Id();
        (await staff.PutAsJsonAsync($"/api/v1/supervision/inquiries/{inquiry}/topic", new { topicId = theirs })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await golmud.PutAsJsonAsync($"/api/v1/supervision/inquiries/{inquiry}/topic", new { topicId = theirs })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await TopicAsync(staff, year, topic)).Str("doneLink").ShouldBe($"/supervision/inquiries/{inquiry}", "the refused links changed nothing");

        // Through the page: staff link the record on its own page, as a browser does.
        var browser = await app.BrowserClientAsync("daigongwei");
        var survey = (await staff.PostJsonAsync($"{SupervisionSteps.Root}/surveys", new { kind = "Survey", topic = "全州基层医疗卫生服务能力调研", startsOn = "2032-05-10", endsOn = "2032-05-12" }).CreatedAsync()).Id();
        var surveyTopic = await AddTopicAsync(staff, year, "基层医疗卫生服务能力建设情况专题调研");
        var linked = await browser.PostFormAsync($"/supervision/surveys/{survey}?handler=Topic", new() { ["TopicId"] = surveyTopic.ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"/supervision/surveys/{survey}");
        linked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TopicAsync(staff, year, surveyTopic)).Str("doneLink").ShouldBe($"/supervision/surveys/{survey}");
        var page = await (await browser.GetAsync($"/supervision/surveys/{survey}")).Content.ReadAsStringAsync();
        page.ShouldContain("基层医疗卫生服务能力建设情况专题调研");
    }

    [Fact]
    public async Task The_topic_page_changes_a_topic_and_lists_what_carries_it_out()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        const int year = 2033;
        var topic = await AddTopicAsync(staff, year, "全州旅游市场秩序专题调研");
        var survey = (await staff.PostJsonAsync($"{SupervisionSteps.Root}/surveys", new { kind = "Survey", topic = "旅游市场秩序调研", startsOn = "2033-07-01", endsOn = "2033-07-03", topicId = topic }).CreatedAsync()).Id();
        var browser = await app.BrowserClientAsync("daigongwei");
        var html = await (await browser.GetAsync($"/supervision/plan/topics/{topic}")).Content.ReadAsStringAsync();
        html.ShouldContain("全州旅游市场秩序专题调研");
        html.ShouldContain($"/supervision/surveys/{survey}");
        html.ShouldNotContain("删除该议题", customMessage: "a topic with a record behind it cannot be removed");

        var empty = await browser.PostFormAsync($"/supervision/plan/topics/{topic}?handler=Save", new() { ["Title"] = "", ["Kind"] = "Survey", ["Source"] = "CommitteeDecision" }, $"/supervision/plan/topics/{topic}");
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("议题");
        var saved = await browser.PostFormAsync($"/supervision/plan/topics/{topic}?handler=Save",
            new() { ["Title"] = "全州旅游市场秩序整治情况专题调研", ["Kind"] = "Survey", ["Source"] = "PublicConcern", ["PlannedMonth"] = "7" }, $"/supervision/plan/topics/{topic}");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.ToString().ShouldBe($"/supervision/plan?year={year}");
        var t = await TopicAsync(staff, year, topic);
        t.Str("title").ShouldBe("全州旅游市场秩序整治情况专题调研");
        t.Str("source").ShouldBe("PublicConcern");

        var member = await app.BrowserClientAsync("weiyuan");
        var denied = await member.GetAsync($"/supervision/plan/topics/{topic}");
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("/forbidden");
    }

    [Fact]
    public async Task Inquiries_surveys_and_interpellations_have_their_own_pages()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var browser = await app.BrowserClientAsync("daigongwei");
        var inquiry = (await staff.PostJsonAsync($"{SupervisionSteps.Root}/inquiries", new { title = "关于全州食品安全工作的专题询问", heldOn = "2026-11-18" }).CreatedAsync()).Id();
        var asked = await browser.PostFormAsync($"/supervision/inquiries/{inquiry}?handler=Question", new()
        {
            ["Asker"] = "委员乙", ["AddressedOrgan"] = "海西州市场监督管理局", ["Question"] = "校园周边食品安全如何监管？", ["AnsweredBy"] = "州市场监管局局长", ["Answer"] = "开展专项整治。", ["Commitment"] = "年底前完成校园周边全覆盖检查",
        }, $"/supervision/inquiries/{inquiry}");
        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await (await browser.GetAsync($"/supervision/inquiries/{inquiry}")).Content.ReadAsStringAsync();
        html.ShouldContain("校园周边食品安全如何监管？");
        html.ShouldContain("年底前完成校园周边全覆盖检查");
        (await staff.GetJsonAsync($"/api/v1/supervision/inquiries/{inquiry}")).GetProperty("questions").EnumerateArray().Single().Str("answeredBy").ShouldBe("州市场监管局局长");

        var survey = (await staff.PostJsonAsync($"{SupervisionSteps.Root}/surveys", new { kind = "Survey", topic = "全州养老服务体系建设调研", startsOn = "2026-11-10", endsOn = "2026-11-12" }).CreatedAsync()).Id();
        var noReport = await browser.PostFormAsync($"/supervision/surveys/{survey}?handler=Report", new() { ["Findings"] = "农村养老服务设施利用率低", ["Report"] = " " }, $"/supervision/surveys/{survey}");
        noReport.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await staff.GetJsonAsync($"/api/v1/supervision/surveys/{survey}")).GetProperty("findings").ValueKind.ShouldBe(JsonValueKind.Null, "nothing written");
        (await browser.PostFormAsync($"/supervision/surveys/{survey}?handler=Report", new() { ["Findings"] = "农村养老服务设施利用率低", ["Report"] = "调研报告：一、基本情况……" }, $"/supervision/surveys/{survey}"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await (await browser.GetAsync($"/supervision/surveys/{survey}")).Content.ReadAsStringAsync()).ShouldContain("调研报告：一、基本情况……");

        var organ = await app.UnitIdAsync("海西州生态环境局");
        var proposers = (await app.SeatedMembersAsync()).Select(s => s.PersonId).Take(5).ToArray();
        var interpellation = (await staff.PostJsonAsync($"{SupervisionSteps.Root}/interpellations", new
        {
            title = "关于州生态环境局对尾矿库环境风险排查不力的质询案", questions = "一、尾矿库排查为何滞后？", organId = organ, meetingId = (int?)null, proposerPersonIds = proposers,
        }).CreatedAsync()).Id();
        (await browser.PostFormAsync($"/supervision/interpellations/{interpellation}?handler=Answer", new() { ["AnsweredBy"] = "州生态环境局局长", ["Answer"] = "已完成全部尾矿库排查。" }, $"/supervision/interpellations/{interpellation}"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var detail = await (await browser.GetAsync($"/supervision/interpellations/{interpellation}")).Content.ReadAsStringAsync();
        detail.ShouldContain("已完成全部尾矿库排查。");
        detail.ShouldContain("一、尾矿库排查为何滞后？");
        (await browser.GetAsync("/supervision/interpellations/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_lower_congress_reports_on_its_part_of_a_joint_inspection_and_the_upper_one_reads_it()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var seated = await app.SeatedMembersAsync();
        var created = await staff.PostJsonAsync($"{SupervisionSteps.Root}/inspections", new
        {
            law = "《中华人民共和国野生动物保护法》", title = (string?)null, startsOn = "2026-11-20", endsOn = "2026-11-25", places = "格尔木市",
            usesQuestionnaire = false, usesSpotCheck = true, usesThirdPartyAssessment = false, topicId = (int?)null,
            team = new object[] { new { role = "Leader", personId = seated[0].PersonId } }, jointCongressCodes = new[] { "632801" },
        }).CreatedAsync();
        var partId = created.GetProperty("parts").EnumerateArray().Single().GetProperty("id").GetInt32();
        var golmud = await app.ApiClientAsync("gem-staff");
        int golmudGovernment;
        await using (var scope = app.Db())
            golmudGovernment = await scope.Context.HandlingUnits.Where(u => u.Congress!.Code == "632801" && u.Kind == HandlingUnitKind.Government).Select(u => u.Id).FirstAsync();
        var part = $"/api/v1/supervision/inspections/{partId}";
        await golmud.PostJsonAsync($"{part}/findings", new { findings = "可可西里周边巡护力量不足。" }).DoneAsync();
        var report = await golmud.PostJsonAsync($"{part}/report", new { report = "格尔木市联动检查报告：一、总体情况……二、问题……三、建议……", organId = golmudGovernment }).CreatedAsync();
        report.Str("kind").ShouldBe("InspectionReport");
        (await golmud.GetJsonAsync(part)).Str("status").ShouldBe("Reported");

        var upper = (await staff.GetJsonAsync($"/api/v1/supervision/inspections/{created.Id()}")).GetProperty("parts").EnumerateArray().Single();
        upper.Str("findings").ShouldBe("可可西里周边巡护力量不足。");
        upper.Str("report").ShouldStartWith("格尔木市联动检查报告");
        // Golmud's report is Golmud's record: Haixi reads it on its inspection, not as its own report.
        (await staff.GetAsync($"/api/v1/supervision/reports/{report.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Sending_the_opinions_tells_the_organ_with_its_deadline()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var organ = await app.ApiClientAsync("jiaoyuju");
        var (id, _) = await staff.HeardReportAsync(organ, await app.UnitIdAsync("海西州教育局"), "州人民政府关于全州职业教育改革发展情况的报告");
        await staff.ReportStepAsync(id, "opinions", new { opinions = "一、进一步优化专业设置……" }).DoneAsync();
        var notes = (await organ.GetJsonAsync("/api/v1/notifications?unread=true")).GetProperty("items").EnumerateArray()
            .Where(n => n.Str("link") == $"/supervision/reports/{id}").ToList();
        notes.Count.ShouldBe(1);
        notes[0].Str("title").ShouldContain("审议意见");
        notes[0].Str("body").ShouldContain("3个月内");
        // Nobody outside the organ is told.
        var other = await app.ApiClientAsync("zhengfu");
        (await other.GetJsonAsync("/api/v1/notifications")).GetProperty("items").EnumerateArray().ShouldNotContain(n => n.Str("link") == $"/supervision/reports/{id}");
    }
}

public sealed class PlanTopicTests_Sqlite(SqliteApp app) : PlanTopicTests(app), IClassFixture<SqliteApp>;
public sealed class PlanTopicTests_Postgres(PostgresApp app) : PlanTopicTests(app), IClassFixture<PostgresApp>;
