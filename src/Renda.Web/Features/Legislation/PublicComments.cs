using Microsoft.EntityFrameworkCore;
using Renda.Web.Data;
using Renda.Web.Platform.Calendar;
using Renda.Web.Platform.Web;

namespace Renda.Web.Features.Legislation;

public sealed record PublicHandling(string? ArticleLabel, string Source, string Text, string Handling, string? Reason);
public sealed record PublicCommentPage(int Id, string Congress, string BillTitle, string VersionLabel, DateOnly OpensOn, DateOnly ClosesOn, bool Accepting, string StatusLabel,
    IReadOnlyList<ProvisionView> Provisions, string? SummaryText, IReadOnlyList<PublicHandling> Handling);

/// <summary>What the public comment page shows: the draft, whether it takes comments today, and once published how they were handled (no names).</summary>
public static class PublicComments
{
    public static async Task<PublicCommentPage> PageAsync(RendaDbContext db, int id, CancellationToken ct)
    {
        var p = await db.Set<CommentPeriod>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound("没有找到该征求意见。");
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
