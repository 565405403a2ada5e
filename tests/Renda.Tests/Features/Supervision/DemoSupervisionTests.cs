using System.Net;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;

namespace Renda.Tests.Features.Supervision;

/// <summary>
/// The demo's supervision records give the seed reports' figures through the statistics query: seed 000 (Haixi 2023: 6 special
/// work reports, 5 plan and budget reports, 4 inspections, 7 surveys, 1 inquiry) and seed 004 (Qinghai 2024: 17 special reports,
/// 3 inspections, 10 officials appraised).
/// </summary>
public abstract class DemoSupervisionTests(RendaApp app)
{
    [Fact]
    public async Task Haixi_2023_gives_the_seed_reports_supervision_figures_each_linked_to_its_records()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var s = await staff.StatisticsAsync(MeetingSteps.Haixi, 2023);
        s.GetProperty("workReports").GetInt32().ShouldBe(6);
        s.GetProperty("financeReports").GetInt32().ShouldBe(5);
        s.GetProperty("inspections").GetInt32().ShouldBe(4);
        s.GetProperty("surveys").GetInt32().ShouldBe(7);
        s.GetProperty("inquiries").GetInt32().ShouldBe(1);
        s.GetProperty("interpellations").GetInt32().ShouldBe(0);

        // The figures are the records: the list behind each has as many rows.
        (await staff.GetJsonAsync($"{SupervisionSteps.Root}/reports?year=2023&group=special")).GetArrayLength().ShouldBe(6);
        (await staff.GetJsonAsync($"{SupervisionSteps.Root}/reports?year=2023&group=finance")).GetArrayLength().ShouldBe(5);
        var inspections = await staff.GetJsonAsync($"{SupervisionSteps.Root}/inspections?year=2023");
        inspections.EnumerateArray().Select(i => i.Str("law")).ShouldBe(["《中华人民共和国教育法》", "《中华人民共和国工会法》", "《海西州矿产资源管理条例》", "《中华人民共和国治安管理处罚法》"]);
        (await staff.GetJsonAsync($"{SupervisionSteps.Root}/surveys?year=2023&kind=Survey")).GetArrayLength().ShouldBe(7);
        s.GetProperty("links").GetProperty("workReports").GetString().ShouldBe("/supervision/reports?year=2023&group=special");
        // The statistics page shows the figure as a link to that list.
        var browser = await app.BrowserClientAsync("daigongwei");
        var page = await browser.GetStringAsync("/supervision/statistics?year=2023");
        page.ShouldContain("href=\"/supervision/reports?year=2023&amp;group=special\"");
    }

    [Fact]
    public async Task Qinghai_2024_gives_seventeen_special_reports_three_inspections_and_ten_appraised_officials()
    {
        var staff = await app.ApiClientAsync("qh-staff");
        var s = await staff.StatisticsAsync("630000", 2024);
        s.GetProperty("workReports").GetInt32().ShouldBe(17);
        s.GetProperty("inspections").GetInt32().ShouldBe(3);
        s.GetProperty("appraisedOfficials").GetInt32().ShouldBe(10);
        // The province sees the figures of the prefecture below it (counts only); a county does not see its prefecture's.
        (await staff.StatisticsAsync(MeetingSteps.Haixi, 2023)).GetProperty("workReports").GetInt32().ShouldBe(6);
        var gem = await app.ApiClientAsync("gem-staff");
        (await gem.GetAsync($"/api/v1/congresses/{MeetingSteps.Haixi}/supervision/statistics?year=2023")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        var reviews = await staff.GetJsonAsync("/api/v1/congresses/630000/supervision/appraisals?year=2024");
        reviews.GetArrayLength().ShouldBe(10);
        foreach (var r in reviews.EnumerateArray())
            r.GetProperty("results").EnumerateArray().Sum(x => x.GetProperty("count").GetInt32()).ShouldBe(r.GetProperty("appraised").GetInt32());
    }

    [Fact]
    public async Task The_plan_shows_its_progress_and_a_topic_linked_to_a_deputy_suggestion_and_exports_to_word()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var plan = await staff.GetJsonAsync($"{SupervisionSteps.Root}/plan?year=2023");
        plan.Str("status").ShouldBe("Published");
        var topics = plan.GetProperty("topics").EnumerateArray().ToList();
        plan.GetProperty("done").GetInt32().ShouldBe(topics.Count(t => t.GetProperty("doneAs").ValueKind != System.Text.Json.JsonValueKind.Null));
        plan.GetProperty("done").GetInt32().ShouldBeGreaterThanOrEqualTo(12);
        topics.ShouldContain(t => t.Str("source") == "DeputySuggestions" && t.GetProperty("suggestionId").ValueKind == System.Text.Json.JsonValueKind.Number);
        var docx = await staff.GetAsync($"{SupervisionSteps.Root}/plan.docx?year=2023");
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        docx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(await docx.Content.ReadAsStreamAsync(), false);
        var text = word.MainDocumentPart!.Document.Body!.InnerText;
        text.ShouldContain("海西州人大常委会2023年度监督工作计划");
        text.ShouldContain("检查《中华人民共和国教育法》实施情况");
    }

    [Fact]
    public async Task Golmud_sees_its_part_of_the_joint_education_inspection_and_who_asked_for_it()
    {
        var gem = await app.ApiClientAsync("gem-staff");
        var parts = await gem.GetJsonAsync("/api/v1/congresses/632801/supervision/inspections?year=2023");
        var part = parts.EnumerateArray().Single();
        part.Str("parentCongress").ShouldBe("海西州人大常委会");
        part.Str("law").ShouldBe("《中华人民共和国教育法》");
        // Haixi sees the part under its inspection; Golmud cannot open Haixi's own record.
        var staff = await app.ApiClientAsync("daigongwei");
        var education = (await staff.GetJsonAsync($"{SupervisionSteps.Root}/inspections?year=2023")).EnumerateArray().First();
        education.GetProperty("parts").EnumerateArray().Single().Str("congress").ShouldBe("格尔木市");
        (await gem.GetAsync($"/api/v1/supervision/inspections/{part.GetProperty("parentId").GetInt32()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class DemoSupervisionTests_Sqlite(SqliteApp app) : DemoSupervisionTests(app), IClassFixture<SqliteApp>;
public sealed class DemoSupervisionTests_Postgres(PostgresApp app) : DemoSupervisionTests(app), IClassFixture<PostgresApp>;
