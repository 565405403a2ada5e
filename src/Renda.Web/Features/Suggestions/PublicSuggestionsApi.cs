using Microsoft.AspNetCore.Http.HttpResults;

namespace Renda.Web.Features.Suggestions;

public sealed record PublicSuggestionItem(int Id, string? Number, int Year, string Title, string Category, DateOnly? AnsweredOn, DateTime? PublishedAt);
public sealed record PublicSuggestion(int Id, string CongressName, string? Number, int Year, string Title, string Category, string Content, string? Answer, DateOnly? AnsweredOn, DateTime? PublishedAt);

/// <summary>
/// The public portal's API (代表法 第五十一条: contents and answers are published). Only what staff
/// published, in the redacted public text; never deputies' or staff's personal data.
/// </summary>
public static class PublicSuggestionsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var pub = api.MapGroup("/public").AllowAnonymous().WithTags("公开");
        pub.MapGet("/congresses/{code}/suggestions", async (string code, string? q, int? year, int? page, int? pageSize, RendaDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ListAsync(db, code, q, year, page, pageSize, ct)))
            .WithName("Suggestions_ListPublicSuggestions").WithSummary("公开平台：已公开的建议及答复（可按关键词、年度检索）");
        pub.MapGet("/suggestions/{id:int}", async Task<Results<Ok<PublicSuggestion>, ProblemHttpResult>> (int id, RendaDbContext db, CancellationToken ct) =>
                await OneAsync(db, id, ct) is { } s ? TypedResults.Ok(s) : TypedResults.Problem("未找到公开的建议。", statusCode: 404, title: "未找到"))
            .WithName("Suggestions_GetPublicSuggestion").WithSummary("公开平台：一件已公开的建议及其答复");
    }

    public static async Task<Page<PublicSuggestionItem>> ListAsync(RendaDbContext db, string code, string? q, int? year, int? page, int? pageSize, CancellationToken ct)
    {
        var congressId = await db.Congresses.Where(c => c.Code == code).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound($"行政区划代码 {code} 没有对应的人大。");
        var query = db.Set<Suggestion>().AsNoTracking().Where(s => s.CongressId == congressId && s.Published);
        if (year is { } y) query = query.Where(s => s.Year == y);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            if (text.Length > 100) throw DomainException.Invalid("q", "检索词不超过 100 字。");
            query = query.Where(s => s.PublicTitle!.Contains(text) || s.PublicContent!.Contains(text) || (s.PublicAnswer != null && s.PublicAnswer.Contains(text)));
        }
        return await query.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id)
            .Select(s => new PublicSuggestionItem(s.Id, s.Number, s.Year, s.PublicTitle!, s.Category, s.AnsweredOn, s.PublishedAt))
            .ToPageAsync(page, pageSize, ct);
    }

    public static async Task<PublicSuggestion?> OneAsync(RendaDbContext db, int id, CancellationToken ct)
        => await db.Set<Suggestion>().AsNoTracking().Where(s => s.Id == id && s.Published)
            .Join(db.Congresses, s => s.CongressId, c => c.Id, (s, c) => new PublicSuggestion(s.Id, c.ShortName + "人大常委会", s.Number, s.Year, s.PublicTitle!, s.Category,
                s.PublicContent!, s.PublicAnswer, s.AnsweredOn, s.PublishedAt))
            .FirstOrDefaultAsync(ct);
}
