using Renda.Web.Platform.Modules;

namespace Renda.Web.Features.Suggestions.Pages.Public;

public sealed record PublicSuggestionItem(int Id, string Congress, string? Number, int Year, string Category, string Title, DateTime PublishedAt);

public sealed record PublicSuggestionView(int Id, string Congress, string? Number, int Year, string Category, string Title, string Content, string? Answer,
    string? AnswerCategory, string? Units, DateOnly? AnsweredOn, DateTime PublishedAt);

/// <summary>
/// The public portal reads only what staff published: the public title, content and answer (already
/// cleared of ID and phone numbers when published) and non-personal facts. Never the deputies, never the working text.
/// </summary>
public static class PublicSuggestions
{
    public static async Task<Page<PublicSuggestionItem>> ListAsync(RendaDbContext db, string? text, int? page, CancellationToken ct)
    {
        var q = db.Set<Suggestion>().AsNoTracking().Where(s => s.Published && s.PublicTitle != null && s.PublicContent != null);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            if (t.Length > 100) throw DomainException.Invalid("q", "检索词不超过 100 字。");
            q = q.Where(s => s.PublicTitle!.Contains(t) || s.PublicContent!.Contains(t) || (s.PublicAnswer != null && s.PublicAnswer.Contains(t)) || (s.Number != null && s.Number.Contains(t)));
        }
        return await q.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id)
            .Select(s => new PublicSuggestionItem(s.Id, db.Congresses.Where(c => c.Id == s.CongressId).Select(c => c.ShortName).First(), s.Number, s.Year, s.Category, s.PublicTitle!, s.PublishedAt!.Value))
            .ToPageAsync(page, 20, ct);
    }

    public static async Task<PublicSuggestionView?> DetailAsync(RendaDbContext db, int id, CancellationToken ct)
    {
        var s = await db.Set<Suggestion>().AsNoTracking().Where(s => s.Id == id && s.Published && s.PublicTitle != null && s.PublicContent != null)
            .Select(s => new
            {
                s.Id, Congress = db.Congresses.Where(c => c.Id == s.CongressId).Select(c => c.ShortName).First(), s.Number, s.Year, s.Category,
                Title = s.PublicTitle!, Content = s.PublicContent!, s.PublicAnswer, s.AnswerCategory, s.AnsweredOn, PublishedAt = s.PublishedAt!.Value, s.CongressId,
            }).FirstOrDefaultAsync(ct);
        if (s is null) return null;
        var units = await db.Set<SuggestionAssignment>().AsNoTracking().Where(a => a.SuggestionId == id && a.Status != AssignmentStatus.Returned)
            .Join(db.HandlingUnits, a => a.HandlingUnitId, h => h.Id, (a, h) => new { a.Role, h.Name }).ToListAsync(ct);
        var settings = await Settings.ForAsync<SuggestionSettings>(db, s.CongressId, ct);
        var category = s.AnswerCategory is null ? null : settings.AnswerCategoryList.Where(c => c.Code == s.AnswerCategory).Select(c => $"{c.Code} 类 · {c.Label}").FirstOrDefault() ?? s.AnswerCategory;
        return new PublicSuggestionView(s.Id, s.Congress, s.Number, s.Year, s.Category, s.Title, s.Content, s.PublicAnswer, category,
            units.Count == 0 ? null : string.Join("、", units.OrderBy(u => u.Role).Select(u => u.Name)), s.AnsweredOn, s.PublishedAt);
    }
}
