using System.Security.Cryptography;
using System.Text;
using Renda.Web.Platform.Audit;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Meetings;

/// <summary>Votes of the standing committee: prepared on an agenda item, opened with a quorum, cast, closed into a sealed result.</summary>
public static class VoteWorkflow
{
    public const string PassingRule = "赞成票超过全体组成人员的半数为通过（地方组织法第五十一条；常委会议事规则）";

    public static async Task<Vote> LoadAsync(RendaDbContext db, MeetingActor actor, int id, CancellationToken ct)
    {
        var v = await db.Set<Vote>().Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (v is null || !actor.MayRead || !await db.Set<Meeting>().AnyAsync(m => m.Id == v.MeetingId && m.CongressId == actor.CongressId, ct))
            throw DomainException.NotFound("没有找到该表决。");
        return v;
    }

    /// <summary>
    /// Prepares a vote on an agenda item: the whole item, a contested clause, or appointments — one (individual)
    /// or several together (combined). Personnel votes are always secret.
    /// </summary>
    /// <param name="subjects">The modules' agenda subjects, asked whether they refuse a whole vote on the item (the meetings
    /// module's page and API pass them). A module that prepares the vote on its own item has checked its own rules and passes none.</param>
    public static async Task<Vote> PrepareAsync(RendaDbContext db, MeetingActor actor, int meetingId, int agendaItemId, VoteKind kind, string? title, IReadOnlyList<int>? appointmentIds,
        CancellationToken ct, IEnumerable<IAgendaSubject>? subjects = null)
    {
        actor.RequireStaff();
        var m = await MeetingWorkflow.LoadAsync(db, actor, meetingId, ct);
        m.Require(MeetingAction.PrepareVote);
        var item = m.Agenda.FirstOrDefault(a => a.Id == agendaItemId) ?? throw DomainException.NotFound("没有找到该议题。");
        if (!Enum.IsDefined(kind)) throw DomainException.Invalid("kind", "表决方式无效。");
        if (item.Outcome != AgendaOutcome.Pending) throw DomainException.Conflict($"该议题已有结果“{MeetingLabels.Of(item.Outcome)}”。");
        if ((item.Kind == AgendaItemKind.Appointment) != (kind == VoteKind.Appointment))
            throw DomainException.Invalid("kind", "人事任免议题以任免表决（无记名）进行；其他议题不能用任免表决。");
        List<Appointment> appointments = [];
        if (kind == VoteKind.Appointment)
        {
            var ids = (appointmentIds ?? []).Distinct().ToList();
            if (ids.Count == 0) throw DomainException.Invalid("appointmentIds", "请选择本次表决的任免事项（一项为单独表决，多项为合并表决）。");
            appointments = await db.Set<Appointment>().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(ct);
            if (appointments.Count != ids.Count || appointments.Any(a => a.MeetingId != m.Id || a.AgendaItemId != item.Id))
                throw DomainException.Invalid("appointmentIds", "任免事项须是列入本议题的事项。");
            foreach (var a in appointments) a.RequirePutToVote();
        }
        else
        {
            if (appointmentIds is { Count: > 0 }) throw DomainException.Invalid("appointmentIds", "只有任免表决关联任免事项。");
            if (kind == VoteKind.Whole && await db.Set<Vote>().AnyAsync(v => v.AgendaItemId == item.Id && v.Kind == VoteKind.Whole && v.Status != VoteStatus.Cancelled, ct))
                throw DomainException.Conflict("该议题已安排整体表决。");
            // The module whose record the item concerns may refuse: its outcome would not be applied.
            if (kind == VoteKind.Whole && item.SubjectType is { } type && subjects?.FirstOrDefault(s => s.SubjectType == type) is { } subject
                && await subject.RefuseWholeVoteAsync(db, item, ct) is { } why)
                throw DomainException.Conflict(why);
        }
        var defaultTitle = kind switch
        {
            VoteKind.Whole => $"表决：{item.Title}",
            VoteKind.Clause => null,
            VoteKind.Appointment => appointments.Count == 1
                ? $"{MeetingLabels.Of(appointments[0].Kind)}{appointments[0].PersonName}为{appointments[0].Post}（单独表决）"
                : $"{string.Join("、", appointments.Select(a => a.PersonName))}等{appointments.Count}人的任免事项（合并表决）",
        };
        var vote = new Vote
        {
            MeetingId = m.Id, AgendaItemId = item.Id, Kind = kind, Secret = kind == VoteKind.Appointment,
            Title = Text.Optional("title", title, "表决事项", 300) ?? defaultTitle ?? throw DomainException.Invalid("title", "分项表决须写明表决的条款，如“第十二条”。"),
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(vote);
        await db.SaveChangesAsync(ct);
        foreach (var a in appointments) a.PutToVote(vote.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return vote;
    }

    /// <summary>Opens the vote with the roll of members seated on the meeting day; refused without a quorum.</summary>
    public static async Task OpenAsync(RendaDbContext db, MeetingActor actor, int voteId, CancellationToken ct)
    {
        actor.RequireStaff();
        var vote = await LoadAsync(db, actor, voteId, ct);
        var m = await MeetingWorkflow.LoadAsync(db, actor, vote.MeetingId, ct);
        if (!m.Can(MeetingAction.HoldVote)) throw DomainException.Conflict("只能在会议举行期间进行表决。");
        // The item may have been withdrawn (or, for appointments, each nomination) since the vote was prepared.
        var item = m.Agenda.First(a => a.Id == vote.AgendaItemId);
        if (vote.Kind != VoteKind.Clause && item.Outcome != AgendaOutcome.Pending)
            throw DomainException.Conflict($"该议题已有结果“{MeetingLabels.Of(item.Outcome)}”，不能再表决。");
        var undecided = Appointment.Machine.StatesFor(AppointmentAction.Decide).ToList();
        if (vote.Kind == VoteKind.Appointment && !await db.Set<Appointment>().AnyAsync(a => a.VoteId == vote.Id && undecided.Contains(a.Status), ct))
            throw DomainException.Conflict("本项表决的任免事项都已撤回或已决定。");
        var casting = Vote.Machine.StatesFor(VoteAction.Cast).ToList();
        if (await db.Set<Vote>().AnyAsync(v => v.MeetingId == m.Id && casting.Contains(v.Status) && v.Id != vote.Id, ct))
            throw DomainException.Conflict("另一项表决正在进行，请先结束它。");
        if (vote.Kind == VoteKind.Appointment)
        {
            var missingExam = await db.Set<Appointment>().Where(a => a.VoteId == vote.Id && a.LawExamRequired && a.LawExamResult == null).Select(a => a.PersonName).ToListAsync(ct);
            if (missingExam.Count > 0)
                throw DomainException.Conflict($"{string.Join("、", missingExam)}的任职须通过国家统一法律职业资格考试，尚未登记考试结果，不能表决。");
        }
        var present = m.Attendance.Where(a => a.Status == AttendanceStatus.Present).Select(a => a.PersonId).ToHashSet();
        var roll = (await Members.SeatedOnAsync(db, m.CongressId, m.StartsOn, ct))
            .Select(s => new VoteMember { PersonId = s.PersonId, Name = s.Name, Present = present.Contains(s.PersonId) }).ToList();
        vote.Open(db.Clock.GetUtcNow().UtcDateTime, roll);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// One member's ballot. The hot path: three statements (read, insert, commit), no audit lock (decision 0008). The
    /// vote row is read FOR SHARE (PostgreSQL), so ballots run side by side while closing — FOR UPDATE — waits for
    /// those in flight and refuses later ones. A second ballot of the same member is refused by the unique index.
    /// </summary>
    public static async Task CastAsync(RendaDbContext db, MeetingActor actor, int voteId, BallotChoice choice, CancellationToken ct)
    {
        if (!Enum.IsDefined(choice)) throw DomainException.Invalid("choice", "请选择赞成、反对或弃权。");
        var personId = actor.PersonId ?? throw DomainException.Forbidden("只有常委会组成人员可以表决。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One statement: the vote's row (locked), its meeting's congress and the member's line on its roll.
        var vote = await LockedRows(db, voteId, share: true)
            .Join(db.Set<Meeting>(), v => v.MeetingId, m => m.Id, (v, m) => new
            {
                v.Status, v.Secret, m.CongressId,
                Present = db.Set<VoteMember>().Where(x => x.VoteId == voteId && x.PersonId == personId).Select(x => (bool?)x.Present).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (vote is null || vote.CongressId != actor.CongressId) throw DomainException.NotFound("没有找到该表决。");
        if (vote.Status == VoteStatus.Closed) throw DomainException.Conflict("表决已经结束，不能再投票。");
        Vote.Machine.Require(vote.Status, VoteAction.Cast);
        if (vote.Present is null) throw DomainException.Forbidden("您不是会议日期在任的常委会组成人员，不能参加本项表决。");
        if (vote.Present == false) throw DomainException.Conflict("您未登记出席本次会议，请先向会务组报到。");
        db.Add(new VoteBallot { VoteId = voteId, PersonId = personId, Choice = vote.Secret ? null : choice, CastAt = db.Clock.GetUtcNow().UtcDateTime });
        if (vote.Secret) db.Add(new SecretBallotPaper { Id = Guid.NewGuid(), VoteId = voteId, Choice = choice });
        // No savepoint around the save (EF makes one inside a transaction it did not begin: two more round trips): a
        // failed save ends this transaction, which is rolled back, never continued.
        db.Database.AutoSavepointsEnabled = false;
        await db.SaveUniqueAsync("您已对本项表决投票，不能重复投票。", ct);
        await tx.CommitAsync(ct);
    }

    private sealed record VoteHead(VoteStatus Status, bool Secret, int CongressId);

    /// <summary>The vote's row, locked FOR SHARE (a ballot) or FOR UPDATE (closing) on PostgreSQL, when the query runs.</summary>
    private static IQueryable<Vote> LockedRows(RendaDbContext db, int voteId, bool share)
    {
        var q = db.Set<Vote>().Where(v => v.Id == voteId);
        if (db.Provider == DatabaseProvider.Postgres)
            q = db.Set<Vote>().FromSqlRaw(share ? """SELECT * FROM "Votes" WHERE "Id" = {0} FOR SHARE""" : """SELECT * FROM "Votes" WHERE "Id" = {0} FOR UPDATE""", voteId);
        return q.AsNoTracking();
    }

    private static async Task<VoteHead?> ReadLockedAsync(RendaDbContext db, int voteId, bool share, CancellationToken ct)
        => await LockedRows(db, voteId, share).Join(db.Set<Meeting>(), v => v.MeetingId, m => m.Id, (v, m) => new VoteHead(v.Status, v.Secret, m.CongressId)).FirstOrDefaultAsync(ct);

    /// <summary>Closes the vote: result from the ballots, sealed by their digest into the audit chain, outcome to the item's module.</summary>
    public static async Task<Vote> CloseAsync(RendaDbContext db, WorkCalendar calendar, IEnumerable<IAgendaSubject> subjects, MeetingActor actor, int voteId, string? earlyCloseReason, CancellationToken ct)
    {
        actor.RequireStaff();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The audit lock first, as every audited save takes it first: then the vote's row, once the ballots in flight are in.
        await AuditChain.BeginLockedAsync(db, ct);
        if (await ReadLockedAsync(db, voteId, share: false, ct) is null) throw DomainException.NotFound("没有找到该表决。");
        var vote = await LoadAsync(db, actor, voteId, ct);
        var ballots = await db.Set<VoteBallot>().AsNoTracking().Where(b => b.VoteId == voteId).OrderBy(b => b.PersonId).ToListAsync(ct);
        var papers = vote.Secret ? (await db.Set<SecretBallotPaper>().AsNoTracking().Where(p => p.VoteId == voteId).Select(p => p.Choice).ToListAsync(ct)).Order().ToList() : [];
        vote.Close(db.Clock.GetUtcNow().UtcDateTime, ballots, papers, Digest(vote, ballots, papers), earlyCloseReason);
        var m = await MeetingWorkflow.LoadAsync(db, actor, vote.MeetingId, ct);
        var item = m.Agenda.First(a => a.Id == vote.AgendaItemId);
        if (vote.Kind == VoteKind.Whole)
        {
            item.RecordOutcome(vote.Passed == true ? AgendaOutcome.Adopted : AgendaOutcome.Rejected, $"赞成{vote.Yes}票，反对{vote.No}票，弃权{vote.Abstain}票（全体组成人员{vote.SeatedMembers}人）");
            if (item.SubjectType is { } type && subjects.FirstOrDefault(s => s.SubjectType == type) is { } subject)
                await subject.ApplyAsync(db, calendar, m, item, vote, ct);
        }
        else if (vote.Kind == VoteKind.Appointment)
            await AppointmentWorkflow.ApplyVoteAsync(db, calendar, m, item, vote, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return vote;
    }

    public static async Task CancelAsync(RendaDbContext db, MeetingActor actor, int voteId, CancellationToken ct)
    {
        actor.RequireStaff();
        var vote = await LoadAsync(db, actor, voteId, ct);
        vote.Cancel();
        foreach (var a in await db.Set<Appointment>().Where(a => a.VoteId == voteId).ToListAsync(ct)) a.ReleaseVote();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>SHA-256 of the ballots in a canonical order: roll-call lines "person:choice", secret receipts "person" then the sorted papers.</summary>
    public static string Digest(Vote vote, IReadOnlyList<VoteBallot> ballots, IReadOnlyList<BallotChoice> papers)
    {
        var sb = new StringBuilder().Append("vote:").Append(vote.Id).Append('\n');
        foreach (var b in ballots.OrderBy(b => b.PersonId))
            sb.Append(b.PersonId).Append(':').Append(b.Choice?.ToString() ?? "secret").Append('\n');
        foreach (var p in papers.Order())
            sb.Append("paper:").Append(p).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
