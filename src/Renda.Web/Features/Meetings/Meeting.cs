using System.ComponentModel.DataAnnotations;
using Renda.Web.Platform.Web;

namespace Renda.Web.Features.Meetings;

/// <summary>Scheduled → Notified (the members have their notice) → InSession → Closed; Cancelled before it sits.</summary>
public enum MeetingStatus { Scheduled = 1, Notified = 2, InSession = 3, Closed = 4, Cancelled = 5 }

public enum AgendaItemKind { BillReading = 1, WorkReport = 2, Appointment = 3, Resolution = 4, RegulationApproval = 5, FilingReview = 6, Other = 7 }

/// <summary>What the meeting did with an item: a vote adopts or rejects it; a report is deliberated (审议) without a vote.</summary>
public enum AgendaOutcome { Pending = 1, Adopted = 2, Rejected = 3, Deliberated = 4, Withdrawn = 5 }

public enum AttendanceStatus { Present = 1, OnLeave = 2, Absent = 3 }

/// <summary>列席: heads of the 一府一委两院 and their departments, invited deputies, others.</summary>
public enum AttendeeKind { OrganHead = 1, InvitedDeputy = 2, Other = 3 }

/// <summary>A meeting of the standing committee (常委会会议), numbered within its term.</summary>
public class Meeting
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    public int TermId { get; set; }
    /// <summary>第 N 次会议 within the term.</summary>
    public int Number { get; set; }
    [MaxLength(200)] public required string Title { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    [MaxLength(100)] public required string Place { get; set; }
    public MeetingStatus Status { get; set; } = MeetingStatus.Scheduled;
    public DateTime? NoticeSentAt { get; set; }
    /// <summary>Why the notice went out less than seven days ahead (临时召开); required in that case.</summary>
    [MaxLength(500)] public string? ShortNoticeReason { get; set; }
    [MaxLength(50_000)] public string? Minutes { get; set; }
    public DateTime CreatedAt { get; set; }

    public List<AgendaItem> Agenda { get; set; } = [];
    public List<MeetingAttendance> Attendance { get; set; } = [];
    public List<MeetingAttendee> Attendees { get; set; } = [];

    public const int NoticeDays = 7;
    public const string NoticeSource = "地方各级人民代表大会和地方各级人民政府组织法第五十一条；常委会议事规则（会议举行七日前通知）";

    private void Require(string action, params MeetingStatus[] allowed)
    {
        if (!allowed.Contains(Status))
            throw DomainException.Conflict($"会议当前状态为“{MeetingLabels.Of(Status)}”，不能{action}。");
    }

    public void RequireOpenForChanges(string action) => Require(action, MeetingStatus.Scheduled, MeetingStatus.Notified, MeetingStatus.InSession);

    public void Reschedule(DateOnly startsOn, DateOnly endsOn, string place)
    {
        Require("调整日期", MeetingStatus.Scheduled);
        StartsOn = startsOn;
        EndsOn = endsOn;
        Place = place;
    }

    /// <summary>The notice must reach the members seven days before the meeting, unless a reason for short notice is recorded.</summary>
    public void SendNotice(DateTime now, DateOnly today, string? shortNoticeReason)
    {
        Require("发出会议通知", MeetingStatus.Scheduled);
        var daysAhead = StartsOn.DayNumber - today.DayNumber;
        if (daysAhead < 0)
            throw DomainException.Conflict("会议举行日期已过，不能再发出会议通知。");
        if (daysAhead < NoticeDays && string.IsNullOrWhiteSpace(shortNoticeReason))
            throw DomainException.Conflict($"会议通知应当在会议举行七日前发出（{NoticeSource}）；距会议仅 {daysAhead} 日，须填写临时召开的理由。");
        ShortNoticeReason = daysAhead < NoticeDays ? shortNoticeReason!.Trim() : null;
        NoticeSentAt = now;
        Status = MeetingStatus.Notified;
    }

    public void Open(DateOnly today)
    {
        Require("开会", MeetingStatus.Notified);
        if (today < StartsOn)
            throw DomainException.Conflict($"会议定于 {StartsOn:yyyy-MM-dd} 举行，尚未到开会日期。");
        Status = MeetingStatus.InSession;
    }

    public void Close(IEnumerable<Vote> votes)
    {
        Require("闭会", MeetingStatus.InSession);
        if (votes.Any(v => v.Status == VoteStatus.Open))
            throw DomainException.Conflict("还有正在进行的表决，不能闭会。");
        Status = MeetingStatus.Closed;
    }

    public void Cancel()
    {
        Require("取消", MeetingStatus.Scheduled, MeetingStatus.Notified);
        Status = MeetingStatus.Cancelled;
    }

    public void RecordMinutes(string minutes)
    {
        Require("记录会议纪要", MeetingStatus.InSession, MeetingStatus.Closed);
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
    public AgendaOutcome Outcome { get; set; } = AgendaOutcome.Pending;
    [MaxLength(500)] public string? OutcomeNote { get; set; }

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
    public AttendanceStatus Status { get; set; } = AttendanceStatus.Present;
    [MaxLength(200)] public string? Note { get; set; }
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
}
