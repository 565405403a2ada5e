using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Tests.Platform.LegalText;
using Renda.Web.Features.Laws;

namespace Renda.Tests.Features.Laws;

/// <summary>
/// Real local regulations in the collection's Markdown, with the layout of their publisher: a table of contents before
/// the body, a 第一章 heading left out, chapter or section numbers that skip. They are imported as printed with a
/// warning on the law (shown to staff on its page and through the API, and in `renda import-laws`' report); only what
/// cannot be read is refused: no title, no text, two articles with one number.
/// </summary>
public abstract class LawsAsPublishedTests(RendaApp app)
{
    private const string Contents = "地方性法规/某某市物业管理条例(2021-06-01).md";
    private const string NoFirstChapter = "地方性法规/某某市养犬管理条例(2019-03-28).md";
    private const string SkippedChapter = "地方性法规/某某市河道管理条例(2020-07-30).md";
    private const string SecondSection = "地方性法规/某某市电梯安全条例(2022-09-29).md";
    private const string NoTitle = "地方性法规/无标题条例.md";
    private const string NoArticles = "地方性法规/无条文条例.md";
    private const string DuplicateArticle = "地方性法规/重复条文条例.md";

    private static string Markdown(string title, string body) =>
        LawSteps.Markdown(title, "2021年6月1日 某某市第十六届人民代表大会常务委员会第三十次会议通过", body);

    private static LawSteps.LawFolder Folder() => new LawSteps.LawFolder()
        // The chapters listed before the body, then the body starting again at 第一章.
        .With(Contents, Markdown("某某市物业管理条例", """
            ## 第一章　总　则

            ## 第二章　业主和业主大会

            ## 第三章　物业服务

            ## 第四章　附　则

            ## 第一章　总　则

            第一条 为了规范物业管理活动，维护业主和物业服务人的合法权益，制定本条例。

            第二条 本条例适用于本市行政区域内的物业管理活动。

            ## 第二章　业主和业主大会

            第三条 业主大会由物业管理区域内全体业主组成。

            ## 第三章　物业服务

            第四条 物业服务人应当按照物业服务合同的约定提供服务。

            ## 第四章　附　则

            第五条 本条例自2021年9月1日起施行。
            """))
        // Articles before the first heading, which is 第二章: the source left out 第一章.
        .With(NoFirstChapter, Markdown("某某市养犬管理条例", """
            第一条 为了规范养犬行为，保障公民健康和人身安全，制定本条例。

            第二条 本市行政区域内养犬及其相关管理活动，适用本条例。

            ## 第二章　养犬登记

            第三条 本市实行养犬登记制度。

            ## 第三章　附　则

            第四条 本条例自2019年5月1日起施行。
            """))
        .With(SkippedChapter, Markdown("某某市河道管理条例", """
            ## 第一章　总　则

            第一条 为了加强河道管理，保障防洪安全，制定本条例。

            ## 第二章　河道整治

            第二条 河道整治应当符合防洪规划。

            ## 第四章　附　则

            第三条 本条例自2020年10月1日起施行。
            """))
        .With(SecondSection, Markdown("某某市电梯安全条例", """
            ## 第一章　总　则

            第一条 为了加强电梯安全管理，制定本条例。

            ## 第二章　使用管理

            ### 第二节　维护保养

            第二条 电梯维护保养单位应当每十五日进行一次清洁、润滑、调整和检查。

            ### 第三节　应急处置

            第三条 电梯发生困人故障的，维护保养单位应当在三十分钟内到达现场。
            """))
        .With(NoTitle, "2021年6月1日 通过\n\n<!-- INFO END -->\n\n第一条 甲。\n")
        .With(NoArticles, "# 无条文条例\n\n<!-- INFO END -->\n\n")
        .With(DuplicateArticle, Markdown("重复条文条例", "第一条 甲。\n\n第二条 乙。\n\n第二条 丙。"));

    [Fact]
    public async Task Regulations_with_their_publishers_layout_are_imported_with_warnings_and_only_unreadable_files_are_refused()
    {
        var folder = Folder();

        var (exit, stdout, stderr) = await app.RunImportLawsAsync(folder.Dir);

        exit.ShouldBe(1, stdout + stderr);
        stdout.ShouldContain("7 个文件：导入 1，导入但有警告 3，拒绝 3");
        // Each warning and each refusal on a line of its own, with its file and line.
        stdout.Split('\n').Where(l => l.StartsWith("警告 ", StringComparison.Ordinal)).Select(l => l.Trim()).ShouldBe([
            $"警告 {NoFirstChapter}：第11行“第二章　养犬登记”：序号不连续：第一个章是第二章",
            $"警告 {SecondSection}：第13行“第二节　维护保养”：序号不连续：第一个节是第二节",
            $"警告 {SkippedChapter}：第15行“第四章　附　则”：序号不连续：第二章之后是第四章",
        ], ignoreOrder: true);
        var refused = stderr.Split('\n').Where(l => l.StartsWith("拒绝 ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        refused.ShouldBe([
            $"拒绝 {DuplicateArticle}：第11行“第二条 丙。”：条文序号重复：第二条（第9行已有第二条）",
            $"拒绝 {NoArticles}：第5行“”：没有正文：文本中没有任何条文",
            $"拒绝 {NoTitle}：第1行“2021年6月1日 通过”：没有标题：文件中没有“# 标题”一行",
        ], ignoreOrder: true);

        await using var scope = app.Db();
        var laws = await scope.Context.Set<Law>().AsNoTracking().Where(l => l.SourcePath.StartsWith("地方性法规/"))
            .ToDictionaryAsync(l => l.SourcePath, l => l);
        laws.Keys.Order().ShouldBe(new[] { Contents, NoFirstChapter, SkippedChapter, SecondSection }.Order());
        laws[Contents].ImportWarnings.ShouldBe("");
        laws[SkippedChapter].ImportWarnings.ShouldBe("第15行“第四章　附　则”：序号不连续：第二章之后是第四章");

        // Numbering kept as printed: the contents are not chapters, 第一章 is not invented, 第三章 is not filled in.
        var anonymous = app.Anonymous();
        var contents = await anonymous.LawAsync(laws[Contents].Id);
        contents.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("path").GetString())
            .ShouldBe(["第一章 总　则", "第一章 总　则", "第二章 业主和业主大会", "第三章 物业服务", "第四章 附　则"]);
        var skipped = await anonymous.LawAsync(laws[SkippedChapter].Id);
        skipped.GetProperty("articles").EnumerateArray().Last().GetProperty("path").GetString().ShouldBe("第四章 附　则");
        var noFirst = await anonymous.LawAsync(laws[NoFirstChapter].Id);
        noFirst.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("path").GetString()).ShouldBe(["", "", "第二章 养犬登记", "第三章 附　则"]);
        var sections = await anonymous.LawAsync(laws[SecondSection].Id);
        sections.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("path").GetString())
            .ShouldBe(["第一章 总　则", "第二章 使用管理 第二节 维护保养", "第二章 使用管理 第三节 应急处置"]);

        // The Akoma Ntoso of each is valid, with the numbers as printed.
        foreach (var law in laws.Values)
            AknSchema.Validate(await anonymous.GetStringAsync($"/api/v1/laws/{law.Id}/akn")).ShouldBeEmpty(law.SourcePath);
        (await anonymous.GetStringAsync($"/api/v1/laws/{laws[SkippedChapter].Id}/akn")).ShouldContain("eId=\"chp_4\"");
    }

    [Fact]
    public async Task Staff_see_a_laws_import_warnings_on_its_page_and_through_the_API_the_public_does_not()
    {
        var folder = Folder();
        (await app.ImportLawsAsync(folder.Dir)).ImportedWithWarnings.ShouldBe(3);
        var id = await app.LawIdAsync(NoFirstChapter);
        const string warning = "第11行“第二章　养犬登记”：序号不连续：第一个章是第二章";

        var staffApi = await app.ApiClientAsync("fagongwei");
        var detail = await staffApi.LawAsync(id);
        detail.GetProperty("importWarnings").EnumerateArray().Select(w => w.GetString()).ShouldBe([warning]);
        (await staffApi.LawAsync(await app.LawIdAsync(Contents))).GetProperty("importWarnings").GetArrayLength().ShouldBe(0);
        var staffPage = await (await app.BrowserClientAsync("fagongwei")).GetAsync($"/laws/{id}");
        var html = await staffPage.Content.ReadAsStringAsync();
        staffPage.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("data-testid=\"law-import-warnings\"");
        html.ShouldContain(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(warning));

        var publicDetail = await app.Anonymous().LawAsync(id);
        (publicDetail.TryGetProperty("importWarnings", out var w) ? w.ValueKind : JsonValueKind.Null).ShouldBe(JsonValueKind.Null);
        var publicPage = await (await app.Anonymous().GetAsync($"/laws/{id}")).Content.ReadAsStringAsync();
        publicPage.ShouldNotContain("law-import-warnings");
        publicPage.ShouldNotContain("序号不连续");
        // A deputy is not staff either.
        var deputy = await (await app.ApiClientAsync("daibiao")).GetAsync($"/api/v1/laws/{id}");
        (await deputy.Content.ReadAsStringAsync()).ShouldNotContain("序号不连续");
        // A law imported before warnings were recorded (migration 0019 leaves them NULL) gets them at the next import,
        // without being rewritten.
        await using (var scope = app.Db())
        {
            var law = await scope.Context.Set<Law>().FirstAsync(l => l.Id == id);
            law.ImportWarnings = null;
            await scope.Context.SaveChangesAsync();
        }
        var again = (await app.ImportLawsAsync(folder.Dir)).Files.Single(f => f.Path == NoFirstChapter);
        again.Outcome.ShouldBe(LawImportOutcome.Unchanged);
        again.Warnings.ShouldBe([warning]);
        (await staffApi.LawAsync(id)).GetProperty("importWarnings").EnumerateArray().Select(x => x.GetString()).ShouldBe([warning]);
    }
}

public sealed class LawsAsPublishedTests_Sqlite(SqliteApp app) : LawsAsPublishedTests(app), IClassFixture<SqliteApp>;
public sealed class LawsAsPublishedTests_Postgres(PostgresApp app) : LawsAsPublishedTests(app), IClassFixture<PostgresApp>;
