using Renda.Web.Platform.Audit;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Notifications;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Meetings;

public sealed record AttendanceEntry(int PersonId, AttendanceStatus Status, string? Note);

/// <summary>Meetings: scheduling, notice, agenda, attendance, sitting and closing. One SaveChanges per step.</summary>
public static class MeetingWorkflow
{
    public const string Subject = "Meeting";

    public static async Task<Meeting> LoadAsync(RendaDbContext db, MeetingActor actor, int id, CancellationToken ct)
    {
        var m = await db.Set<Meeting>().Include(x => x.Agenda).Include(x => x.Attendance).Include(x => x.Attendees)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null || m.CongressId != actor.CongressId || !actor.MayRead)
            throw DomainException.NotFound("没有找到该会议。");
        return m;
    }

    public static async Task<Meeting> ScheduleAsync(RendaDbContext db, MeetingActor actor, DateOnly startsOn, DateOnly endsOn, string place, CancellationToken ct)
    {
        actor.RequireStaff();
        CheckDates(startsOn, endsOn);
        place = Text.Required("place", place, "会议地点", 100);
        var congress = await db.Congresses.FirstAsync(c => c.Id == actor.CongressId, ct);
        if (congress.Level is RegionLevel.National or RegionLevel.Township)
            throw DomainException.Conflict($"{congress.ShortName}人大在本平台不设常委会会议。");
        var term = await db.Terms.Where(t => t.CongressId == congress.Id && t.StartsOn <= startsOn && (t.EndsOn == null || t.EndsOn >= startsOn))
            .OrderByDescending(t => t.Number).FirstOrDefaultAsync(ct)
            ?? throw DomainException.Invalid("startsOn", "会议日期不在任何一届的任期内。");
        await using var tx = await AuditChain.BeginLockedAsync(db, ct);
        // Numbered in order within the term, under the audit lock so two schedulers never take the same number.
        var number = await db.Set<Meeting>().Where(m => m.TermId == term.Id).MaxAsync(m => (int?)m.Number, ct) ?? 0;
        var meeting = new Meeting
        {
            CongressId = congress.Id, TermId = term.Id, Number = number + 1, StartsOn = startsOn, EndsOn = endsOn, Place = place,
            Title = $"{congress.ShortName}第{ChineseNumerals.Of(term.Number)}届人大常委会第{ChineseNumerals.Of(number + 1)}次会议",
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.Add(meeting);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return meeting;
    }

    public static async Task RescheduleAsync(RendaDbContext db, WorkCalendar calendar, MeetingActor actor, int id, DateOnly startsOn, DateOnly endsOn, string place, CancellationToken ct)
    {
        actor.RequireStaff();
        CheckDates(startsOn, endsOn);
        var m = await LoadAsync(db, actor, id, ct);
        var oldStart = m.StartsOn;
        m.Reschedule(startsOn, endsOn, Text.Required("place", place, "会议地点", 100));
        // Clocks counted back from the meeting day (e.g. a work report due 20 days before it) move with the meeting.
        foreach (var item in m.Agenda.Where(a => a.SubjectType is not null && a.SubjectId is not null))
            await Deadlines.MoveReferenceAsync(db, calendar, item.SubjectType!, item.SubjectId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), oldStart, m.StartsOn, ct);
        // Invited deputies' duty records carry the meeting's day.
        foreach (var r in await db.Set<DutyRecord>().Where(r => r.SourceType == Subject && r.SourceId == m.Id).ToListAsync(ct))
            r.On = m.StartsOn;
        await db.SaveChangesAsync(ct);
    }

    private static void CheckDates(DateOnly startsOn, DateOnly endsOn)
    {
        if (startsOn.Year < 1979 || startsOn.Year > 2100) throw DomainException.Invalid("startsOn", "会议日期无效。");
        if (endsOn < startsOn) throw DomainException.Invalid("endsOn", "闭会日期不能早于开会日期。");
        if (endsOn.DayNumber - startsOn.DayNumber > 14) throw DomainException.Invalid("endsOn", "一次常委会会议不超过 15 天。");
    }

    /// <summary>Sends the notice to every member seated on the meeting day who has an account.</summary>
    public static async Task SendNoticeAsync(RendaDbContext db, MeetingActor actor, int id, string? shortNoticeReason, CancellationToken ct)
    {
        actor.RequireStaff();
        var m = await LoadAsync(db, actor, id, ct);
        var settings = await Settings.ForAsync<MeetingSettings>(db, m.CongressId, ct);
        m.SendNotice(db.Clock.GetUtcNow().UtcDateTime, WorkCalendar.Today(db.Clock), Text.Optional("shortNoticeReason", shortNoticeReason, "临时召开理由", 500), settings.NoticeDays);
        var seated = (await Members.SeatedOnAsync(db, m.CongressId, m.StartsOn, ct)).Select(s => s.PersonId).ToList();
        var accounts = await db.Accounts.Where(a => a.CongressId == m.CongressId && a.Enabled && a.PersonId != null && seated.Contains(a.PersonId.Value)).Select(a => a.Id).ToListAsync(ct);
        Notifier.Notify(db, accounts, $"会议通知：{m.Title}", $"定于 {m.StartsOn:yyyy年M月d日}至{m.EndsOn:M月d日}在{m.Place}举行，议程 {m.Agenda.Count} 项。", $"/meetings/{m.Id}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Puts an item on the agenda; other modules call this with their record as the subject and receive the outcome through IAgendaSubject.</summary>
    public static async Task<AgendaItem> AddAgendaItemAsync(RendaDbContext db, MeetingActor actor, int meetingId, AgendaItemKind kind, string title, string? subjectType, int? subjectId, CancellationToken ct)
    {
        actor.RequireStaff();
        var m = await LoadAsync(db, actor, meetingId, ct);
        var item = AddAgendaItem(m, kind, title, subjectType, subjectId);
        await db.SaveChangesAsync(ct);
        return item;
    }

    internal static AgendaItem AddAgendaItem(Meeting m, AgendaItemKind kind, string title, string? subjectType, int? subjectId)
    {
        m.Require(MeetingAction.AddAgendaItem);
        if (!Enum.IsDefined(kind)) throw DomainException.Invalid("kind", "议题类型无效。");
        if ((subjectType is null) != (subjectId is null)) throw DomainException.Invalid("subjectType", "关联记录须同时给出类型和编号。");
        if (subjectType is not null && m.Agenda.Any(a => a.SubjectType == subjectType && a.SubjectId == subjectId))
            throw DomainException.Conflict("该事项已列入本次会议议程。");
        var item = new AgendaItem
        {
            Kind = kind, Title = Text.Required("title", title, "议题名称", 300), SubjectType = subjectType is null ? null : Text.Required("subjectType", subjectType, "关联记录类型", 50),
            SubjectId = subjectId, Order = m.Agenda.Count == 0 ? 1 : m.Agenda.Max(a => a.Order) + 1,
        };
        m.Agenda.Add(item);
        return item;
    }

    /// <summary>A report is deliberated (审议) or an item withdrawn without a vote; Adopted and Rejected come only from votes.</summary>
    public static async Task RecordOutcomeAsync(RendaDbContext db, MeetingActor actor, int meetingId, int itemId, AgendaOutcome outcome, string? note, CancellationToken ct)
    {
        actor.RequireStaff();
        if (outcome is not (AgendaOutcome.Deliberated or AgendaOutcome.Withdrawn))
            throw DomainException.Invalid("outcome", "通过或未通过只能由表决产生；这里只能记录“已审议”或“撤回”。");
        var m = await LoadAsync(db, actor, meetingId, ct);
        if (outcome == AgendaOutcome.Deliberated && !m.Can(MeetingAction.RecordDeliberation))
            throw DomainException.Conflict("只能在会议举行期间记录审议结果。");
        var item = m.Agenda.FirstOrDefault(a => a.Id == itemId) ?? throw DomainException.NotFound("没有找到该议题。");
        var casting = Vote.Machine.StatesFor(VoteAction.Cast).ToList();
        if (await db.Set<Vote>().AnyAsync(v => v.AgendaItemId == itemId && casting.Contains(v.Status), ct))
            throw DomainException.Conflict("该议题正在表决。");
        item.RecordOutcome(outcome, Text.Optional("note", note, "说明", 500));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Records who came: members seated on the meeting day and, in the same list, deputies invited to attend (列席), each by
    /// person. An invited deputy on leave or absent has 请假缺席会议 in the archive instead of the invitation's 列席 record,
    /// as a member who holds a mandate does; recorded present again, the 列席 record is back.
    /// </summary>
    public static async Task RecordAttendanceAsync(RendaDbContext db, MeetingActor actor, int meetingId, IReadOnlyList<AttendanceEntry> entries, CancellationToken ct)
    {
        actor.RequireStaff();
        var m = await LoadAsync(db, actor, meetingId, ct);
        m.Require(MeetingAction.RecordAttendance);
        if (entries.Count == 0) throw DomainException.Invalid("entries", "请至少登记一名组成人员或列席代表的出席情况。");
        var seated = (await Members.SeatedOnAsync(db, m.CongressId, m.StartsOn, ct)).Select(s => s.PersonId).ToHashSet();
        var invitedDeputies = m.Attendees.Where(a => a.DeputyId is not null).Select(a => a.DeputyId!.Value).ToList();
        var invited = (await db.Deputies.Where(d => invitedDeputies.Contains(d.Id)).Select(d => new { d.Id, d.PersonId }).ToListAsync(ct))
            .ToDictionary(d => d.PersonId, d => m.Attendees.First(a => a.DeputyId == d.Id));
        var openVotes = (await db.Set<Vote>().Include(v => v.Members).Where(v => v.MeetingId == m.Id).ToListAsync(ct)).Where(v => v.Can(VoteAction.RecordPresence)).ToList();
        foreach (var (e, i) in entries.Select((e, i) => (e, i)))
        {
            if (!Enum.IsDefined(e.Status)) throw DomainException.Invalid($"entries[{i}].status", "出席情况应为出席、请假或缺席。");
            var note = Text.Optional($"entries[{i}].note", e.Note, "备注", 200);
            if (seated.Contains(e.PersonId))
            {
                if (m.Attendance.FirstOrDefault(a => a.PersonId == e.PersonId) is { } row)
                    row.Record(e.Status, note);
                else
                    m.Attendance.Add(MeetingAttendance.Of(e.PersonId, e.Status, note));
                foreach (var v in openVotes) v.UpdatePresence(e.PersonId, e.Status == AttendanceStatus.Present);
                await RecordAbsenceAsync(db, m, e.PersonId, e.Status, note, ct);
            }
            else if (invited.TryGetValue(e.PersonId, out var attendee))
            {
                attendee.Record(e.Status, note);
                await RecordInvitedAsync(db, m, attendee.DeputyId!.Value, e.Status, note, ct);
            }
            else
                throw DomainException.Invalid($"entries[{i}].personId", "只能登记会议日期在任的常委会组成人员或应邀列席代表的出席情况。");
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A member who holds a deputy's mandate of the congress and is on leave or absent has it in the duty archive with the
    /// reason given (请假缺席会议); recorded again as present, the entry goes, and a new reason replaces the old one.
    /// </summary>
    private static async Task RecordAbsenceAsync(RendaDbContext db, Meeting m, int personId, AttendanceStatus status, string? note, CancellationToken ct)
    {
        var deputies = await DutyRecords.DeputiesOfPeopleAsync(db, m.CongressId, [personId], ct);
        if (deputies.Count == 0) return;
        var stored = await db.Set<DutyRecord>().Where(r => r.SourceType == Subject && r.SourceId == m.Id && r.Kind == DutyKinds.MeetingAbsence && deputies.Contains(r.DeputyId)).ToListAsync(ct);
        if (status == AttendanceStatus.Present)
        {
            db.RemoveRange(stored);
            return;
        }
        var title = AbsenceTitle(m.Title, status, note);
        foreach (var r in stored) r.Title = title;
        await DutyRecords.AddAsync(db, deputies, m.StartsOn, DutyKinds.MeetingAbsence, title, Subject, m.Id, ct);
    }

    /// <summary>
    /// An invited deputy who did not come did not attend: the invitation's 列席常委会会议 record gives way to 请假缺席会议 with
    /// the reason (read the same as a member's), so the archive and the points never count a meeting the deputy missed.
    /// </summary>
    private static async Task RecordInvitedAsync(RendaDbContext db, Meeting m, int deputyId, AttendanceStatus status, string? note, CancellationToken ct)
    {
        var stored = await db.Set<DutyRecord>().Where(r => r.SourceType == Subject && r.SourceId == m.Id && r.DeputyId == deputyId
            && (r.Kind == DutyKinds.MeetingAbsence || r.Kind == DutyKinds.MeetingAttendance)).ToListAsync(ct);
        var (keep, drop) = status == AttendanceStatus.Present ? (DutyKinds.MeetingAttendance, DutyKinds.MeetingAbsence) : (DutyKinds.MeetingAbsence, DutyKinds.MeetingAttendance);
        db.RemoveRange(stored.Where(r => r.Kind == drop));
        var title = status == AttendanceStatus.Present ? m.Title : AbsenceTitle(m.Title, status, note);
        foreach (var r in stored.Where(r => r.Kind == keep)) r.Title = title;
        await DutyRecords.AddAsync(db, [deputyId], m.StartsOn, keep, title, Subject, m.Id, ct);
    }

    public static string AbsenceTitle(string meeting, AttendanceStatus status, string? note)
    {
        var title = $"{meeting}（{(status == AttendanceStatus.OnLeave ? "请假" : "缺席")}{(string.IsNullOrEmpty(note) ? "" : "：" + note)}）";
        return title.Length > 300 ? title[..300] : title;
    }

    /// <summary>A non-voting attendee; an invited deputy's attendance is written into the deputy's duty record.</summary>
    public static async Task<MeetingAttendee> AddAttendeeAsync(RendaDbContext db, MeetingActor actor, int meetingId, AttendeeKind kind, string? name, string? organisation, int? deputyId, CancellationToken ct)
    {
        actor.RequireStaff();
        var m = await LoadAsync(db, actor, meetingId, ct);
        m.Require(MeetingAction.AddAttendee);
        if (!Enum.IsDefined(kind)) throw DomainException.Invalid("kind", "列席人员类别无效。");
        if (kind == AttendeeKind.InvitedDeputy)
        {
            if (deputyId is null) throw DomainException.Invalid("deputyId", "应邀列席的代表须从代表名册中选择。");
            var deputy = await db.Deputies.Include(d => d.Person).FirstOrDefaultAsync(d => d.Id == deputyId && d.CongressId == m.CongressId && d.Status == DeputyStatus.Serving, ct)
                ?? throw DomainException.Invalid("deputyId", "该代表不是本级人大的在任代表。");
            if (m.Attendees.Any(a => a.DeputyId == deputyId)) throw DomainException.Conflict("该代表已在列席名单中。");
            name = deputy.Person!.Name;
            organisation ??= deputy.Delegation ?? deputy.ElectoralUnit ?? "人大代表";
        }
        else if (deputyId is not null)
            throw DomainException.Invalid("deputyId", "只有应邀列席的代表关联代表名册。");
        var attendee = new MeetingAttendee
        {
            Kind = kind, DeputyId = deputyId, Name = Text.Required("name", name, "姓名", 50), Organisation = Text.Required("organisation", organisation, "单位或职务", 100),
        };
        m.Attendees.Add(attendee);
        if (deputyId is { } dep)
            await DutyRecords.AddAsync(db, [dep], m.StartsOn, DutyKinds.MeetingAttendance, m.Title, Subject, m.Id, ct);
        await db.SaveChangesAsync(ct);
        return attendee;
    }

    public static async Task OpenAsync(RendaDbContext db, MeetingActor actor, int id, CancellationToken ct)
    {
        actor.RequireStaff();
        var m = await LoadAsync(db, actor, id, ct);
        m.Open(WorkCalendar.Today(db.Clock));
        await db.SaveChangesAsync(ct);
    }

    public static async Task CloseAsync(RendaDbContext db, MeetingActor actor, int id, CancellationToken ct)
    {
        actor.RequireStaff();
        var m = await LoadAsync(db, actor, id, ct);
        m.Close(await db.Set<Vote>().Where(v => v.MeetingId == id).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
    }

    public static async Task CancelAsync(RendaDbContext db, MeetingActor actor, int id, CancellationToken ct)
    {
        actor.RequireStaff();
        var m = await LoadAsync(db, actor, id, ct);
        m.Cancel();
        // A meeting that never sits was attended by nobody: its invitations leave the deputies' duty records.
        db.RemoveRange(await db.Set<DutyRecord>().Where(r => r.SourceType == Subject && r.SourceId == m.Id).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
    }

    public static async Task RecordMinutesAsync(RendaDbContext db, MeetingActor actor, int id, string? minutes, CancellationToken ct)
    {
        actor.RequireStaff();
        var m = await LoadAsync(db, actor, id, ct);
        m.RecordMinutes(Text.Required("minutes", minutes, "会议纪要", 50_000));
        await db.SaveChangesAsync(ct);
    }
}
