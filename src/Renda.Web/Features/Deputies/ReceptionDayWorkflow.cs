using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Notifications;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Deputies;

public sealed record ReceptionInput(ReceptionKind? Kind, DateOnly? On, string? Time, string? Topic, IReadOnlyList<int>? DeputyIds, IReadOnlyList<int>? ChairpersonIds);
public sealed record OpinionInput(string? PersonName, string? Contact, string? Content, string? Category);

/// <summary>Reception days: scheduled and published, opinions taken, closed with a duty record for every deputy present.</summary>
public static class ReceptionDayWorkflow
{
    public const string Subject = "ReceptionDay";

    public static async Task<ReceptionDay> ScheduleAsync(RendaDbContext db, ReceptionActor actor, int stationId, ReceptionInput input, CancellationToken ct)
    {
        var station = await db.Set<LiaisonStation>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == stationId, ct) ?? throw DomainException.NotFound("没有找到该联络站。");
        actor.RequireStaffOf(station.CongressId);
        var kind = input.Kind is { } k && Enum.IsDefined(k) ? k : throw DomainException.Invalid("kind", "请选择代表接待日或主任接待日。");
        var on = input.On ?? throw DomainException.Invalid("on", "请填写接待日期。");
        var time = Text.Required("time", input.Time, "接待时间", 50);
        var topic = Text.Optional("topic", input.Topic, "接待主题", ReceptionDay.MaxTopic);
        var attendees = new List<ReceptionAttendee>();
        if (input.DeputyIds is { Count: > 0 } deputyIds)
            foreach (var (deputyId, personId) in await StationWorkflow.RequireDeputiesInTreeAsync(db, station.CongressId, deputyIds, "deputyIds", ct))
                if (attendees.All(a => a.PersonId != personId))
                    attendees.Add(new ReceptionAttendee { DeputyId = deputyId, PersonId = personId });
        if (input.ChairpersonIds is { Count: > 0 } chairs)
            foreach (var personId in chairs.Distinct())
            {
                if (!await IsChairpersonAsync(db, station.CongressId, personId, on, ct))
                    throw DomainException.Invalid("chairpersonIds", $"人员（编号 {personId}）不是本级人大常委会主任会议组成人员。");
                if (attendees.All(a => a.PersonId != personId))
                    attendees.Add(new ReceptionAttendee { PersonId = personId });
            }
        var settings = await Settings.ForAsync<DeputySettings>(db, station.CongressId, ct);
        var r = ReceptionDay.Schedule(station.CongressId, station.Id, kind, on, time, topic, attendees, WorkCalendar.Today(db.Clock), settings.ReceptionNoticeDays);
        db.Add(r);
        await db.SaveChangesAsync(ct);
        // Those present are told; the public page shows the notice from now on.
        var persons = attendees.Select(a => a.PersonId).ToList();
        var accounts = await db.Accounts.Where(a => a.PersonId != null && persons.Contains(a.PersonId.Value)).Select(a => a.Id).ToListAsync(ct);
        Notifier.Notify(db, accounts, $"接待日安排：{on:yyyy-MM-dd} {time} 在{station.Name}接待群众", topic, $"/deputies/receptions/{r.Id}");
        await db.SaveChangesAsync(ct);
        return r;
    }

    /// <summary>主任会议组成人员: the chair, vice-chairs and secretary-general seated on the day.</summary>
    private static Task<bool> IsChairpersonAsync(RendaDbContext db, int congressId, int personId, DateOnly on, CancellationToken ct)
        => db.StandingCommitteeMembers.AnyAsync(m => m.CongressId == congressId && m.PersonId == personId && m.Post != StandingCommitteePost.Member
            && m.SeatedOn <= on && (m.LeftOn == null || m.LeftOn >= on), ct);

    public static async Task<ReceptionDay> LoadAsync(RendaDbContext db, ReceptionActor actor, int id, CancellationToken ct)
    {
        var r = await db.Set<ReceptionDay>().Include(x => x.Attendees).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound("没有找到该接待日。");
        if (!actor.IsStaffOf(r.CongressId)) throw DomainException.NotFound("没有找到该接待日。");
        return r;
    }

    /// <summary>接待结束: every deputy present gets a duty record (接待群众) of this reception, in the same save.</summary>
    public static async Task CloseAsync(RendaDbContext db, ReceptionActor actor, int id, CancellationToken ct)
    {
        var r = await LoadAsync(db, actor, id, ct);
        r.Close(WorkCalendar.Today(db.Clock));
        var station = await db.Set<LiaisonStation>().AsNoTracking().Where(s => s.Id == r.StationId).Select(s => s.Name).FirstAsync(ct);
        WriteDutyRecords(db, r, station);
        await db.SaveChangesAsync(ct);
    }

    internal static void WriteDutyRecords(RendaDbContext db, ReceptionDay r, string stationName)
    {
        foreach (var deputyId in r.Attendees.Select(a => a.DeputyId).OfType<int>())
            db.Add(new DutyRecord { DeputyId = deputyId, On = r.On, Kind = DutyKinds.Reception, Title = Short($"在{stationName}参加{DeputiesLabels.Of(r.Kind)}接待群众"), SourceType = Subject, SourceId = r.Id });
    }

    public static async Task CancelAsync(RendaDbContext db, ReceptionActor actor, int id, CancellationToken ct)
    {
        var r = await LoadAsync(db, actor, id, ct);
        r.Cancel(WorkCalendar.Today(db.Clock));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A constituent received: their opinion enters the flow (待处理).</summary>
    public static async Task<ConstituentOpinion> RecordOpinionAsync(RendaDbContext db, ReceptionActor actor, int id, OpinionInput input, CancellationToken ct)
    {
        var r = await LoadAsync(db, actor, id, ct);
        r.RequireOpinionsOpen(WorkCalendar.Today(db.Clock));
        var o = ConstituentOpinionWorkflow.New(db, r.CongressId, r.StationId, OpinionSource.Reception, input, markup: false);
        o.ReceptionDayId = r.Id;
        db.Add(o);
        await db.SaveUniqueAsync("请重新提交。", ct);
        return o;
    }

    internal static string Short(string text) => text.Length <= 300 ? text : text[..299] + "…";
}
