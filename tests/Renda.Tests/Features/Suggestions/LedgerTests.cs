using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Suggestions;

namespace Renda.Tests.Features.Suggestions;

/// <summary>交办台账, 答复台账 and 承诺事项台账 as spreadsheets: opened again with OpenXml, row by row.</summary>
public abstract class LedgerTests(RendaApp app)
{
    /// <summary>A downloaded workbook, read back: the sheet's rows as text, and whether the header row is frozen.</summary>
    private sealed record Sheet(string Name, string Title, List<List<string>> Rows, bool HeaderFrozen, int ColumnWidths, bool PrintsOnePageWide);

    private static async Task<Sheet> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldEndWith(".xlsx");
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var rows = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToList()).ToList();
        // Row 1 is the title (merged across the table); the header row under it is frozen and repeated on every printed page.
        var pane = part.Worksheet.GetFirstChild<SheetViews>()?.GetFirstChild<SheetView>()?.GetFirstChild<Pane>();
        var frozen = pane is not null && pane.State?.Value == PaneStateValues.Frozen && pane.TopLeftCell?.Value == "A3" && pane.VerticalSplit?.Value == 2;
        var widths = part.Worksheet.GetFirstChild<Columns>()?.Elements<Column>().Count(c => c.CustomWidth?.Value == true && c.Width?.Value > 0) ?? 0;
        var setup = part.Worksheet.GetFirstChild<PageSetup>();
        var fit = part.Worksheet.GetFirstChild<SheetProperties>()?.PageSetupProperties?.FitToPage?.Value == true;
        var titles = workbook.Workbook.DefinedNames?.Elements<DefinedName>().SingleOrDefault(d => d.Name == "_xlnm.Print_Titles")?.Text;
        var printable = fit && setup?.Orientation?.Value == OrientationValues.Landscape && setup.FitToWidth?.Value == 1 && setup.FitToHeight?.Value == 0
            && titles == $"'{sheet.Name}'!$2:$2";
        part.Worksheet.GetFirstChild<MergeCells>()!.Elements<MergeCell>().First().Reference!.Value.ShouldStartWith("A1:");
        return new Sheet(sheet.Name!, rows[0].Single(), rows.Skip(1).ToList(), frozen, widths, printable);
    }

    [Fact]
    public async Task The_assignment_ledger_lists_every_assigned_suggestion_of_the_year()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var sheet = await DownloadAsync(staff, "/api/v1/congresses/632800/suggestions/ledgers/assignments.xlsx?year=2023");
        sheet.Name.ShouldBe("交办台账2023");
        sheet.Title.ShouldBe("海西州2023年代表建议交办台账");
        sheet.HeaderFrozen.ShouldBeTrue();
        sheet.PrintsOnePageWide.ShouldBeTrue();
        sheet.ColumnWidths.ShouldBe(Ledgers.AssignmentColumns.Count);
        sheet.Rows[0].ShouldBe(Ledgers.AssignmentColumns.Select(c => c.Header));
        sheet.Rows[0].ShouldContain("领衔代表");
        sheet.Rows[0].ShouldContain("答复期限");
        var data = sheet.Rows.Skip(1).ToList();
        data.Count.ShouldBe(34);
        data.Select(r => r[1]).ShouldBe(Enumerable.Range(1, 34).Select(i => $"2023-{i:000}"));
        data.Select(r => r[0]).ShouldBe(Enumerable.Range(1, 34).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        data.ShouldAllBe(r => r[3].Length > 0 && r[10].StartsWith("海西州") && r[8].StartsWith("2023-") && r[12].StartsWith("2023-"));
        data.Count(r => r[13].StartsWith("是")).ShouldBe(3);
        data.Count(r => r[11].Length > 0).ShouldBeGreaterThan(0, "co-units are listed");
        await using var scope = app.Db();
        var first = await scope.Context.Set<Suggestion>().Where(s => s.Number == "2023-001" && s.Year == 2023).FirstAsync();
        data[0][2].ShouldBe(first.Title);
        data[0][8].ShouldBe(first.AssignedOn!.Value.ToString("yyyy-MM-dd"));
    }

    [Fact]
    public async Task The_answer_ledger_has_a_line_per_answer_with_on_time_and_rating()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var sheet = await DownloadAsync(staff, "/api/v1/congresses/632800/suggestions/ledgers/answers.xlsx?year=2023");
        sheet.HeaderFrozen.ShouldBeTrue();
        sheet.Rows[0].ShouldBe(Ledgers.AnswerColumns.Select(c => c.Header));
        var data = sheet.Rows.Skip(1).ToList();
        data.Count.ShouldBe(34);
        data.ShouldAllBe(r => r[7] == "是" && r[10] == "满意" && r[4] == "首次答复" && r[3].StartsWith("海西州"));
        data.Count(r => r[8].StartsWith("A ")).ShouldBeGreaterThan(20);

        // This year's re-handled suggestion has two lines: the first answer and the new one after 不满意.
        var year = Renda.Web.Platform.Calendar.WorkCalendar.Today(app.Clock).Year;
        var current = (await DownloadAsync(staff, $"/api/v1/congresses/632800/suggestions/ledgers/answers.xlsx?year={year}")).Rows.Skip(1).ToList();
        var grass = current.Where(r => r[2] == "关于提高草原管护员补助标准的建议").ToList();
        grass.Select(r => r[4]).ShouldBe(["首次答复", "重新办理（第2轮）"]);
        grass.Select(r => r[10]).ShouldBe(["不满意", "满意"]);
        grass.ShouldAllBe(r => r[7] == "是");
        current.ShouldContain(r => r[7] == "否", "the late answer is marked");
        current.ShouldContain(r => r[10] == "待评价");
        current.ShouldContain(r => r[10].StartsWith("未评价"));
    }

    [Fact]
    public async Task Ledgers_name_deputies_so_only_the_own_congresss_staff_may_export_them()
    {
        foreach (var user in new[] { "qh-staff", "jiaoyuju", "daibiao", "gem-staff" })
        {
            var client = await app.ApiClientAsync(user);
            (await client.GetAsync("/api/v1/congresses/632800/suggestions/ledgers/assignments.xlsx?year=2023")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
            (await client.GetAsync("/api/v1/congresses/632800/suggestions/ledgers/answers.xlsx?year=2023")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
        }
        var council = await app.ApiClientAsync("zhuren");
        (await council.GetAsync("/api/v1/congresses/632800/suggestions/ledgers/answers.xlsx?year=2023")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var scope = app.Db();
        (await scope.Context.AuditRecords.AnyAsync(a => a.EntityType == "SuggestionLedger" && a.Action == "export" && a.ActorName == "zhuren" && a.Changes == "答复台账 2023")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_unit_officer_sees_only_the_units_commitments_and_filters_split_the_ledger()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var officer = await app.ApiClientAsync("jiaoyuju");
        async Task<List<System.Text.Json.JsonElement>> Rows(HttpClient c, string query = "")
            => (await (await c.GetAsync("/api/v1/congresses/632800/suggestions/ledgers/commitments?pageSize=200" + query)).ShouldBeOkJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var all = await Rows(staff);
        var mine = await Rows(officer);
        all.Select(r => r.GetProperty("unit").GetString()).Distinct().Count().ShouldBeGreaterThan(1);
        mine.ShouldNotBeEmpty();
        mine.ShouldAllBe(r => r.GetProperty("unit").GetString() == "海西州教育局");
        mine.Count.ShouldBe(all.Count(r => r.GetProperty("unit").GetString() == "海西州教育局"));
        var open = await Rows(staff, "&status=Open");
        var done = await Rows(staff, "&status=Done");
        var overdue = await Rows(staff, "&status=Overdue");
        (open.Count + done.Count).ShouldBe(all.Count);
        done.ShouldAllBe(r => r.GetProperty("statusLabel").GetString() == "已落实");
        overdue.ShouldAllBe(r => r.GetProperty("overdue").GetBoolean());
        (await Rows(staff, "&year=2023")).ShouldAllBe(r => r.GetProperty("year").GetInt32() == 2023);
        all.ShouldContain(r => r.GetProperty("latestProgress").GetString() != null);

        var sheet = await DownloadAsync(officer, "/api/v1/congresses/632800/suggestions/ledgers/commitments.xlsx");
        sheet.HeaderFrozen.ShouldBeTrue();
        sheet.Rows[0].ShouldBe(Ledgers.CommitmentColumns.Select(c => c.Header));
        sheet.Rows.Count.ShouldBe(mine.Count + 1);
        sheet.Rows.Skip(1).ShouldAllBe(r => r[1] == "海西州教育局");
        var deputy = await app.ApiClientAsync("daibiao");
        (await deputy.GetAsync("/api/v1/congresses/632800/suggestions/ledgers/commitments")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class LedgerTests_Sqlite(SqliteApp app) : LedgerTests(app), IClassFixture<SqliteApp>;
public sealed class LedgerTests_Postgres(PostgresApp app) : LedgerTests(app), IClassFixture<PostgresApp>;
