using Renda.Web.Platform.Search;
using Renda.Web.Platform.Modules;

namespace Renda.Web.Features.Suggestions;

public sealed record SimilarSuggestion(int Id, string? Number, int Year, string Title, string StatusLabel, double Score, string? AnswerCategory, string? Answer,
    string HighlightedQuery, string HighlightedText);

public sealed record UnitRecommendation(int UnitId, string Unit, double Score, IReadOnlyList<string> Reasons);

/// <summary>
/// Similar suggestions (this and earlier years, with their answers and the shared passages marked)
/// and the handling units proposed from how similar ones were assigned. Suggestions are indexed in
/// the Chinese bigram index (Platform/Search) when they are submitted.
/// </summary>
public static class SimilarSuggestions
{
    public const string Kind = "suggestion";

    /// <summary>How alike two suggestions on the same subject usually are: low enough to learn units from them, not to call them duplicates.</summary>
    public const double RecommendationMinScore = 0.1;

    public static string IndexedText(Suggestion s) => IndexedText(s.Title, s.Content);

    private static string IndexedText(string title, string content) => title + "\n" + content;

    public static Task IndexAsync(RendaDbContext db, Suggestion s, CancellationToken ct)
        => SearchIndex.UpsertAsync(db, Kind, s.Id, s.CongressId, s.Year, IndexedText(s), ct);

    /// <summary>
    /// Indexes the submitted suggestions that the index lacks: the demo story's (written without the workflow) and
    /// those of databases from before suggestions were indexed on submission. The list's text filter relies on every
    /// submitted suggestion being indexed (SuggestionQueries). Runs at start-up: one anti-join, usually finding nothing.
    /// </summary>
    public static async Task<int> IndexMissingAsync(RendaDbContext db, CancellationToken ct)
    {
        // NOT EXISTS, written out: EF turns the LINQ form into NOT (… IN (subquery)), which PostgreSQL cannot plan as an
        // anti-join; once the ids outgrow work_mem it compares every suggestion with every indexed id (30 s and more
        // at 260,000, and the app would not start). As an anti-join it takes 0.2 s there.
        var missing = await db.Database.SqlQuery<int>($"""
            SELECT s."Id" AS "Value" FROM "Suggestions" AS s
            WHERE s."Status" <> {nameof(SuggestionStatus.Draft)} AND NOT EXISTS (SELECT 1 FROM search_documents AS d WHERE d.kind = {Kind} AND d.id = s."Id")
            """).ToListAsync(ct);
        missing.Sort();
        foreach (var chunk in missing.Chunk(500))
        {
            var rows = await db.Set<Suggestion>().AsNoTracking().Where(s => chunk.Contains(s.Id))
                .Select(s => new { s.Id, s.CongressId, s.Year, s.Title, s.Content }).ToListAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var s in rows)
                await SearchIndex.UpsertAsync(db, Kind, s.Id, s.CongressId, s.Year, IndexedText(s.Title, s.Content), ct);
            await tx.CommitAsync(ct);
        }
        return missing.Count;
    }

    public static async Task<IReadOnlyList<SimilarSuggestion>> FindAsync(RendaDbContext db, int congressId, string text, int? excludeId, int year, int limit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        if (text.Length > Suggestion.MaxContent + Suggestion.MaxTitle + 1) throw DomainException.Invalid("text", "文本过长。");
        var settings = await Settings.ForAsync<SuggestionSettings>(db, congressId, ct);
        var hits = await SearchIndex.SimilarAsync(db, Kind, text, new SimilarQuery(congressId) { UpToYear = year, ExcludeId = excludeId, Limit = Math.Clamp(limit, 1, 50), MinScore = settings.SimilarityThreshold }, ct);
        if (hits.Count == 0) return [];
        var ids = hits.Select(h => (int)h.Id).ToList();
        var rows = await db.Set<Suggestion>().AsNoTracking().Where(s => ids.Contains(s.Id) && s.Status != SuggestionStatus.Draft)
            .Select(s => new { s.Id, s.Number, s.Year, s.Title, s.Content, s.Status, s.AnswerCategory }).ToDictionaryAsync(s => s.Id, ct);
        var answers = (await db.Set<SuggestionAnswer>().AsNoTracking().Where(a => ids.Contains(a.SuggestionId)).OrderBy(a => a.Round).ThenBy(a => a.Id)
            .Select(a => new { a.SuggestionId, a.Text }).ToListAsync(ct)).GroupBy(a => a.SuggestionId).ToDictionary(g => g.Key, g => g.Last().Text);
        var result = new List<SimilarSuggestion>();
        foreach (var hit in hits)
        {
            if (!rows.TryGetValue((int)hit.Id, out var s)) continue;
            var other = s.Title + "\n" + s.Content;
            var overlaps = ChineseText.Overlaps(text, other);
            result.Add(new SimilarSuggestion(s.Id, s.Number, s.Year, s.Title, SuggestionLabels.Of(s.Status), Math.Round(hit.Score, 3), s.AnswerCategory, answers.GetValueOrDefault(s.Id),
                ChineseText.Highlight(text, overlaps.Select(o => o.InA)), ChineseText.Highlight(other, overlaps.Select(o => o.InB))));
        }
        return result;
    }

    /// <summary>
    /// Lead units ranked by the similarity of the past suggestions they led (each adds its score),
    /// then by how often they led suggestions of the same category, with the reasons in words.
    /// </summary>
    public static async Task<IReadOnlyList<UnitRecommendation>> RecommendUnitsAsync(RendaDbContext db, Suggestion s, CancellationToken ct)
    {
        var hits = await SearchIndex.SimilarAsync(db, Kind, IndexedText(s), new SimilarQuery(s.CongressId) { UpToYear = s.Year, ExcludeId = s.Id, Limit = 20, MinScore = RecommendationMinScore }, ct);
        var ids = hits.Select(h => (int)h.Id).ToList();
        var scores = hits.ToDictionary(h => (int)h.Id, h => h.Score);
        var similarLeads = await db.Set<SuggestionAssignment>().AsNoTracking()
            .Where(a => ids.Contains(a.SuggestionId) && a.Role != AssignmentRole.Co && a.Status != AssignmentStatus.Returned)
            .Join(db.Set<Suggestion>(), a => a.SuggestionId, x => x.Id, (a, x) => new { a.HandlingUnitId, x.Id, x.Number, x.Title })
            .ToListAsync(ct);
        var categoryLeads = await db.Set<SuggestionAssignment>().AsNoTracking()
            .Where(a => a.Role != AssignmentRole.Co && a.Status != AssignmentStatus.Returned)
            .Join(db.Set<Suggestion>().Where(x => x.CongressId == s.CongressId && x.Category == s.Category && x.Id != s.Id), a => a.SuggestionId, x => x.Id, (a, x) => a.HandlingUnitId)
            .GroupBy(u => u).Select(g => new { Unit = g.Key, Count = g.Count() }).ToListAsync(ct);
        var categoryTotal = categoryLeads.Sum(c => c.Count);
        var unitIds = similarLeads.Select(l => l.HandlingUnitId).Concat(categoryLeads.Select(c => c.Unit)).Distinct().ToList();
        var units = await db.HandlingUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id) && u.Active && u.CongressId == s.CongressId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var result = new List<UnitRecommendation>();
        foreach (var unitId in units.Keys)
        {
            var reasons = new List<string>();
            var score = 0.0;
            foreach (var l in similarLeads.Where(l => l.HandlingUnitId == unitId).OrderByDescending(l => scores[l.Id]).Take(3))
                reasons.Add($"与 {l.Number}《{l.Title}》相似度 {scores[l.Id]:0.00}，该件由其办理");
            score += similarLeads.Where(l => l.HandlingUnitId == unitId).Sum(l => scores[l.Id]);
            if (categoryLeads.FirstOrDefault(c => c.Unit == unitId) is { } c)
            {
                reasons.Add($"“{s.Category}”类建议 {categoryTotal} 件中有 {c.Count} 件由其主办");
                // Category history counts, but less than textual similarity: at most as much as one weakly similar suggestion.
                score += RecommendationMinScore * c.Count / Math.Max(1, categoryTotal);
            }
            result.Add(new UnitRecommendation(unitId, units[unitId], Math.Round(score, 3), reasons));
        }
        return result.OrderByDescending(r => r.Score).ThenBy(r => r.Unit, StringComparer.Ordinal).Take(5).ToList();
    }
}
