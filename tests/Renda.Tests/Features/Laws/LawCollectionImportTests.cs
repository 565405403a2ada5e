using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Tests.Platform.LegalText;
using Renda.Web.Features.Laws;

namespace Renda.Tests.Features.Laws;

/// <summary>
/// All 1,044 laws of the collection: every file imported, no article lost (the 第N条 lines of each file are its stored
/// articles, or the articles an amendment quotes), every Akoma Ntoso export valid against the schema, over HTTP.
/// </summary>
public abstract class LawCollectionImportTests(RendaApp app)
{
    [Fact]
    public async Task The_whole_collection_is_imported_without_losing_an_article_and_exports_valid_Akoma_Ntoso()
    {
        var report = await app.ImportLawsAsync(SharedData.Laws);

        report.Files.Count.ShouldBe(1044);
        report.Files.Where(f => f.Outcome == LawImportOutcome.Failed).Select(f => f.Describe()).ShouldBeEmpty();
        report.Files.Sum(f => f.KnownFaults.Count).ShouldBe(KnownSourceFaults.Count);

        await using var scope = app.Db();
        var laws = await scope.Context.Set<Law>().AsNoTracking().Select(l => new { l.Id, l.SourcePath, l.ArticleCount }).ToListAsync();
        laws.Count.ShouldBe(1044);
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
        stored.Values.Sum().ShouldBe(report.Articles);

        var again = await app.ImportLawsAsync(SharedData.Laws);
        again.Count(LawImportOutcome.Unchanged).ShouldBe(1044);
    }
}

public sealed class LawCollectionImportTests_Sqlite(SqliteApp app) : LawCollectionImportTests(app), IClassFixture<SqliteApp>;
public sealed class LawCollectionImportTests_Postgres(PostgresApp app) : LawCollectionImportTests(app), IClassFixture<PostgresApp>;
