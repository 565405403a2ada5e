using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Meetings;

public sealed record NominationInput(int MeetingId, AppointmentKind Kind, string? PersonName, Gender? Gender, DateOnly? BirthDate, string? Post, string? Nominator,
    DateOnly NominatedOn, string? LateNominationReason, string? Biography, bool LawExamRequired, string? LawExamResult, OathOrganiser OathOrganiser, DateOnly? EffectiveOn);

public sealed record OathInput(OathKind Kind, DateOnly TakenOn, string? Place, string? Leader, OathOrganiser OrganisedBy, int? MeetingId, IReadOnlyList<int>? AppointmentIds);

public sealed record AppointmentStatistics(string Code, int Year, int PersonTimes, IReadOnlyDictionary<string, int> ByKind, int OathPersonTimes, int OathsDue, int OathsOverdue, int Rejected);

/// <summary>人事任免 and 宪法宣誓: nomination, the vote (through Voting), certificate, oath and its clock, person-times.</summary>
public static class AppointmentWorkflow
{
    public const string Subject = "Appointment";

    public static async Task<Appointment> LoadAsync(RendaDbContext db, MeetingActor actor, int id, CancellationToken ct)
    {
        var a = await db.Set<Appointment>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || a.CongressId != actor.CongressId || !actor.MayRead) throw DomainException.NotFound("没有找到该任免事项。");
        return a;
    }

    /// <summary>
    /// A nomination for a meeting: filed at least ten days before it (or with the reason it is late), and put on the
    /// meeting's personnel item (人事任免事项), created with the first nomination.
    /// </summary>
    public static async Task<Appointment> NominateAsync(RendaDbContext db, MeetingActor actor, NominationInput r, CancellationToken ct)
    {
        actor.RequireStaff();
        if (!Enum.IsDefined(r.Kind)) throw DomainException.Invalid("kind", "任免类型应为选举、任命、免职、撤职或接受辞职。");
        if (!Enum.IsDefined(r.OathOrganiser)) throw DomainException.Invalid("oathOrganiser", "宣誓组织方式无效。");
        if (r.Gender is { } g && !Enum.IsDefined(g)) throw DomainException.Invalid("gender", "性别无效。");
        var meeting = await MeetingWorkflow.LoadAsync(db, actor, r.MeetingId, ct);
        meeting.Require(MeetingAction.Nominate);
        var settings = await Settings.ForAsync<MeetingSettings>(db, meeting.CongressId, ct);
        var today = WorkCalendar.Today(db.Clock);
        if (r.NominatedOn > today) throw DomainException.Invalid("nominatedOn", "提请日期不能晚于今天。");
        var daysAhead = meeting.StartsOn.DayNumber - r.NominatedOn.DayNumber;
        var late = Text.Optional("lateNominationReason", r.LateNominationReason, "逾期提请的理由", 500);
        if (daysAhead < settings.NominationDays && late is null)
            throw DomainException.Conflict($"提请任免应当在会议举行{Platform.Organisations.ChineseNumerals.Of(settings.NominationDays)}日前提出（{Appointment.NominationSource}）；本件提请于会前 {daysAhead} 日，须记录例外理由。");
        if (r.BirthDate is { } b && (b.Year < 1900 || b > today)) throw DomainException.Invalid("birthDate", "出生日期无效。");
        if (r.EffectiveOn is { } eff && eff < meeting.StartsOn) throw DomainException.Invalid("effectiveOn", "生效日期不能早于会议日期。");
        var item = meeting.Agenda.FirstOrDefault(a => a.Kind == AgendaItemKind.Appointment && a.Outcome == AgendaOutcome.Pending)
            ?? MeetingWorkflow.AddAgendaItem(meeting, AgendaItemKind.Appointment, "人事任免事项", null, null);
        var appointment = new Appointment
        {
            CongressId = meeting.CongressId, MeetingId = meeting.Id, Kind = r.Kind,
            PersonName = Text.Required("personName", r.PersonName, "姓名", 50), Gender = r.Gender, BirthDate = r.BirthDate,
            Post = Text.Required("post", r.Post, "职务", 100), Nominator = Text.Required("nominator", r.Nominator, "提请机关", 100),
            NominatedOn = r.NominatedOn, LateNominationReason = daysAhead < settings.NominationDays ? late : null,
            Biography = Text.Optional("biography", r.Biography, "简历", 4000),
            LawExamRequired = r.LawExamRequired, LawExamResult = Text.Optional("lawExamResult", r.LawExamResult, "法律职业资格考试结果", 100),
            OathRequired = Appointment.TakesOath(r.Kind), OathOrganiser = r.OathOrganiser, EffectiveOn = r.EffectiveOn,
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        appointment.AgendaItemId = item.Id;
        db.Add(appointment);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return appointment;
    }

    public static async Task RecordLawExamAsync(RendaDbContext db, MeetingActor actor, int id, string? result, CancellationToken ct)
    {
        actor.RequireStaff();
        var a = await LoadAsync(db, actor, id, ct);
        a.RecordLawExam(Text.Required("result", result, "考试结果", 100));
        await db.SaveChangesAsync(ct);
    }

    public static async Task WithdrawAsync(RendaDbContext db, MeetingActor actor, int id, CancellationToken ct)
    {
        actor.RequireStaff();
        var a = await LoadAsync(db, actor, id, ct);
        if (a.VoteId is { } v && await db.Set<Vote>().FirstOrDefaultAsync(x => x.Id == v, ct) is { } vote)
        {
            if (vote.IsOpen) throw DomainException.Conflict("该事项正在表决，不能撤回。");
            // Leaves a prepared (combined) vote for the others; a vote left with nobody is cancelled.
            if (vote.Can(VoteAction.Cancel))
            {
                a.ReleaseVote();
                if (!await db.Set<Appointment>().AnyAsync(x => x.VoteId == v && x.Id != a.Id, ct)) vote.Cancel();
            }
        }
        a.Withdraw();
        await db.SaveChangesAsync(ct);
    }

    public static async Task IssueCertificateAsync(RendaDbContext db, MeetingActor actor, int id, string? number, DateOnly issuedOn, CancellationToken ct)
    {
        actor.RequireStaff();
        var a = await LoadAsync(db, actor, id, ct);
        a.IssueCertificate(Text.Required("number", number, "任命书编号", 50), issuedOn);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The outcome of a personnel vote: every appointment it covers is approved or not; an approved election or
    /// appointment starts the oath clock — at this meeting when the standing committee organises it, else 15 working days.
    /// </summary>
    internal static async Task ApplyVoteAsync(RendaDbContext db, WorkCalendar calendar, Meeting meeting, AgendaItem item, Vote vote, CancellationToken ct)
    {
        var on = WorkCalendar.LocalDate(vote.ClosedAt!.Value);
        var covered = await db.Set<Appointment>().Where(a => a.VoteId == vote.Id).ToListAsync(ct);
        var settings = await Settings.ForAsync<MeetingSettings>(db, meeting.CongressId, ct);
        foreach (var a in covered)
        {
            a.Decide(vote.Passed == true, on, vote.Id);
            if (a.AwaitsOath)
                MeetingClocks.StartOath(db, calendar, settings, meeting, a);
        }
        var undecided = Appointment.Machine.StatesFor(AppointmentAction.Decide).ToList();
        var open = await db.Set<Appointment>().Where(a => a.AgendaItemId == item.Id && undecided.Contains(a.Status) && a.VoteId != vote.Id).CountAsync(ct);
        if (open == 0)
        {
            var all = await db.Set<Appointment>().Where(a => a.AgendaItemId == item.Id && a.Status != AppointmentStatus.Withdrawn && a.VoteId != vote.Id)
                .Select(a => a.Status).ToListAsync(ct);
            all.AddRange(covered.Select(a => a.Status));
            var approved = all.Count(s => s == AppointmentStatus.Approved);
            item.RecordOutcome(approved > 0 ? AgendaOutcome.Adopted : AgendaOutcome.Rejected, $"通过 {approved} 人次，未通过 {all.Count - approved} 人次");
        }
    }

    /// <summary>Records an oath: only approved elections and appointments that require it, each once; collective oaths have a leader.</summary>
    public static async Task<Oath> RecordOathAsync(RendaDbContext db, MeetingActor actor, OathInput r, CancellationToken ct)
    {
        actor.RequireStaff();
        if (!Enum.IsDefined(r.Kind)) throw DomainException.Invalid("kind", "宣誓方式应为单独宣誓或集体宣誓。");
        if (!Enum.IsDefined(r.OrganisedBy)) throw DomainException.Invalid("organisedBy", "宣誓组织方式无效。");
        var ids = (r.AppointmentIds ?? []).Distinct().ToList();
        if (ids.Count == 0) throw DomainException.Invalid("appointmentIds", "宣誓须关联需要宣誓的任免事项。");
        if (r.Kind == OathKind.Individual && ids.Count != 1) throw DomainException.Invalid("appointmentIds", "单独宣誓只有一名宣誓人。");
        if (r.Kind == OathKind.Collective && ids.Count < 2) throw DomainException.Invalid("appointmentIds", "集体宣誓至少有两名宣誓人。");
        var leader = Text.Optional("leader", r.Leader, "领誓人", 50);
        if (r.Kind == OathKind.Collective && leader is null) throw DomainException.Invalid("leader", "集体宣誓须由一人领誓，请填写领誓人。");
        var place = Text.Required("place", r.Place, "宣誓地点", 100);
        if (r.TakenOn > WorkCalendar.Today(db.Clock)) throw DomainException.Invalid("takenOn", "宣誓日期不能晚于今天。");
        var appointments = await db.Set<Appointment>().Where(a => ids.Contains(a.Id) && a.CongressId == actor.CongressId).OrderBy(a => a.Id).ToListAsync(ct);
        if (appointments.Count != ids.Count) throw DomainException.Invalid("appointmentIds", "宣誓人须是本级人大常委会的任免事项。");
        foreach (var a in appointments)
        {
            a.RequireOathDue(r.TakenOn);
        }
        if (leader is not null && r.Kind == OathKind.Collective && !appointments.Any(a => a.PersonName == leader))
            throw DomainException.Invalid("leader", "领誓人应是宣誓人之一。");
        if (r.MeetingId is { } mid && !await db.Set<Meeting>().AnyAsync(m => m.Id == mid && m.CongressId == actor.CongressId, ct))
            throw DomainException.Invalid("meetingId", "没有找到该会议。");
        var oath = new Oath
        {
            CongressId = actor.CongressId, Kind = r.Kind, TakenOn = r.TakenOn, Place = place, Leader = r.Kind == OathKind.Collective ? leader : null,
            OrganisedBy = r.OrganisedBy, MeetingId = r.MeetingId, Text = Oath.Text2018, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
            Takers = appointments.Select(a => new OathTaker { AppointmentId = a.Id, PersonName = a.PersonName }).ToList(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(oath);
        await db.SaveChangesAsync(ct);
        foreach (var a in appointments)
        {
            a.RecordOath(oath);
            foreach (var d in await Deadlines.RunningForAsync(db, Subject, MeetingClocks.Id(a.Id), ct))
                if (MeetingClocks.Purposes.Oath.Matches(d.Purpose)) Deadlines.Complete(db, d);
        }
        await db.SaveUniqueAsync("其中有人已经进行宪法宣誓。", ct);
        await tx.CommitAsync(ct);
        return oath;
    }

    /// <summary>Person-times (人次) decided in a year by kind, oath person-times, and oaths still due or overdue.</summary>
    public static async Task<AppointmentStatistics> StatisticsAsync(RendaDbContext db, int congressId, string code, int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var decided = await db.Set<Appointment>().AsNoTracking()
            .Where(a => a.CongressId == congressId && a.DecidedOn >= from && a.DecidedOn <= to && (a.Status == AppointmentStatus.Approved || a.Status == AppointmentStatus.Rejected))
            .Select(a => new { a.Kind, a.Status }).ToListAsync(ct);
        var byKind = Enum.GetValues<AppointmentKind>().ToDictionary(k => k.ToString(), k => decided.Count(a => a.Kind == k && a.Status == AppointmentStatus.Approved));
        var oathPersonTimes = await db.Set<OathTaker>().CountAsync(t => db.Set<Oath>().Any(o => o.Id == t.OathId && o.CongressId == congressId && o.TakenOn >= from && o.TakenOn <= to), ct);
        var oath = MeetingClocks.Purposes.Oath.Key;
        var oathClocks = await db.Deadlines.AsNoTracking().Where(d => d.CongressId == congressId && d.SubjectType == Subject && d.Purpose == oath
            && (d.Status == DeadlineStatus.Open || d.Status == DeadlineStatus.Overdue)).Select(d => d.Status).ToListAsync(ct);
        return new AppointmentStatistics(code, year, byKind.Values.Sum(), byKind, oathPersonTimes,
            oathClocks.Count(s => s == DeadlineStatus.Open), oathClocks.Count(s => s == DeadlineStatus.Overdue), decided.Count(a => a.Status == AppointmentStatus.Rejected));
    }
}
