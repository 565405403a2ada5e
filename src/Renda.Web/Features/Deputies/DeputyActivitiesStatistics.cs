using Renda.Web.Features.Suggestions;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Deputies;

public sealed record ActivityCount(string Key, string Label, int Count);

/// <summary>One congress's (or a sum of congresses') trainings, forums, 六联系 and joint inspections in a year.</summary>
public sealed record ActivityFigures(int Trainings, int PersonTimes, int Forums, int Opinions, IReadOnlyList<ActivityCount> OpinionsByDestination,
    int Contacts, IReadOnlyList<ActivityCount> ContactsByKind, int BelowMinimum, int JointInspections, int JointParticipants, IReadOnlyList<LevelCount> ParticipantsByLevel);

public sealed record ActivityStatisticsRow(int CongressId, string Code, string Name, int Depth, ActivityFigures Figures);

/// <summary>The congress's own figures, each congress below it, and the sum over the congress and all below (省州县乡四级联动).</summary>
public sealed record ActivityStatisticsView(int Year, string CongressCode, string CongressName, ActivityFigures Own, ActivityFigures Total, IReadOnlyList<ActivityStatisticsRow> Below);

/// <summary>Statistics of trainings, forums, 六联系 and joint inspections: counted from the records by query, never kept as counters.</summary>
public static class DeputyActivitiesStatistics
{
    public const string PendingKey = "Pending";

    public static async Task<ActivityStatisticsView> ForYearAsync(RendaDbContext db, Congress congress, int year, CancellationToken ct)
    {
        if (year is < 1979 or > 2100) throw DomainException.Invalid("year", "年度无效。");
        var ids = await CongressScope.SubtreeAsync(db, congress.Id, ct);
        var congresses = await db.Congresses.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var trainings = await db.Set<Training>().AsNoTracking().Where(t => ids.Contains(t.CongressId) && t.Year == year)
            .GroupBy(t => t.CongressId).Select(g => new { g.Key, Count = g.Count(), PersonTimes = g.Sum(t => t.Trainees.Count(x => x.Attendance == Attendance.Attended)) }).ToListAsync(ct);
        var forums = await db.Set<Forum>().AsNoTracking().Where(f => ids.Contains(f.CongressId) && f.Year == year).GroupBy(f => f.CongressId)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var opinions = await db.Set<ForumOpinion>().AsNoTracking()
            .Join(db.Set<Forum>().Where(f => ids.Contains(f.CongressId) && f.Year == year), o => o.ForumId, f => f.Id, (o, f) => new { f.CongressId, o.Destination })
            .GroupBy(x => new { x.CongressId, x.Destination }).Select(g => new { g.Key.CongressId, g.Key.Destination, Count = g.Count() }).ToListAsync(ct);
        var contacts = await db.Set<ContactRecord>().AsNoTracking().Where(r => ids.Contains(r.CongressId) && r.Year == year)
            .Join(db.Set<ContactKind>(), r => r.KindId, k => k.Id, (r, k) => new { r.CongressId, k.Name, k.SortOrder })
            .GroupBy(x => new { x.CongressId, x.Name, x.SortOrder }).Select(g => new { g.Key.CongressId, g.Key.Name, g.Key.SortOrder, Count = g.Count() }).ToListAsync(ct);
        var joint = await db.Set<JointInspection>().AsNoTracking().Where(j => ids.Contains(j.CongressId) && j.Year == year).GroupBy(j => j.CongressId)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var participants = await db.Set<JointInspectionDeputy>().AsNoTracking()
            .Join(db.Set<JointInspection>().Where(j => ids.Contains(j.CongressId) && j.Year == year), d => d.JointInspectionId, j => j.Id, (d, j) => new { j.CongressId, d.Level })
            .GroupBy(x => new { x.CongressId, x.Level }).Select(g => new { g.Key.CongressId, g.Key.Level, Count = g.Count() }).ToListAsync(ct);
        // Who is below the minimum needs each congress's roster; only congresses with kinds of their own are asked (a congress that never
        // used 六联系 has no kinds yet and is not reminded of a list it never kept).
        var withKinds = await db.Set<ContactKind>().AsNoTracking().Where(k => ids.Contains(k.CongressId)).Select(k => k.CongressId).Distinct().ToListAsync(ct);
        var below = new Dictionary<int, int>();
        foreach (var id in withKinds)
            below[id] = (await DeputyActivitiesQueries.BelowMinimumAsync(db, id, year, null, ct)).Count;

        ActivityFigures Figures(IReadOnlyCollection<int> of)
        {
            var ops = opinions.Where(o => of.Contains(o.CongressId)).ToList();
            var cs = contacts.Where(c => of.Contains(c.CongressId)).ToList();
            var ps = participants.Where(p => of.Contains(p.CongressId)).ToList();
            return new ActivityFigures(
                trainings.Where(t => of.Contains(t.Key)).Sum(t => t.Count), trainings.Where(t => of.Contains(t.Key)).Sum(t => t.PersonTimes),
                forums.Where(f => of.Contains(f.Key)).Sum(f => f.Count), ops.Sum(o => o.Count),
                Enum.GetValues<OpinionDestination>().Select(d => new ActivityCount(d.ToString(), DeputyActivitiesLabels.Of(d), ops.Where(o => o.Destination == d).Sum(o => o.Count)))
                    .Append(new ActivityCount(PendingKey, DeputyActivitiesLabels.Of((OpinionDestination?)null), ops.Where(o => o.Destination == null).Sum(o => o.Count))).ToList(),
                cs.Sum(c => c.Count),
                cs.GroupBy(c => c.Name).OrderBy(g => g.Min(c => c.SortOrder)).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new ActivityCount(g.Key, g.Key, g.Sum(c => c.Count))).ToList(),
                below.Where(b => of.Contains(b.Key)).Sum(b => b.Value),
                joint.Where(j => of.Contains(j.Key)).Sum(j => j.Count), ps.Sum(p => p.Count),
                JointInspectionWorkflow.Levels.Select(l => new LevelCount(l, DeputyActivitiesLabels.LevelOf(l), ps.Where(p => p.Level == l).Sum(p => p.Count))).ToList());
        }

        var depth = new Dictionary<int, int> { [congress.Id] = 0 };
        foreach (var id in ids.Skip(1))
            depth[id] = depth[congresses[id].ParentId!.Value] + 1;
        return new ActivityStatisticsView(year, congress.Code, congress.ShortName, Figures([congress.Id]), Figures(ids),
            ids.Skip(1).Select(id => new ActivityStatisticsRow(id, congresses[id].Code, congresses[id].ShortName, depth[id], Figures([id]))).ToList());
    }

    private static readonly string[] Destinations = Enum.GetValues<OpinionDestination>().Select(d => DeputyActivitiesLabels.Of(d)).Append("待定去向").ToArray();

    /// <summary>One sheet: the congress, each congress below, and the sum.</summary>
    public static byte[] Workbook(ActivityStatisticsView s)
    {
        var columns = new List<Ledgers.Column> { new("人大", 22), new("培训期数", 10), new("培训人次", 10), new("代表论坛", 10), new("论坛意见", 10) };
        columns.AddRange(Destinations.Select(d => new Ledgers.Column("意见" + d, 14)));
        columns.AddRange([new("六联系记录", 12), new("低于最少次数人数", 16), new("四级代表集中视察", 16), new("视察代表人次", 12)]);
        columns.AddRange(JointInspectionWorkflow.Levels.Select(l => new Ledgers.Column($"{DeputyActivitiesLabels.LevelOf(l)}级代表", 10)));
        static object?[] Row(string name, ActivityFigures f) =>
        [
            name, f.Trainings, f.PersonTimes, f.Forums, f.Opinions, .. f.OpinionsByDestination.Select(c => (object?)c.Count),
            f.Contacts, f.BelowMinimum, f.JointInspections, f.JointParticipants, .. f.ParticipantsByLevel.Select(c => (object?)c.Count),
        ];
        var rows = new List<object?[]> { Row(s.CongressName + "（本级）", s.Own) };
        rows.AddRange(s.Below.Select(b => Row(new string('　', b.Depth) + b.Name, b.Figures)));
        rows.Add(Row("合计（含下级）", s.Total));
        return Ledgers.Workbook($"{s.Year}年代表活动统计", columns, rows);
    }
}
