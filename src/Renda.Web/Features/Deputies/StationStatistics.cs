using System.Globalization;
using Renda.Web.Features.Suggestions;
using Renda.Web.Platform.Deadlines;

namespace Renda.Web.Features.Deputies;

/// <summary>One congress's figures for a year (or the sum over a congress and those below it).</summary>
public sealed record StationCongressLine(string Code, string Name, bool Own, int Stations, int Homes, decimal Funding, int Receptions, int ChairpersonReceptions,
    int Opinions, int Online, int OnTheSpot, int Township, int Referral, int Suggestion, int Unrouted, int ReferralsOnTime, int ReferralsLate, int ReferralsOverdue,
    int Closed, int Satisfied, int BasicallySatisfied, int Dissatisfied);
public sealed record FundingLine(string Source, int Year, decimal Amount, int Records);
public sealed record StationStatisticsView(string Code, string Congress, int Year, StationCongressLine Total, IReadOnlyList<StationCongressLine> Congresses, IReadOnlyList<FundingLine> FundingBySource);

/// <summary>Stations, funding, receptions and opinions per congress and summed over the congresses below, computed from the records.</summary>
public static class StationStatistics
{
    public static async Task<StationStatisticsView> ForAsync(RendaDbContext db, int congressId, int year, CancellationToken ct)
    {
        if (year is < 2000 or > 2100) throw DomainException.Invalid("year", "年度无效。");
        var tree = await Platform.Organisations.CongressScope.SubtreeAsync(db, congressId, ct);
        var congresses = await db.Congresses.AsNoTracking().Where(c => tree.Contains(c.Id)).Select(c => new { c.Id, c.Code, c.ShortName }).ToListAsync(ct);
        var stations = await db.Set<LiaisonStation>().AsNoTracking().Where(s => tree.Contains(s.CongressId)).Select(s => new { s.CongressId, s.Kind }).ToListAsync(ct);
        var funding = await db.Set<StationFunding>().AsNoTracking().Where(f => tree.Contains(f.CongressId)).Select(f => new { f.CongressId, f.Source, f.Year, f.Amount }).ToListAsync(ct);
        var receptions = await db.Set<ReceptionDay>().AsNoTracking().Where(r => tree.Contains(r.CongressId) && r.On.Year == year && r.Status != ReceptionStatus.Cancelled)
            .Select(r => new { r.CongressId, r.Kind }).ToListAsync(ct);
        var opinions = await db.Set<ConstituentOpinion>().AsNoTracking().Where(o => tree.Contains(o.CongressId) && o.ReceivedOn.Year == year)
            .Select(o => new { o.Id, o.CongressId, o.Source, o.Route, o.Status, o.Satisfaction }).ToListAsync(ct);
        var referred = opinions.Where(o => o.Route == OpinionRoute.Referral).Select(o => o.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var clocks = (await db.Deadlines.AsNoTracking().Where(d => d.SubjectType == ConstituentOpinionWorkflow.Subject && referred.Contains(d.SubjectId) && d.Status != DeadlineStatus.Cancelled)
            .Select(d => new { d.SubjectId, d.Status, d.DueOn, d.CompletedAt }).ToListAsync(ct)).ToDictionary(d => int.Parse(d.SubjectId, CultureInfo.InvariantCulture));
        bool OnTime(int id) => clocks.GetValueOrDefault(id) is { Status: DeadlineStatus.Met, CompletedAt: { } at } c && DateOnly.FromDateTime(at.AddHours(8)) <= c.DueOn;
        bool Late(int id) => clocks.GetValueOrDefault(id) is { Status: DeadlineStatus.Met } && !OnTime(id);
        bool Overdue(int id) => clocks.GetValueOrDefault(id) is { Status: DeadlineStatus.Overdue };

        StationCongressLine Line(string code, string name, bool own, Func<int, bool> of)
        {
            var o = opinions.Where(x => of(x.CongressId)).ToList();
            return new StationCongressLine(code, name, own, stations.Count(s => of(s.CongressId)), stations.Count(s => of(s.CongressId) && s.Kind == StationKind.Home),
                funding.Where(f => of(f.CongressId) && f.Year == year).Sum(f => f.Amount), receptions.Count(r => of(r.CongressId)),
                receptions.Count(r => of(r.CongressId) && r.Kind == ReceptionKind.Chairpersons), o.Count, o.Count(x => x.Source == OpinionSource.Online),
                o.Count(x => x.Route == OpinionRoute.OnTheSpot), o.Count(x => x.Route == OpinionRoute.Township), o.Count(x => x.Route == OpinionRoute.Referral),
                o.Count(x => x.Route == OpinionRoute.Suggestion), o.Count(x => x.Route == null), o.Count(x => OnTime(x.Id)), o.Count(x => Late(x.Id)), o.Count(x => Overdue(x.Id)),
                o.Count(x => x.Status == OpinionStatus.Closed), o.Count(x => x.Satisfaction == Satisfaction.Satisfied),
                o.Count(x => x.Satisfaction == Satisfaction.BasicallySatisfied), o.Count(x => x.Satisfaction == Satisfaction.Dissatisfied));
        }

        var own = congresses.First(c => c.Id == congressId);
        var lines = congresses.OrderBy(c => c.Id == congressId ? 0 : 1).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => Line(c.Code, c.ShortName, c.Id == congressId, id => id == c.Id)).ToList();
        var total = Line(own.Code, $"{own.ShortName}及下级合计", false, _ => true);
        var bySource = funding.GroupBy(f => (f.Source, f.Year)).OrderByDescending(g => g.Key.Year).ThenBy(g => g.Key.Source, StringComparer.Ordinal)
            .Select(g => new FundingLine(g.Key.Source, g.Key.Year, g.Sum(f => f.Amount), g.Count())).ToList();
        return new StationStatisticsView(own.Code, own.ShortName, year, total, lines, bySource);
    }

    public static readonly IReadOnlyList<Ledgers.Column> CongressColumns =
    [
        new("人大", 16), new("联络站", 8), new("其中代表之家", 10), new("本年经费（元）", 14), new("接待日", 8), new("其中主任接待日", 12), new("群众意见", 10), new("其中网上留言", 10),
        new("当场答复", 10), new("属地办理", 10), new("转交承办单位", 12), new("转为代表建议", 12), new("未分流", 8), new("按期答复", 10), new("逾期答复", 10), new("逾期未答复", 10),
        new("已办结", 8), new("满意", 8), new("基本满意", 10), new("不满意", 8),
    ];

    public static IEnumerable<object?[]> CongressRows(StationStatisticsView s) => s.Congresses.Append(s.Total).Select(l => new object?[]
    {
        l.Name, l.Stations, l.Homes, Money(l.Funding), l.Receptions, l.ChairpersonReceptions, l.Opinions, l.Online, l.OnTheSpot, l.Township, l.Referral, l.Suggestion, l.Unrouted,
        l.ReferralsOnTime, l.ReferralsLate, l.ReferralsOverdue, l.Closed, l.Satisfied, l.BasicallySatisfied, l.Dissatisfied,
    });

    public static readonly IReadOnlyList<Ledgers.Column> FundingColumns = [new("资金来源", 24), new("年度", 8), new("金额（元）", 16), new("笔数", 8)];

    public static IEnumerable<object?[]> FundingRows(StationStatisticsView s) => s.FundingBySource.Select(f => new object?[] { f.Source, f.Year, Money(f.Amount), f.Records });

    public static string Money(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);
}
