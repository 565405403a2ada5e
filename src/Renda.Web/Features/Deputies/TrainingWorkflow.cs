using Renda.Web.Features.Meetings;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Deputies;

public sealed record TraineeInput(TraineeKind? Kind, int? DeputyId, string? Name, string? Affiliation);
public sealed record TrainingInput(string? Title, DateOnly? StartsOn, DateOnly? EndsOn, string? Topics, string? Place, string? Organiser, TraineeInput[]? Trainees);
public sealed record AttendanceMark(int TraineeId, Attendance? Attendance, string? AbsenceReason);

/// <summary>Trainings: register, enrol trainees, mark attendance (each attending deputy's duty record follows), complete.</summary>
public static class TrainingWorkflow
{
    public static async Task<Training> CreateAsync(RendaDbContext db, DeputyActivitiesActor actor, TrainingInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        var startsOn = input.StartsOn ?? throw DomainException.Invalid("startsOn", "请填写开班日期。");
        var endsOn = input.EndsOn ?? throw DomainException.Invalid("endsOn", "请填写结业日期。");
        if (endsOn < startsOn) throw DomainException.Invalid("endsOn", "结业日期不能早于开班日期。");
        if (endsOn.DayNumber - startsOn.DayNumber > 60) throw DomainException.Invalid("endsOn", "一期培训班不超过 60 天。");
        var t = new Training
        {
            CongressId = actor.CongressId, Year = startsOn.Year, Title = Text.Required("title", input.Title, "培训班名称", 300), StartsOn = startsOn, EndsOn = endsOn,
            Topics = Text.Optional("topics", input.Topics, "培训内容", 2000), Place = Text.Optional("place", input.Place, "培训地点", 300),
            Organiser = Text.Optional("organiser", input.Organiser, "主办单位", 200), CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        foreach (var trainee in await TraineesAsync(db, actor.CongressId, t, input.Trainees ?? [], ct))
            t.Enrol(trainee);
        db.Add(t);
        await db.SaveChangesAsync(ct);
        return t;
    }

    public static async Task EnrolAsync(RendaDbContext db, DeputyActivitiesActor actor, int id, TraineeInput[]? trainees, CancellationToken ct)
    {
        actor.RequireStaff();
        var t = await LoadAsync(db, actor, id, ct);
        if (trainees is not { Length: > 0 }) throw DomainException.Invalid("trainees", "请至少添加一名学员。");
        foreach (var trainee in await TraineesAsync(db, actor.CongressId, t, trainees, ct))
            t.Enrol(trainee);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Marks attendance; an attending deputy gets the duty record, a deputy marked absent again loses it — in the same save.</summary>
    public static async Task MarkAttendanceAsync(RendaDbContext db, DeputyActivitiesActor actor, int id, AttendanceMark[]? marks, CancellationToken ct)
    {
        actor.RequireStaff();
        var t = await LoadAsync(db, actor, id, ct);
        if (marks is not { Length: > 0 }) throw DomainException.Invalid("marks", "请登记至少一名学员的出勤。");
        var today = WorkCalendar.Today(db.Clock);
        var records = await db.Set<DutyRecord>().Where(r => r.SourceType == Training.Subject && r.SourceId == t.Id).ToListAsync(ct);
        foreach (var m in marks)
        {
            var trainee = t.Trainees.FirstOrDefault(x => x.Id == m.TraineeId) ?? throw DomainException.Invalid("marks", $"学员 {m.TraineeId} 不在本培训班。");
            var attendance = m.Attendance is Attendance.Attended or Attendance.Absent ? m.Attendance.Value : throw DomainException.Invalid("attendance", $"请登记学员“{trainee.Name}”出席或缺席。");
            var reason = attendance == Attendance.Absent ? Text.Required("absenceReason", m.AbsenceReason, $"学员“{trainee.Name}”的缺席原因", 300) : null;
            t.MarkAttendance(trainee, attendance, reason, today);
            if (trainee.DeputyId is not { } deputyId) continue;
            var record = records.FirstOrDefault(r => r.DeputyId == deputyId);
            if (attendance == Attendance.Attended && record is null)
                db.Add(new DutyRecord { DeputyId = deputyId, On = t.StartsOn, Kind = DutyKinds.Training, Title = t.Title, SourceType = Training.Subject, SourceId = t.Id });
            else if (attendance == Attendance.Absent && record is not null)
                db.Remove(record);
        }
        await db.SaveChangesAsync(ct);
    }

    public static async Task CompleteAsync(RendaDbContext db, DeputyActivitiesActor actor, int id, CancellationToken ct)
    {
        actor.RequireStaff();
        var t = await LoadAsync(db, actor, id, ct);
        t.Complete(WorkCalendar.Today(db.Clock));
        await db.SaveChangesAsync(ct);
    }

    public static async Task<Training> LoadAsync(RendaDbContext db, DeputyActivitiesActor actor, int id, CancellationToken ct)
    {
        var t = await db.Set<Training>().Include(x => x.Trainees).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null || t.CongressId != actor.CongressId || !actor.MayRead) throw DomainException.NotFound("没有找到该培训班。");
        return t;
    }

    private static async Task<List<TrainingTrainee>> TraineesAsync(RendaDbContext db, int congressId, Training t, TraineeInput[] input, CancellationToken ct)
    {
        if (input.Length > 2000) throw DomainException.Invalid("trainees", "一期培训班最多 2000 名学员。");
        var ids = input.Where(i => i.DeputyId is not null).Select(i => i.DeputyId!.Value).ToList();
        if (ids.Distinct().Count() != ids.Count || ids.Any(d => t.Trainees.Any(x => x.DeputyId == d)))
            throw DomainException.Invalid("trainees", "同一名代表不能重复添加。");
        var deputies = await CongressLine.DeputiesAsync(db, congressId, ids, "trainees", ct);
        return input.Select(i =>
        {
            if (i.DeputyId is { } d)
            {
                var deputy = deputies.First(x => x.Id == d);
                return new TrainingTrainee { Kind = TraineeKind.Deputy, DeputyId = d, Name = deputy.Name, Affiliation = $"{deputy.CongressName}人大代表" };
            }
            var kind = i.Kind is TraineeKind.Staff or TraineeKind.Other ? i.Kind.Value : throw DomainException.Invalid("trainees", "未选代表的学员须注明是人大干部或其他人员。");
            return new TrainingTrainee
            {
                Kind = kind, Name = Text.Required("trainees", i.Name, "学员姓名", 50), Affiliation = Text.Optional("trainees", i.Affiliation, "学员单位或职务", 200),
            };
        }).ToList();
    }
}
