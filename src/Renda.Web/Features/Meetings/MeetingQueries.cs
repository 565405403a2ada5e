using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Meetings;

public sealed record MeetingListItem(int Id, string Title, int Number, DateOnly StartsOn, DateOnly EndsOn, string Place, MeetingStatus Status, string StatusLabel, int AgendaItems, int Votes, int Resolutions, int Appointments);
public sealed record AgendaItemView(int Id, int Order, AgendaItemKind Kind, string KindLabel, string Title, string? SubjectType, int? SubjectId, AgendaOutcome Outcome, string OutcomeLabel, string? OutcomeNote);
public sealed record AttendanceView(int PersonId, string Name, string Post, AttendanceStatus? Status, string StatusLabel, string? Note);
/// <summary>A non-voting attendee; for an invited deputy, the person to record attendance by and whether the deputy came (null: not recorded).</summary>
public sealed record AttendeeView(int Id, AttendeeKind Kind, string KindLabel, string Name, string Organisation, int? DeputyId, int? PersonId, AttendanceStatus? Status, string? StatusLabel, string? Note);
public sealed record VoteSummary(int Id, int AgendaItemId, VoteKind Kind, string KindLabel, string Title, bool Secret, VoteStatus Status, string StatusLabel, int? Yes, int? No, int? Abstain, bool? Passed);
public sealed record MeetingDetail(int Id, string Title, int Number, DateOnly StartsOn, DateOnly EndsOn, string Place, MeetingStatus Status, string StatusLabel,
    DateTime? NoticeSentAt, string? ShortNoticeReason, string? Minutes, int SeatedMembers, int Present, bool Quorate,
    IReadOnlyList<AgendaItemView> Agenda, IReadOnlyList<AttendanceView> Attendance, IReadOnlyList<AttendeeView> Attendees, IReadOnlyList<VoteSummary> Votes,
    IReadOnlyList<MeetingAction> Allowed);
public sealed record VoteMemberView(int PersonId, string Name, bool Present, MemberVoteResult? Result, string? ResultLabel);
public sealed record VoteView(int Id, int MeetingId, string MeetingTitle, int AgendaItemId, string AgendaTitle, VoteKind Kind, string KindLabel, string Title, bool Secret,
    VoteStatus Status, string StatusLabel, int SeatedMembers, int PresentMembers, int BallotsCast, DateTime? OpenedAt, DateTime? ClosedAt,
    int? Yes, int? No, int? Abstain, int? PresentNotVoting, int? Absent, bool? Passed, string? BallotDigest, string Rule,
    IReadOnlyList<VoteMemberView> Members, bool MayVote, bool HasVoted, IReadOnlyList<string> Appointments, IReadOnlyList<VoteAction> Allowed,
    int PresentNotYetVoted, string? EarlyCloseReason);
public sealed record ResolutionTaskView(int Id, string Description, string Responsible, int? HandlingUnitId, DateOnly DueOn, FollowUpStatus Status, string StatusLabel, DateOnly? DoneOn, string? Report, bool Overdue, bool CanComplete);
public sealed record ResolutionView(int Id, string? Number, ResolutionKind Kind, string KindLabel, string Title, string Text, ResolutionStatus Status, string StatusLabel,
    DateOnly? AdoptedOn, int MeetingId, string MeetingTitle, int? VoteId, int? Yes, int? No, int? Abstain, int? SeatedMembers, IReadOnlyList<ResolutionTaskView> Tasks,
    IReadOnlyList<ResolutionAction> Allowed);
public sealed record AppointmentView(int Id, AppointmentKind Kind, string KindLabel, string PersonName, string Post, string Nominator, DateOnly NominatedOn, string? LateNominationReason,
    bool LawExamRequired, string? LawExamResult, AppointmentStatus Status, string StatusLabel, int MeetingId, string MeetingTitle, DateOnly MeetingStartsOn, int? VoteId,
    DateOnly? DecidedOn, DateOnly? EffectiveOn, string? CertificateNumber, DateOnly? CertificateIssuedOn, bool OathRequired, string OathOrganiserLabel,
    int? OathId, DateOnly? OathDueOn, bool OathOverdue, string? Biography, bool AwaitingOath, IReadOnlyList<AppointmentAction> Allowed);
public sealed record OathView(int Id, OathKind Kind, string KindLabel, DateOnly TakenOn, string Place, string? Leader, string OrganisedByLabel, int? MeetingId, string Text, IReadOnlyList<string> Takers);
public sealed record LivelihoodProjectView(int Id, int Order, string Name, string Department, decimal Budget, string Description, int? Votes, int? Rank, bool Adopted,
    int PercentDone, IReadOnlyList<LivelihoodProgress> Progress, int Satisfied, int BasicallySatisfied, int Dissatisfied, Satisfaction? MyEvaluation);
public sealed record LivelihoodBallotView(int Id, int Year, string Title, string Session, int Places, TieRule TieRule, string TieRuleLabel, LivelihoodBallotStatus Status, string StatusLabel,
    int? EligibleDeputies, int BallotsCast, string? BallotDigest, string? TieNote, bool EvaluationOpen, bool HasVoted, IReadOnlyList<LivelihoodProjectView> Projects,
    IReadOnlyList<LivelihoodBallotAction> Allowed);

public static class MeetingQueries
{
    /// <summary>What the record's state allows now, from its state machine (the reader's kind is checked by the step itself).</summary>
    public static IReadOnlyList<TAction> Allowed<TStatus, TAction>(StateMachine<TStatus, TAction> machine, Func<TAction, bool> can)
        where TStatus : struct, Enum where TAction : struct, Enum
        => machine.Rules.Select(r => r.Action).Where(can).Order().ToList();

    /// <summary>The congress's meetings in a state that allows the action (a nomination, a report on the agenda …), soonest first.</summary>
    public static async Task<List<Meeting>> AllowingAsync(RendaDbContext db, int congressId, MeetingAction action, CancellationToken ct)
    {
        var states = Meeting.Machine.StatesFor(action).ToList();
        return await db.Set<Meeting>().AsNoTracking().Where(m => m.CongressId == congressId && states.Contains(m.Status)).OrderBy(m => m.StartsOn).ToListAsync(ct);
    }

    public static async Task<List<MeetingListItem>> ListAsync(RendaDbContext db, int congressId, int? year, CancellationToken ct)
    {
        var q = db.Set<Meeting>().AsNoTracking().Where(m => m.CongressId == congressId);
        if (year is { } y) q = q.Where(m => m.StartsOn >= new DateOnly(y, 1, 1) && m.StartsOn <= new DateOnly(y, 12, 31));
        var rows = await q.OrderByDescending(m => m.StartsOn).ThenByDescending(m => m.Number)
            .Select(m => new
            {
                m.Id, m.Title, m.Number, m.StartsOn, m.EndsOn, m.Place, m.Status, Agenda = m.Agenda.Count,
                Votes = db.Set<Vote>().Count(v => v.MeetingId == m.Id && v.Status != VoteStatus.Cancelled),
                Resolutions = db.Set<Resolution>().Count(r => r.MeetingId == m.Id && r.Status == ResolutionStatus.Adopted),
                Appointments = db.Set<Appointment>().Count(a => a.MeetingId == m.Id && a.Status == AppointmentStatus.Approved),
            }).ToListAsync(ct);
        return rows.Select(m => new MeetingListItem(m.Id, m.Title, m.Number, m.StartsOn, m.EndsOn, m.Place, m.Status, MeetingLabels.Of(m.Status), m.Agenda, m.Votes, m.Resolutions, m.Appointments)).ToList();
    }

    public static async Task<MeetingDetail> DetailAsync(RendaDbContext db, MeetingActor actor, int id, CancellationToken ct)
    {
        var m = await MeetingWorkflow.LoadAsync(db, actor, id, ct);
        var seated = await Members.SeatedOnAsync(db, m.CongressId, m.StartsOn, ct);
        var attendance = seated.Select(s => m.Attendance.FirstOrDefault(a => a.PersonId == s.PersonId) is { } a
            ? new AttendanceView(s.PersonId, s.Name, s.PostLabel, a.Status, MeetingLabels.Of(a.Status), a.Note)
            : new AttendanceView(s.PersonId, s.Name, s.PostLabel, null, "未登记", null)).ToList();
        var present = attendance.Count(a => a.Status == AttendanceStatus.Present);
        var votes = await db.Set<Vote>().AsNoTracking().Where(v => v.MeetingId == id).OrderBy(v => v.Id).ToListAsync(ct);
        var invited = m.Attendees.Where(a => a.DeputyId is not null).Select(a => a.DeputyId!.Value).ToList();
        var persons = await db.Deputies.Where(d => invited.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => (int?)d.PersonId, ct);
        return new MeetingDetail(m.Id, m.Title, m.Number, m.StartsOn, m.EndsOn, m.Place, m.Status, MeetingLabels.Of(m.Status), m.NoticeSentAt, m.ShortNoticeReason, m.Minutes,
            seated.Count, present, Vote.Quorate(present, seated.Count),
            m.Agenda.OrderBy(a => a.Order).Select(a => new AgendaItemView(a.Id, a.Order, a.Kind, MeetingLabels.Of(a.Kind), a.Title, a.SubjectType, a.SubjectId, a.Outcome, MeetingLabels.Of(a.Outcome), a.OutcomeNote)).ToList(),
            attendance,
            m.Attendees.OrderBy(a => a.Kind).ThenBy(a => a.Id).Select(a => new AttendeeView(a.Id, a.Kind, MeetingLabels.Of(a.Kind), a.Name, a.Organisation, a.DeputyId,
                a.DeputyId is { } d ? persons.GetValueOrDefault(d) : null, a.Status, a.DeputyId is null ? null : a.Status is { } st ? MeetingLabels.Of(st) : "未登记", a.Note)).ToList(),
            votes.Select(Summary).ToList(), Allowed(Meeting.Machine, a => m.Can(a)));
    }

    public static VoteSummary Summary(Vote v) => new(v.Id, v.AgendaItemId, v.Kind, MeetingLabels.Of(v.Kind), v.Title, v.Secret, v.Status, MeetingLabels.Of(v.Status), v.Yes, v.No, v.Abstain, v.Passed);

    /// <summary>How each member voted is shown only after closing, and never for a secret vote.</summary>
    public static async Task<VoteView> VoteAsync(RendaDbContext db, MeetingActor actor, int id, CancellationToken ct)
    {
        var v = await VoteWorkflow.LoadAsync(db, actor, id, ct);
        var meeting = await db.Set<Meeting>().AsNoTracking().Where(m => m.Id == v.MeetingId).Select(m => new { m.Title }).FirstAsync(ct);
        var item = await db.Set<AgendaItem>().AsNoTracking().Where(a => a.Id == v.AgendaItemId).Select(a => a.Title).FirstAsync(ct);
        var voters = await db.Set<VoteBallot>().Where(b => b.VoteId == id).Select(b => b.PersonId).ToListAsync(ct);
        var cast = voters.Count;
        var hasVoted = actor.PersonId is { } p && await db.Set<VoteBallot>().AnyAsync(b => b.VoteId == id && b.PersonId == p, ct);
        var mayVote = v.Can(VoteAction.Cast) && !hasVoted && v.Members.Any(m => m.PersonId == actor.PersonId && m.Present);
        var appointments = await db.Set<Appointment>().AsNoTracking().Where(a => a.VoteId == id).OrderBy(a => a.Id)
            .Select(a => new { a.Kind, a.PersonName, a.Post }).ToListAsync(ct);
        return new VoteView(v.Id, v.MeetingId, meeting.Title, v.AgendaItemId, item, v.Kind, MeetingLabels.Of(v.Kind), v.Title, v.Secret, v.Status, MeetingLabels.Of(v.Status),
            v.SeatedMembers, v.PresentMembers, cast, v.OpenedAt, v.ClosedAt, v.Yes, v.No, v.Abstain, v.PresentNotVoting, v.Absent, v.Passed, v.BallotDigest, VoteWorkflow.PassingRule,
            v.Members.OrderBy(m => m.Id).Select(m => new VoteMemberView(m.PersonId, m.Name, m.Present, m.Result, m.Result is { } r ? MeetingLabels.Of(r) : null)).ToList(),
            mayVote, hasVoted, appointments.Select(a => $"{MeetingLabels.Of(a.Kind)}{a.PersonName}为{a.Post}").ToList(), Allowed(Vote.Machine, a => v.Can(a)),
            v.Can(VoteAction.Close) ? v.PresentNotYetVoted(voters) : 0, v.EarlyCloseReason);
    }

    public static async Task<List<ResolutionView>> ResolutionsAsync(RendaDbContext db, int congressId, int? year, bool all, CancellationToken ct)
    {
        var q = db.Set<Resolution>().AsNoTracking().Include(r => r.Tasks).Where(r => r.CongressId == congressId);
        if (!all) q = q.Where(r => r.Status == ResolutionStatus.Adopted);
        if (year is { } y) q = q.Where(r => r.Year == y || (r.Year == null && db.Set<Meeting>().Any(m => m.Id == r.MeetingId && m.StartsOn.Year == y)));
        var rows = await q.OrderBy(r => r.Year).ThenBy(r => r.Serial).ThenBy(r => r.Id).ToListAsync(ct);
        return await ViewsAsync(db, rows, ct);
    }

    public static async Task<ResolutionView> ResolutionAsync(RendaDbContext db, MeetingActor actor, int id, CancellationToken ct)
        => (await ViewsAsync(db, [await ResolutionWorkflow.LoadAsync(db, actor, id, ct)], ct))[0];

    private static async Task<List<ResolutionView>> ViewsAsync(RendaDbContext db, List<Resolution> rows, CancellationToken ct)
    {
        var meetingIds = rows.Select(r => r.MeetingId).Distinct().ToList();
        var meetings = await db.Set<Meeting>().AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Title, ct);
        var voteIds = rows.Where(r => r.VoteId != null).Select(r => r.VoteId!.Value).ToList();
        var votes = await db.Set<Vote>().AsNoTracking().Where(v => voteIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        var today = WorkCalendar.Today(db.Clock);
        return rows.Select(r =>
        {
            var v = r.VoteId is { } vid ? votes.GetValueOrDefault(vid) : null;
            return new ResolutionView(r.Id, r.Number, r.Kind, MeetingLabels.Of(r.Kind), r.Title, r.Text, r.Status, MeetingLabels.Of(r.Status), r.AdoptedOn, r.MeetingId, meetings[r.MeetingId],
                r.VoteId, v?.Yes, v?.No, v?.Abstain, v?.SeatedMembers,
                r.Tasks.OrderBy(t => t.DueOn).Select(t => new ResolutionTaskView(t.Id, t.Description, t.Responsible, t.HandlingUnitId, t.DueOn, t.Status, MeetingLabels.Of(t.Status), t.DoneOn, t.Report,
                    t.Can(FollowUpAction.Complete) && t.DueOn < today, t.Can(FollowUpAction.Complete))).ToList(), Allowed(Resolution.Machine, a => r.Can(a)));
        }).ToList();
    }

    public static async Task<List<AppointmentView>> AppointmentsAsync(RendaDbContext db, int congressId, int? year, int? meetingId, CancellationToken ct)
    {
        var q = db.Set<Appointment>().AsNoTracking().Where(a => a.CongressId == congressId);
        if (meetingId is { } mid) q = q.Where(a => a.MeetingId == mid);
        if (year is { } y) q = q.Where(a => db.Set<Meeting>().Any(m => m.Id == a.MeetingId && m.StartsOn >= new DateOnly(y, 1, 1) && m.StartsOn <= new DateOnly(y, 12, 31)));
        var rows = await q.OrderByDescending(a => a.MeetingId).ThenBy(a => a.Id).ToListAsync(ct);
        var meetingIds = rows.Select(a => a.MeetingId).Distinct().ToList();
        var meetings = await db.Set<Meeting>().AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => new { m.Title, m.StartsOn }, ct);
        var ids = rows.Select(a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var oath = MeetingClocks.Purposes.Oath.Key;
        var clocks = await db.Deadlines.AsNoTracking().Where(d => d.CongressId == congressId && d.SubjectType == AppointmentWorkflow.Subject && d.Purpose == oath && ids.Contains(d.SubjectId))
            .Select(d => new { d.SubjectId, d.DueOn, d.Status }).ToListAsync(ct);
        return rows.Select(a =>
        {
            var clock = clocks.Where(c => c.SubjectId == a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderByDescending(c => c.DueOn).FirstOrDefault();
            return new AppointmentView(a.Id, a.Kind, MeetingLabels.Of(a.Kind), a.PersonName, a.Post, a.Nominator, a.NominatedOn, a.LateNominationReason, a.LawExamRequired, a.LawExamResult,
                a.Status, MeetingLabels.Of(a.Status), a.MeetingId, meetings[a.MeetingId].Title, meetings[a.MeetingId].StartsOn, a.VoteId, a.DecidedOn, a.EffectiveOn, a.CertificateNumber, a.CertificateIssuedOn,
                a.OathRequired, MeetingLabels.Of(a.OathOrganiser), a.OathId, a.OathId is null ? clock?.DueOn : null, a.OathId is null && clock?.Status == DeadlineStatus.Overdue, a.Biography,
                a.AwaitsOath, Allowed(Appointment.Machine, x => a.Can(x)));
        }).ToList();
    }

    public static async Task<List<OathView>> OathsAsync(RendaDbContext db, int congressId, int? year, CancellationToken ct)
    {
        var q = db.Set<Oath>().AsNoTracking().Include(o => o.Takers).Where(o => o.CongressId == congressId);
        if (year is { } y) q = q.Where(o => o.TakenOn >= new DateOnly(y, 1, 1) && o.TakenOn <= new DateOnly(y, 12, 31));
        var rows = await q.OrderByDescending(o => o.TakenOn).ThenByDescending(o => o.Id).ToListAsync(ct);
        return rows.Select(o => new OathView(o.Id, o.Kind, MeetingLabels.Of(o.Kind), o.TakenOn, o.Place, o.Leader, MeetingLabels.Of(o.OrganisedBy), o.MeetingId, o.Text,
            o.Takers.OrderBy(t => t.Id).Select(t => t.PersonName).ToList())).ToList();
    }

    public static async Task<List<LivelihoodProjectBallot>> LivelihoodBallotsAsync(RendaDbContext db, int congressId, int? year, CancellationToken ct)
    {
        var q = db.Set<LivelihoodProjectBallot>().AsNoTracking().Include(b => b.Projects).Where(b => b.CongressId == congressId);
        if (year is { } y) q = q.Where(b => b.Year == y);
        return await q.OrderByDescending(b => b.Year).ThenByDescending(b => b.Id).ToListAsync(ct);
    }

    public static async Task<LivelihoodBallotView> LivelihoodAsync(RendaDbContext db, MeetingActor actor, int id, CancellationToken ct)
    {
        var b = await LivelihoodBallotWorkflow.LoadAsync(db, actor, id, ct);
        int? deputyId = actor.PersonId is { } p
            ? await db.Deputies.Where(d => d.PersonId == p && d.CongressId == actor.CongressId && d.Status == Platform.People.DeputyStatus.Serving).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct)
            : null;
        var hasVoted = deputyId is { } dep && await db.Set<LivelihoodBallotReceipt>().AnyAsync(r => r.BallotId == id && r.DeputyId == dep, ct);
        var cast = b.BallotsCast ?? await db.Set<LivelihoodBallotReceipt>().CountAsync(r => r.BallotId == id, ct);
        var projectIds = b.Projects.Select(x => x.Id).ToList();
        var evaluations = await db.Set<LivelihoodEvaluation>().AsNoTracking().Where(e => projectIds.Contains(e.ProjectId)).Select(e => new { e.ProjectId, e.DeputyId, e.Result }).ToListAsync(ct);
        // Until the ballot closes, nobody sees running totals: they would sway those who have not voted.
        var closed = b.Status == LivelihoodBallotStatus.Closed;
        return new LivelihoodBallotView(b.Id, b.Year, b.Title, b.Session, b.Places, b.TieRule, MeetingLabels.Of(b.TieRule), b.Status, MeetingLabels.Of(b.Status), b.EligibleDeputies, cast,
            b.BallotDigest, b.TieNote, b.EvaluationOpen, hasVoted,
            b.Projects.OrderBy(x => closed ? x.Rank : x.Order).Select(x => new LivelihoodProjectView(x.Id, x.Order, x.Name, x.Department, x.Budget, x.Description, closed ? x.Votes : null, x.Rank, x.Adopted,
                x.Progress.Count == 0 ? 0 : x.Progress.Max(g => g.PercentDone), x.Progress.OrderBy(g => g.ReportedOn).ThenBy(g => g.Id).ToList(),
                evaluations.Count(e => e.ProjectId == x.Id && e.Result == Satisfaction.Satisfied), evaluations.Count(e => e.ProjectId == x.Id && e.Result == Satisfaction.BasicallySatisfied),
                evaluations.Count(e => e.ProjectId == x.Id && e.Result == Satisfaction.Dissatisfied),
                evaluations.FirstOrDefault(e => e.ProjectId == x.Id && e.DeputyId == deputyId)?.Result)).ToList(), Allowed(LivelihoodProjectBallot.Machine, a => b.Can(a)));
    }
}
