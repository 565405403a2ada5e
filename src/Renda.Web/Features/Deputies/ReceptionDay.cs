using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Deputies;

/// <summary>代表接待日 (deputies receive) / 主任接待日 (the chairpersons receive: 六大行动——主任接待日).</summary>
public enum ReceptionKind { Deputies = 1, Chairpersons = 2 }

/// <summary>Published (on the public page from scheduling) → Held (接待结束, the duty records written) | Cancelled.</summary>
public enum ReceptionStatus { Published = 1, Held = 2, Cancelled = 3 }

public enum ReceptionAction { RecordOpinion = 1, Close = 2, Cancel = 3 }

/// <summary>
/// A reception day at a station. Scheduling publishes it: the notice must go up at least ReceptionNoticeDays before the day
/// (the stations' rule "提前三天公告"), so a later one is refused rather than flagged — a reception nobody could know
/// about is not a reception day. Opinions are recorded from the day itself on.
/// </summary>
public class ReceptionDay
{
    public const int MaxTopic = 200;

    public int Id { get; set; }
    public int CongressId { get; set; }
    public int StationId { get; set; }
    public ReceptionKind Kind { get; set; } = ReceptionKind.Deputies;
    public DateOnly On { get; set; }
    /// <summary>上午 9:00—11:30.</summary>
    [MaxLength(50)] public required string Time { get; set; }
    [MaxLength(MaxTopic)] public string? Topic { get; set; }
    public DateOnly PublishedOn { get; set; }
    public DateOnly? HeldOn { get; private set; }
    public ReceptionStatus Status { get; private set; } = ReceptionStatus.Published;
    public List<ReceptionAttendee> Attendees { get; set; } = [];

    public static readonly StateMachine<ReceptionStatus, ReceptionAction> Machine = new("该接待日", DeputiesLabels.Of,
        Allow.Row(ReceptionAction.RecordOpinion, "登记群众意见", ActorKinds.Staff | ActorKinds.System, ReceptionStatus.Published, ReceptionStatus.Held),
        Allow.Row(ReceptionAction.Close, "结束接待", ActorKinds.Staff | ActorKinds.System, ReceptionStatus.Published),
        Allow.Row(ReceptionAction.Cancel, "取消接待日", ActorKinds.Staff | ActorKinds.System, ReceptionStatus.Published));

    public bool Can(ReceptionAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    /// <summary>Schedules and publishes: not in the past, at least <paramref name="noticeDays"/> ahead, someone present.</summary>
    public static ReceptionDay Schedule(int congressId, int stationId, ReceptionKind kind, DateOnly on, string time, string? topic,
        IReadOnlyList<ReceptionAttendee> attendees, DateOnly today, int noticeDays)
    {
        if (on < today) throw DomainException.Invalid("on", "接待日期不能早于今天。");
        if (on < today.AddDays(noticeDays))
            throw DomainException.Invalid("on", $"接待日须至少提前 {noticeDays} 日公告，最早可安排在 {today.AddDays(noticeDays):yyyy-MM-dd}。");
        if (attendees.Count == 0)
            throw DomainException.Invalid("deputyIds", kind == ReceptionKind.Chairpersons ? "请至少选择一名出席接待的主任会议成员或代表。" : "请至少选择一名出席接待的代表。");
        return new ReceptionDay { CongressId = congressId, StationId = stationId, Kind = kind, On = on, Time = time, Topic = topic, PublishedOn = today, Attendees = [.. attendees] };
    }

    /// <summary>Opinions are taken on the day (or typed in afterwards), not before it.</summary>
    public void RequireOpinionsOpen(DateOnly today)
    {
        Machine.Require(Status, ReceptionAction.RecordOpinion);
        if (today < On) throw DomainException.Conflict($"接待日为 {On:yyyy-MM-dd}，当天起才能登记群众意见。");
    }

    public void Close(DateOnly today)
    {
        Machine.Require(Status, ReceptionAction.Close);
        if (today < On) throw DomainException.Conflict($"接待日为 {On:yyyy-MM-dd}，尚未举行。");
        Status = ReceptionStatus.Held;
        HeldOn = today;
    }

    public void Cancel(DateOnly today)
    {
        Machine.Require(Status, ReceptionAction.Cancel);
        if (today > On) throw DomainException.Conflict("接待日已过，不能取消，请结束接待。");
        Status = ReceptionStatus.Cancelled;
    }
}

/// <summary>Who received constituents: a deputy's mandate (any congress in the tree) or a chairperson (a person) who may not be a deputy.</summary>
public class ReceptionAttendee
{
    public int Id { get; set; }
    public int ReceptionDayId { get; set; }
    public int PersonId { get; set; }
    public int? DeputyId { get; set; }
}
