using System.ComponentModel.DataAnnotations;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Meetings;

/// <summary>Scheduled → Notified (the members have their notice) → InSession → Closed; Cancelled before it sits.</summary>
public enum MeetingStatus { Scheduled = 1, Notified = 2, InSession = 3, Closed = 4, Cancelled = 5 }

public enum AgendaItemKind { BillReading = 1, WorkReport = 2, Appointment = 3, Resolution = 4, RegulationApproval = 5, FilingReview = 6, Other = 7 }

/// <summary>What the meeting did with an item: a vote adopts or rejects it; a report is deliberated (审议) without a vote.</summary>
public enum AgendaOutcome { Pending = 1, Adopted = 2, Rejected = 3, Deliberated = 4, Withdrawn = 5 }

public enum AttendanceStatus { Present = 1, OnLeave = 2, Absent = 3 }

/// <summary>列席: heads of the 一府一委两院 and their departments, invited deputies, others.</summary>
public enum AttendeeKind { OrganHead = 1, InvitedDeputy = 2, Other = 3 }

/// <summary>What may be done with a meeting; the table of <see cref="Meeting.Machine"/> says in which states.</summary>
public enum MeetingAction
{
    Reschedule = 1, SendNotice = 2, Open = 3, Close = 4, Cancel = 5, RecordMinutes = 6,
    AddAgendaItem = 7, AddAttendee = 8, PrepareVote = 9, DraftResolution = 10, Nominate = 11,
    RecordAttendance = 12, RecordDeliberation = 13, HoldVote = 14,
}

/// <summary>A meeting of the standing committee (常委会会议), numbered within its term.</summary>
public class Meeting
{
    private static readonly MeetingStatus[] NotOver = [MeetingStatus.Scheduled, MeetingStatus.Notified, MeetingStatus.InSession];

    public static readonly StateMachine<MeetingStatus, MeetingAction> Machine = new("会议", MeetingLabels.Of,
        Allow.Row(MeetingAction.Reschedule, "调整日期", ActorKinds.Staff, MeetingStatus.Scheduled),
        Allow.Row(MeetingAction.SendNotice, "发出会议通知", ActorKinds.Staff, MeetingStatus.Scheduled),
        Allow.Row(MeetingAction.Open, "开会", ActorKinds.Staff, MeetingStatus.Notified),
        Allow.Row(MeetingAction.Close, "闭会", ActorKinds.Staff, MeetingStatus.InSession),
        Allow.Row(MeetingAction.Cancel, "取消", ActorKinds.Staff, MeetingStatus.Scheduled, MeetingStatus.Notified),
        Allow.Row(MeetingAction.RecordMinutes, "记录会议纪要", ActorKinds.Staff, MeetingStatus.InSession, MeetingStatus.Closed),
        Allow.Row(MeetingAction.AddAgendaItem, "调整议程", ActorKinds.Staff, NotOver),
        Allow.Row(MeetingAction.AddAttendee, "登记列席人员", ActorKinds.Staff, NotOver),
        Allow.Row(MeetingAction.PrepareVote, "安排表决", ActorKinds.Staff, NotOver),
        Allow.Row(MeetingAction.DraftResolution, "提请审议决议决定", ActorKinds.Staff, NotOver),
        Allow.Row(MeetingAction.Nominate, "提请任免", ActorKinds.Staff, NotOver),
        Allow.Row(MeetingAction.RecordAttendance, "登记出席情况", ActorKinds.Staff, MeetingStatus.Notified, MeetingStatus.InSession),
        Allow.Row(MeetingAction.RecordDeliberation, "记录审议结果", ActorKinds.Staff, MeetingStatus.InSession),
        Allow.Row(MeetingAction.HoldVote, "进行表决", ActorKinds.Staff | ActorKinds.Member, MeetingStatus.InSession));

    public int Id { get; set; }
    public int CongressId { get; set; }
    public int TermId { get; set; }
    /// <summary>第 N 次会议 within the term.</summary>
    public int Number { get; set; }
    [MaxLength(200)] public required string Title { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    [MaxLength(100)] public required string Place { get; set; }
    public MeetingStatus Status { get; private set; } = MeetingStatus.Scheduled;
    public DateTime? NoticeSentAt { get; private set; }
    /// <summary>Why the notice went out less than the notice period ahead (临时召开); required in that case.</summary>
    [MaxLength(500)] public string? ShortNoticeReason { get; private set; }
    [MaxLength(50_000)] public string? Minutes { get; private set; }
    public DateTime CreatedAt { get; set; }

    public List<AgendaItem> Agenda { get; set; } = [];
    public List<MeetingAttendance> Attendance { get; set; } = [];
    public List<MeetingAttendee> Attendees { get; set; } = [];

    public bool Can(MeetingAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    /// <summary>Refuses the action in this state: "会议当前状态为“…”，不能….".</summary>
    public void Require(MeetingAction action) => Machine.Require(Status, action);

    public void Reschedule(DateOnly startsOn, DateOnly endsOn, string place)
    {
        Require(MeetingAction.Reschedule);
        StartsOn = startsOn;
        EndsOn = endsOn;
        Place = place;
    }

    /// <summary>The notice must reach the members the notice period before the meeting, unless a reason for short notice is recorded.</summary>
    public void SendNotice(DateTime now, DateOnly today, string? shortNoticeReason, int noticeDays)
    {
        Require(MeetingAction.SendNotice);
        var daysAhead = StartsOn.DayNumber - today.DayNumber;
        if (daysAhead < 0)
            throw DomainException.Conflict("会议举行日期已过，不能再发出会议通知。");
        if (daysAhead < noticeDays && string.IsNullOrWhiteSpace(shortNoticeReason))
            throw DomainException.Conflict($"会议通知应当在会议举行{ChineseNumerals.Of(noticeDays)}日前发出（{NoticeSource}）；距会议仅 {daysAhead} 日，须填写临时召开的理由。");
        ShortNoticeReason = daysAhead < noticeDays ? shortNoticeReason!.Trim() : null;
        NoticeSentAt = now;
        Status = MeetingStatus.Notified;
    }

    public const string NoticeSource = "地方各级人民代表大会和地方各级人民政府组织法第五十一条；常委会议事规则（会议举行七日前通知）";

    public void Open(DateOnly today)
    {
        Require(MeetingAction.Open);
        if (today < StartsOn)
            throw DomainException.Conflict($"会议定于 {StartsOn:yyyy-MM-dd} 举行，尚未到开会日期。");
        Status = MeetingStatus.InSession;
    }

    public void Close(IEnumerable<Vote> votes)
    {
        Require(MeetingAction.Close);
        if (votes.Any(v => v.IsOpen))
            throw DomainException.Conflict("还有正在进行的表决，不能闭会。");
        Status = MeetingStatus.Closed;
    }

    public void Cancel()
    {
        Require(MeetingAction.Cancel);
        Status = MeetingStatus.Cancelled;
    }

    public void RecordMinutes(string minutes)
    {
        Require(MeetingAction.RecordMinutes);
        Minutes = minutes;
    }
}

/// <summary>
/// An item on a meeting's agenda, linked to the record it concerns in its module (SubjectType/SubjectId:
/// "Resolution" 12, "Appointment" 40, later "Bill" …). When a vote on it closes, the module registered for
/// the subject type receives the outcome (IAgendaSubject).
/// </summary>
public class AgendaItem
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int Order { get; set; }
    public AgendaItemKind Kind { get; set; } = AgendaItemKind.BillReading;
    [MaxLength(300)] public required string Title { get; set; }
    [MaxLength(50)] public string? SubjectType { get; set; }
    public int? SubjectId { get; set; }
    public AgendaOutcome Outcome { get; private set; } = AgendaOutcome.Pending;
    [MaxLength(500)] public string? OutcomeNote { get; private set; }

    /// <summary>Reports are deliberated, not voted on: staff record that directly. Votes set Adopted or Rejected.</summary>
    public void RecordOutcome(AgendaOutcome outcome, string? note)
    {
        if (Outcome != AgendaOutcome.Pending)
            throw DomainException.Conflict($"该议题已有结果“{MeetingLabels.Of(Outcome)}”，不能再次记录。");
        Outcome = outcome;
        OutcomeNote = note;
    }
}

/// <summary>A member's attendance at a meeting (出席 / 请假 / 缺席).</summary>
public class MeetingAttendance
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int PersonId { get; set; }
    public AttendanceStatus Status { get; private set; } = AttendanceStatus.Present;
    [MaxLength(200)] public string? Note { get; private set; }

    public static MeetingAttendance Of(int personId, AttendanceStatus status, string? note) => new() { PersonId = personId, Status = status, Note = note };

    /// <summary>Attendance is a record, not a workflow: staff correct it while the meeting takes attendance.</summary>
    public void Record(AttendanceStatus status, string? note) => (Status, Note) = (status, note);
}

/// <summary>A non-voting attendee (列席人员).</summary>
public class MeetingAttendee
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public AttendeeKind Kind { get; set; } = AttendeeKind.OrganHead;
    [MaxLength(50)] public required string Name { get; set; }
    [MaxLength(100)] public required string Organisation { get; set; }
    /// <summary>The invited deputy's mandate; the invitation goes into the deputy's duty record.</summary>
    public int? DeputyId { get; set; }
    /// <summary>Whether an invited deputy came (null: not recorded, read as attending, as the invitation stands).</summary>
    public AttendanceStatus? Status { get; private set; }
    /// <summary>The reason for leave or absence.</summary>
    [MaxLength(200)] public string? Note { get; private set; }

    /// <summary>Recorded like a member's attendance, while the meeting takes attendance; only an invited deputy's is kept.</summary>
    public void Record(AttendanceStatus status, string? note)
    {
        if (DeputyId is null) throw DomainException.Invalid("personId", "只登记应邀列席代表的出席情况。");
        (Status, Note) = (status, note);
    }
}
