using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Modules;
using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using System.Globalization;

namespace Renda.Web.Features.Suggestions;

/// <summary>
/// 提 → 交 → 办 → 督 → 评. Draft and Submitted belong to the deputy and the intake desk; Assigned,
/// UnitReturned and Answered to the handling units; Rehandling reopens an answered suggestion
/// after a 不满意 rating. Returned, Merged and Closed are final.
/// </summary>
public enum SuggestionStatus { Draft = 1, Submitted = 2, Accepted = 3, Returned = 4, Merged = 5, Assigned = 6, UnitReturned = 7, Answered = 8, Rehandling = 9, Closed = 10 }

public enum SubmissionPeriod { BetweenSessions = 1, DuringSession = 2 }

/// <summary>Why staff return a suggestion to the deputy as not admissible (北京 第十二条).</summary>
public enum InadmissibleReason { PersonalMatter = 1, LegalConsultation = 2, ForwardedLetter = 3, Petition = 4, PendingLitigation = 5, OngoingTender = 6, ConflictOfInterest = 7, NotSpecific = 8 }

public enum HandlingMode { LeadAndCo = 1, Separately = 2 }

public enum AssignmentRole { Lead = 1, Co = 2, Separate = 3 }

public enum AssignmentStatus { Handling = 1, Returned = 2, Answered = 3 }

public enum ContactKind { Phone = 1, Visit = 2, Meeting = 3, Other = 4 }

public enum CoSignerStatus { Invited = 1, Confirmed = 2, Declined = 3 }

public enum CommitmentStatus { Open = 1, Done = 2 }

/// <summary>The steps of 提 → 交 → 办 → 督 → 评, each allowed in the states of <see cref="Suggestion.Machine"/>.</summary>
public enum SuggestionAction
{
    Edit = 1, Invite = 2, RespondToInvitation = 3, Submit = 4, Accept = 5, ReturnToDeputy = 6, Merge = 7, ReceiveMerged = 8, Assign = 9,
    UnitReturn = 10, Reassign = 11, RecordContact = 12, SubmitCoViews = 13, Answer = 14, ExtendAnswer = 15, Rate = 16, CloseUnrated = 17,
    DesignateKey = 18, Publish = 19, AddCommitment = 20,
}

public enum AssignmentAction { Return = 1, SubmitCoViews = 2, Answer = 3, Reopen = 4 }

public enum CoSignerAction { Confirm = 1, Decline = 2 }

public enum CommitmentAction { Report = 1 }

/// <summary>A deputy's suggestion, criticism or opinion (代表建议、批评和意见), with its whole handling history.</summary>
public class Suggestion
{
    public const int MaxTitle = 100;
    public const int MaxContent = 10_000;
    public const int MinContent = 20;

    public int Id { get; set; }
    public int CongressId { get; set; }
    /// <summary>Year of receipt; the statistics year. Set on submission (the draft's creation year before that).</summary>
    public int Year { get; set; }
    /// <summary>Registration number within congress and year, e.g. 2023-017; given on submission.</summary>
    [MaxLength(20)] public string? Number { get; set; }
    /// <summary>The numeric part of Number (17 in 2023-017). The next number is the largest Serial of the year plus one, an index lookup; ordering Number as text would put 2023-999 after 2023-1000.</summary>
    public int? Serial { get; set; }
    [MaxLength(MaxTitle)] public required string Title { get; set; }
    [MaxLength(MaxContent)] public required string Content { get; set; }
    [MaxLength(20)] public required string Category { get; set; }
    public SubmissionPeriod Period { get; set; } = SubmissionPeriod.BetweenSessions;
    public SuggestionStatus Status { get; private set; } = SuggestionStatus.Draft;
    /// <summary>The lead deputy's mandate (Deputy.Id); co-signers are in Signers.</summary>
    public int LeadDeputyId { get; set; }
    public int CreatedByAccountId { get; set; }
    /// <summary>Idempotency-Key of the request that created it, unique per account: a retried or double-clicked submit never creates a second one.</summary>
    [MaxLength(100)] public string? IdempotencyKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    /// <summary>The day the standing committee received it: the submission day, or the session's closing day for suggestions made during a session.</summary>
    public DateOnly? ReceivedOn { get; set; }
    public DateOnly? AssignedOn { get; set; }
    public HandlingMode? Mode { get; set; }
    /// <summary>Current handling round: 1, then 2 … after each 不满意.</summary>
    public int Round { get; set; } = 1;
    /// <summary>Due date of the first answer (3 months from assignment, or up to 6 with a recorded approval).</summary>
    /// <summary>
    /// When the answer is due: the latest due date of the answer clocks, copied here for the statistics' covering index and
    /// the lists' order, and written only from those clocks (<see cref="FollowAnswerClocks"/>, also when a calendar moves them).
    /// </summary>
    public DateOnly? AnswerDueOn { get; private set; }
    public DateOnly? FirstAnsweredOn { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    /// <summary>Category code (A–D by default) of the latest answer.</summary>
    [MaxLength(10)] public string? AnswerCategory { get; set; }
    /// <summary>The lead deputy's rating of the latest answer.</summary>
    public Satisfaction? Rating { get; set; }
    /// <summary>No rating arrived within the rating period despite a reminder: excluded from the satisfaction rate.</summary>
    public bool RatingMissing { get; set; }
    /// <summary>A unit has met the deputy face to face (见面, for the 见面率); set with the contact, like FirstAnsweredOn with the answer.</summary>
    public bool FaceToFaceContact { get; set; }
    public DateTime? RatingReminderSentAt { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public InadmissibleReason? ReturnReason { get; set; }
    [MaxLength(500)] public string? ReturnNote { get; set; }
    public int? MergedIntoId { get; set; }
    /// <summary>重点建议, designated by the Council of Chairpersons with a leader who supervises it (领衔督办).</summary>
    public bool IsKey { get; set; }
    [MaxLength(100)] public string? KeyLeader { get; set; }
    public DateOnly? KeyDesignatedOn { get; set; }
    public bool Published { get; set; }
    public DateTime? PublishedAt { get; set; }
    [MaxLength(MaxTitle)] public string? PublicTitle { get; set; }
    [MaxLength(MaxContent)] public string? PublicContent { get; set; }
    [MaxLength(MaxContent)] public string? PublicAnswer { get; set; }

    public List<SuggestionSigner> Signers { get; set; } = [];
    public List<SuggestionAssignment> Assignments { get; set; } = [];
    public List<SuggestionAnswer> Answers { get; set; } = [];
    public List<SuggestionContact> Contacts { get; set; } = [];
    public List<SuggestionRating> Ratings { get; set; } = [];
    public List<SuggestionEvent> History { get; set; } = [];

    [NotMapped] public IEnumerable<SuggestionAssignment> ActiveAssignments => Assignments.Where(a => a.IsActive);
    [NotMapped] public SuggestionAssignment? LeadAssignment => ActiveAssignments.FirstOrDefault(a => a.Role == AssignmentRole.Lead);
    public bool IsSigner(int deputyId) => LeadDeputyId == deputyId || Signers.Any(s => s.DeputyId == deputyId && s.Signed);

    /// <summary>Which step may be taken in which state, and by whom: the one table of the suggestion's workflow.</summary>
    public static readonly StateMachine<SuggestionStatus, SuggestionAction> Machine = new("建议", SuggestionLabels.Of,
        Allow.Row(SuggestionAction.Edit, "修改", ActorKinds.Deputy, SuggestionStatus.Draft),
        Allow.Row(SuggestionAction.Invite, "邀请附议", ActorKinds.Deputy, SuggestionStatus.Draft),
        Allow.Row(SuggestionAction.RespondToInvitation, "回复附议邀请", ActorKinds.Deputy, SuggestionStatus.Draft),
        Allow.Row(SuggestionAction.Submit, "提交", ActorKinds.Deputy, SuggestionStatus.Draft),
        Allow.Row(SuggestionAction.Accept, "受理", ActorKinds.Staff, SuggestionStatus.Submitted),
        Allow.Row(SuggestionAction.ReturnToDeputy, "退回代表", ActorKinds.Staff, SuggestionStatus.Submitted, SuggestionStatus.Accepted),
        Allow.Row(SuggestionAction.Merge, "并案", ActorKinds.Staff, SuggestionStatus.Submitted, SuggestionStatus.Accepted),
        Allow.Row(SuggestionAction.ReceiveMerged, "并入", ActorKinds.Staff, SuggestionStatus.Submitted, SuggestionStatus.Accepted, SuggestionStatus.Assigned),
        Allow.Row(SuggestionAction.Assign, "交办", ActorKinds.Staff, SuggestionStatus.Submitted, SuggestionStatus.Accepted),
        Allow.Row(SuggestionAction.UnitReturn, "退回交办", ActorKinds.UnitOfficer, SuggestionStatus.Assigned),
        Allow.Row(SuggestionAction.Reassign, "重新交办", ActorKinds.Staff, SuggestionStatus.UnitReturned),
        Allow.Row(SuggestionAction.RecordContact, "记录联系", ActorKinds.UnitOfficer, SuggestionStatus.Assigned, SuggestionStatus.Rehandling, SuggestionStatus.Answered),
        Allow.Row(SuggestionAction.SubmitCoViews, "提交协办意见", ActorKinds.UnitOfficer, SuggestionStatus.Assigned, SuggestionStatus.Rehandling),
        Allow.Row(SuggestionAction.Answer, "答复", ActorKinds.UnitOfficer, SuggestionStatus.Assigned, SuggestionStatus.Rehandling),
        // The first answer's period runs from assignment until it is answered (a unit's return does not stop it).
        Allow.Row(SuggestionAction.ExtendAnswer, "延长答复期限", ActorKinds.Staff, SuggestionStatus.Assigned, SuggestionStatus.UnitReturned),
        Allow.Row(SuggestionAction.Rate, "评价", ActorKinds.Deputy, SuggestionStatus.Answered),
        Allow.Row(SuggestionAction.CloseUnrated, "按未评价办结", ActorKinds.System, SuggestionStatus.Answered),
        Allow.Row(SuggestionAction.DesignateKey, "列为重点建议", ActorKinds.Council, SuggestionStatus.Submitted, SuggestionStatus.Accepted, SuggestionStatus.Assigned,
            SuggestionStatus.UnitReturned, SuggestionStatus.Rehandling, SuggestionStatus.Answered),
        Allow.Row(SuggestionAction.Publish, "公开", ActorKinds.Staff, SuggestionStatus.Answered, SuggestionStatus.Closed),
        Allow.Row(SuggestionAction.AddCommitment, "登记承诺事项", ActorKinds.UnitOfficer, SuggestionStatus.Assigned, SuggestionStatus.Rehandling,
            SuggestionStatus.Answered, SuggestionStatus.Closed));

    public bool Can(SuggestionAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    /// <summary>The states in which the first answer is awaited and its period runs (the statistics' and lists' "overdue").</summary>
    public static IReadOnlySet<SuggestionStatus> AwaitingAnswer => Machine.StatesFor(SuggestionAction.ExtendAnswer);

    /// <summary>The answer is overdue: its day has passed while it is still awaited.</summary>
    public static bool AnswerOverdue(SuggestionStatus status, DateOnly? answerDueOn, DateOnly today)
        => answerDueOn is { } due && due < today && AwaitingAnswer.Contains(status);

    private void Require(SuggestionAction action) => Machine.Require(Status, action);

    private void Log(DateTime at, int? accountId, string? actor, string action, string? note = null)
        => History.Add(new SuggestionEvent { At = at, ActorAccountId = accountId, ActorName = actor, Action = action, Note = note, Round = Round });

    public void Edit(string title, string content, string category, SubmissionPeriod period)
    {
        Require(SuggestionAction.Edit);
        Title = title;
        Content = content;
        Category = category;
        Period = period;
    }

    public SuggestionSigner Invite(int deputyId, DateTime now)
    {
        Require(SuggestionAction.Invite);
        if (deputyId == LeadDeputyId)
            throw DomainException.Invalid("deputyId", "领衔代表不能再作为附议代表。");
        if (Signers.Any(s => s.DeputyId == deputyId && s.Stands))
            throw DomainException.Conflict("已邀请该代表附议。");
        var signer = new SuggestionSigner { DeputyId = deputyId, InvitedAt = now };
        Signers.Add(signer);
        return signer;
    }

    public void RespondToInvitation(int deputyId, bool confirm, DateTime now, int accountId, string actor)
    {
        Require(SuggestionAction.RespondToInvitation);
        var signer = Signers.FirstOrDefault(s => s.DeputyId == deputyId && s.Awaiting)
            ?? throw DomainException.Conflict("没有待回复的附议邀请。");
        signer.Respond(confirm, now);
        Log(now, accountId, actor, confirm ? "附议" : "拒绝附议");
    }

    /// <summary>Submits the draft. Invitations not yet confirmed lapse: only confirmed co-signers sign.</summary>
    public void Submit(DateTime now, DateOnly receivedOn, int serial, int accountId, string actor)
    {
        Require(SuggestionAction.Submit);
        Signers.RemoveAll(s => s.Awaiting);
        Status = SuggestionStatus.Submitted;
        SubmittedAt = now;
        ReceivedOn = receivedOn;
        Year = receivedOn.Year;
        Serial = serial;
        Number = string.Create(CultureInfo.InvariantCulture, $"{receivedOn.Year}-{serial:000}");
        Log(now, accountId, actor, "提交", Period == SubmissionPeriod.DuringSession ? $"大会期间提出，{receivedOn:yyyy-MM-dd} 交常委会" : null);
    }

    public void Accept(DateTime now, int accountId, string actor)
    {
        Require(SuggestionAction.Accept);
        Status = SuggestionStatus.Accepted;
        Log(now, accountId, actor, "受理");
    }

    public void ReturnToDeputy(InadmissibleReason reason, string? note, DateOnly today, DateTime now, int accountId, string actor)
    {
        Require(SuggestionAction.ReturnToDeputy);
        Status = SuggestionStatus.Returned;
        ReturnReason = reason;
        ReturnNote = note;
        ClosedOn = today;
        Log(now, accountId, actor, "退回代表", $"{SuggestionLabels.Of(reason)}{(string.IsNullOrWhiteSpace(note) ? "" : "：" + note)}");
    }

    public void MergeInto(Suggestion target, DateOnly today, DateTime now, int accountId, string actor)
    {
        Require(SuggestionAction.Merge);
        if (target.Id == Id || target.CongressId != CongressId)
            throw DomainException.Invalid("targetId", "只能并入本级人大的另一件建议。");
        if (!target.Can(SuggestionAction.ReceiveMerged))
            throw DomainException.Conflict($"目标建议状态为“{SuggestionLabels.Of(target.Status)}”，不能并入。");
        Status = SuggestionStatus.Merged;
        MergedIntoId = target.Id;
        ClosedOn = today;
        Log(now, accountId, actor, "并案", $"并入 {target.Number}《{target.Title}》");
        target.Log(now, accountId, actor, "并案", $"并入 {Number}《{Title}》");
    }

    /// <summary>交办: one lead unit and co-units, or several units each answering separately.</summary>
    public void Assign(HandlingMode mode, IReadOnlyList<(int UnitId, AssignmentRole Role)> units, DateOnly today, DateTime now, int accountId, string actor)
    {
        Require(SuggestionAction.Assign);
        ValidateUnits(mode, units);
        Mode = mode;
        foreach (var (unitId, role) in units)
            Assignments.Add(new SuggestionAssignment { HandlingUnitId = unitId, Role = role, AssignedOn = today, Round = Round });
        Status = SuggestionStatus.Assigned;
        AssignedOn = today;
        Log(now, accountId, actor, "交办", mode == HandlingMode.LeadAndCo ? "主办、协办" : "分别办理");
    }

    private static void ValidateUnits(HandlingMode mode, IReadOnlyList<(int UnitId, AssignmentRole Role)> units)
    {
        if (units.Count == 0)
            throw DomainException.Invalid("units", "请至少选择一个承办单位。");
        if (units.Select(u => u.UnitId).Distinct().Count() != units.Count)
            throw DomainException.Invalid("units", "同一承办单位不能重复交办。");
        switch (mode)
        {
            case HandlingMode.LeadAndCo:
                if (units.Count(u => u.Role == AssignmentRole.Lead) != 1 || units.Any(u => u.Role == AssignmentRole.Separate))
                    throw DomainException.Invalid("units", "主办协办方式须有且只有一个主办单位，其余为协办单位。");
                break;
            case HandlingMode.Separately:
                if (units.Any(u => u.Role != AssignmentRole.Separate))
                    throw DomainException.Invalid("units", "分别办理方式下每个单位都单独办理答复。");
                break;
        }
    }

    /// <summary>A unit that is the wrong addressee returns its part with reasons; staff re-assign (units never pass it on themselves).</summary>
    public SuggestionAssignment UnitReturn(int unitId, string reason, DateOnly today, DateOnly returnDeadline, DateTime now, int accountId, string actor)
    {
        Require(SuggestionAction.UnitReturn);
        if (string.IsNullOrWhiteSpace(reason))
            throw DomainException.Invalid("reason", "退回须说明理由。");
        var assignment = ActiveAssignments.FirstOrDefault(a => a.HandlingUnitId == unitId && a.Can(AssignmentAction.Return))
            ?? throw DomainException.Conflict("本单位没有正在办理的该建议。");
        if (today > returnDeadline)
            throw DomainException.Conflict($"退回期限已过（应于 {returnDeadline:yyyy-MM-dd} 前提出），请按交办办理。");
        assignment.Return(reason, today);
        Status = SuggestionStatus.UnitReturned;
        Log(now, accountId, actor, "承办单位退回", reason);
        return assignment;
    }

    public void Reassign(IReadOnlyList<(int UnitId, AssignmentRole Role)> units, DateOnly today, DateTime now, int accountId, string actor)
    {
        Require(SuggestionAction.Reassign);
        var all = ActiveAssignments.Select(a => (a.HandlingUnitId, a.Role)).Concat(units).ToList();
        ValidateUnits(Mode!.Value, all);
        foreach (var (unitId, role) in units)
            Assignments.Add(new SuggestionAssignment { HandlingUnitId = unitId, Role = role, AssignedOn = today, Round = Round });
        Status = SuggestionStatus.Assigned;
        Log(now, accountId, actor, "重新交办");
    }

    public SuggestionContact RecordContact(int unitId, ContactKind kind, bool faceToFace, DateOnly on, string? notes, DateTime now, int accountId, string actor)
    {
        Require(SuggestionAction.RecordContact);
        var assignment = HandlingAssignment(unitId);
        var contact = new SuggestionContact { AssignmentId = assignment.Id, HandlingUnitId = unitId, Kind = kind, FaceToFace = faceToFace, On = on, Notes = notes, RecordedByAccountId = accountId };
        Contacts.Add(contact);
        assignment.FirstContactOn ??= on;
        FaceToFaceContact |= faceToFace;
        Log(now, accountId, actor, "联系代表", $"{SuggestionLabels.Of(kind)}{(faceToFace ? "（面商）" : "")}");
        return contact;
    }

    public void SubmitCoViews(int unitId, string views, DateOnly today, DateTime now, int accountId, string actor)
    {
        Require(SuggestionAction.SubmitCoViews);
        var assignment = HandlingAssignment(unitId);
        if (assignment.Role != AssignmentRole.Co)
            throw DomainException.Conflict("只有协办单位向主办单位提交协办意见。");
        if (string.IsNullOrWhiteSpace(views))
            throw DomainException.Invalid("views", "请填写协办意见。");
        assignment.SubmitCoViews(views, today);
        Log(now, accountId, actor, "提交协办意见");
    }

    /// <summary>
    /// The lead unit gives the one answer (or, handled separately, each unit its own). The
    /// suggestion is Answered when every answer it needs in this round is in.
    /// </summary>
    public SuggestionAnswer Answer(int unitId, string category, string text, string signedBy, int? documentId, DateOnly today, DateTime now, int accountId, string actor)
    {
        Require(SuggestionAction.Answer);
        var assignment = HandlingAssignment(unitId);
        if (assignment.Role == AssignmentRole.Co)
            throw DomainException.Conflict("协办单位不直接答复代表，请向主办单位提交协办意见。");
        if (Answers.Any(a => a.AssignmentId == assignment.Id && a.Round == Round))
            throw DomainException.Conflict("本轮已答复。");
        var answer = new SuggestionAnswer
        {
            AssignmentId = assignment.Id, HandlingUnitId = unitId, Round = Round, Category = category, Text = text, SignedBy = signedBy,
            DocumentAttachmentId = documentId, AnsweredOn = today, AnsweredAt = now, AnsweredByAccountId = accountId,
        };
        Answers.Add(answer);
        if (assignment.Role == AssignmentRole.Lead || assignment.Role == AssignmentRole.Separate)
            assignment.Answer();
        var needed = ActiveAssignments.Where(a => a.Role != AssignmentRole.Co).ToList();
        if (needed.All(a => Answers.Any(x => x.AssignmentId == a.Id && x.Round == Round)))
        {
            Status = SuggestionStatus.Answered;
            AnsweredOn = today;
            if (Round == 1) FirstAnsweredOn = today;
            AnswerCategory = (LeadAssignment is { } lead ? Answers.Where(x => x.AssignmentId == lead.Id && x.Round == Round).Select(x => x.Category).FirstOrDefault() : null) ?? category;
            Rating = null;
            RatingReminderSentAt = null;
        }
        Log(now, accountId, actor, "答复", $"类别 {category}");
        return answer;
    }

    private SuggestionAssignment HandlingAssignment(int unitId)
        => ActiveAssignments.FirstOrDefault(a => a.HandlingUnitId == unitId)
           ?? throw DomainException.Forbidden("该建议未交由本单位办理。");

    /// <summary>A signing deputy rates; the lead deputy's rating decides the round. 不满意 opens a new round.</summary>
    public SuggestionRating Rate(int deputyId, Satisfaction result, string? reason, DateOnly today, DateTime now, int accountId, string actor)
    {
        Require(SuggestionAction.Rate);
        if (!IsSigner(deputyId))
            throw DomainException.Forbidden("只有领衔代表和附议代表可以评价。");
        if (Ratings.Any(r => r.DeputyId == deputyId && r.Round == Round))
            throw DomainException.Conflict("您已评价本轮答复。");
        if (result == Satisfaction.Dissatisfied && string.IsNullOrWhiteSpace(reason))
            throw DomainException.Invalid("reason", "不满意时请说明理由，以便重新办理。");
        var rating = new SuggestionRating { DeputyId = deputyId, Round = Round, Result = result, Reason = reason, RatedOn = today };
        Ratings.Add(rating);
        Log(now, accountId, actor, "评价", SuggestionLabels.Of(result));
        if (deputyId != LeadDeputyId)
            return rating;
        Rating = result;
        if (result == Satisfaction.Dissatisfied)
        {
            Round++;
            Status = SuggestionStatus.Rehandling;
            foreach (var a in ActiveAssignments.Where(a => a.Role != AssignmentRole.Co))
                a.Reopen();
            Log(now, accountId, actor, "重新办理", $"第 {Round} 轮");
        }
        else
        {
            Status = SuggestionStatus.Closed;
            ClosedOn = today;
        }
        return rating;
    }

    /// <summary>No rating by the end of the rating period: closed, and excluded from the satisfaction rate.</summary>
    public void CloseUnrated(DateOnly today, DateTime now)
    {
        Require(SuggestionAction.CloseUnrated);
        RatingMissing = true;
        Status = SuggestionStatus.Closed;
        ClosedOn = today;
        Log(now, null, "system", "未评价办结", "评价期限届满未评价，不计入满意率");
    }

    public void DesignateKey(string leader, DateOnly today, DateTime now, int accountId, string actor)
    {
        Require(SuggestionAction.DesignateKey);
        if (string.IsNullOrWhiteSpace(leader))
            throw DomainException.Invalid("leader", "请填写领衔督办的负责同志。");
        IsKey = true;
        KeyLeader = leader;
        KeyDesignatedOn = today;
        Log(now, accountId, actor, "列为重点建议", $"领衔督办：{leader}");
    }

    public void Publish(string title, string content, string? answer, DateTime now, int accountId, string actor)
    {
        Require(SuggestionAction.Publish);
        PublicTitle = title;
        PublicContent = content;
        PublicAnswer = answer;
        Published = true;
        PublishedAt = now;
        Log(now, accountId, actor, "公开");
    }

    /// <summary>The answer is due when the latest of the given answer clocks is; clocks of other purposes are ignored.</summary>
    public void FollowAnswerClocks(IEnumerable<Deadline> clocks)
    {
        var due = clocks.Where(d => SuggestionClocks.Purposes.Answer().Matches(d.Purpose)).Max(d => (DateOnly?)d.DueOn);
        if (due is not null) AnswerDueOn = due;
    }

    /// <summary>The answer period, extended with a recorded approval (the clocks are extended by the workflow): logged with the new due date.</summary>
    public void ExtendAnswer(DateOnly dueOn, string reason, DateTime now, int accountId, string actor)
    {
        Require(SuggestionAction.ExtendAnswer);
        AnswerDueOn = dueOn;
        Log(now, accountId, actor, "延期", $"答复期限延至 {dueOn:yyyy-MM-dd}：{reason}");
    }

    /// <summary>承诺事项: what a unit promised in handling it, while it is handled or once it is answered.</summary>
    public Commitment AddCommitment(int unitId, string promise, DateOnly dueOn, DateTime now, int accountId, string actor)
    {
        Require(SuggestionAction.AddCommitment);
        Log(now, accountId, actor, "登记承诺", $"{promise}（{dueOn:yyyy-MM-dd} 前）");
        return new Commitment { SuggestionId = Id, HandlingUnitId = unitId, Promise = promise.Trim(), DueOn = dueOn };
    }

    public void Unpublish(DateTime now, int accountId, string actor)
    {
        if (!Published)
            throw DomainException.Conflict("该建议尚未公开。");
        Published = false;
        Log(now, accountId, actor, "撤回公开");
    }
}

public class SuggestionSigner
{
    public int Id { get; set; }
    public int SuggestionId { get; set; }
    public int DeputyId { get; set; }
    public CoSignerStatus Status { get; private set; } = CoSignerStatus.Invited;
    public DateTime InvitedAt { get; set; }
    public DateTime? RespondedAt { get; set; }

    public static readonly StateMachine<CoSignerStatus, CoSignerAction> Machine = new("附议邀请", SuggestionLabels.Of,
        Allow.Row(CoSignerAction.Confirm, "附议", ActorKinds.Deputy, CoSignerStatus.Invited),
        Allow.Row(CoSignerAction.Decline, "拒绝附议", ActorKinds.Deputy, CoSignerStatus.Invited));

    public bool Can(CoSignerAction action, Actor? actor = null) => Machine.Can(Status, action, actor);
    /// <summary>Invited and not yet answered.</summary>
    public bool Awaiting => Can(CoSignerAction.Confirm);
    /// <summary>Confirmed: signs the suggestion (rates it, is told of it).</summary>
    public bool Signed => Signs(Status);
    public static bool Signs(CoSignerStatus status) => status == CoSignerStatus.Confirmed;
    /// <summary>Not declined: invited or signed.</summary>
    public bool Stands => Standing(Status);
    public static bool Standing(CoSignerStatus status) => status != CoSignerStatus.Declined;

    public void Respond(bool confirm, DateTime now)
    {
        Machine.Require(Status, confirm ? CoSignerAction.Confirm : CoSignerAction.Decline);
        Status = confirm ? CoSignerStatus.Confirmed : CoSignerStatus.Declined;
        RespondedAt = now;
    }
}

public class SuggestionAssignment
{
    public int Id { get; set; }
    public int SuggestionId { get; set; }
    public int HandlingUnitId { get; set; }
    public AssignmentRole Role { get; set; } = AssignmentRole.Lead;
    public AssignmentStatus Status { get; private set; } = AssignmentStatus.Handling;
    public int Round { get; set; }
    public DateOnly AssignedOn { get; set; }
    public DateOnly? ReturnedOn { get; set; }
    [MaxLength(500)] public string? ReturnReason { get; set; }
    public DateOnly? FirstContactOn { get; set; }
    [MaxLength(Suggestion.MaxContent)] public string? CoViews { get; set; }
    public DateOnly? CoViewsOn { get; set; }

    /// <summary>A unit's part: it handles until it answers (or, a co-unit, gives its views), or returns it as not its own.</summary>
    public static readonly StateMachine<AssignmentStatus, AssignmentAction> Machine = new("承办单位", SuggestionLabels.Of,
        Allow.Row(AssignmentAction.Return, "退回交办", ActorKinds.UnitOfficer, AssignmentStatus.Handling),
        // Views given once may be given again (the lead unit reads the latest).
        Allow.Row(AssignmentAction.SubmitCoViews, "提交协办意见", ActorKinds.UnitOfficer, AssignmentStatus.Handling, AssignmentStatus.Answered),
        Allow.Row(AssignmentAction.Answer, "答复", ActorKinds.UnitOfficer, AssignmentStatus.Handling),
        Allow.Row(AssignmentAction.Reopen, "重新办理", ActorKinds.Deputy, AssignmentStatus.Handling, AssignmentStatus.Answered));

    public bool Can(AssignmentAction action, Actor? actor = null) => Machine.Can(Status, action, actor);
    /// <summary>In force: not returned by the unit.</summary>
    [NotMapped] public bool IsActive => InForce(Status);
    public static bool InForce(AssignmentStatus status) => status != AssignmentStatus.Returned;

    public void Return(string reason, DateOnly today)
    {
        Machine.Require(Status, AssignmentAction.Return);
        Status = AssignmentStatus.Returned;
        ReturnedOn = today;
        ReturnReason = reason;
    }

    public void SubmitCoViews(string views, DateOnly today)
    {
        Machine.Require(Status, AssignmentAction.SubmitCoViews);
        CoViews = views;
        CoViewsOn = today;
        Status = AssignmentStatus.Answered;
    }

    public void Answer()
    {
        Machine.Require(Status, AssignmentAction.Answer);
        Status = AssignmentStatus.Answered;
    }

    /// <summary>不满意: the unit handles it again in the next round.</summary>
    public void Reopen()
    {
        Machine.Require(Status, AssignmentAction.Reopen);
        Status = AssignmentStatus.Handling;
    }
}

/// <summary>A formal answer: structured text and category, plus the signed document (an attachment).</summary>
public class SuggestionAnswer
{
    public int Id { get; set; }
    public int SuggestionId { get; set; }
    public int AssignmentId { get; set; }
    public int HandlingUnitId { get; set; }
    public int Round { get; set; }
    [MaxLength(10)] public required string Category { get; set; }
    [MaxLength(Suggestion.MaxContent)] public required string Text { get; set; }
    /// <summary>The unit head who signed the answer document.</summary>
    [MaxLength(50)] public required string SignedBy { get; set; }
    public int? DocumentAttachmentId { get; set; }
    public DateOnly AnsweredOn { get; set; }
    public DateTime AnsweredAt { get; set; }
    public int AnsweredByAccountId { get; set; }
}

public class SuggestionContact
{
    public int Id { get; set; }
    public int SuggestionId { get; set; }
    public int AssignmentId { get; set; }
    public int HandlingUnitId { get; set; }
    public ContactKind Kind { get; set; } = ContactKind.Phone;
    /// <summary>见面: counts for the 见面率.</summary>
    public bool FaceToFace { get; set; }
    public DateOnly On { get; set; }
    [MaxLength(2000)] public string? Notes { get; set; }
    public int RecordedByAccountId { get; set; }
}

public class SuggestionRating
{
    public int Id { get; set; }
    public int SuggestionId { get; set; }
    public int DeputyId { get; set; }
    public int Round { get; set; }
    public Satisfaction Result { get; set; } = Satisfaction.Satisfied;
    [MaxLength(2000)] public string? Reason { get; set; }
    public DateOnly RatedOn { get; set; }
}

/// <summary>The history a deputy sees: who did what, when, in which round.</summary>
public class SuggestionEvent
{
    public int Id { get; set; }
    public int SuggestionId { get; set; }
    public DateTime At { get; set; }
    public int Round { get; set; }
    public int? ActorAccountId { get; set; }
    [MaxLength(50)] public string? ActorName { get; set; }
    [MaxLength(50)] public required string Action { get; set; }
    [MaxLength(500)] public string? Note { get; set; }
}

/// <summary>承诺事项台账: what an answer promised, by when, and the progress reported to the deputy.</summary>
public class Commitment
{
    public int Id { get; set; }
    public int SuggestionId { get; set; }
    public Suggestion? Suggestion { get; set; }
    public int HandlingUnitId { get; set; }
    [MaxLength(1000)] public required string Promise { get; set; }
    public DateOnly DueOn { get; set; }
    public CommitmentStatus Status { get; private set; } = CommitmentStatus.Open;
    public DateOnly? DoneOn { get; set; }
    public List<CommitmentProgress> Progress { get; set; } = [];

    public static readonly StateMachine<CommitmentStatus, CommitmentAction> Machine = new("承诺事项", SuggestionLabels.Of,
        Allow.Row(CommitmentAction.Report, "报告进展", ActorKinds.UnitOfficer, CommitmentStatus.Open));

    public bool Can(CommitmentAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    /// <summary>Still to be kept (progress may be reported), and its time is up.</summary>
    public static bool Late(CommitmentStatus status, DateOnly dueOn, DateOnly today) => Machine.Can(status, CommitmentAction.Report) && dueOn < today;

    public void Report(string text, bool done, DateOnly today)
    {
        if (!Can(CommitmentAction.Report))
            throw DomainException.Conflict("该承诺事项已落实，不能再报告进展。");
        if (string.IsNullOrWhiteSpace(text))
            throw DomainException.Invalid("text", "请填写进展情况。");
        Progress.Add(new CommitmentProgress { On = today, Text = text });
        if (done)
        {
            Status = CommitmentStatus.Done;
            DoneOn = today;
        }
    }
}

public class CommitmentProgress
{
    public int Id { get; set; }
    public int CommitmentId { get; set; }
    public DateOnly On { get; set; }
    [MaxLength(2000)] public required string Text { get; set; }
}
