namespace Renda.Web.Features.Legislation;

public sealed record PublicHandling(string? ArticleLabel, string Source, string Text, string Handling, string? Reason);
public sealed record PublicCommentPage(int Id, string Congress, string BillTitle, string VersionLabel, DateOnly OpensOn, DateOnly ClosesOn, bool Accepting, string StatusLabel,
    IReadOnlyList<ProvisionView> Provisions, string? SummaryText, IReadOnlyList<PublicHandling> Handling);

/// <summary>What the public comment page shows: the draft, whether it takes comments today, and once published how they were handled (no names).</summary>
public sealed record PublicPeriodItem(int Id, string Congress, string BillTitle, DateOnly OpensOn, DateOnly ClosesOn, bool Accepting, bool SummaryPublished);

public static class PublicComments
{
    /// <summary>Drafts open for comment now, then those whose handling was published; newest first.</summary>
    public static async Task<List<PublicPeriodItem>> ListAsync(RendaDbContext db, CancellationToken ct)
    {
        var today = WorkCalendar.Today(db.Clock);
        var accepting = CommentPeriod.Machine.StatesFor(CommentPeriodAction.Comment).ToList();
        var rows = await db.Set<CommentPeriod>().AsNoTracking()
            .Where(p => p.OpensOn <= today && ((accepting.Contains(p.Status) && p.ClosesOn >= today) || p.Status == CommentPeriodStatus.SummaryPublished))
            .Join(db.Set<Bill>(), p => p.BillId, b => b.Id, (p, b) => new { p, b.Title, b.CongressId })
            .Join(db.Congresses, x => x.CongressId, c => c.Id, (x, c) => new { x.p, x.Title, c.ShortName })
            .OrderByDescending(x => x.p.OpensOn).ThenByDescending(x => x.p.Id).Take(100).ToListAsync(ct);
        return rows.Select(x => new PublicPeriodItem(x.p.Id, x.ShortName + "人大常委会", x.Title, x.p.OpensOn, x.p.ClosesOn, x.p.IsOpenOn(today), x.p.Status == CommentPeriodStatus.SummaryPublished))
            .OrderByDescending(x => x.Accepting).ToList();
    }

    public static async Task<PublicCommentPage> PageAsync(RendaDbContext db, int id, CancellationToken ct)
    {
        var p = await db.Set<CommentPeriod>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        // A draft is public from the first day of its period, not from the moment staff set the period up.
        if (p is null || p.OpensOn > WorkCalendar.Today(db.Clock)) throw DomainException.NotFound("没有找到该征求意见。");
        var bill = await db.Set<Bill>().AsNoTracking().FirstAsync(b => b.Id == p.BillId, ct);
        var congress = await db.Congresses.Where(c => c.Id == bill.CongressId).FirstAsync(ct);
        var version = await db.Set<BillVersion>().AsNoTracking().FirstAsync(v => v.Id == p.VersionId, ct);
        var doc = BillText.FromJson(version.Document);
        List<PublicHandling> handling = [];
        if (p.Status == CommentPeriodStatus.SummaryPublished)
        {
            var labels = doc.Articles().ToDictionary(a => a.Id, a => a.Label);
            handling = (await db.Set<BillComment>().AsNoTracking().Where(c => c.CommentPeriodId == id).OrderBy(c => c.Id).ToListAsync(ct))
                .Select(c => new PublicHandling(c.NodeId is { } n ? labels.GetValueOrDefault(n) ?? c.ArticleLabel : null, LegislationLabels.Of(c.Source), c.Text,
                    LegislationLabels.Of(c.Handling), c.HandlingReason))
                .OrderBy(h => h.ArticleLabel is null).ToList();
        }
        return new PublicCommentPage(p.Id, congress.StandingCommitteeName, bill.Title, version.Label, p.OpensOn, p.ClosesOn, p.IsOpenOn(WorkCalendar.Today(db.Clock)),
            LegislationLabels.Of(p.Status), BillText.Provisions(doc), p.SummaryText, handling);
    }
}

/// <summary>
/// What the receipt page shows of one citizen's comment: the draft, the article, the day it came in and its handling with the
/// reason staff wrote — not the text's author, contact or address.
/// </summary>
public sealed record CommentReceipt(string Code, int PeriodId, string Congress, string BillTitle, string? ArticleLabel, DateOnly ReceivedOn,
    CommentHandling Handling, string HandlingLabel, string? Reason, DateOnly? HandledOn, bool SummaryPublished);

public static class CommentReceipts
{
    /// <summary>The comment with this receipt code (already normalised by the caller), or null.</summary>
    public static async Task<CommentReceipt?> FindAsync(RendaDbContext db, string code, CancellationToken ct)
    {
        var row = await db.Set<BillComment>().AsNoTracking().Where(c => c.ReceiptCode == code)
            .Join(db.Set<CommentPeriod>(), c => c.CommentPeriodId, p => p.Id, (c, p) => new { c, p.Status })
            .Join(db.Set<Bill>(), x => x.c.BillId, b => b.Id, (x, b) => new { x.c, x.Status, b.Title, b.CongressId })
            .Join(db.Congresses, x => x.CongressId, g => g.Id, (x, g) => new { x.c, x.Status, x.Title, g.ShortName, g.Level })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var c = row.c;
        var congress = row.Level == Platform.Organisations.RegionLevel.Township ? $"{row.ShortName}人大主席团" : $"{row.ShortName}人大常委会";
        return new CommentReceipt(code, c.CommentPeriodId, congress, row.Title, c.ArticleLabel, DateOnly.FromDateTime(c.CreatedAt.AddHours(8)), c.Handling,
            c.Handling == CommentHandling.Pending ? "已收到" : LegislationLabels.Of(c.Handling), c.HandlingReason,
            c.HandledAt is { } at ? DateOnly.FromDateTime(at.AddHours(8)) : null, row.Status == CommentPeriodStatus.SummaryPublished);
    }
}
