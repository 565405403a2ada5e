using Renda.Web.Features.Deputies;
using Renda.Web.Features.Laws;
using Renda.Web.Features.Legislation;
using Renda.Web.Features.Supervision;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Portal;

public sealed record PublicReportHeard(string Title, string KindLabel, string Organ, DateOnly HeardOn);
public sealed record PublicPlanTopic(string Title, string KindLabel, int? PlannedMonth, string? DoneAs);
public sealed record PublicPlan(int Year, string Title, DateOnly? PublishedOn, IReadOnlyList<PublicPlanTopic> Topics);
/// <summary>A deputy as the public sees one: name, level, delegation or constituency, group, station. Nothing else of the person.</summary>
public sealed record PublicDeputy(string Name, string Level, string? Delegation, string? Group, string? Station);
public sealed record PublicContactPoint(string Name, string Location, DateOnly EstablishedOn, bool National);
public sealed record PublicRegulation(int Id, string Title, string Congress, DateOnly? PromulgatedOn, string StatusLabel);

/// <summary>
/// The public parts of other modules' records for the portal's pages: what a citizen may read of supervision, deputies and
/// regulations. Each query selects the public fields only, so nothing personal can reach a page by accident.
/// </summary>
public static class PublicSections
{
    public static async Task<List<PublicRegulation>> LatestRegulationsAsync(RendaDbContext db, Congress congress, int take, CancellationToken ct)
    {
        var scope = await LawQueries.CongressScopeAsync(db, congress.Code, ct);
        var today = WorkCalendar.Today(db.Clock);
        var names = await db.Congresses.AsNoTracking().Where(c => scope.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.StandingCommitteeName, ct);
        var laws = await db.Set<Law>().AsNoTracking().Where(l => l.CongressId != null && scope.Contains(l.CongressId.Value))
            .OrderByDescending(l => l.VersionDate).ThenByDescending(l => l.Id).Take(take).ToListAsync(ct);
        return laws.Select(l => new PublicRegulation(l.Id, l.Title, names[l.CongressId!.Value], l.VersionDate, l.StatusOn(today).Label())).ToList();
    }

    /// <summary>The year's supervision plan once published (a draft plan is not public).</summary>
    public static async Task<PublicPlan?> PlanAsync(RendaDbContext db, Congress congress, int year, CancellationToken ct)
    {
        var plan = await SupervisionQueries.PlanAsync(db, congress.Id, year, ct);
        if (plan is null || plan.Status != PlanStatus.Published) return null;
        return new PublicPlan(plan.Year, plan.Title, plan.PublishedOn, plan.Topics.Select(t => new PublicPlanTopic(t.Title, t.KindLabel, t.PlannedMonth, t.DoneAs)).ToList());
    }

    /// <summary>Work reports the standing committee heard, newest first: title, kind, organ and date — the deliberation is the meeting's record.</summary>
    public static async Task<List<PublicReportHeard>> ReportsHeardAsync(RendaDbContext db, Congress congress, int take, CancellationToken ct)
    {
        var rows = await db.Set<WorkReport>().AsNoTracking().Where(r => r.CongressId == congress.Id && r.HeardOn != null)
            .OrderByDescending(r => r.HeardOn).ThenByDescending(r => r.Id).Take(take)
            .Select(r => new { r.Title, r.Kind, r.HeardOn, Organ = db.HandlingUnits.Where(u => u.Id == r.OrganId).Select(u => u.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Select(r => new PublicReportHeard(r.Title, SupervisionLabels.Of(r.Kind), r.Organ ?? "", r.HeardOn!.Value)).ToList();
    }

    public static async Task<Page<PublicDeputy>> DeputiesAsync(RendaDbContext db, Congress congress, int? page, CancellationToken ct)
    {
        var (p, size) = Paging.Normalise(page, 50);
        var q = db.Deputies.AsNoTracking().Where(d => d.CongressId == congress.Id && d.Status == DeputyStatus.Serving);
        var total = await q.CountAsync(ct);
        // Only these columns are read: the person's ID number, phone and address never leave the database for this page.
        var rows = await q.OrderBy(d => d.Delegation).ThenBy(d => d.Person!.Name).ThenBy(d => d.Id).Skip((p - 1) * size).Take(size)
            .Select(d => new
            {
                d.Id, d.Person!.Name, d.Delegation, d.ElectoralUnit, d.DeputyGroup,
                Station = db.Set<StationDeputy>().Where(s => s.DeputyId == d.Id)
                    .Join(db.Set<LiaisonStation>(), s => s.StationId, s => s.Id, (_, s) => s.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        var level = Level(congress);
        return new Page<PublicDeputy>(rows.Select(r => new PublicDeputy(r.Name, level, r.Delegation ?? r.ElectoralUnit, r.DeputyGroup, r.Station)).ToList(), p, size, total);
    }

    public static string Level(Congress c) => c.Level switch
    {
        RegionLevel.National => "全国人大代表",
        RegionLevel.Province => "省人大代表",
        RegionLevel.Prefecture => $"{c.ShortName}人大代表",
        RegionLevel.County => $"{c.ShortName}人大代表",
        RegionLevel.Township => $"{c.ShortName}人大代表",
    };

    public static async Task<List<PublicContactPoint>> ContactPointsAsync(RendaDbContext db, Congress congress, CancellationToken ct)
        => await db.Set<LegislativeContactPoint>().AsNoTracking().Where(c => c.CongressId == congress.Id).OrderByDescending(c => c.National).ThenBy(c => c.Name)
            .Select(c => new PublicContactPoint(c.Name, c.Location, c.EstablishedOn, c.National)).ToListAsync(ct);
}
