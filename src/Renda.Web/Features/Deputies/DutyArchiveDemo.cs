using Renda.Web.Platform.People;
using Renda.Web.Platform.Demo;

namespace Renda.Web.Features.Deputies;

/// <summary>The demo story of deputies' work: the duty archive filled from the other modules' demo records, points, a duty report.</summary>
public static class DutyArchiveDemo
{
    public static async Task EnsureAsync(DemoSeed seed, CancellationToken ct)
    {
        var db = seed.Db;
        // The other modules' demo data was loaded by replaying their history, some of it written before they recorded duty: fill in.
        await DutyArchiveBackfill.RunAsync(db, ct);
        if (await db.Set<DutyReport>().AnyAsync(ct)) return;
        var haixi = await db.Congresses.Where(c => c.Code == "632800").Select(c => c.Id).FirstOrDefaultAsync(ct);
        var personId = await db.Accounts.Where(a => a.UserName == "daibiao").Select(a => a.PersonId).FirstOrDefaultAsync(ct);
        var deputyId = await db.Deputies.Where(d => d.CongressId == haixi && d.PersonId == personId).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        if (deputyId is not { } id) return;
        await DutyPoints.EnsureAsync(db, [haixi], ct);
        // Last year's report, presented in January at the deputy's station (replayed: drafted, submitted, presented).
        var today = WorkCalendar.Today(db.Clock);
        var name = await db.Deputies.Where(d => d.Id == id).Select(d => d.Person!.Name).FirstAsync(ct);
        var report = new DutyReport
        {
            CongressId = haixi, DeputyId = id, Year = today.Year - 1, Title = $"{name}代表{today.Year - 1}年度履职情况报告",
            Text = $"{today.Year - 1}年，本人认真履行代表职责，现将一年来的履职情况报告如下。\n一、参加履职活动情况\n列席常委会会议，参加执法检查和专题调研。\n二、提出建议及办理情况\n围绕盐湖产业和教育质量提升提出建议。\n三、存在的不足和今后的打算\n进一步密切同人民群众的联系。",
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        report.Submit(db.Clock.GetUtcNow().UtcDateTime);
        var on = new DateOnly(today.Year, 1, 20);
        report.Present(on, null, "德令哈市河西街道人大代表联络站", 46, 9, 1);
        db.Add(report);
        await db.SaveChangesAsync(ct);
        await DutyRecords.AddAsync(db, [id], on, DutyKinds.DutyReport, report.Title, DutyReport.Subject, report.Id, ct);
        await db.SaveChangesAsync(ct);
    }
}
