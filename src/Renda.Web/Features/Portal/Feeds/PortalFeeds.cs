using Renda.Web.Features.Laws;
using Renda.Web.Features.Legislation;
using Renda.Web.Features.Suggestions;
using Renda.Web.Features.Supervision;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Portal;

/// <summary>A section of the public site that has a feed: its key, name and the page it belongs to (the feed is that address + /feed).</summary>
public sealed record FeedSection(string Key, string Label, string PagePath)
{
    public string Page(string code) => $"/p/{code}/{PagePath}";
    public string Feed(string code) => $"/p/{code}/{PagePath}/feed";
}

/// <summary>
/// The items of each public section as feed items (published things only, public fields only), newest first. Both the Atom
/// feeds and the e-mail subscriptions read these lists, so an item withdrawn from the site leaves both. The search piece
/// will add a feed of a query by producing the same <see cref="FeedItem"/> list.
/// </summary>
public static class PortalFeeds
{
    public const int Take = 50;

    public static readonly IReadOnlyList<FeedSection> Sections =
    [
        new("news", "工作动态", "news"),
        new("announcements", "公告", "announcements"),
        new("laws", "法规库", "laws"),
        new("comments", "立法征求意见", "legislation/comments"),
        new("suggestions", "代表建议及答复", "suggestions"),
        new("supervision", "监督工作", "supervision"),
    ];

    public static FeedSection? Find(string? key) => Sections.FirstOrDefault(s => s.Key == key);

    private static DateTimeOffset Beijing(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
    private static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));

    public static async Task<List<FeedItem>> ItemsAsync(RendaDbContext db, Congress congress, FeedSection section, CancellationToken ct) => section.Key switch
    {
        "news" => await ArticlesAsync(db, congress, ArticleSection.News, ct),
        "announcements" => await ArticlesAsync(db, congress, ArticleSection.Announcement, ct),
        "laws" => await LawsAsync(db, congress, ct),
        "comments" => await CommentPeriodsAsync(db, congress, ct),
        "suggestions" => await SuggestionsAsync(db, congress, ct),
        "supervision" => await ReportsAsync(db, congress, ct),
        _ => [],
    };

    private static async Task<List<FeedItem>> ArticlesAsync(RendaDbContext db, Congress congress, ArticleSection section, CancellationToken ct)
    {
        var rows = await db.Set<NewsArticle>().AsNoTracking().Where(a => a.CongressId == congress.Id && a.Status == NewsArticleStatus.Published && a.Section == section)
            .OrderByDescending(a => a.PublishedOn).ThenByDescending(a => a.Id).Take(Take)
            .Select(a => new { a.Id, a.Title, a.Summary, a.PublishedOn, a.UpdatedAt }).ToListAsync(ct);
        return rows.Select(a => new FeedItem($"{PortalLabels.Segment(section)}-{a.Id}", a.Title, PortalQueries.Href(congress.Code, section, a.Id),
            Utc(a.UpdatedAt), Beijing(a.PublishedOn!.Value), a.Summary)).ToList();
    }

    /// <summary>The regulations of this congress and those below it, by the date of their version.</summary>
    private static async Task<List<FeedItem>> LawsAsync(RendaDbContext db, Congress congress, CancellationToken ct)
    {
        var scope = await LawQueries.CongressScopeAsync(db, congress.Code, ct);
        var today = WorkCalendar.Today(db.Clock);
        var names = await db.Congresses.AsNoTracking().Where(c => scope.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.StandingCommitteeName, ct);
        var laws = await db.Set<Law>().AsNoTracking().Where(l => l.CongressId != null && scope.Contains(l.CongressId.Value))
            .OrderByDescending(l => l.VersionDate).ThenByDescending(l => l.Id).Take(Take).ToListAsync(ct);
        return laws.Select(l =>
        {
            var on = l.VersionDate ?? DateOnly.FromDateTime(l.ImportedAt);
            var changed = new[] { on, l.AmendingActOn ?? on, l.RepealedOn ?? on }.Max();
            return new FeedItem($"law-{l.Id}", l.Title, $"/laws/{l.Id}", Beijing(changed), Beijing(on),
                $"{names[l.CongressId!.Value]} · {l.StatusOn(today).Label()}{(l.VersionDate is { } d ? $" · {d:yyyy年M月d日}" : "")}");
        }).ToList();
    }

    /// <summary>A draft when its period opens; its feedback (意见采纳情况) as an item of its own when published.</summary>
    private static async Task<List<FeedItem>> CommentPeriodsAsync(RendaDbContext db, Congress congress, CancellationToken ct)
    {
        var today = WorkCalendar.Today(db.Clock);
        var rows = await db.Set<CommentPeriod>().AsNoTracking().Where(p => p.OpensOn <= today)
            .Join(db.Set<Bill>().Where(b => b.CongressId == congress.Id), p => p.BillId, b => b.Id, (p, b) => new { p, b.Title })
            .OrderByDescending(x => x.p.OpensOn).ThenByDescending(x => x.p.Id).Take(Take).ToListAsync(ct);
        var items = new List<FeedItem>();
        foreach (var x in rows)
        {
            var href = $"/legislation/public/comments/{x.p.Id}";
            items.Add(new FeedItem($"comment-period-{x.p.Id}", $"《{x.Title}》公开征求意见", href, Beijing(x.p.OpensOn), Beijing(x.p.OpensOn),
                $"征求意见时间：{x.p.OpensOn:yyyy年M月d日}至{x.p.ClosesOn:yyyy年M月d日}。"));
            if (x.p.Status == CommentPeriodStatus.SummaryPublished && x.p.SummaryPublishedAt is { } at)
                items.Add(new FeedItem($"comment-feedback-{x.p.Id}", $"《{x.Title}》意见采纳情况", href + "#feedback", Utc(at), Utc(at),
                    Shorten(x.p.SummaryText ?? "")));
        }
        return items.OrderByDescending(i => i.Published).ToList();
    }

    private static async Task<List<FeedItem>> SuggestionsAsync(RendaDbContext db, Congress congress, CancellationToken ct)
    {
        var rows = await db.Set<Suggestion>().AsNoTracking().Where(s => s.CongressId == congress.Id && s.Published && s.PublishedAt != null)
            .OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id).Take(Take)
            .Select(s => new { s.Id, s.Number, s.PublicTitle, s.Category, s.AnsweredOn, s.PublishedAt }).ToListAsync(ct);
        return rows.Select(s => new FeedItem($"suggestion-{s.Id}", s.PublicTitle ?? "", $"/public/suggestions/{s.Id}", Utc(s.PublishedAt!.Value), Utc(s.PublishedAt!.Value),
            $"{(s.Number is null ? "" : $"第{s.Number}号 · ")}{s.Category}{(s.AnsweredOn is { } a ? $" · {a:yyyy年M月d日}答复" : "")}")).ToList();
    }

    private static async Task<List<FeedItem>> ReportsAsync(RendaDbContext db, Congress congress, CancellationToken ct)
    {
        var rows = await db.Set<WorkReport>().AsNoTracking().Where(r => r.CongressId == congress.Id && r.HeardOn != null)
            .OrderByDescending(r => r.HeardOn).ThenByDescending(r => r.Id).Take(Take)
            .Select(r => new { r.Id, r.Title, r.Kind, r.HeardOn, Organ = db.HandlingUnits.Where(u => u.Id == r.OrganId).Select(u => u.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Select(r => new FeedItem($"report-{r.Id}", r.Title, $"/p/{congress.Code}/supervision#report-{r.Id}", Beijing(r.HeardOn!.Value), Beijing(r.HeardOn!.Value),
            $"{congress.StandingCommitteeName}于{r.HeardOn:yyyy年M月d日}听取审议{r.Organ}{SupervisionLabels.Of(r.Kind)}。")).ToList();
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "……";
}
