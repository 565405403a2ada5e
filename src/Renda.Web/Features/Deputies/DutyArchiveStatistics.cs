using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;
using Renda.Web.Features.Suggestions;

namespace Renda.Web.Features.Deputies;

public sealed record ArchiveStatisticsColumn(int CongressId, string Code, string Name, bool Own, bool HasBelow);
public sealed record ArchiveStatisticsRow(string Kind, IReadOnlyList<int> Counts, int Total);
public sealed record PointsBand(string Label, int Deputies);
public sealed record QuietDeputy(int DeputyId, string Name, string? Delegation);
public sealed record ArchiveStatisticsView(string Code, string Congress, int Year, IReadOnlyList<ArchiveStatisticsColumn> Columns, IReadOnlyList<ArchiveStatisticsRow> Rows,
    IReadOnlyList<PointsBand> Points, int DeputiesWithoutRecord, IReadOnlyList<QuietDeputy> WithoutRecord, IReadOnlyList<ArchiveRecordRow> Records, string? Kind);
public sealed record ArchiveRecordRow(int Id, DateOnly On, string Deputy, string Kind, string Title, string? Link);

/// <summary>
/// 档案统计: the year's duty records by kind for a congress and, column by column, each congress below it with its own subtree
/// summed (省州县乡 summed upward). Counts of a lower congress drill down to that congress's counts, never to its people; the
/// congress's own counts link to their records.
/// </summary>
public static class DutyArchiveStatistics
{
    public static readonly (string Label, double Above, double UpTo)[] Bands = [("0 分", -1, 0), ("0–5 分", 0, 5), ("5–10 分", 5, 10), ("10–20 分", 10, 20), ("20 分以上", 20, double.MaxValue)];

    public static async Task<ArchiveStatisticsView> ForAsync(RendaDbContext db, CurrentUser user, string? code, int? year, string? kind, CancellationToken ct = default)
    {
        var congress = await CongressScope.OwnOrBelowAsync(db, user, code ?? user.CongressCode ?? "", ct);
        var y = year ?? WorkCalendar.Today(db.Clock).Year;
        if (y < 1979 || y > 2100) throw DomainException.Invalid("year", "年度无效。");
        if (kind is not null && !DutyKinds.All.Contains(kind)) throw DomainException.Invalid("kind", $"“{kind}”不是履职记录的类别。");
        var own = congress.Id == user.CongressId;
        var all = await db.Congresses.AsNoTracking().Select(c => new { c.Id, c.ParentId, c.Code, c.ShortName }).ToListAsync(ct);
        var children = all.Where(c => c.ParentId == congress.Id).OrderBy(c => c.Code).ToList();
        // Each column's congress and the subtree it sums.
        var top = new Dictionary<int, int> { [congress.Id] = congress.Id };
        foreach (var child in children)
        {
            var queue = new List<int> { child.Id };
            for (var i = 0; i < queue.Count; i++)
            {
                top[queue[i]] = child.Id;
                queue.AddRange(all.Where(c => c.ParentId == queue[i]).Select(c => c.Id));
            }
        }
        var ids = top.Keys.ToList();
        var (start, end) = (new DateOnly(y, 1, 1), new DateOnly(y + 1, 1, 1));
        var counts = await (from r in db.Set<DutyRecord>()
                            where r.On >= start && r.On < end
                            join d in db.Deputies on r.DeputyId equals d.Id
                            where ids.Contains(d.CongressId)
                            group r by new { d.CongressId, r.Kind } into g
                            select new { g.Key.CongressId, g.Key.Kind, Count = g.Count() }).ToListAsync(ct);
        var columns = new List<ArchiveStatisticsColumn> { new(congress.Id, congress.Code, $"{congress.ShortName}（本级）", true, false) };
        columns.AddRange(children.Select(c => new ArchiveStatisticsColumn(c.Id, c.Code, c.ShortName, false, all.Any(x => x.ParentId == c.Id))));
        var rows = DutyKinds.All.Select(k =>
        {
            var cells = columns.Select(col => counts.Where(c => c.Kind == k && top[c.CongressId] == col.CongressId).Sum(c => c.Count)).ToList();
            return new ArchiveStatisticsRow(k, cells, cells.Sum());
        }).ToList();
        var points = await DutyArchiveQueries.PointsAsync(db, [congress.Id], y, ct);
        var serving = await db.Deputies.AsNoTracking().Where(d => d.CongressId == congress.Id && d.Status == DeputyStatus.Serving)
            .Select(d => new { d.Id, d.Person!.Name, d.Delegation }).ToListAsync(ct);
        var byDeputy = points.ToDictionary(p => p.DeputyId, p => p.Points);
        var bands = Bands.Select(b => new PointsBand(b.Label, serving.Count(d => byDeputy.GetValueOrDefault(d.Id) > b.Above && byDeputy.GetValueOrDefault(d.Id) <= b.UpTo))).ToList();
        var withRecords = counts.Count == 0 ? new HashSet<int>() : (await db.Set<DutyRecord>().Where(r => r.On >= start && r.On < end && db.Deputies.Any(d => d.Id == r.DeputyId && d.CongressId == congress.Id))
            .Select(r => r.DeputyId).Distinct().ToListAsync(ct)).ToHashSet();
        var quiet = serving.Where(d => !withRecords.Contains(d.Id)).Select(d => new QuietDeputy(d.Id, d.Name, d.Delegation)).ToList();
        var records = new List<ArchiveRecordRow>();
        if (own && kind is not null)
            records = (await (from r in db.Set<DutyRecord>().AsNoTracking()
                              where r.On >= start && r.On < end && r.Kind == kind
                              join d in db.Deputies on r.DeputyId equals d.Id
                              where d.CongressId == congress.Id
                              orderby r.On descending, r.Id descending
                              select new { r.Id, r.On, d.Person!.Name, r.Kind, r.Title, r.SourceType, r.SourceId }).Take(1000).ToListAsync(ct))
                .Select(r => new ArchiveRecordRow(r.Id, r.On, r.Name, r.Kind, r.Title, DutyArchiveLabels.LinkOf(r.SourceType, r.SourceId))).ToList();
        // A lower congress's deputies are its personal data: the upper congress sees how many, not who.
        return new ArchiveStatisticsView(congress.Code, congress.ShortName, y, columns, rows, bands, quiet.Count, own ? quiet : [], records, kind);
    }

    public static byte[] Workbook(ArchiveStatisticsView s)
    {
        var columns = new List<Ledgers.Column> { new("履职活动", 26) };
        columns.AddRange(s.Columns.Select(c => new Ledgers.Column(c.Name, 14)));
        columns.Add(new("合计", 10));
        var rows = s.Rows.Select(r => new object?[] { r.Kind }.Concat(r.Counts.Cast<object?>()).Append(r.Total).ToArray());
        return Ledgers.Workbook($"{s.Year}年履职档案统计", columns, rows);
    }
}
