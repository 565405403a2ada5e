using System.Globalization;
using Renda.Web.Features.Deputies;
using Renda.Web.Features.Filings;
using Renda.Web.Features.Laws;
using Renda.Web.Features.Legislation;
using Renda.Web.Features.Suggestions;
using Renda.Web.Features.Supervision;

namespace Renda.Web.Features.Portal.Search;

/// <summary>
/// One public item as the site search holds it. Key: the item's identity within its section (stable across rebuilds).
/// CongressId 0: the national laws, which every congress's site searches. Stamp: set by a source whose text is expensive to
/// read (the laws), so the indexer can tell a change without reading the text; otherwise the indexer hashes the content.
/// </summary>
public sealed record PublicDoc(string Section, string Key, int CongressId, string Url, string Title, string Text, DateTime PublishedAt, string? Stamp = null);

/// <summary>
/// Where the public content comes from: one source per kind of public record, with the entity types whose committed changes
/// may change it (the indexer re-reads a source when one of them was saved, PublicChanges). Each query reads the public
/// fields only and only what is public now — a withdrawn article, an unpublished suggestion, a deputy's ID number or phone
/// never enter the index, so they can never be found.
/// </summary>
public sealed record PublicSource(string Name, Type[] Entities, Func<RendaDbContext, CancellationToken, Task<List<PublicDoc>>> List,
    Func<RendaDbContext, IReadOnlyList<PublicDoc>, CancellationToken, Task<List<PublicDoc>>>? Fill = null);

public static class PublicSources
{
    /// <summary>The sections of the search, in the order of the tabs, with their Chinese names.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Sections =
    [
        ("news", "工作动态"), ("announcements", "公告"), ("regulations", "法规"), ("comments", "立法征求意见"), ("suggestions", "代表建议"),
        ("supervision", "监督工作"), ("filings", "备案审查"), ("deputies", "人大代表"), ("stations", "联络站"),
    ];

    public static string Label(string section) => Sections.FirstOrDefault(s => s.Key == section).Label ?? section;

    public static readonly IReadOnlyList<PublicSource> All =
    [
        new("articles", [typeof(NewsArticle)], ArticlesAsync),
        new("regulations", [typeof(Law)], RegulationsAsync, LawTextsAsync),
        new("comments", [typeof(CommentPeriod), typeof(Bill)], CommentsAsync),
        new("suggestions", [typeof(Suggestion)], SuggestionsAsync),
        new("supervision", [typeof(WorkReport), typeof(SupervisionPlan), typeof(PlanTopic)], SupervisionAsync),
        new("filings", [typeof(FilingReport)], FilingsAsync),
        new("deputies", [typeof(Platform.People.Deputy), typeof(Platform.People.Person), typeof(StationDeputy), typeof(LiaisonStation)], DeputiesAsync),
        new("stations", [typeof(LiaisonStation), typeof(ReceptionDay)], StationsAsync),
    ];

    private static async Task<Dictionary<int, string>> CodesAsync(RendaDbContext db, CancellationToken ct)
        => await db.Congresses.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, ct);

    private static DateTime At(DateOnly? d) => d is { } x ? x.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : DateTime.UnixEpoch;

    private static async Task<List<PublicDoc>> ArticlesAsync(RendaDbContext db, CancellationToken ct)
    {
        var codes = await CodesAsync(db, ct);
        var rows = await db.Set<NewsArticle>().AsNoTracking().Where(a => a.Status == NewsArticleStatus.Published)
            .Select(a => new { a.Id, a.CongressId, a.Section, a.Title, a.Summary, a.Body, a.PublishedOn }).ToListAsync(ct);
        return rows.Select(a => new PublicDoc(a.Section == ArticleSection.Announcement ? "announcements" : "news", a.Id.ToString(CultureInfo.InvariantCulture), a.CongressId,
            PortalQueries.Href(codes[a.CongressId], a.Section, a.Id), a.Title, a.Summary + "\n" + ArticleText.Plain(a.Body, NewsArticle.MaxBody), At(a.PublishedOn))).ToList();
    }

    /// <summary>Every law and regulation in the database: a congress's own (its id) and the national collection (0). The text is read only for the changed ones.</summary>
    private static async Task<List<PublicDoc>> RegulationsAsync(RendaDbContext db, CancellationToken ct)
    {
        var rows = await db.Set<Law>().AsNoTracking()
            .Select(l => new { l.Id, l.Title, l.CongressId, l.VersionDate, l.SourceHash, l.Repealed, l.AmendingAct, l.SupersededById }).ToListAsync(ct);
        return rows.Select(l => new PublicDoc("regulations", l.Id.ToString(CultureInfo.InvariantCulture), l.CongressId ?? 0, $"/laws/{l.Id}", l.Title, "", At(l.VersionDate),
            Stamp: $"{l.SourceHash}|{l.Title}|{l.VersionDate}|{l.Repealed}|{l.AmendingAct}|{l.SupersededById}")).ToList();
    }

    private static async Task<List<PublicDoc>> LawTextsAsync(RendaDbContext db, IReadOnlyList<PublicDoc> docs, CancellationToken ct)
    {
        var result = new List<PublicDoc>(docs.Count);
        foreach (var chunk in docs.Chunk(200))
        {
            var ids = chunk.Select(d => int.Parse(d.Key, CultureInfo.InvariantCulture)).ToList();
            var texts = await db.Set<Law>().AsNoTracking().Where(l => ids.Contains(l.Id)).Select(l => new { l.Id, l.Source }).ToDictionaryAsync(l => l.Id, l => l.Source, ct);
            result.AddRange(chunk.Select(d => d with { Text = texts.GetValueOrDefault(int.Parse(d.Key, CultureInfo.InvariantCulture)) ?? "" }));
        }
        return result;
    }

    /// <summary>Drafts public from the first day of their period (as the comments page shows them), with the draft's text.</summary>
    private static async Task<List<PublicDoc>> CommentsAsync(RendaDbContext db, CancellationToken ct)
    {
        var today = WorkCalendar.Today(db.Clock);
        var rows = await db.Set<CommentPeriod>().AsNoTracking().Where(p => p.OpensOn <= today)
            .Join(db.Set<Bill>(), p => p.BillId, b => b.Id, (p, b) => new { p.Id, p.OpensOn, p.VersionId, b.Title, b.CongressId })
            .ToListAsync(ct);
        var versionIds = rows.Select(r => r.VersionId).Distinct().ToList();
        var versions = await db.Set<BillVersion>().AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Document, ct);
        return rows.Select(r => new PublicDoc("comments", r.Id.ToString(CultureInfo.InvariantCulture), r.CongressId, $"/legislation/public/comments/{r.Id}",
            r.Title + "（征求意见稿）", versions.TryGetValue(r.VersionId, out var doc) ? BillText.PlainText(BillText.FromJson(doc)) : "", At(r.OpensOn))).ToList();
    }

    /// <summary>Published suggestions: the public title, content and answer (cleared of personal numbers when published), never the working text.</summary>
    private static async Task<List<PublicDoc>> SuggestionsAsync(RendaDbContext db, CancellationToken ct)
        => (await db.Set<Suggestion>().AsNoTracking().Where(s => s.Published && s.PublicTitle != null && s.PublicContent != null)
                .Select(s => new { s.Id, s.CongressId, s.Number, Title = s.PublicTitle!, Content = s.PublicContent!, s.PublicAnswer, s.PublishedAt }).ToListAsync(ct))
            .Select(s => new PublicDoc("suggestions", s.Id.ToString(CultureInfo.InvariantCulture), s.CongressId, $"/public/suggestions/{s.Id}",
                (s.Number is null ? "" : s.Number + " ") + s.Title, s.Content + (s.PublicAnswer is null ? "" : "\n答复：" + s.PublicAnswer), s.PublishedAt ?? DateTime.UnixEpoch))
            .ToList();

    /// <summary>Published supervision plans (their topics) and the work reports heard (title, kind, organ) — what /p/{code}/supervision shows.</summary>
    private static async Task<List<PublicDoc>> SupervisionAsync(RendaDbContext db, CancellationToken ct)
    {
        var codes = await CodesAsync(db, ct);
        var plans = await db.Set<SupervisionPlan>().AsNoTracking().Include(p => p.Topics).Where(p => p.Status == PlanStatus.Published).ToListAsync(ct);
        var docs = plans.Select(p => new PublicDoc("supervision", "plan-" + p.Id.ToString(CultureInfo.InvariantCulture), p.CongressId, $"/p/{codes[p.CongressId]}/supervision",
            p.Title, string.Join("\n", p.Topics.OrderBy(t => t.Id).Select(t => t.Title)), At(p.PublishedOn))).ToList();
        var reports = await db.Set<WorkReport>().AsNoTracking().Where(r => r.HeardOn != null)
            .Select(r => new { r.Id, r.CongressId, r.Title, r.Kind, r.HeardOn, Organ = db.HandlingUnits.Where(u => u.Id == r.OrganId).Select(u => u.Name).FirstOrDefault() })
            .ToListAsync(ct);
        docs.AddRange(reports.Select(r => new PublicDoc("supervision", "report-" + r.Id.ToString(CultureInfo.InvariantCulture), r.CongressId, $"/p/{codes[r.CongressId]}/supervision",
            r.Title, $"{SupervisionLabels.Of(r.Kind)} · {r.Organ} · {r.HeardOn:yyyy年M月d日}听取审议", At(r.HeardOn))));
        return docs;
    }

    private static async Task<List<PublicDoc>> FilingsAsync(RendaDbContext db, CancellationToken ct)
    {
        var codes = await CodesAsync(db, ct);
        var rows = await db.Set<FilingReport>().AsNoTracking().Select(r => new { r.Id, r.CongressId, r.Year, r.PublishedOn, r.Text }).ToListAsync(ct);
        return rows.Select(r => new PublicDoc("filings", r.Id.ToString(CultureInfo.InvariantCulture), r.CongressId, $"/p/{codes[r.CongressId]}/filings?year={r.Year}",
            $"{r.Year}年备案审查工作情况报告", r.Text, At(r.PublishedOn))).ToList();
    }

    /// <summary>Serving deputies: name, level, delegation or constituency, group and station — the fields of /p/{code}/deputies, nothing else of the person.</summary>
    private static async Task<List<PublicDoc>> DeputiesAsync(RendaDbContext db, CancellationToken ct)
    {
        var congresses = await db.Congresses.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var rows = await db.Deputies.AsNoTracking().Where(d => d.Status == Platform.People.DeputyStatus.Serving)
            .Select(d => new
            {
                d.Id, d.CongressId, d.Person!.Name, d.Delegation, d.ElectoralUnit, d.DeputyGroup,
                Station = db.Set<StationDeputy>().Where(s => s.DeputyId == d.Id).Join(db.Set<LiaisonStation>(), s => s.StationId, s => s.Id, (_, s) => s.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        return rows.Select(d =>
        {
            var c = congresses[d.CongressId];
            var parts = new[] { PublicSections.Level(c), d.Delegation ?? d.ElectoralUnit, d.DeputyGroup, d.Station }.Where(p => !string.IsNullOrEmpty(p));
            return new PublicDoc("deputies", d.Id.ToString(CultureInfo.InvariantCulture), d.CongressId, $"/p/{c.Code}/deputies", d.Name, string.Join(" · ", parts), DateTime.UnixEpoch);
        }).ToList();
    }

    private static async Task<List<PublicDoc>> StationsAsync(RendaDbContext db, CancellationToken ct)
    {
        var rows = await db.Set<LiaisonStation>().AsNoTracking()
            .Select(s => new { s.Id, s.CongressId, s.Name, s.Kind, s.Address, s.Township, s.OpeningHours, s.ReceptionSchedule, s.Facilities }).ToListAsync(ct);
        return rows.Select(s => new PublicDoc("stations", s.Id.ToString(CultureInfo.InvariantCulture), s.CongressId, $"/stations/{s.Id}", s.Name,
            string.Join("\n", new[] { DeputiesLabels.Of(s.Kind), s.Township, s.Address, s.OpeningHours, s.ReceptionSchedule, s.Facilities }.Where(x => !string.IsNullOrEmpty(x))),
            DateTime.UnixEpoch)).ToList();
    }
}
