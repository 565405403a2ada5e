using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Deputies;

public sealed record TrainingItem(int Id, string Title, DateOnly StartsOn, DateOnly EndsOn, string? Place, string? Organiser, TrainingStatus Status, string StatusLabel,
    int Trainees, int PersonTimes, int Unmarked);
public sealed record TraineeView(int Id, TraineeKind Kind, string KindLabel, int? DeputyId, string Name, string? Affiliation, Attendance Attendance, string AttendanceLabel, string? AbsenceReason);
public sealed record TrainingView(int Id, string Title, DateOnly StartsOn, DateOnly EndsOn, string? Topics, string? Place, string? Organiser, TrainingStatus Status, string StatusLabel,
    int PersonTimes, IReadOnlyList<TraineeView> Trainees, bool CanEnrol, bool CanMarkAttendance, bool CanComplete);

public sealed record ForumItem(int Id, string Theme, DateOnly HeldOn, string? Place, int Participants, int Deputies, int Opinions, int Routed);
public sealed record ForumParticipantView(ForumParticipantKind Kind, string KindLabel, int? DeputyId, string Name);
public sealed record ForumOpinionView(int Id, string Text, string RaisedBy, OpinionDestination? Destination, string DestinationLabel, string? DestinationDetail, DateOnly? RoutedOn);
public sealed record ForumView(int Id, string Theme, DateOnly HeldOn, string? Place, IReadOnlyList<ForumParticipantView> Participants, IReadOnlyList<ForumOpinionView> Opinions);

public sealed record ContactKindView(int Id, string Name, ContactorGroup Contactors, string ContactorsLabel, int YearlyMinimum, bool Active);
public sealed record ContactItem(int Id, int KindId, string Kind, DateOnly On, ContactorRole ContactorRole, string ContactorName, int? ContactorPersonId, int? ContactedDeputyId,
    string Contacted, ContactMethod Method, string MethodLabel, string Content);
/// <summary>A person expected to make contacts of a kind who made fewer than the kind's yearly minimum.</summary>
public sealed record BelowMinimum(int KindId, string Kind, int? PersonId, string Name, int Count, int Minimum);

public sealed record LevelCount(RegionLevel Level, string Label, int Count);
public sealed record JointInspectionItem(int Id, string Topic, DateOnly StartsOn, DateOnly EndsOn, string? Places, int Participants, IReadOnlyList<LevelCount> ByLevel, bool HasFindings);
public sealed record JointInspectionDeputyView(int DeputyId, string Name, string CongressName, RegionLevel Level, string LevelLabel);
public sealed record JointInspectionView(int Id, string Topic, DateOnly StartsOn, DateOnly EndsOn, string? Places, string? Findings, IReadOnlyList<LevelCount> ByLevel,
    IReadOnlyList<JointInspectionDeputyView> Deputies);

/// <summary>A training the person is enrolled in and that has not ended (for 我的履职).</summary>
public sealed record UpcomingTraining(DateOnly On, string Title, string Href);

/// <summary>What readers see of trainings, forums, 六联系 and joint inspections (AsNoTracking).</summary>
public static class DeputyActivitiesQueries
{
    public static async Task<List<TrainingItem>> TrainingsAsync(RendaDbContext db, DeputyActivitiesActor actor, int year, CancellationToken ct)
    {
        actor.RequireReader();
        var rows = await db.Set<Training>().AsNoTracking().Where(t => t.CongressId == actor.CongressId && t.Year == year).OrderByDescending(t => t.StartsOn).ThenByDescending(t => t.Id)
            .Select(t => new { t.Id, t.Title, t.StartsOn, t.EndsOn, t.Place, t.Organiser, t.Status, Trainees = t.Trainees.Count,
                Attended = t.Trainees.Count(x => x.Attendance == Attendance.Attended), Unmarked = t.Trainees.Count(x => x.Attendance == Attendance.Unmarked) })
            .ToListAsync(ct);
        return rows.Select(t => new TrainingItem(t.Id, t.Title, t.StartsOn, t.EndsOn, t.Place, t.Organiser, t.Status, DeputyActivitiesLabels.Of(t.Status), t.Trainees, t.Attended, t.Unmarked)).ToList();
    }

    public static async Task<TrainingView> TrainingAsync(RendaDbContext db, DeputyActivitiesActor actor, int id, CancellationToken ct)
    {
        var t = await db.Set<Training>().AsNoTracking().Include(x => x.Trainees).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null || t.CongressId != actor.CongressId || !actor.MayRead) throw DomainException.NotFound("没有找到该培训班。");
        var started = WorkCalendar.Today(db.Clock) >= t.StartsOn;
        return new TrainingView(t.Id, t.Title, t.StartsOn, t.EndsOn, t.Topics, t.Place, t.Organiser, t.Status, DeputyActivitiesLabels.Of(t.Status),
            t.Trainees.Count(x => x.Attendance == Attendance.Attended),
            t.Trainees.OrderBy(x => x.Kind).ThenBy(x => x.Id).Select(x => new TraineeView(x.Id, x.Kind, DeputyActivitiesLabels.Of(x.Kind), x.DeputyId, x.Name, x.Affiliation,
                x.Attendance, DeputyActivitiesLabels.Of(x.Attendance), x.AbsenceReason)).ToList(),
            t.Can(TrainingAction.Enrol, actor), started && t.Can(TrainingAction.MarkAttendance, actor), t.Can(TrainingAction.Complete, actor));
    }

    /// <summary>The person's trainings (as an enrolled deputy of any mandate) that have not ended by today, soonest first.</summary>
    public static async Task<List<UpcomingTraining>> UpcomingTrainingsForPersonAsync(RendaDbContext db, int personId, DateOnly today, CancellationToken ct)
    {
        var deputyIds = db.Deputies.Where(d => d.PersonId == personId).Select(d => d.Id);
        var rows = await db.Set<Training>().AsNoTracking()
            .Where(t => t.EndsOn >= today && t.Trainees.Any(x => x.DeputyId != null && deputyIds.Contains(x.DeputyId.Value)))
            .OrderBy(t => t.StartsOn).ThenBy(t => t.Id).Select(t => new { t.Id, t.StartsOn, t.Title }).Take(20).ToListAsync(ct);
        return rows.Select(t => new UpcomingTraining(t.StartsOn, t.Title, $"/deputies/trainings/{t.Id}")).ToList();
    }

    public static async Task<List<ForumItem>> ForumsAsync(RendaDbContext db, DeputyActivitiesActor actor, int year, CancellationToken ct)
    {
        actor.RequireReader();
        return await db.Set<Forum>().AsNoTracking().Where(f => f.CongressId == actor.CongressId && f.Year == year).OrderByDescending(f => f.HeldOn).ThenByDescending(f => f.Id)
            .Select(f => new ForumItem(f.Id, f.Theme, f.HeldOn, f.Place, f.Participants.Count, f.Participants.Count(p => p.DeputyId != null), f.Opinions.Count,
                f.Opinions.Count(o => o.Destination != null)))
            .ToListAsync(ct);
    }

    public static async Task<ForumView> ForumAsync(RendaDbContext db, DeputyActivitiesActor actor, int id, CancellationToken ct)
    {
        var f = await db.Set<Forum>().AsNoTracking().Include(x => x.Participants).Include(x => x.Opinions).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null || f.CongressId != actor.CongressId || !actor.MayRead) throw DomainException.NotFound("没有找到该论坛。");
        return new ForumView(f.Id, f.Theme, f.HeldOn, f.Place,
            f.Participants.OrderBy(p => p.Kind).ThenBy(p => p.Id).Select(p => new ForumParticipantView(p.Kind, DeputyActivitiesLabels.Of(p.Kind), p.DeputyId, p.Name)).ToList(),
            f.Opinions.OrderBy(o => o.Id).Select(o => new ForumOpinionView(o.Id, o.Text, o.RaisedBy, o.Destination, DeputyActivitiesLabels.Of(o.Destination), o.DestinationDetail, o.RoutedOn)).ToList());
    }

    public static async Task<List<ContactKindView>> ContactKindsAsync(RendaDbContext db, int congressId, CancellationToken ct)
        => (await ContactRecordWorkflow.KindsAsync(db, congressId, ct))
            .Select(k => new ContactKindView(k.Id, k.Name, k.Contactors, DeputyActivitiesLabels.Of(k.Contactors), k.YearlyMinimum, k.Active)).ToList();

    public static async Task<Page<ContactItem>> ContactsAsync(RendaDbContext db, DeputyActivitiesActor actor, int year, int? kindId, int? page, int? pageSize, CancellationToken ct)
    {
        actor.RequireReader();
        var kinds = await db.Set<ContactKind>().AsNoTracking().Where(k => k.CongressId == actor.CongressId).ToDictionaryAsync(k => k.Id, k => k.Name, ct);
        var query = db.Set<ContactRecord>().AsNoTracking().Where(r => r.CongressId == actor.CongressId && r.Year == year);
        if (kindId is { } k) query = query.Where(r => r.KindId == k);
        var rows = await query.OrderByDescending(r => r.On).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.KindId, r.On, r.ContactorRole, r.ContactorName, r.ContactorPersonId, r.ContactedDeputyId,
                Contacted = r.ContactedDeputyId == null ? r.Constituents : db.Deputies.Where(d => d.Id == r.ContactedDeputyId).Select(d => d.Person!.Name).FirstOrDefault(),
                r.Method, r.Content })
            .ToPageAsync(page, pageSize, ct);
        return new Page<ContactItem>(rows.Items.Select(r => new ContactItem(r.Id, r.KindId, kinds.GetValueOrDefault(r.KindId, ""), r.On, r.ContactorRole, r.ContactorName, r.ContactorPersonId,
            r.ContactedDeputyId, r.Contacted ?? "", r.Method, DeputyActivitiesLabels.Of(r.Method), r.Content)).ToList(), rows.PageNumber, rows.PageSize, rows.Total);
    }

    /// <summary>
    /// Each person expected to contact under a kind, with fewer records in the year than the kind's minimum: members and council
    /// members seated in the year, serving deputies of the congress; for staff kinds, those who recorded any (no roster of staff).
    /// </summary>
    public static async Task<List<BelowMinimum>> BelowMinimumAsync(RendaDbContext db, int congressId, int year, int? kindId, CancellationToken ct)
    {
        var kinds = (await ContactRecordWorkflow.KindsAsync(db, congressId, ct)).Where(k => k.Active && k.YearlyMinimum > 0 && (kindId == null || k.Id == kindId)).ToList();
        var counts = (await db.Set<ContactRecord>().AsNoTracking().Where(r => r.CongressId == congressId && r.Year == year)
                .GroupBy(r => new { r.KindId, r.ContactorPersonId, r.ContactorName }).Select(g => new { g.Key.KindId, g.Key.ContactorPersonId, g.Key.ContactorName, Count = g.Count() })
                .ToListAsync(ct));
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var result = new List<BelowMinimum>();
        foreach (var kind in kinds)
        {
            var mine = counts.Where(c => c.KindId == kind.Id).ToList();
            List<(int? PersonId, string Name)> expected = kind.Contactors switch
            {
                ContactorGroup.Deputies => (await db.Deputies.AsNoTracking().Where(d => d.CongressId == congressId && d.Status == Platform.People.DeputyStatus.Serving)
                    .OrderBy(d => d.Id).Select(d => new { d.PersonId, d.Person!.Name }).ToListAsync(ct)).Select(d => ((int?)d.PersonId, d.Name)).ToList(),
                ContactorGroup.Members or ContactorGroup.Council => (await db.StandingCommitteeMembers.AsNoTracking()
                    .Where(s => s.CongressId == congressId && s.SeatedOn <= end && (s.LeftOn == null || s.LeftOn > start)
                        && (kind.Contactors == ContactorGroup.Members || s.Post != StandingCommitteePost.Member))
                    .OrderBy(s => s.Post).ThenBy(s => s.Id).Select(s => new { s.PersonId, s.Person!.Name }).ToListAsync(ct)).DistinctBy(s => s.PersonId).Select(s => ((int?)s.PersonId, s.Name)).ToList(),
                _ => mine.Select(c => (c.ContactorPersonId, c.ContactorName)).Distinct().ToList(),
            };
            foreach (var (personId, name) in expected)
            {
                var count = mine.Where(c => personId is { } p ? c.ContactorPersonId == p : c.ContactorPersonId == null && c.ContactorName == name).Sum(c => c.Count);
                if (count < kind.YearlyMinimum) result.Add(new BelowMinimum(kind.Id, kind.Name, personId, name, count, kind.YearlyMinimum));
            }
        }
        return result;
    }

    public static async Task<List<JointInspectionItem>> JointInspectionsAsync(RendaDbContext db, DeputyActivitiesActor actor, int year, CancellationToken ct)
    {
        actor.RequireReader();
        var rows = await db.Set<JointInspection>().AsNoTracking().Where(j => j.CongressId == actor.CongressId && j.Year == year).OrderByDescending(j => j.StartsOn).ThenByDescending(j => j.Id)
            .Select(j => new { j.Id, j.Topic, j.StartsOn, j.EndsOn, j.Places, Levels = j.Deputies.Select(d => d.Level).ToList(), HasFindings = j.Findings != null }).ToListAsync(ct);
        return rows.Select(j => new JointInspectionItem(j.Id, j.Topic, j.StartsOn, j.EndsOn, j.Places, j.Levels.Count, ByLevel(j.Levels), j.HasFindings)).ToList();
    }

    public static async Task<JointInspectionView> JointInspectionAsync(RendaDbContext db, DeputyActivitiesActor actor, int id, CancellationToken ct)
    {
        var j = await db.Set<JointInspection>().AsNoTracking().Include(x => x.Deputies).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (j is null || j.CongressId != actor.CongressId || !actor.MayRead) throw DomainException.NotFound("没有找到该集中视察。");
        var ids = j.Deputies.Select(d => d.DeputyId).ToList();
        var names = await db.Deputies.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Person!.Name, d.Congress!.ShortName }).ToDictionaryAsync(d => d.Id, ct);
        return new JointInspectionView(j.Id, j.Topic, j.StartsOn, j.EndsOn, j.Places, j.Findings, ByLevel(j.Deputies.Select(d => d.Level).ToList()),
            j.Deputies.OrderBy(d => d.Level).ThenBy(d => d.Id).Select(d => new JointInspectionDeputyView(d.DeputyId, names[d.DeputyId].Name, names[d.DeputyId].ShortName, d.Level,
                DeputyActivitiesLabels.LevelOf(d.Level))).ToList());
    }

    public static List<LevelCount> ByLevel(IReadOnlyCollection<RegionLevel> levels)
        => JointInspectionWorkflow.Levels.Select(l => new LevelCount(l, DeputyActivitiesLabels.LevelOf(l), levels.Count(x => x == l))).ToList();
}
