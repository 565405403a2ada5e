using System.Net;
using System.Net.Http.Headers;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Legislation;
using Renda.Web.Platform.Documents;

namespace Renda.Tests.Features.Legislation;

/// <summary>A bill's text: parsed from pasted text or DOCX, edited as structure, compared between versions, exported as DOCX and Akoma Ntoso.</summary>
public abstract class BillTextTests(RendaApp app)
{
    private async Task<int> VersionCountAsync(int billId)
    {
        await using var scope = app.Db();
        return await scope.Context.Set<BillVersion>().CountAsync(v => v.BillId == billId);
    }

    [Fact]
    public async Task Pasted_text_becomes_a_version_whose_articles_are_renumbered_after_insert_delete_and_move()
    {
        var staff = await app.ApiClientAsync("fagongwei");
        var bill = (await staff.CreateBillAsync()).Id();
        var v = await staff.AddVersionAsync(bill);
        v.Str("label").ShouldBe("草案");
        v.GetProperty("articles").GetInt32().ShouldBe(5);
        var provisions = v.GetProperty("provisions").EnumerateArray().ToList();
        provisions.Select(p => p.Str("label")).ShouldBe(["第一章", "第一条", "第二条", "第二章", "第三条", "第四条", "第五条"]);
        provisions[4].Str("text").ShouldContain("（一）优先使用乡土树种；");
        var id = v.Id();
        var a = await staff.ArticlesAsync(bill, id);

        var inserted = await staff.InsertArticleAsync(bill, id, a[1].NodeId, "城市绿化应当坚持政府主导、社会参与。");
        var after = await staff.ArticlesAsync(bill, id);
        after.Select(x => x.Label).ShouldBe(["第一条", "第二条", "第三条", "第四条", "第五条", "第六条"]);
        after[2].NodeId.ShouldBe(inserted);
        after[3].NodeId.ShouldBe(a[2].NodeId, "the old 第三条 is 第四条 now and keeps its id");

        await staff.DeleteNodeAsync(bill, id, a[0].NodeId).DoneAsync();
        await staff.MoveAsync(bill, id, a[4].NodeId, a[1].NodeId).DoneAsync(); // 施行 article moved after 第二条 (into chapter one)
        var final = await staff.ArticlesAsync(bill, id);
        final.Select(x => x.NodeId).ShouldBe([a[1].NodeId, a[4].NodeId, inserted, a[2].NodeId, a[3].NodeId]);
        final.Select(x => x.Label).ShouldBe(["第一条", "第二条", "第三条", "第四条", "第五条"]);

        await staff.RewordAsync(bill, id, a[3].NodeId, "任何单位和个人不得擅自占用或者改变城市绿地用途。").DoneAsync();
        (await staff.ArticlesAsync(bill, id)).Single(x => x.NodeId == a[3].NodeId).Text.ShouldBe("任何单位和个人不得擅自占用或者改变城市绿地用途。");
        var text = await (await staff.GetAsync($"/api/v1/bills/{bill}/versions/{id}/text")).Content.ReadAsStringAsync();
        text.ShouldContain("第五条 任何单位和个人不得擅自占用或者改变城市绿地用途。");
    }

    [Fact]
    public async Task A_derived_version_keeps_the_node_ids_and_a_version_used_by_a_reading_is_frozen()
    {
        var staff = await app.ApiClientAsync("fagongwei");
        var bill = (await staff.CreateBillAsync("海西蒙古族藏族自治州城市绿化条例（冻结）")).Id();
        var v1 = (await staff.AddVersionAsync(bill)).Id();
        var meeting = await staff.MeetingInSessionAsync();
        await staff.ScheduleReadingAsync(bill, meeting, v1);
        var a = await staff.ArticlesAsync(bill, v1);
        await staff.RewordAsync(bill, v1, a[0].NodeId, "改一改").ShouldBeRefusedAsync(HttpStatusCode.Conflict, containing: "不能再修改");
        var v2 = await staff.DeriveAsync(bill, v1, "修改稿");
        v2.GetProperty("derivedFromId").GetInt32().ShouldBe(v1);
        (await staff.ArticlesAsync(bill, v2.Id())).Select(x => x.NodeId).ShouldBe(a.Select(x => x.NodeId));
        await staff.RewordAsync(bill, v2.Id(), a[0].NodeId, "为了促进城市绿化事业发展，改善人居环境，制定本条例。").DoneAsync();
        (await staff.ArticlesAsync(bill, v1))[0].Text.ShouldBe(a[0].Text, "the frozen version is unchanged");
    }

    [Fact]
    public async Task Text_without_articles_or_with_duplicate_or_skipped_numbers_is_refused_with_its_place_and_nothing_is_written()
    {
        var staff = await app.ApiClientAsync("fagongwei");
        var bill = (await staff.CreateBillAsync("海西蒙古族藏族自治州城市绿化条例（错误）")).Id();
        await staff.TryAddVersionAsync(bill, "海西州城市绿化条例\n为了促进城市绿化，制定本条例。\n本条例自公布之日起施行。").ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "text");
        await staff.TryAddVersionAsync(bill, "海西州城市绿化条例\n第一条 目的。\n第二条 范围。\n第二条 又是第二条。").ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "text", "第4行");
        await staff.TryAddVersionAsync(bill, "海西州城市绿化条例\n第一条 目的。\n第二条 范围。\n第四条 跳过了第三条。").ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "text", "第4行");
        (await VersionCountAsync(bill)).ShouldBe(0);
    }

    [Fact]
    public async Task An_uploaded_docx_becomes_a_version_and_a_file_that_is_not_docx_is_refused()
    {
        var staff = await app.ApiClientAsync("fagongwei");
        var bill = (await staff.CreateBillAsync("海西蒙古族藏族自治州城市绿化条例（上传）")).Id();
        var word = new WordDocument();
        foreach (var line in LegislationSteps.Draft.Split('\n')) word.Paragraph(line.Trim());
        var bytes = word.ToBytes();
        var ok = await staff.PostAsync($"/api/v1/bills/{bill}/versions/docx", Upload(bytes, "草案.docx"));
        var created = await ok.ShouldBeOkJsonAsync(HttpStatusCode.Created);
        created.GetProperty("articles").GetInt32().ShouldBe(5);
        // The document itself is kept with the version, byte for byte, for whoever may read the bill.
        var sources = await staff.GetJsonAsync($"/api/v1/attachments?ownerType=BillVersion&ownerId={created.Id()}");
        var source = sources.EnumerateArray().Single();
        source.Str("fileName").ShouldBe("草案.docx");
        (await (await staff.GetAsync($"/api/v1/attachments/{source.Id()}")).Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        var member = await app.ApiClientAsync("weiyuan");
        (await member.GetAsync($"/api/v1/attachments/{source.Id()}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await app.ApiClientAsync("jiaoyuju")).GetAsync($"/api/v1/attachments/{source.Id()}")).StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);

        var notDocx = await staff.PostAsync($"/api/v1/bills/{bill}/versions/docx", Upload("第一条 这是纯文本。"u8.ToArray(), "草案.docx"));
        (await notDocx.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("file").ShouldNotBeEmpty();
        (await VersionCountAsync(bill)).ShouldBe(1);
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(WordDocument.ContentType);
        return new MultipartFormDataContent { { file, "file", name } };
    }

    [Fact]
    public async Task The_comparison_aligns_renumbered_inserted_deleted_moved_and_changed_articles_with_character_spans_and_reasons()
    {
        var staff = await app.ApiClientAsync("fagongwei");
        var bill = (await staff.CreateBillAsync("海西蒙古族藏族自治州城市绿化条例（对照）")).Id();
        var v1 = (await staff.AddVersionAsync(bill)).Id();
        var a = await staff.ArticlesAsync(bill, v1);
        var v2 = (await staff.DeriveAsync(bill, v1)).Id();
        var inserted = await staff.InsertArticleAsync(bill, v2, null, "城市绿化应当坚持政府主导、社会参与。");
        await staff.DeleteNodeAsync(bill, v2, a[1].NodeId).DoneAsync();
        await staff.MoveAsync(bill, v2, a[3].NodeId, a[4].NodeId).DoneAsync();
        await staff.RewordAsync(bill, v2, a[0].NodeId, "为了促进城市绿化事业发展，改善人居环境，制定本条例。").DoneAsync();

        var rows = (await staff.CompareAsync(bill, v1, v2)).GetProperty("rows").EnumerateArray().ToList();
        var byKey = rows.ToDictionary(r => r.Str("key"));
        byKey[inserted].Str("kind").ShouldBe("Inserted");
        byKey[inserted].GetProperty("oldNumber").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        byKey[a[1].NodeId].Str("kind").ShouldBe("Deleted");
        byKey[a[2].NodeId].Str("kind").ShouldBe("Unchanged");
        byKey[a[2].NodeId].GetProperty("oldNumber").GetInt32().ShouldBe(3);
        byKey[a[2].NodeId].GetProperty("newNumber").GetInt32().ShouldBe(3);
        new[] { byKey[a[3].NodeId].Str("kind"), byKey[a[4].NodeId].Str("kind") }.ShouldContain("Moved");
        var changed = byKey[a[0].NodeId];
        changed.Str("kind").ShouldBe("Changed");
        changed.Str("newLabel").ShouldBe("第二条");
        var span = changed.GetProperty("newSpans").EnumerateArray().Single();
        changed.Str("newText").Substring(span.GetProperty("start").GetInt32(), span.GetProperty("length").GetInt32()).ShouldBe("人居");
        changed.GetProperty("oldSpans").EnumerateArray().Single().GetProperty("length").GetInt32().ShouldBe(2); // 生态

        await staff.PutJsonAsync($"/api/v1/bills/{bill}/versions/{v1}/compare/{v2}/reasons", new { rowKey = a[0].NodeId, reason = "突出以人民为中心。" }).DoneAsync();
        (await staff.CompareAsync(bill, v1, v2)).GetProperty("rows").EnumerateArray().Single(r => r.Str("key") == a[0].NodeId).Str("reason").ShouldBe("突出以人民为中心。");

        // Versions that do not descend from one another are aligned by text similarity.
        var pasted = (await staff.AddVersionAsync(bill, LegislationSteps.Draft.Replace("改善生态环境", "改善城乡生态环境", StringComparison.Ordinal))).Id();
        var similar = (await staff.CompareAsync(bill, v1, pasted)).GetProperty("rows").EnumerateArray().ToList();
        similar.Count(r => r.Str("kind") == "Unchanged" && !r.GetProperty("division").GetBoolean()).ShouldBe(4);
        similar.Where(r => r.GetProperty("division").GetBoolean()).ShouldAllBe(r => r.Str("kind") == "Unchanged", "the chapter headings are compared too, and kept");
        similar.Single(r => r.Str("kind") == "Changed").GetProperty("similarity").GetDouble().ShouldBeGreaterThan(0.5);

        var docx = await staff.GetAsync($"/api/v1/bills/{bill}/versions/{v1}/compare/{v2}/docx");
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var body = word.MainDocumentPart!.Document.Body!;
        body.Descendants<PageSize>().Single().Orient!.Value.ShouldBe(PageOrientationValues.Landscape);
        var header = body.Descendants<Table>().Single().Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText).ToList();
        header.ShouldBe(["原条文", "修改后条文", "说明"]);
        body.Descendants<Table>().Single().InnerText.ShouldContain("突出以人民为中心。");
        // As on the screen: what the new version adds is underlined, what it drops is struck through (a deleted article whole).
        var underlined = body.Descendants<Run>().Where(r => r.RunProperties?.Underline?.Val?.Value == UnderlineValues.Single).Select(r => r.InnerText).ToList();
        var struck = body.Descendants<Run>().Where(r => r.RunProperties?.Strike is not null).Select(r => r.InnerText).ToList();
        underlined.ShouldContain("人居");
        struck.ShouldContain("生态");
        underlined.ShouldContain("城市绿化应当坚持政府主导、社会参与。");
        struck.ShouldContain(byKey[a[1].NodeId].Str("oldText"));
        underlined.ShouldNotContain("生态");
        struck.ShouldNotContain("人居");
        var cells = body.Descendants<Table>().Single().Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().ToList()).ToList();
        cells.SelectMany(c => c[0].Descendants<Run>()).ShouldAllBe(r => r.RunProperties == null || r.RunProperties.Underline == null, "the old column has no additions");
        cells.SelectMany(c => c[1].Descendants<Run>()).ShouldAllBe(r => r.RunProperties == null || r.RunProperties.Strike == null, "the new column has no deletions");
    }

    [Fact]
    public async Task A_version_exports_as_akoma_ntoso_that_validates_against_the_schema()
    {
        var staff = await app.ApiClientAsync("fagongwei");
        var bill = (await staff.CreateBillAsync("海西蒙古族藏族自治州城市绿化条例（AKN）")).Id();
        var v = (await staff.AddVersionAsync(bill)).Id();
        var response = await staff.GetAsync($"/api/v1/bills/{bill}/versions/{v}/akn");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var xml = await response.Content.ReadAsStringAsync();
        var doc = XDocument.Parse(xml);
        var schemas = new XmlSchemaSet();
        var folder = SchemaFolder();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore };
        schemas.Add("http://www.w3.org/XML/1998/namespace", XmlReader.Create(Path.Combine(folder, "xml.xsd"), settings));
        schemas.Add(null, XmlReader.Create(Path.Combine(folder, "akomantoso30.xsd"), settings));
        schemas.Compile();
        var errors = new List<string>();
        doc.Validate(schemas, (_, e) => errors.Add(e.Message));
        errors.ShouldBeEmpty();
        XNamespace akn = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
        doc.Descendants(akn + "article").Count().ShouldBe(5);
        doc.Descendants(akn + "docTitle").Single().Value.ShouldContain("城市绿化条例");
    }

    private static string SchemaFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "schemas");
            if (File.Exists(Path.Combine(candidate, "akomantoso30.xsd"))) return candidate;
        }
        return "/work/shared/data/schemas";
    }
}

public sealed class BillTextTests_Sqlite(SqliteApp app) : BillTextTests(app), IClassFixture<SqliteApp>;
public sealed class BillTextTests_Postgres(PostgresApp app) : BillTextTests(app), IClassFixture<PostgresApp>;
