using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Tests.Platform.Attachments;
using Renda.Web.Platform.People;
using static Renda.Tests.Platform.People.ImportFiles;

namespace Renda.Tests.Platform.People;

/// <summary>Importing the register from CSV and XLSX files: all rows or none, every bad row reported.</summary>
public abstract class DeputyImportTests(RendaApp app)
{
    private const string ImportUrl = "/api/v1/congresses/632800/deputies/import";

    [Fact]
    public async Task A_utf8_csv_adds_deputies_and_a_person_known_at_the_province_keeps_one_record_with_two_mandates()
    {
        var (people, deputies) = await CountsAsync();
        var provincial = await ProvincialOnlyPersonAsync();
        var first = IdNumber(new DateOnly(1971, 4, 5), 101);
        var second = IdNumber(new DateOnly(1988, 12, 31), 102);
        var csv = Csv([
            Row("导入甲", first, birth: "1971-04-05"),
            Row("导入乙", second).With("性别", "女").With("状态", ""), // 出生日期 from the ID number; empty 状态 = 在任
            Row(provincial.Name, provincial.IdNumber!),
        ]);
        using var file = Uploads.Write("代表.csv", Utf8WithBom(csv));

        var result = await (await (await app.ApiClientAsync("daigongwei")).UploadFileAsync(ImportUrl, file.Path, "代表.csv")).ShouldBeOkJsonAsync();

        result.GetProperty("imported").GetInt32().ShouldBe(3);
        (await CountsAsync()).ShouldBe((people + 2, deputies + 3));
        await using var scope = app.Db();
        var b = await scope.Context.Deputies.Include(d => d.Person).Include(d => d.Term).SingleAsync(d => d.Person!.IdNumber == second);
        b.Person!.Name.ShouldBe("导入乙");
        b.Person.Gender.ShouldBe(Gender.Female);
        b.Person.BirthDate.ShouldBe(new DateOnly(1988, 12, 31));
        b.Status.ShouldBe(DeputyStatus.Serving);
        b.Term!.Number.ShouldBe(15);
        b.Delegation.ShouldBe("格尔木市代表团");
        b.DeputyGroup.ShouldBe("第一小组");
        // The names match the delegation the roster already has and create the group the first time (DeputyBodies).
        (await scope.Context.Set<Delegation>().Where(x => x.Id == b.DelegationId).Select(x => x.Name).SingleAsync()).ShouldBe("格尔木市代表团");
        (await scope.Context.Set<Delegation>().CountAsync(x => x.CongressId == b.CongressId && x.Name == "格尔木市代表团")).ShouldBe(1);
        (await scope.Context.Set<DeputyGroup>().Where(x => x.Id == b.DeputyGroupId).Select(x => x.Name).SingleAsync()).ShouldBe("第一小组");
        (await scope.Context.People.CountAsync(p => p.IdNumber == provincial.IdNumber)).ShouldBe(1);
        var mandates = await scope.Context.Deputies.Where(d => d.PersonId == provincial.Id).Select(d => d.Congress!.Code).OrderBy(c => c).ToListAsync();
        mandates.ShouldBe(["630000", "632800"]);
    }

    [Fact]
    public async Task An_xlsx_from_excel_is_read_with_shared_strings_inline_strings_and_date_serials()
    {
        var (people, deputies) = await CountsAsync();
        var a = IdNumber(new DateOnly(1979, 2, 28), 201);
        var b = IdNumber(new DateOnly(1992, 7, 1), 202);
        using var file = Uploads.Write("名册.xlsx", Xlsx([("卓玛", a, new DateOnly(1979, 2, 28), "13912345678"), ("其木格", b, new DateOnly(1992, 7, 1), "15000000001")]));

        var result = await (await (await app.ApiClientAsync("daigongwei")).UploadFileAsync(ImportUrl, file.Path, "名册.xlsx")).ShouldBeOkJsonAsync();

        result.GetProperty("imported").GetInt32().ShouldBe(2);
        (await CountsAsync()).ShouldBe((people + 2, deputies + 2));
        await using var scope = app.Db();
        var person = await scope.Context.People.SingleAsync(p => p.IdNumber == a);
        person.Name.ShouldBe("卓玛");
        person.Gender.ShouldBe(Gender.Female);
        person.Ethnicity.ShouldBe("藏族");
        person.BirthDate.ShouldBe(new DateOnly(1979, 2, 28));
        person.Phone.ShouldBe("13912345678");
        person.Occupation.ShouldBe("牧民");
        (await scope.Context.Deputies.SingleAsync(d => d.PersonId == person.Id)).Delegation.ShouldBe("天峻县代表团");
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_refused_whole_with_every_bad_row_named_and_nothing_written()
    {
        var (people, deputies) = await CountsAsync();
        string existing;
        await using (var scope = app.Db())
            existing = await scope.Context.Deputies.Where(d => d.Congress!.Code == "632800").Select(d => d.Person!.IdNumber!).FirstAsync();
        string existingName;
        await using (var scope = app.Db())
            existingName = await scope.Context.People.Where(p => p.IdNumber == existing).Select(p => p.Name).FirstAsync();
        var good = IdNumber(new DateOnly(1980, 1, 1), 301);
        var badCheck = IdNumber(new DateOnly(1980, 1, 2), 302);
        badCheck = badCheck[..17] + (badCheck[17] == '0' ? '1' : '0');
        var csv = Csv([
            Row("正确行", good),                                                                       // row 2
            Row("校验位错", badCheck),                                                                  // row 3
            Row("日期不存在", IdNumber(new DateOnly(1980, 1, 3), 303), birth: "2023-02-30"),            // row 4
            Row("性别错", IdNumber(new DateOnly(1980, 1, 4), 304)).With("性别", "未知"),               // row 5
            Row("手机错", IdNumber(new DateOnly(1980, 1, 5), 305), phone: "12345"),                     // row 6
            Row("重复", good),                                                                         // row 7
            Row("届次错", IdNumber(new DateOnly(1980, 1, 7), 307)).With("届次", "99"),                 // row 8
            Row("职业过长", IdNumber(new DateOnly(1980, 1, 8), 308), occupation: new string('职', 201)), // row 9
            Row(existingName, existing),                                                              // row 10
            Row("未来出生", IdNumber(new DateOnly(1980, 1, 10), 310), birth: "2030-01-01"),             // row 11
            Row("生日不符", IdNumber(new DateOnly(1980, 1, 11), 311), birth: "1980-01-12"),             // row 12
            Row("", IdNumber(new DateOnly(1980, 1, 12), 312)),                                        // row 13
            Row("状态错", IdNumber(new DateOnly(1980, 1, 13), 313)).With("状态", "退休"),             // row 14
        ]);
        using var file = Uploads.Write("bad.csv", Utf8WithBom(csv));

        var problem = await (await (await app.ApiClientAsync("daigongwei")).UploadFileAsync(ImportUrl, file.Path, "bad.csv")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var keys = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        keys.ShouldBe([
            "row 3: 身份证号", "row 4: 出生日期", "row 5: 性别", "row 6: 手机号", "row 7: 身份证号", "row 8: 届次", "row 9: 职业",
            "row 10: 身份证号", "row 11: 出生日期", "row 12: 出生日期", "row 13: 姓名", "row 14: 状态",
        ], ignoreOrder: true);
        problem.FieldErrors("row 3: 身份证号")[0].ShouldContain("校验位");
        problem.FieldErrors("row 7: 身份证号")[0].ShouldContain("第 2 行");
        problem.FieldErrors("row 10: 身份证号")[0].ShouldContain("已是本级人大第 15 届代表");
        problem.FieldErrors("row 8: 届次")[0].ShouldContain("没有第 99 届");
        // Personal values are shown masked, never in full.
        var body = problem.GetRawText();
        body.ShouldNotContain(badCheck);
        body.ShouldNotContain(existing);
        body.ShouldContain(PersonalData.MaskIdNumber(badCheck)!);
        problem.GetProperty("rowErrors").EnumerateArray().Select(e => e.GetProperty("row").GetInt32()).Distinct().Count().ShouldBe(12);
        (await CountsAsync()).ShouldBe((people, deputies));
    }

    [Fact]
    public async Task A_gb18030_csv_saved_by_chinese_excel_is_read_correctly()
    {
        var (people, _) = await CountsAsync();
        var id = IdNumber(new DateOnly(1966, 6, 6), 401);
        using var file = Uploads.Write("gbk.csv", Gb18030(Csv([Row("欧阳蕙兰", id).With("民族", "撒拉族").With("代表团", "德令哈市代表团")])));

        (await (await (await app.ApiClientAsync("daigongwei")).UploadFileAsync(ImportUrl, file.Path, "gbk.csv")).ShouldBeOkJsonAsync()).GetProperty("imported").GetInt32().ShouldBe(1);

        await using var scope = app.Db();
        var person = await scope.Context.People.SingleAsync(p => p.IdNumber == id);
        person.Name.ShouldBe("欧阳蕙兰");
        person.Ethnicity.ShouldBe("撒拉族");
        (await CountsAsync()).People.ShouldBe(people + 1);
    }

    [Fact]
    public async Task A_png_renamed_csv_an_empty_file_missing_columns_and_an_oversized_file_are_refused()
    {
        var (people, deputies) = await CountsAsync();
        var client = await app.ApiClientAsync("daigongwei");

        using var png = Uploads.Write("名册.csv", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
        (await (await client.UploadFileAsync(ImportUrl, png.Path, "名册.csv")).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("file")[0].ShouldContain("不是 CSV 或 XLSX");

        using var empty = Uploads.Write("empty.csv", []);
        (await (await client.UploadFileAsync(ImportUrl, empty.Path, "empty.csv")).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("file")[0].ShouldContain("文件为空");

        using var columns = Uploads.Write("cols.csv", Utf8WithBom(Csv([["张三", "男"]], header: ["姓名", "性别(男/女)"])));
        var missing = (await (await client.UploadFileAsync(ImportUrl, columns.Path, "cols.csv")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("file")[0];
        missing.ShouldContain("民族");
        missing.ShouldContain("身份证号");
        missing.ShouldContain("届次");
        missing.ShouldNotContain("性别");

        using var large = new TempFile("large.csv");
        await using (var f = File.Create(large.Path))
        {
            await f.WriteAsync(Utf8WithBom(Csv([])));
            f.SetLength(DeputyImport.MaxBytes + 1);
        }
        await (await client.UploadFileAsync(ImportUrl, large.Path, "large.csv")).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        (await CountsAsync()).ShouldBe((people, deputies));
    }

    [Fact]
    public async Task Only_committee_staff_of_the_congress_may_import()
    {
        using var file = Uploads.Write("a.csv", Utf8WithBom(Csv([Row("无权", IdNumber(new DateOnly(1970, 1, 1), 501))])));
        (await (await app.ApiClientAsync("zhuren")).UploadFileAsync(ImportUrl, file.Path, "a.csv")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.ApiClientAsync("qh-staff")).UploadFileAsync(ImportUrl, file.Path, "a.csv")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var scope = app.Db();
        (await scope.Context.People.AnyAsync(p => p.Name == "无权")).ShouldBeFalse();
    }

    [Fact]
    public async Task Script_text_in_an_imported_occupation_is_shown_as_text_on_the_pages()
    {
        var id = IdNumber(new DateOnly(1985, 5, 5), 601);
        const string script = "<script>alert(1)</script>";
        using var file = Uploads.Write("xss.csv", Utf8WithBom(Csv([Row("脚本测试", id, occupation: script)])));
        await (await (await app.ApiClientAsync("daigongwei")).UploadFileAsync(ImportUrl, file.Path, "xss.csv")).ShouldBeOkJsonAsync();
        int deputyId;
        await using (var scope = app.Db())
            deputyId = await scope.Context.Deputies.Where(d => d.Person!.IdNumber == id).Select(d => d.Id).SingleAsync();

        var browser = await app.BrowserClientAsync("daigongwei");
        foreach (var url in new[] { $"/deputies/{deputyId}", "/deputies?q=" + Uri.EscapeDataString("脚本测试") })
        {
            var html = await (await browser.GetAsync(url)).Content.ReadAsStringAsync();
            html.ShouldNotContain(script);
            html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
            var document = await new HtmlParser().ParseDocumentAsync(html);
            document.QuerySelector("[data-testid=occupation]")!.TextContent.Trim().ShouldBe(script);
            document.QuerySelectorAll("script").ShouldAllBe(s => s.HasAttribute("src"));
        }
    }

    [Fact]
    public async Task The_import_page_documents_the_columns_and_reports_success_or_each_bad_row()
    {
        var browser = await app.BrowserClientAsync("daigongwei");
        var page = await new HtmlParser().ParseDocumentAsync(await (await browser.GetAsync("/deputies/import")).Content.ReadAsStringAsync());
        page.QuerySelectorAll("[data-testid=columns] tbody tr").Select(r => r.Children[0].TextContent).ShouldBe(ImportFiles.Header);

        // The CSV template, filled in, imports.
        var template = await browser.GetAsync(page.QuerySelector("[data-testid=template-csv]")!.GetAttribute("href"));
        var templateText = await template.Content.ReadAsStringAsync();
        templateText.TrimEnd().ShouldBe(string.Join(",", ImportFiles.Header));
        var id = IdNumber(new DateOnly(1990, 3, 3), 701);
        using var good = Uploads.Write("filled.csv", Utf8WithBom(templateText + string.Join(",", Row("模板填写", id)) + "\r\n"));
        var ok = await browser.PostFileFormAsync("/deputies/import", "/deputies/import", good.Path, "filled.csv");
        var okPage = await new HtmlParser().ParseDocumentAsync(await ok.Content.ReadAsStringAsync());
        okPage.QuerySelector("[data-testid=imported-count]")!.TextContent.ShouldBe("1");

        // The same file again: the person already holds the mandate; the page lists the row with the ID masked.
        var again = await browser.PostFileFormAsync("/deputies/import", "/deputies/import", good.Path, "filled.csv");
        var againHtml = await again.Content.ReadAsStringAsync();
        var againPage = await new HtmlParser().ParseDocumentAsync(againHtml);
        againPage.QuerySelector("[data-testid=import-failed]")!.TextContent.ShouldContain("未导入任何数据");
        var error = againPage.QuerySelectorAll("[data-testid=row-error]").ShouldHaveSingleItem();
        error.Children[0].TextContent.ShouldBe("2");
        error.Children[1].TextContent.ShouldBe("身份证号");
        error.Children[2].TextContent.ShouldBe(PersonalData.MaskIdNumber(id));
        againHtml.ShouldNotContain(id);

        // The XLSX template is a workbook with the same header (and no data rows yet).
        var xlsx = await (await browser.GetAsync(page.QuerySelector("[data-testid=template-xlsx]")!.GetAttribute("href"))).Content.ReadAsByteArrayAsync();
        using (var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
            sheet.Descendants<Cell>().Select(c => c.InnerText).ShouldBe(ImportFiles.Header);
        }
        using var emptyTemplate = Uploads.Write("template.xlsx", xlsx);
        var empty = await (await (await app.ApiClientAsync("daigongwei")).UploadFileAsync(ImportUrl, emptyTemplate.Path, "template.xlsx")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        empty.FieldErrors("file")[0].ShouldContain("没有数据行");
    }

    private async Task<(int People, int Deputies)> CountsAsync()
    {
        await using var scope = app.Db();
        return (await scope.Context.People.CountAsync(), await scope.Context.Deputies.CountAsync());
    }

    /// <summary>A provincial deputy who is not (yet) a Haixi deputy.</summary>
    private async Task<Person> ProvincialOnlyPersonAsync()
    {
        await using var scope = app.Db();
        var db = scope.Context;
        return await db.Deputies.Where(d => d.Congress!.Code == "630000" && !db.Deputies.Any(h => h.PersonId == d.PersonId && h.Congress!.Code == "632800"))
            .Select(d => d.Person!).AsNoTracking().FirstAsync();
    }
}

public sealed class DeputyImportTests_Sqlite(SqliteApp app) : DeputyImportTests(app), IClassFixture<SqliteApp>;
public sealed class DeputyImportTests_Postgres(PostgresApp app) : DeputyImportTests(app), IClassFixture<PostgresApp>;
