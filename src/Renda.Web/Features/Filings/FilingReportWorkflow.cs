using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Filings;

public sealed record PublishedReport(string Congress, int Year, DateOnly PublishedOn, string Text);

/// <summary>Publication of the annual report (北京 第四十条: public): the text as computed on the day it is published.</summary>
public static class FilingReportWorkflow
{
    public static async Task<PublishedReport> PublishAsync(RendaDbContext db, FilingActor actor, Congress c, int year, CancellationToken ct)
    {
        actor.RequireStaff(c.Id);
        var today = WorkCalendar.Today(db.Clock);
        if (year >= today.Year) throw DomainException.Conflict("年度结束后才能公开该年度的备案审查工作报告。");
        var text = FilingStatistics.Sentences(await FilingStatistics.ForYearAsync(db, c.Id, year, ct));
        var row = await db.Set<FilingReport>().FirstOrDefaultAsync(r => r.CongressId == c.Id && r.Year == year, ct);
        if (row is null) db.Add(row = new FilingReport { CongressId = c.Id, Year = year, PublishedOn = today, Text = text });
        else { row.Text = text; row.PublishedOn = today; }
        // Copied to the congress above (北京 第四十条: 报送上一级人大常委会), whose staff find it in their inbox.
        if (c.ParentId is { } parent)
        {
            var upper = await db.Accounts.Where(a => a.CongressId == parent && a.Enabled && a.Roles.Any(r => r.Role == Platform.Identity.Role.CommitteeStaff)).Select(a => a.Id).ToListAsync(ct);
            Platform.Notifications.Notifier.Notify(db, upper, $"{c.StandingCommitteeName}{year}年度备案审查工作报告（抄送）", text.Length > 1000 ? text[..1000] + "…" : text,
                $"/api/v1/public/congresses/{c.Code}/filing-reports/{year}");
        }
        await db.SaveUniqueAsync("该年度报告正在公开，请稍后再试。", ct);
        return new PublishedReport(c.StandingCommitteeName, year, today, text);
    }

    public static async Task<PublishedReport?> PublishedAsync(RendaDbContext db, string code, int year, CancellationToken ct)
        => await db.Set<FilingReport>().AsNoTracking().Where(r => r.Year == year)
            .Join(db.Congresses.Where(c => c.Code == code), r => r.CongressId, c => c.Id, (r, c) => new { r, c.ShortName })
            .Select(x => new PublishedReport(x.ShortName + "人大常委会", x.r.Year, x.r.PublishedOn, x.r.Text)).FirstOrDefaultAsync(ct);
}
