using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Suggestions;

namespace Renda.Tests.Features.Suggestions;

/// <summary>
/// Registration numbers (2026-001 …) run per congress and year without gaps or repeats: past 999,
/// and when many deputies submit at the same moment (the close of a session).
/// </summary>
public abstract class SuggestionNumberingTests(RendaApp app)
{
    private async Task<string?> NumberAsync(int id)
    {
        await using var scope = app.Db();
        return await scope.Context.Set<Suggestion>().Where(s => s.Id == id).Select(s => s.Number).SingleAsync();
    }

    [Fact]
    public async Task Numbers_go_on_past_999()
    {
        var deputy = await app.ApiClientAsync("daibiao");
        var first = await deputy.SubmitSuggestionAsync(title: "关于德令哈市增设公共充电桩的建议");
        await using (var scope = app.Db())
        {
            var year = await scope.Context.Set<Suggestion>().Where(s => s.Id == first).Select(s => s.Year).SingleAsync();
            (await scope.Context.Set<Suggestion>().Where(s => s.Year == year && s.Id != first).MaxAsync(s => s.Serial) ?? 0).ShouldBeLessThan(999);
            // As if 998 more had arrived this year.
            await scope.Context.Set<Suggestion>().Where(s => s.Id == first)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Serial, 999).SetProperty(s => s.Number, $"{year}-999"));
        }

        var next = await deputy.SubmitSuggestionAsync(title: "关于乌兰县茶卡镇旅游厕所建设的建议");
        var after = await deputy.SubmitSuggestionAsync(title: "关于都兰县热水乡通村公路养护的建议");

        (await NumberAsync(next)).ShouldEndWith("-1000");
        (await NumberAsync(after)).ShouldEndWith("-1001");
    }

    [Fact]
    public async Task Submissions_at_the_same_moment_get_distinct_consecutive_numbers()
    {
        var deputy = await app.ApiClientAsync("daibiao");
        var ids = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            deputy.SubmitSuggestionAsync(title: $"关于闭会前集中提出的第{i + 1}件建议", key: Guid.NewGuid().ToString())));

        await using var scope = app.Db();
        var serials = await scope.Context.Set<Suggestion>().Where(s => ids.Contains(s.Id)).Select(s => s.Serial!.Value).ToListAsync();
        serials.Distinct().Count().ShouldBe(12);
        (serials.Max() - serials.Min()).ShouldBe(11);
        (await scope.Context.Set<Suggestion>().CountAsync(s => ids.Contains(s.Id) && s.Status == SuggestionStatus.Submitted)).ShouldBe(12);
    }
}

public sealed class SuggestionNumberingTests_Sqlite(SqliteApp app) : SuggestionNumberingTests(app), IClassFixture<SqliteApp>;
public sealed class SuggestionNumberingTests_Postgres(PostgresApp app) : SuggestionNumberingTests(app), IClassFixture<PostgresApp>;
