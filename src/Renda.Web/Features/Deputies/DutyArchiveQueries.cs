using Renda.Web.Platform.People;
using Renda.Web.Features.Meetings;
using Renda.Web.Features.Suggestions;

namespace Renda.Web.Features.Deputies;

public sealed record ArchiveRecord(int Id, DateOnly On, string Kind, string Title, string SourceType, int SourceId, string? Link, double Points);
public sealed record ArchiveKind(string Kind, int Count, double Weight, double Points);
public sealed record ArchiveYear(int Year, int Count, double Points);
public sealed record DutyArchiveView(int DeputyId, string Name, string Congress, int Year, double Points, int? Rank, int Ranked,
    IReadOnlyList<ArchiveYear> Years, IReadOnlyList<ArchiveKind> Kinds, IReadOnlyList<ArchiveRecord> Records, IReadOnlyList<DutyPointWeightView> Weights, string Rule);
public sealed record DeputyPoints(int DeputyId, int CongressId, double Points);
public sealed record RankedDeputy(int Rank, int DeputyId, string Name, string? Delegation, int Records, double Points);
public sealed record CorrectionView(int Id, int DeputyId, string Deputy, int? DutyRecordId, string? RecordText, string? Kind, DateOnly? On, string? Title, string Reason,
    DutyCorrectionStatus Status, string StatusLabel, string? Decision, DateTime RequestedAt, DateTime? DecidedAt, bool CanDecide);
public sealed record DutyReportView(int Id, int DeputyId, string Deputy, int Year, string Title, string Text, DutyReportStatus Status, string StatusLabel,
    DateOnly? PresentedOn, int? LiaisonStationId, string? StationName, int? Satisfied, int? BasicallySatisfied, int? Dissatisfied, bool CanEdit, bool CanSubmit, bool CanPresent);
public sealed record MeetingInvitation(int MeetingId, string Title, DateOnly StartsOn, string Place);
public sealed record CoSigningRequest(int SuggestionId, string Title, string Lead, DateTime InvitedAt);
public sealed record OwnSuggestion(int Id, string? Number, string Title, string Status, DateOnly? AnswerDueOn, DateOnly? AnsweredOn, bool Late);
public sealed record MyDutyView(int? DeputyId, string? Name, string? Message, int Year, double Points, int? Rank, int Ranked, int RecordsThisYear,
    IReadOnlyList<UpcomingReception> Receptions, IReadOnlyList<UpcomingTraining> Trainings,
    IReadOnlyList<MeetingInvitation> Meetings, IReadOnlyList<CoSigningRequest> CoSigning, IReadOnlyList<OwnSuggestion> Suggestions,
    IReadOnlyList<CorrectionView> Corrections, IReadOnlyList<DutyReportView> Reports);

/// <summary>What readers see of the duty archive: a deputy's archive with points, the congress's ranking, corrections, reports, 我的履职.</summary>
public static class DutyArchiveQueries
{
    public static DateOnly Today(RendaDbContext db) => WorkCalendar.Today(db.Clock);

    /// <summary>
    /// The yearly points of the deputies of these congresses, by query: the year's records counted by deputy and kind, joined
    /// with the deputy's congress's weight of the kind, summed. Deputies with no record are not in the result (0 points).
    /// </summary>
    public static async Task<List<DeputyPoints>> PointsAsync(RendaDbContext db, IReadOnlyCollection<int> congressIds, int year, CancellationToken ct = default)
    {
        await DutyPoints.EnsureAsync(db, congressIds, ct);
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
        // The year's bounds are written into the SQL, not sent as parameters: once PostgreSQL caches a generic plan for a
        // prepared statement it no longer sees that the range is one year of ten and plans a serial scan of the range, about
        // twice the time of the parallel plan it chooses for the known dates (docs/BENCHMARKS.md, "Deputies' duty archive").
        var q = from r in db.Set<DutyRecord>()
                where r.On >= EF.Constant(start) && r.On < EF.Constant(end)
                join d in db.Deputies on r.DeputyId equals d.Id
                where congressIds.Contains(d.CongressId)
                join w in db.Set<DutyPointWeight>() on new { d.CongressId, r.Kind } equals new { w.CongressId, w.Kind }
                group w.Weight by new { r.DeputyId, d.CongressId } into g
                select new DeputyPoints(g.Key.DeputyId, g.Key.CongressId, g.Sum());
        return await q.AsNoTracking().ToListAsync(ct);
    }

    /// <summary>The congress's serving deputies ranked by the year's points (ties share a rank; deputies without records last, 0).</summary>
    public static async Task<List<RankedDeputy>> RankingAsync(RendaDbContext db, int congressId, int year, CancellationToken ct = default)
    {
        var points = (await PointsAsync(db, [congressId], year, ct)).ToDictionary(p => p.DeputyId, p => p.Points);
        var pointIds = points.Keys.ToList();
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
        var counts = await db.Set<DutyRecord>().Where(r => r.On >= start && r.On < end && db.Deputies.Any(d => d.Id == r.DeputyId && d.CongressId == congressId))
            .GroupBy(r => r.DeputyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var deputies = await db.Deputies.AsNoTracking().Where(d => d.CongressId == congressId && (d.Status == DeputyStatus.Serving || pointIds.Contains(d.Id)))
            .Select(d => new { d.Id, d.Person!.Name, d.Delegation }).ToListAsync(ct);
        var ordered = deputies.Select(d => (d, Points: points.GetValueOrDefault(d.Id))).OrderByDescending(x => x.Points).ThenBy(x => x.d.Id).ToList();
        var result = new List<RankedDeputy>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].Points == ordered[i - 1].Points ? result[i - 1].Rank : i + 1;
            result.Add(new RankedDeputy(rank, ordered[i].d.Id, ordered[i].d.Name, ordered[i].d.Delegation, counts.GetValueOrDefault(ordered[i].d.Id), ordered[i].Points));
        }
        return result;
    }

    /// <summary>
    /// A deputy's archive for a year: every record with its points, the counts by kind, the totals of every year. The rank
    /// among the congress's deputies needs every deputy's points (one grouped query over the congress's year), so only
    /// <paramref name="withRank"/> asks for it (我的履职, the ranking page): the archive itself stays within the deputy's own records.
    /// </summary>
    public static async Task<DutyArchiveView> ArchiveAsync(RendaDbContext db, DutyArchiveActor actor, int deputyId, int? year, bool withRank, CancellationToken ct = default)
    {
        await actor.RequireMayReadAsync(db, deputyId, ct);
        var y = year ?? Today(db).Year;
        var deputy = await db.Deputies.AsNoTracking().Where(d => d.Id == deputyId).Select(d => new { d.Person!.Name, d.CongressId, Congress = d.Congress!.ShortName }).FirstAsync(ct);
        var weights = await DutyPoints.WeightsAsync(db, deputy.CongressId, ct);
        var weight = weights.ToDictionary(w => w.Kind, w => w.Weight);
        var perYearKind = await db.Set<DutyRecord>().AsNoTracking().Where(r => r.DeputyId == deputyId)
            .GroupBy(r => new { r.On.Year, r.Kind }).Select(g => new { g.Key.Year, g.Key.Kind, Count = g.Count() }).ToListAsync(ct);
        var years = perYearKind.GroupBy(x => x.Year).OrderByDescending(g => g.Key)
            .Select(g => new ArchiveYear(g.Key, g.Sum(x => x.Count), g.Sum(x => x.Count * weight.GetValueOrDefault(x.Kind)))).ToList();
        var kinds = perYearKind.Where(x => x.Year == y).OrderBy(x => IndexOf(x.Kind))
            .Select(x => new ArchiveKind(x.Kind, x.Count, weight.GetValueOrDefault(x.Kind), x.Count * weight.GetValueOrDefault(x.Kind))).ToList();
        var (start, end) = (new DateOnly(y, 1, 1), new DateOnly(y + 1, 1, 1));
        var records = await db.Set<DutyRecord>().AsNoTracking().Where(r => r.DeputyId == deputyId && r.On >= start && r.On < end)
            .OrderByDescending(r => r.On).ThenByDescending(r => r.Id).Select(r => new { r.Id, r.On, r.Kind, r.Title, r.SourceType, r.SourceId }).ToListAsync(ct);
        var points = kinds.Sum(k => k.Points);
        int? rank = null;
        var ranked = 0;
        if (withRank)
        {
            var all = await PointsAsync(db, [deputy.CongressId], y, ct);
            ranked = await db.Deputies.CountAsync(d => d.CongressId == deputy.CongressId && d.Status == DeputyStatus.Serving, ct);
            rank = points > 0 ? all.Count(p => p.Points > points + 1e-9) + 1 : null;
        }
        return new DutyArchiveView(deputyId, deputy.Name, deputy.Congress, y, points, rank, ranked, years, kinds,
            records.Select(r => new ArchiveRecord(r.Id, r.On, r.Kind, r.Title, r.SourceType, r.SourceId, DutyArchiveLabels.LinkOf(r.SourceType, r.SourceId), weight.GetValueOrDefault(r.Kind))).ToList(),
            weights, DutyPoints.Rule);
    }

    private static int IndexOf(string kind) => DutyKinds.All is IList<string> list ? list.IndexOf(kind) : 0;

    public static async Task<List<CorrectionView>> CorrectionsAsync(RendaDbContext db, DutyArchiveActor actor, int? deputyId, DutyCorrectionStatus? status, CancellationToken ct = default)
    {
        if (deputyId is { } id) await actor.RequireMayReadAsync(db, id, ct);
        else if (!actor.MayReadAll) throw DomainException.Forbidden("只有常委会工作人员可以查看全部更正申请。");
        var q = db.Set<DutyCorrectionRequest>().AsNoTracking().Where(r => r.CongressId == actor.CongressId);
        if (deputyId is not null) q = q.Where(r => r.DeputyId == deputyId);
        if (status is not null) q = q.Where(r => r.Status == status);
        var rows = await q.OrderByDescending(r => r.Id).Take(500).Select(r => new
        {
            Request = r, Deputy = db.Deputies.Where(d => d.Id == r.DeputyId).Select(d => d.Person!.Name).FirstOrDefault(),
        }).ToListAsync(ct);
        // The records asked about, by key in a second query: projected as a row inside the first, EF numbers every duty record
        // (ROW_NUMBER over the whole table) to pick one, which is a scan of millions of rows for a handful of requests.
        var recordIds = rows.Where(x => x.Request.DutyRecordId is not null).Select(x => x.Request.DutyRecordId!.Value).Distinct().ToList();
        var records = await db.Set<DutyRecord>().AsNoTracking().Where(x => recordIds.Contains(x.Id))
            .Select(x => new { x.Id, x.On, x.Kind, x.Title }).ToDictionaryAsync(x => x.Id, ct);
        return rows.Select(x => new CorrectionView(x.Request.Id, x.Request.DeputyId, x.Deputy ?? "", x.Request.DutyRecordId,
            x.Request.DutyRecordId is { } rid && records.TryGetValue(rid, out var rec) ? $"{rec.On:yyyy-MM-dd} {rec.Kind} {rec.Title}" : null, x.Request.Kind, x.Request.On, x.Request.Title, x.Request.Reason,
            x.Request.Status, DutyArchiveLabels.Of(x.Request.Status), x.Request.Decision, x.Request.RequestedAt, x.Request.DecidedAt, x.Request.Can(DutyCorrectionAction.Accept, actor))).ToList();
    }

    public static async Task<DutyReportView> ReportAsync(RendaDbContext db, DutyArchiveActor actor, int id, CancellationToken ct = default)
        => View(await DutyReportWorkflow.LoadAsync(db, actor, id, ct), await db.Deputies.Where(d => d.Id == db.Set<DutyReport>().Where(r => r.Id == id).Select(r => r.DeputyId).First()).Select(d => d.Person!.Name).FirstAsync(ct), actor);

    public static async Task<List<DutyReportView>> ReportsAsync(RendaDbContext db, DutyArchiveActor actor, int? deputyId, int? year, CancellationToken ct = default)
    {
        // A deputy's list is their own reports.
        if (deputyId is null && !actor.MayReadAll)
            deputyId = await actor.DeputyIdAsync(db, ct) ?? throw DomainException.Forbidden("只有常委会工作人员可以查看全部述职报告。");
        if (deputyId is { } id) await actor.RequireMayReadAsync(db, id, ct);
        var q = db.Set<DutyReport>().AsNoTracking().Where(r => r.CongressId == actor.CongressId);
        if (deputyId is not null) q = q.Where(r => r.DeputyId == deputyId);
        if (year is not null) q = q.Where(r => r.Year == year);
        var rows = await q.OrderByDescending(r => r.Year).ThenBy(r => r.Id).Take(500)
            .Select(r => new { Report = r, Name = db.Deputies.Where(d => d.Id == r.DeputyId).Select(d => d.Person!.Name).FirstOrDefault() }).ToListAsync(ct);
        return rows.Select(x => View(x.Report, x.Name ?? "", actor)).ToList();
    }

    private static DutyReportView View(DutyReport r, string deputy, DutyArchiveActor actor)
        => new(r.Id, r.DeputyId, deputy, r.Year, r.Title, r.Text, r.Status, DutyArchiveLabels.Of(r.Status), r.PresentedOn, r.LiaisonStationId, r.StationName,
            r.Satisfied, r.BasicallySatisfied, r.Dissatisfied, r.Can(DutyReportAction.Edit, actor), r.Can(DutyReportAction.Submit, actor), r.Can(DutyReportAction.Present, actor));

    /// <summary>我的履职: what is next and what waits for the deputy behind the account, and the year's points.</summary>
    public static async Task<MyDutyView> MeAsync(RendaDbContext db, DutyArchiveActor actor, CancellationToken ct = default)
    {
        var today = Today(db);
        if (await actor.DeputyIdAsync(db, ct) is not { } deputyId)
            return new MyDutyView(null, null, "您的账号没有关联本级人大的代表身份，暂无履职信息。如您是人大代表，请联系常委会代表工作机构关联账号。",
                today.Year, 0, null, 0, 0, [], [], [], [], [], [], []);
        var person = await db.Deputies.Where(d => d.Id == deputyId).Select(d => new { d.PersonId, d.Person!.Name }).FirstAsync(ct);
        var name = person.Name;
        var receptions = await DeputiesQueries.UpcomingReceptionsForPersonAsync(db, person.PersonId, today, ct);
        var trainings = await DeputyActivitiesQueries.UpcomingTrainingsForPersonAsync(db, person.PersonId, today, ct);
        var meetings = await db.Set<Meeting>().AsNoTracking()
            .Where(m => m.StartsOn >= today && m.Status != MeetingStatus.Cancelled && m.Attendees.Any(a => a.DeputyId == deputyId))
            .OrderBy(m => m.StartsOn).Take(10).Select(m => new MeetingInvitation(m.Id, m.Title, m.StartsOn, m.Place)).ToListAsync(ct);
        var coSigning = await db.Set<Suggestion>().AsNoTracking()
            .Where(s => s.Status == SuggestionStatus.Draft && s.Signers.Any(x => x.DeputyId == deputyId && x.Status == CoSignerStatus.Invited))
            .OrderBy(s => s.Id).Take(20)
            .Select(s => new CoSigningRequest(s.Id, s.Title, db.Deputies.Where(d => d.Id == s.LeadDeputyId).Select(d => d.Person!.Name).FirstOrDefault() ?? "",
                s.Signers.Where(x => x.DeputyId == deputyId).Select(x => x.InvitedAt).FirstOrDefault())).ToListAsync(ct);
        var own = await db.Set<Suggestion>().AsNoTracking().Where(s => s.LeadDeputyId == deputyId && s.Status != SuggestionStatus.Closed)
            .OrderByDescending(s => s.Id).Take(20).Select(s => new { s.Id, s.Number, s.Title, s.Status, s.AnswerDueOn, s.AnsweredOn }).ToListAsync(ct);
        var archive = await ArchiveAsync(db, actor, deputyId, today.Year, withRank: true, ct);
        var corrections = (await CorrectionsAsync(db, actor, deputyId, DutyCorrectionStatus.Pending, ct));
        var reports = await ReportsAsync(db, actor, deputyId, null, ct);
        return new MyDutyView(deputyId, name, null, today.Year, archive.Points, archive.Rank, archive.Ranked, archive.Records.Count, receptions, trainings, meetings, coSigning,
            own.Select(s => new OwnSuggestion(s.Id, s.Number, s.Title, SuggestionLabels.Of(s.Status), s.AnswerDueOn, s.AnsweredOn, s.AnsweredOn is null && s.AnswerDueOn < today)).ToList(),
            corrections, reports.Take(3).ToList());
    }
}
