using System.Security.Cryptography;
using System.Text;
using Renda.Web.Platform.LegalText;
using Renda.Web.Platform.Search;

namespace Renda.Web.Features.Laws;

public sealed record LawListItem(int Id, string Title, string Category, LawStatus Status, string StatusLabel, DateOnly? VersionDate, int ArticleCount,
    string? MatchedLabel, int MatchedArticles, string? Snippet);

public sealed record LawVersionLink(int Id, string Title, DateOnly? VersionDate, LawStatus Status, string StatusLabel);

/// <summary>An article (or preamble, block, appendix) as the API gives it: <see cref="Number"/> is "第十条", <see cref="Slug"/> its permalink part.</summary>
public sealed record LawArticleView(int Ordinal, string Kind, string Number, string Slug, string Path, string Text);

/// <summary>One law; <see cref="ImportWarnings"/> (what the import kept as printed) only for staff, null for anyone else.</summary>
public sealed record LawDetail(int Id, string Title, string Category, LawStatus Status, string StatusLabel, DateOnly? VersionDate, DateOnly? AdoptedOn,
    DateOnly? AmendedOn, DateOnly? EffectiveOn, IReadOnlyList<string> History, int ArticleCount, string SourcePath,
    IReadOnlyList<LawVersionLink> Versions, IReadOnlyList<LawArticleView> Articles, IReadOnlyList<string>? ImportWarnings = null,
    string? Congress = null, string? AmendingAct = null, DateOnly? AmendingActOn = null, string? RepealingAct = null, DateOnly? RepealedOn = null, string? CongressCode = null);

/// <summary>Reading the regulations database: list and search, one law with its articles, one article, Akoma Ntoso.</summary>
public static class LawQueries
{
    public const int PageSize = 20;

    public static DateOnly Today(RendaDbContext db) => WorkCalendar.Today(db.Clock);

    /// <summary>
    /// Without <paramref name="q"/>: the laws with the filters, newest version first. With it: the laws whose title or text
    /// holds every term, titles first, then by the number of articles that match, each with a highlighted passage.
    /// </summary>
    /// <remarks>A search reads at most <paramref name="cap"/> matching articles and titles per word (Renda:Laws:SearchCap); past that the total is a lower bound.</remarks>
    public static async Task<Page<LawListItem>> SearchAsync(RendaDbContext db, string? q, LawFilter filter, int? page, int? pageSize, CancellationToken ct,
        int cap = LawIndex.MatchCap)
    {
        var today = Today(db);
        var (p, size) = Paging.Normalise(page, pageSize ?? PageSize);
        if (string.IsNullOrWhiteSpace(q) || LawIndex.Terms(q).Count == 0)
        {
            var query = filter.Apply(db.Set<Law>().AsNoTracking(), today);
            var total = await query.CountAsync(ct);
            var laws = await query.OrderByDescending(l => l.VersionDate).ThenBy(l => l.Title).ThenBy(l => l.Id)
                .Skip((p - 1) * size).Take(size)
                .Select(l => new { l.Id, l.Title, l.Category, l.VersionDate, l.ArticleCount, l.Repealed, l.SupersededById, l.EffectiveOn, Amended = l.AmendingAct != null })
                .ToListAsync(ct);
            return new Page<LawListItem>(laws.Select(l =>
            {
                var s = Law.StatusOf(l.Repealed, l.SupersededById, l.Amended, l.EffectiveOn, today);
                return new LawListItem(l.Id, l.Title, l.Category, s, s.Label(), l.VersionDate, l.ArticleCount, null, 0, null);
            }).ToList(), p, size, total);
        }

        var terms = LawIndex.Terms(q);
        var (hits, count, lowerBound) = await LawIndex.SearchAsync(db, terms, filter, today, (p - 1) * size, size, ct, cap);
        var ids = hits.Select(h => h.LawId).ToList();
        var meta = await db.Set<Law>().AsNoTracking().Where(l => ids.Contains(l.Id))
            .Select(l => new { l.Id, l.Title, l.Category, l.VersionDate, l.ArticleCount, l.Repealed, l.SupersededById, l.EffectiveOn, Amended = l.AmendingAct != null })
            .ToDictionaryAsync(l => l.Id, ct);
        // No article holds every word: show the first one holding the words the title does not ("刑法 恐怖活动" → 恐怖活动).
        for (var i = 0; i < hits.Count; i++)
        {
            if (hits[i].MatchedArticles > 0 || terms.Count < 2 || !meta.TryGetValue(hits[i].LawId, out var m)) continue;
            var title = ChineseText.Normalize(m.Title);
            var rest = terms.Where(t => !title.Contains(string.Concat(t.Select((x, k) => k == 0 ? x : x[^1..])), StringComparison.Ordinal)).ToList();
            if (rest.Count > 0 && rest.Count < terms.Count && await LawIndex.FirstMatchAsync(db, hits[i].LawId, rest, ct) is { } first)
                hits[i] = hits[i] with { FirstOrdinal = first };
        }
        var units = (await LawIndex.UnitsAtAsync(db, hits.Where(h => h.FirstOrdinal is not null).Select(h => (h.LawId, h.FirstOrdinal!.Value)).ToList(), ct))
            .ToDictionary(u => (u.LawId, u.Ordinal));
        var words = q.Split([' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var items = new List<LawListItem>();
        foreach (var h in hits)
        {
            if (!meta.TryGetValue(h.LawId, out var l)) continue;
            var status = Law.StatusOf(l.Repealed, l.SupersededById, l.Amended, l.EffectiveOn, today);
            var unit = h.FirstOrdinal is { } o && units.TryGetValue((h.LawId, o), out var u) ? u : null;
            var snippet = unit is null ? ChineseText.Highlight(l.Title, Spans(l.Title, words)) : Snippet(unit.Body, words);
            items.Add(new LawListItem(l.Id, l.Title, l.Category, status, status.Label(), l.VersionDate, l.ArticleCount,
                unit?.Label is { Length: > 0 } label ? label : null, h.MatchedArticles, snippet));
        }
        return new Page<LawListItem>(items, p, size, count, lowerBound);
    }

    /// <summary>About 90 characters around the first occurrence of a search word, HTML-encoded, every word marked.</summary>
    internal static string Snippet(string text, IReadOnlyList<string> words)
    {
        var flat = text.Replace('\n', ' ');
        var first = words.Select(w => flat.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, first - 30);
        var end = Math.Min(flat.Length, first + 60);
        var window = flat[start..end];
        return (start > 0 ? "…" : "") + ChineseText.Highlight(window, Spans(window, words)) + (end < flat.Length ? "…" : "");
    }

    private static IEnumerable<TextSpan> Spans(string text, IReadOnlyList<string> words)
    {
        foreach (var w in words)
            for (var i = text.IndexOf(w, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(w, i + w.Length, StringComparison.OrdinalIgnoreCase))
                yield return new TextSpan(i, w.Length);
    }

    /// <summary>A congress (by code) and those below it: the regulations a congress's site lists as its own and its levels'.</summary>
    public static async Task<List<int>> CongressScopeAsync(RendaDbContext db, string code, CancellationToken ct)
    {
        var all = await db.Congresses.AsNoTracking().Select(c => new { c.Id, c.ParentId, c.Code }).ToListAsync(ct);
        var root = all.FirstOrDefault(c => c.Code == code) ?? throw DomainException.Invalid("congress", $"行政区划代码 {code} 没有对应的人大。");
        var result = new List<int> { root.Id };
        for (var i = 0; i < result.Count; i++) result.AddRange(all.Where(c => c.ParentId == result[i]).Select(c => c.Id));
        return result;
    }

    public static async Task<List<string>> CategoriesAsync(RendaDbContext db, CancellationToken ct) =>
        await db.Set<Law>().AsNoTracking().Select(l => l.Category).Distinct().OrderBy(c => c).ToListAsync(ct);

    public static async Task<Law> LawAsync(RendaDbContext db, int id, CancellationToken ct) =>
        await db.Set<Law>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw DomainException.NotFound("没有这部法律法规。");

    /// <summary>Staff (常委会工作人员) see the import's warnings on a law; the public reads the text as published.</summary>
    public static bool SeesImportWarnings(System.Security.Claims.ClaimsPrincipal user) => user.IsInRole(nameof(Platform.Identity.Role.CommitteeStaff));

    public static async Task<LawDetail> DetailAsync(RendaDbContext db, int id, bool forStaff, CancellationToken ct)
    {
        var law = await LawAsync(db, id, ct);
        var today = Today(db);
        var status = law.StatusOn(today);
        var versions = (await db.Set<Law>().AsNoTracking().Where(l => l.WorkKey == law.WorkKey)
                .Select(l => new { l.Id, l.Title, l.VersionDate, l.Repealed, l.SupersededById, l.EffectiveOn, Amended = l.AmendingAct != null }).ToListAsync(ct))
            .OrderByDescending(v => v.VersionDate).ThenByDescending(v => v.Id)
            .Select(v =>
            {
                var s = Law.StatusOf(v.Repealed, v.SupersededById, v.Amended, v.EffectiveOn, today);
                return new LawVersionLink(v.Id, v.Title, v.VersionDate, s, s.Label());
            }).ToList();
        var units = await LawIndex.UnitsAsync(db, id, ct);
        return new LawDetail(law.Id, law.Title, law.Category, status, status.Label(), law.VersionDate, law.AdoptedOn, law.AmendedOn, law.EffectiveOn,
            law.History.Split('\n', StringSplitOptions.RemoveEmptyEntries), law.ArticleCount, law.SourcePath, versions,
            units.Select(View).ToList(), forStaff ? LawImport.Warnings(law) : null,
            law.CongressId is { } c ? await db.Congresses.Where(x => x.Id == c).Select(x => x.ShortName + "人大常委会").FirstAsync(ct) : null,
            law.AmendingAct, law.AmendingActOn, law.RepealingAct, law.RepealedOn,
            law.CongressId is { } c2 ? await db.Congresses.Where(x => x.Id == c2).Select(x => x.Code).FirstAsync(ct) : null);
    }

    public static LawArticleView View(LawArticle u) => new(u.Ordinal, u.Kind, u.Label, u.Kind == LawArticle.ArticleKind ? u.Slug : "", u.Path, u.Body);

    /// <summary>An article by its permalink part: "10", "120-1", or as written, "第十条", "第一百二十条之一".</summary>
    public static async Task<LawArticle> ArticleAsync(RendaDbContext db, int lawId, string n, CancellationToken ct)
    {
        var (number, suffix) = ParseSlug(n) ?? throw DomainException.NotFound($"“{n}”不是条文序号。");
        return await LawIndex.ArticleAsync(db, lawId, number, suffix, ct) ?? throw DomainException.NotFound($"这部法律法规没有{LegalNumbering.ArticleLabel(number, suffix)}。");
    }

    internal static (int Number, int Suffix)? ParseSlug(string n)
    {
        var parts = n.Split('-');
        if (parts.Length is 1 or 2 && parts.All(x => int.TryParse(x, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            var number = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            return number > 0 ? (number, parts.Length == 2 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 0) : null;
        }
        var m = System.Text.RegularExpressions.Regex.Match(n, "^第(.+?)条(?:之(.+))?$");
        if (m.Success && Platform.Organisations.ChineseNumerals.TryParse(m.Groups[1].Value, out var a))
        {
            var s = 0;
            if (m.Groups[2].Success && !Platform.Organisations.ChineseNumerals.TryParse(m.Groups[2].Value, out s)) return null;
            return (a, s);
        }
        return null;
    }

    /// <summary>The law as Akoma Ntoso 3.0, from its stored source; the work URI is shared by all versions of the law.</summary>
    public static async Task<string> AkomaNtosoAsync(RendaDbContext db, int id, CancellationToken ct)
    {
        var law = await LawAsync(db, id, ct);
        var doc = LawImport.Parse(law);
        var work = "law-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(law.WorkKey)))[..12];
        var version = law.VersionDate ?? DateOnly.FromDateTime(law.ImportedAt);
        var author = law.Category switch
        {
            "行政法规" => "国务院",
            "宪法" => "全国人民代表大会",
            _ => "全国人民代表大会常务委员会",
        };
        var identity = new AknIdentity(work, law.AdoptedOn ?? version, version, author, SubType: law.Category == "行政法规" ? "regulation" : "law");
        return AkomaNtosoWriter.WriteString(doc, identity, DateOnly.FromDateTime(law.ImportedAt));
    }
}
