using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Deputies;
using Renda.Web.Platform.People;

namespace Renda.Tests.Features.Deputies;

/// <summary>The annual duty report (代表述职): drafted from the archive, edited, submitted, presented with the constituents' evaluation.</summary>
public abstract class DutyReportTests(RendaApp app)
{
    [Fact]
    public async Task A_report_is_drafted_from_the_archive_edited_presented_and_then_closed_to_edits()
    {
        var deputy = await app.DeputyAsync();
        var deputyId = await app.DemoDeputyIdAsync();
        var archive = await deputy.ArchiveAsync(deputyId, 2026);
        var report = await deputy.PostJsonAsync($"/api/v1/deputies/{deputyId}/duty-reports", new { year = 2026 }).CreatedAsync();
        report.Str("status").ShouldBe("Draft");
        foreach (var k in archive.GetProperty("kinds").EnumerateArray())
            report.Str("text").ShouldContain($"{k.Str("kind")} {k.GetProperty("count").GetInt32()} 次");
        report.Str("text").ShouldContain("领衔提出建议");
        var id = report.Id();
        (await deputy.PostJsonAsync($"/api/v1/deputies/{deputyId}/duty-reports", new { year = 2026 }).CreatedAsync()).Id().ShouldBe(id, "one report a year");

        await (await deputy.PutAsJsonAsync($"/api/v1/deputies/duty-reports/{id}", new { title = report.Str("title"), text = report.Str("text") + "\n今后将进一步密切联系群众。" })).ShouldBeOkJsonAsync(HttpStatusCode.NoContent);
        await deputy.PostJsonAsync($"/api/v1/deputies/duty-reports/{id}/submit").DoneAsync();
        var staff = await app.StaffAsync();
        await staff.PostJsonAsync($"/api/v1/deputies/duty-reports/{id}/present",
            new { presentedOn = "2026-11-13", stationName = "德令哈市河西街道人大代表联络站", satisfied = 38, basicallySatisfied = 6, dissatisfied = 1 }).DoneAsync();

        var presented = await deputy.GetJsonAsync($"/api/v1/deputies/duty-reports/{id}");
        (presented.Str("status"), presented.GetProperty("satisfied").GetInt32(), presented.GetProperty("dissatisfied").GetInt32()).ShouldBe(("Presented", 38, 1));
        presented.Str("text").ShouldEndWith("今后将进一步密切联系群众。");
        (await app.RecordsAsync(deputyId)).ShouldContain(r => r.Kind == DutyKinds.DutyReport && r.SourceType == DutyReport.Subject && r.SourceId == id && r.On == new DateOnly(2026, 11, 13));
        await (await deputy.PutAsJsonAsync($"/api/v1/deputies/duty-reports/{id}", new { title = "改", text = "改" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await staff.PostJsonAsync($"/api/v1/deputies/duty-reports/{id}/present",
            new { presentedOn = "2026-11-13", stationName = "又一站", satisfied = 1, basicallySatisfied = 0, dissatisfied = 0 })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_word_export_is_laid_out_as_an_official_document()
    {
        var deputy = await app.DeputyAsync();
        var reports = (await deputy.GetJsonAsync($"/api/v1/deputies/duty-reports?deputyId={await app.DemoDeputyIdAsync()}")).EnumerateArray().ToList();
        var id = reports.First(r => r.Str("status") == "Presented").Id();
        var response = await deputy.GetAsync($"/api/v1/deputies/duty-reports/{id}/docx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(Renda.Web.Platform.Modules.Endpoints.Docx);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var margin = body.Descendants<PageMargin>().Single();
        ((int)margin.Top!.Value, (int)margin.Bottom!.Value, (uint)margin.Left!.Value, (uint)margin.Right!.Value).ShouldBe((2098, 1984, 1588u, 1474u));
        var runs = body.Descendants<Run>().ToList();
        var title = runs.First();
        (title.RunProperties!.RunFonts!.EastAsia!.Value, title.RunProperties.FontSize!.Val!.Value).ShouldBe(("方正小标宋简体", "44"));
        runs.ShouldContain(r => r.RunProperties!.RunFonts!.EastAsia!.Value == "仿宋_GB2312" && r.RunProperties.FontSize!.Val!.Value == "32");
        body.InnerText.ShouldContain("选民测评：满意");
    }

    [Fact]
    public async Task Negative_evaluation_counts_and_a_missing_station_are_refused_with_the_field_named_and_nothing_is_written()
    {
        var (deputy, deputyId) = await app.CreateDeputyAccountAsync("report-bad" + app.Provider, skip: 34);
        var id = (await deputy.PostJsonAsync($"/api/v1/deputies/{deputyId}/duty-reports", new { year = 2026 }).CreatedAsync()).Id();
        var staff = await app.StaffAsync();
        await (await staff.PostJsonAsync($"/api/v1/deputies/duty-reports/{id}/present",
            new { presentedOn = "2026-11-13", stationName = "站", satisfied = 1, basicallySatisfied = 0, dissatisfied = 0 })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await deputy.PostJsonAsync($"/api/v1/deputies/duty-reports/{id}/submit").DoneAsync();
        (await (await staff.PostJsonAsync($"/api/v1/deputies/duty-reports/{id}/present",
            new { presentedOn = "2026-11-13", stationName = "站", satisfied = 10, basicallySatisfied = -2, dissatisfied = 0 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("basicallySatisfied").ShouldHaveSingleItem().ShouldContain("不能为负数");
        (await (await staff.PostJsonAsync($"/api/v1/deputies/duty-reports/{id}/present",
            new { presentedOn = "2026-11-13", satisfied = 10, basicallySatisfied = 2, dissatisfied = 0 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("stationName").ShouldNotBeEmpty();
        (await deputy.GetJsonAsync($"/api/v1/deputies/duty-reports/{id}")).Str("status").ShouldBe("Submitted");
        (await app.RecordsAsync(deputyId)).ShouldNotContain(r => r.Kind == DutyKinds.DutyReport);
        // The deputy does not record their own evaluation.
        await (await deputy.PostJsonAsync($"/api/v1/deputies/duty-reports/{id}/present",
            new { presentedOn = "2026-11-13", stationName = "站", satisfied = 10, basicallySatisfied = 2, dissatisfied = 0 })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}

public sealed class DutyReportTests_Sqlite(SqliteApp app) : DutyReportTests(app), IClassFixture<SqliteApp>;
public sealed class DutyReportTests_Postgres(PostgresApp app) : DutyReportTests(app), IClassFixture<PostgresApp>;
