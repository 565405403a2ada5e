using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Tests.Platform.LegalText;
using Renda.Web.Features.Laws;

namespace Renda.Tests.Features.Laws;

/// <summary>
/// All 1,044 laws of the collection: every file imported (none refused; the source's own numbering faults kept as printed
/// and listed as warnings on their laws), no article lost (the 第N条 lines of each file are its stored
/// articles, or the articles an amendment quotes), every Akoma Ntoso export valid against the schema, over HTTP.
/// </summary>
public abstract class LawCollectionImportTests(RendaApp app)
{
    /// <summary>
    /// The numbering faults of the collection itself (LawRefBook/Laws, commit 2f4c5c2), each checked by reading the file: a
    /// chapter heading missing (著作权法 has no "第一章" line before 第二章), an article missing (刑事诉讼法 第一百二十八条),
    /// an abridged text (飞行基本规则 keeps only some articles).
    /// </summary>
    private static readonly string[] ExpectedWarnings =
    [
        "宪法相关法/香港特别行政区维护国家安全法(2020-06-30).md 29 序号不连续：第一个章是第二章",
        "民法商法/著作权法(2020-11-11).md 65 序号不连续：第一个章是第二章",
        "经济法/农业技术推广法(2012-08-31).md 111 序号不连续：第一章之后是第三章",
        "行政法/城市房地产管理法(2019-08-26).md 37 序号不连续：第一个章是第二章",
        "行政法/预备役军官法(2010-08-28).md 349 序号不连续：第九章之后是第十一章",
        "行政法规/企业法人登记管理条例(2019-03-02).md 147 序号不连续：第八章之后是第十章",
        "行政法规/建设工程抗震管理条例(2021-07-19).md 109 序号不连续：第二章之后是第四章",
        "行政法规/烈士褒扬条例(2019-08-01).md 65 序号不连续：第一章之后是第三章",
        "行政法规/烟草专卖法实施条例(2021-11-10).md 163 序号不连续：第六章之后是第八章",
        "行政法规/私募投资基金监督管理条例(2023-07-03).md 347 序号不连续：第五章之后是第七章",
        "行政法规/证券公司监督管理条例(2014-07-29).md 267 序号不连续：第三章之后是第五章",
        "行政法规/飞行基本规则(2007-10-18).md 17 条文序号不连续：第一条之后是第十一条",
        "行政法规/飞行基本规则(2007-10-18).md 21 条文序号不连续：第十一条之后是第二十八条",
        "行政法规/飞行基本规则(2007-10-18).md 25 条文序号不连续：第二十八条之后是第四十三条",
        "行政法规/飞行基本规则(2007-10-18).md 29 条文序号不连续：第四十三条之后是第六十四条",
        "行政法规/飞行基本规则(2007-10-18).md 33 条文序号不连续：第六十四条之后是第七十九条",
        "行政法规/飞行基本规则(2007-10-18).md 37 条文序号不连续：第七十九条之后是第八十九条",
        "行政法规/飞行基本规则(2007-10-18).md 41 条文序号不连续：第八十九条之后是第九十八条",
        "行政法规/飞行基本规则(2007-10-18).md 45 条文序号不连续：第九十八条之后是第一百零四条",
        "行政法规/飞行基本规则(2007-10-18).md 49 条文序号不连续：第一百零四条之后是第一百一十二条",
        "行政法规/飞行基本规则(2007-10-18).md 53 条文序号不连续：第一百一十二条之后是第一百一十六条",
        "行政法规/飞行基本规则(2007-10-18).md 57 条文序号不连续：第一百一十六条之后是第一百二十一条",
        "诉讼与非诉讼程序法/刑事诉讼法(2018-10-26).md 641 条文序号不连续：第一百二十七条之后是第一百二十九条",
    ];

    [Fact]
    public async Task The_whole_collection_is_imported_without_losing_an_article_and_exports_valid_Akoma_Ntoso()
    {
        var report = await app.ImportLawsAsync(SharedData.Laws);

        report.Files.Count.ShouldBe(1044);
        report.Files.Where(f => f.Refused).Select(f => f.Describe()).ShouldBeEmpty();
        report.Refused.ShouldBe(0);
        // Every warning listed, with its file and line ("第65行“第二章 …”：序号不连续：…").
        var warnings = report.Files.SelectMany(f => f.Warnings.Select(w => (f.Path, Warning: w))).ToList();
        warnings.Select(w => $"{w.Path} {Line(w.Warning)} {w.Warning[(w.Warning.IndexOf("”：", StringComparison.Ordinal) + 2)..]}").Order(StringComparer.Ordinal)
            .ShouldBe(ExpectedWarnings.Order(StringComparer.Ordinal));
        report.ImportedWithWarnings.ShouldBe(ExpectedWarnings.Select(w => w.Split(' ')[0]).Distinct().Count());
        report.Imported.ShouldBe(1044 - report.ImportedWithWarnings);
        report.ToString().ShouldContain($"导入 {1044 - report.ImportedWithWarnings}，导入但有警告 {report.ImportedWithWarnings}，拒绝 0");

        await using var scope = app.Db();
        // The collection's laws; the demo's regulations promulgated in Renda (issue 19) have a bill instead of a file.
        var laws = await scope.Context.Set<Law>().AsNoTracking().Where(l => l.BillId == null).Select(l => new { l.Id, l.SourcePath, l.ArticleCount, l.ImportWarnings }).ToListAsync();
        laws.Count.ShouldBe(1044);
        // Stored on each law as reported, so staff see them on its page.
        laws.ShouldAllBe(l => l.ImportWarnings != null);
        laws.Where(l => l.ImportWarnings != "").SelectMany(l => l.ImportWarnings!.Split('\n').Select(w => $"{l.SourcePath} {w}")).Order(StringComparer.Ordinal)
            .ShouldBe(warnings.Select(w => $"{w.Path} {w.Warning}").Order(StringComparer.Ordinal));
        var stored = await LawIndex.ArticleCountsAsync(scope.Context, default);
        var client = app.Anonymous();
        var lost = new List<string>();
        var invalid = new List<string>();
        foreach (var law in laws)
        {
            var text = await File.ReadAllTextAsync(Path.Combine(SharedData.Laws, law.SourcePath));
            var headings = LegalTextParserTests.ArticleHeading.Count(text);
            var units = await LawIndex.UnitsAsync(scope.Context, law.Id, default);
            var quoted = units.Where(u => u.Kind == LawArticle.ArticleKind).Sum(u => u.Body.Split('\n').Count(l => LegalTextParserTests.ArticleHeading.IsMatch(l)));
            var articles = stored.GetValueOrDefault(law.Id);
            if (articles != law.ArticleCount || articles + quoted != headings) lost.Add($"{law.SourcePath}: {articles} stored + {quoted} quoted, {headings} in the file");
            var akn = await client.GetStringAsync($"/api/v1/laws/{law.Id}/akn");
            var errors = AknSchema.Validate(akn);
            if (errors.Count > 0) invalid.Add($"{law.SourcePath}: {errors[0]}");
        }
        lost.ShouldBeEmpty();
        invalid.ShouldBeEmpty();
        laws.Sum(l => stored.GetValueOrDefault(l.Id)).ShouldBe(report.Articles);

        var again = await app.ImportLawsAsync(SharedData.Laws);
        again.Count(LawImportOutcome.Unchanged).ShouldBe(1044);
        again.ImportedWithWarnings.ShouldBe(report.ImportedWithWarnings);
    }

    private static int Line(string warning) => int.Parse(warning[1..warning.IndexOf('行')], System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class LawCollectionImportTests_Sqlite(SqliteApp app) : LawCollectionImportTests(app), IClassFixture<SqliteApp>;
public sealed class LawCollectionImportTests_Postgres(PostgresApp app) : LawCollectionImportTests(app), IClassFixture<PostgresApp>;
