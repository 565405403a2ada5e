using Renda.Web.Features.Suggestions;
using Renda.Web.Platform.Deadlines;

namespace Renda.Web.Features.Deputies;

public sealed record StationItem(int Id, string Name, StationKind Kind, string KindLabel, string Township, string Address, int Deputies, decimal Funding, DateOnly? NextReception);
public sealed record StationDeputyView(int DeputyId, string Name, string Congress);
public sealed record FundingView(int Id, int? StationId, string? StationName, string? Programme, string Source, decimal Amount, string Purpose, int Year);
public sealed record StationView(int Id, string Name, StationKind Kind, string KindLabel, string Address, string Township, string? OpeningHours, string? ReceptionSchedule,
    string? Facilities, DateOnly? OpenedOn, IReadOnlyList<StationDeputyView> Deputies, IReadOnlyList<FundingView> Funding, decimal FundingTotal, IReadOnlyList<ReceptionItem> Receptions);
public sealed record ReceptionItem(int Id, int StationId, string StationName, ReceptionKind Kind, string KindLabel, DateOnly On, string Time, string? Topic,
    ReceptionStatus Status, string StatusLabel, string Attendees, int Opinions);
public sealed record AttendeeView(int PersonId, int? DeputyId, string Name, string Role);
public sealed record ReceptionView(ReceptionItem Reception, DateOnly PublishedOn, IReadOnlyList<AttendeeView> Attendees, IReadOnlyList<OpinionItem> Opinions, bool CanRecord, bool CanClose, bool CanCancel);
public sealed record OpinionItem(int Id, string ReceiptCode, int StationId, string StationName, int? ReceptionDayId, OpinionSource Source, string SourceLabel, string PersonName,
    string Contact, string Category, string Summary, DateOnly ReceivedOn, OpinionStatus Status, string StatusLabel, OpinionRoute? Route, string RouteLabel,
    string? UnitName, DateOnly? DueOn, bool Overdue, Satisfaction? Satisfaction);
public sealed record SuggestionLink(int Id, string Title, string StatusLabel, DateOnly? AnsweredOn, string? Rating);
public sealed record OpinionView(OpinionItem Opinion, string Content, string? Township, DateOnly? RoutedOn, string? Answer, DateOnly? AnsweredOn, string? Feedback,
    DateOnly? FeedbackOn, string? SatisfactionLabel, DateOnly? SatisfactionOn, SuggestionLink? Suggestion, IReadOnlyList<OpinionAction> Actions, IReadOnlyList<StationDeputyView> Deputies);
public sealed record PublicReception(int Id, ReceptionKind Kind, string KindLabel, DateOnly On, string Time, string? Topic, string Attendees);
public sealed record PublicStation(int Id, string Name, string KindLabel, string Congress, string Address, string Township, string? OpeningHours, string? ReceptionSchedule,
    string? Facilities, IReadOnlyList<string> Deputies, IReadOnlyList<PublicReception> Upcoming);
public sealed record PublicOpinionStatus(string ReceiptCode, string StationName, DateOnly ReceivedOn, string StatusLabel, string? Answer, DateOnly? AnsweredOn, string? Feedback, DateOnly? FeedbackOn);
/// <summary>A reception a person attends, for the deputy's phone home (我的履职).</summary>
public sealed record UpcomingReception(DateOnly On, string Title, string StationName, string Href);
public sealed record OpinionFilter(OpinionStatus? Status = null, OpinionRoute? Route = null, int? Year = null, Satisfaction? Satisfaction = null, bool? Overdue = null, int? StationId = null, bool? OnTime = null);

/// <summary>What readers see of stations, receptions and opinions (AsNoTracking, named records).</summary>
public static class DeputiesQueries
{
    public static async Task<List<StationItem>> StationsAsync(RendaDbContext db, int congressId, DateOnly today, CancellationToken ct)
        => await db.Set<LiaisonStation>().AsNoTracking().Where(s => s.CongressId == congressId).OrderBy(s => s.Kind).ThenBy(s => s.Name)
            .Select(s => new StationItem(s.Id, s.Name, s.Kind, "", s.Township, s.Address, s.Deputies.Count,
                db.Set<StationFunding>().Where(f => f.StationId == s.Id).Sum(f => (decimal?)f.Amount) ?? 0,
                db.Set<ReceptionDay>().Where(r => r.StationId == s.Id && r.On >= today && r.Status == ReceptionStatus.Published).Min(r => (DateOnly?)r.On)))
            .ToListAsync(ct) is var rows ? rows.Select(r => r with { KindLabel = DeputiesLabels.Of(r.Kind) }).ToList() : [];

    public static async Task<List<StationDeputyView>> DeputyNamesAsync(RendaDbContext db, IReadOnlyCollection<int> deputyIds, CancellationToken ct)
        => await db.Deputies.AsNoTracking().Where(d => deputyIds.Contains(d.Id)).OrderBy(d => d.Congress!.Level).ThenBy(d => d.Id)
            .Select(d => new StationDeputyView(d.Id, d.Person!.Name, d.Congress!.ShortName + "人大代表")).ToListAsync(ct);

    public static async Task<StationView> StationAsync(RendaDbContext db, ReceptionActor actor, int id, CancellationToken ct)
    {
        var s = await db.Set<LiaisonStation>().AsNoTracking().Include(x => x.Deputies).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null || !actor.IsStaffOf(s.CongressId)) throw DomainException.NotFound("没有找到该联络站。");
        var funding = await FundingAsync(db, s.CongressId, null, s.Id, ct);
        return new StationView(s.Id, s.Name, s.Kind, DeputiesLabels.Of(s.Kind), s.Address, s.Township, s.OpeningHours, s.ReceptionSchedule, s.Facilities, s.OpenedOn,
            await DeputyNamesAsync(db, s.Deputies.Select(d => d.DeputyId).ToList(), ct), funding, funding.Sum(f => f.Amount),
            await ReceptionsAsync(db, s.CongressId, null, s.Id, ct));
    }

    public static async Task<List<FundingView>> FundingAsync(RendaDbContext db, int congressId, int? year, int? stationId, CancellationToken ct, string? source = null)
        => await db.Set<StationFunding>().AsNoTracking().Where(f => f.CongressId == congressId && (year == null || f.Year == year) && (stationId == null || f.StationId == stationId)
                && (source == null || f.Source == source))
            .OrderByDescending(f => f.Year).ThenBy(f => f.Id)
            .Select(f => new FundingView(f.Id, f.StationId, db.Set<LiaisonStation>().Where(s => s.Id == f.StationId).Select(s => s.Name).FirstOrDefault(), f.Programme, f.Source, f.Amount, f.Purpose, f.Year))
            .ToListAsync(ct);

    public static async Task<List<ReceptionItem>> ReceptionsAsync(RendaDbContext db, int congressId, int? year, int? stationId, CancellationToken ct, int? deputyPersonId = null)
    {
        var rows = await db.Set<ReceptionDay>().AsNoTracking()
            .Where(r => (deputyPersonId != null ? r.Attendees.Any(a => a.PersonId == deputyPersonId) : r.CongressId == congressId)
                && (year == null || r.On.Year == year) && (stationId == null || r.StationId == stationId))
            .OrderByDescending(r => r.On).ThenByDescending(r => r.Id)
            .Select(r => new
            {
                r.Id, r.StationId, Station = db.Set<LiaisonStation>().Where(s => s.Id == r.StationId).Select(s => s.Name).First(), r.Kind, r.On, r.Time, r.Topic, r.Status,
                Persons = r.Attendees.Select(a => a.PersonId).ToList(), Opinions = db.Set<ConstituentOpinion>().Count(o => o.ReceptionDayId == r.Id),
            }).ToListAsync(ct);
        var names = await NamesAsync(db, rows.SelectMany(r => r.Persons).Distinct().ToList(), ct);
        return rows.Select(r => new ReceptionItem(r.Id, r.StationId, r.Station, r.Kind, DeputiesLabels.Of(r.Kind), r.On, r.Time, r.Topic, r.Status, DeputiesLabels.Of(r.Status),
            string.Join("、", r.Persons.Select(p => names.GetValueOrDefault(p, ""))), r.Opinions)).ToList();
    }

    private static async Task<Dictionary<int, string>> NamesAsync(RendaDbContext db, List<int> personIds, CancellationToken ct)
        => await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);

    public static async Task<ReceptionView> ReceptionAsync(RendaDbContext db, ReceptionActor actor, int id, CancellationToken ct)
    {
        var r = await db.Set<ReceptionDay>().AsNoTracking().Include(x => x.Attendees).FirstOrDefaultAsync(x => x.Id == id, ct);
        var mine = r is not null && actor.PersonId is { } pid && r.Attendees.Any(a => a.PersonId == pid);
        if (r is null || !(actor.IsStaffOf(r.CongressId) || mine)) throw DomainException.NotFound("没有找到该接待日。");
        var item = (await ReceptionsAsync(db, r.CongressId, null, r.StationId, ct)).First(x => x.Id == id);
        var names = await NamesAsync(db, r.Attendees.Select(a => a.PersonId).ToList(), ct);
        var attendees = r.Attendees.Select(a => new AttendeeView(a.PersonId, a.DeputyId, names.GetValueOrDefault(a.PersonId, ""), a.DeputyId is null ? "主任会议组成人员" : "代表")).ToList();
        var opinions = await OpinionsAsync(db, r.CongressId, new OpinionFilter(), ct, receptionId: id);
        var staff = actor.IsStaffOf(r.CongressId);
        var today = WorkCalendar.Today(db.Clock);
        return new ReceptionView(item, r.PublishedOn, attendees, opinions, staff && r.Can(ReceptionAction.RecordOpinion) && today >= r.On,
            staff && r.Can(ReceptionAction.Close) && today >= r.On, staff && r.Can(ReceptionAction.Cancel) && today <= r.On);
    }

    /// <summary>
    /// Opinions of a congress (or of one reception, or referred to the given units), urgent first: an overdue referral, then the
    /// nearest reply due date, then what nobody has routed yet, oldest first; the finished ones last. Contacts masked.
    /// </summary>
    public static async Task<List<OpinionItem>> OpinionsAsync(RendaDbContext db, int congressId, OpinionFilter f, CancellationToken ct, int? receptionId = null, IReadOnlyList<int>? unitIds = null, int? opinionId = null)
    {
        var q = db.Set<ConstituentOpinion>().AsNoTracking().AsQueryable();
        q = opinionId is { } oid ? q.Where(o => o.Id == oid)
            : receptionId is { } rid ? q.Where(o => o.ReceptionDayId == rid)
            : unitIds is not null ? q.Where(o => o.HandlingUnitId != null && unitIds.Contains(o.HandlingUnitId.Value))
            : q.Where(o => o.CongressId == congressId);
        if (f.Status is { } st) q = q.Where(o => o.Status == st);
        if (f.Route is { } route) q = q.Where(o => o.Route == route);
        if (f.Year is { } y) q = q.Where(o => o.ReceivedOn.Year == y);
        if (f.Satisfaction is { } sat) q = q.Where(o => o.Satisfaction == sat);
        if (f.StationId is { } sid) q = q.Where(o => o.StationId == sid);
        var rows = await q.Select(o => new
        {
            o, Station = db.Set<LiaisonStation>().Where(s => s.Id == o.StationId).Select(s => s.Name).First(),
            Unit = db.HandlingUnits.Where(u => u.Id == o.HandlingUnitId).Select(u => u.Name).FirstOrDefault(),
        }).ToListAsync(ct);
        var keys = rows.Where(r => r.o.Route == OpinionRoute.Referral).Select(r => r.o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var clocks = (await db.Deadlines.AsNoTracking().Where(d => d.SubjectType == ConstituentOpinionWorkflow.Subject && keys.Contains(d.SubjectId) && d.Status != DeadlineStatus.Cancelled)
            .Select(d => new { d.SubjectId, d.DueOn, d.Status, d.CompletedAt }).ToListAsync(ct)).ToDictionary(d => int.Parse(d.SubjectId, System.Globalization.CultureInfo.InvariantCulture));
        var items = rows.Select(r =>
        {
            var c = clocks.GetValueOrDefault(r.o.Id);
            return (Item: Item(r.o, r.Station, r.Unit, c?.DueOn, c?.Status == DeadlineStatus.Overdue), OnTime: c is { Status: DeadlineStatus.Met } m && m.CompletedAt is { } at && DateOnly.FromDateTime(at.AddHours(8)) <= m.DueOn);
        }).ToList();
        if (f.Overdue is { } overdue) items = items.Where(i => i.Item.Overdue == overdue).ToList();
        if (f.OnTime is { } onTime) items = items.Where(i => i.Item.Route == OpinionRoute.Referral && i.Item.Status is not OpinionStatus.Referred && i.OnTime == onTime).ToList();
        return items.Select(i => i.Item).OrderBy(i => i.Overdue ? 0 : 1).ThenBy(i => ConstituentOpinion.Open.Contains(i.Status) ? 0 : 1).ThenBy(i => i.DueOn ?? DateOnly.MaxValue)
            .ThenBy(i => i.Status).ThenBy(i => i.ReceivedOn).ThenBy(i => i.Id).ToList();
    }

    private static OpinionItem Item(ConstituentOpinion o, string station, string? unit, DateOnly? dueOn, bool overdue) => new(o.Id, o.ReceiptCode, o.StationId, station, o.ReceptionDayId,
        o.Source, DeputiesLabels.Of(o.Source), o.PersonName, ConstituentOpinionWorkflow.MaskContact(o.Contact), o.Category, ConstituentOpinionWorkflow.Summary(o), o.ReceivedOn,
        o.Status, DeputiesLabels.Of(o.Status), o.Route, DeputiesLabels.Of(o.Route), unit, dueOn, overdue, o.Satisfaction);

    /// <summary>One opinion: the staff of its congress see the contact in full; the unit's officer sees it masked.</summary>
    public static async Task<OpinionView> OpinionAsync(RendaDbContext db, ReceptionActor actor, int id, CancellationToken ct)
    {
        var o = await db.Set<ConstituentOpinion>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null || !(actor.IsStaffOf(o.CongressId) || actor.ActsFor(o.HandlingUnitId))) throw DomainException.NotFound("没有找到该群众意见。");
        var staff = actor.IsStaffOf(o.CongressId);
        var item = (await OpinionsAsync(db, o.CongressId, new OpinionFilter(), ct, opinionId: id)).Single();
        if (staff) item = item with { Contact = o.Contact };
        SuggestionLink? suggestion = null;
        if (o.SuggestionId is { } sid && await db.Set<Suggestion>().AsNoTracking().Where(s => s.Id == sid)
                .Select(s => new { s.Id, s.Title, s.Status, s.FirstAnsweredOn, s.Rating }).FirstOrDefaultAsync(ct) is { } sg)
            suggestion = new SuggestionLink(sg.Id, sg.Title, SuggestionLabels.Of(sg.Status), sg.FirstAnsweredOn, sg.Rating is { } rt ? DeputiesLabels.Of(rt) : null);
        var actions = Enum.GetValues<OpinionAction>().Where(a => o.Can(a, actor) && (staff || a == OpinionAction.AnswerReferral)).ToList();
        var deputies = o.ReceptionDayId is { } rid
            ? await DeputyNamesAsync(db, await db.Set<ReceptionAttendee>().Where(a => a.ReceptionDayId == rid && a.DeputyId != null).Select(a => a.DeputyId!.Value).ToListAsync(ct), ct)
            : await DeputyNamesAsync(db, await db.Set<StationDeputy>().Where(d => d.StationId == o.StationId).Select(d => d.DeputyId).ToListAsync(ct), ct);
        return new OpinionView(item, o.Content, o.Township, o.RoutedOn, o.Answer, o.AnsweredOn, o.Feedback, o.FeedbackOn,
            o.Satisfaction is { } sat ? DeputiesLabels.Of(sat) : null, o.SatisfactionOn, suggestion, actions, deputies);
    }

    // ---- public ----

    public static async Task<List<PublicStation>> PublicStationsAsync(RendaDbContext db, DateOnly today, int? id, CancellationToken ct)
    {
        var stations = await db.Set<LiaisonStation>().AsNoTracking().Where(s => id == null || s.Id == id).OrderBy(s => s.CongressId).ThenBy(s => s.Kind).ThenBy(s => s.Name)
            .Select(s => new { s, Congress = db.Congresses.Where(c => c.Id == s.CongressId).Select(c => c.ShortName).First(), Deputies = s.Deputies.Select(d => d.DeputyId).ToList() })
            .ToListAsync(ct);
        var ids = stations.Select(s => s.s.Id).ToList();
        var upcoming = await db.Set<ReceptionDay>().AsNoTracking().Where(r => ids.Contains(r.StationId) && r.On >= today && r.Status == ReceptionStatus.Published)
            .OrderBy(r => r.On).Select(r => new { r.Id, r.StationId, r.Kind, r.On, r.Time, r.Topic, Persons = r.Attendees.Select(a => a.PersonId).ToList() }).ToListAsync(ct);
        var names = await NamesAsync(db, upcoming.SelectMany(r => r.Persons).Distinct().ToList(), ct);
        var deputyNames = id is null ? [] : (await DeputyNamesAsync(db, stations.SelectMany(s => s.Deputies).ToList(), ct)).Select(d => $"{d.Name}（{d.Congress}）").ToList();
        return stations.Select(s => new PublicStation(s.s.Id, s.s.Name, DeputiesLabels.Of(s.s.Kind), s.Congress + "人大常委会", s.s.Address, s.s.Township, s.s.OpeningHours, s.s.ReceptionSchedule,
            s.s.Facilities, deputyNames, upcoming.Where(r => r.StationId == s.s.Id).Select(r => new PublicReception(r.Id, r.Kind, DeputiesLabels.Of(r.Kind), r.On, r.Time, r.Topic,
                string.Join("、", r.Persons.Select(p => names.GetValueOrDefault(p, ""))))).ToList())).ToList();
    }

    public static async Task<PublicOpinionStatus?> PublicOpinionAsync(RendaDbContext db, string? code, CancellationToken ct)
    {
        var c = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(c) || c.Length > 12) return null;
        var o = await db.Set<ConstituentOpinion>().AsNoTracking().Where(x => x.ReceiptCode == c)
            .Select(x => new { x, Station = db.Set<LiaisonStation>().Where(s => s.Id == x.StationId).Select(s => s.Name).First() }).FirstOrDefaultAsync(ct);
        return o is null ? null : new PublicOpinionStatus(o.x.ReceiptCode, o.Station, o.x.ReceivedOn, DeputiesLabels.Of(o.x.Status), o.x.Answer, o.x.AnsweredOn, o.x.Feedback, o.x.FeedbackOn);
    }

    /// <summary>The receptions a person attends from today on, for D3's 我的履职 page.</summary>
    public static async Task<List<UpcomingReception>> UpcomingReceptionsForPersonAsync(RendaDbContext db, int personId, DateOnly today, CancellationToken ct)
        => (await db.Set<ReceptionDay>().AsNoTracking().Where(r => r.On >= today && r.Status == ReceptionStatus.Published && r.Attendees.Any(a => a.PersonId == personId))
            .OrderBy(r => r.On).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.On, r.Kind, r.Time, Station = db.Set<LiaisonStation>().Where(s => s.Id == r.StationId).Select(s => s.Name).First() }).ToListAsync(ct))
            .Select(r => new UpcomingReception(r.On, $"{DeputiesLabels.Of(r.Kind)} {r.Time}", r.Station, $"/deputies/receptions/{r.Id}")).ToList();
}
