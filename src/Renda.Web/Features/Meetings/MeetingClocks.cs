using System.Globalization;
using Renda.Web.Platform.Deadlines;

namespace Renda.Web.Features.Meetings;

/// <summary>
/// The meetings module's clocks in one place, with lengths from the congress's <see cref="MeetingSettings"/>: the oath of an
/// appointee (at the meeting, or within the organ's working days) and a resolution's follow-up task (to the date the resolution sets).
/// </summary>
public static class MeetingClocks
{
    /// <summary>What each clock of the module is for.</summary>
    public static class Purposes
    {
        public static readonly ClockPurpose Oath = new("oath");
        public static readonly ClockPurpose FollowUp = new("follow-up");
    }

    /// <summary>Sworn in at this meeting: counted from the day before it opens to its last day, so the due date is the closing day.</summary>
    public static ClockSpec OathAtMeeting(Appointment a, Meeting meeting) => new(OathTitle(a),
        "由常委会任命的人员，在本次会议上颁发任命书后进行宪法宣誓", Oath.Source,
        PeriodUnit.CalendarDays, meeting.EndsOn.DayNumber - OathAtMeetingFrom(meeting).DayNumber, Purposes.Oath);

    public static DateOnly OathAtMeetingFrom(Meeting meeting) => meeting.StartsOn.AddDays(-1);

    /// <summary>Sworn in by the organ the person serves in, within its working days of the appointment.</summary>
    public static ClockSpec OathByOtherOrgan(MeetingSettings st, Appointment a) => new(OathTitle(a),
        $"由任职机关组织的宪法宣誓，在任命后 {st.OathOtherOrganWorkingDays} 个工作日内进行", st.OathBasis,
        PeriodUnit.WorkingDays, st.OathOtherOrganWorkingDays, Purposes.Oath);

    /// <summary>A follow-up task runs from the adoption day to the due date the resolution sets.</summary>
    public static ClockSpec FollowUp(Resolution r, ResolutionTask task) => new($"{r.Number}{r.Title}：{task.Description}",
        $"决议决定确定的落实期限（{task.DueOn:yyyy-MM-dd}）", $"{r.Title}（{r.Number}）",
        PeriodUnit.CalendarDays, task.DueOn.DayNumber - r.AdoptedOn!.Value.DayNumber, Purposes.FollowUp);

    private static string OathTitle(Appointment a) => $"{a.PersonName}（{MeetingLabels.Of(a.Kind)}{a.Post}）宪法宣誓";

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Starts the oath clock of an approved appointment that requires the oath.</summary>
    public static Deadline StartOath(RendaDbContext db, WorkCalendar calendar, MeetingSettings st, Meeting meeting, Appointment a)
        => a.OathOrganiser == OathOrganiser.StandingCommittee
            ? Deadlines.Start(db, calendar, new ClockStart(a.CongressId, new ClockSubject(AppointmentWorkflow.Subject, Id(a.Id)), OathAtMeeting(a, meeting), OathAtMeetingFrom(meeting)))
            : Deadlines.Start(db, calendar, new ClockStart(a.CongressId, new ClockSubject(AppointmentWorkflow.Subject, Id(a.Id)), OathByOtherOrgan(st, a), a.EffectiveOn ?? a.DecidedOn!.Value));

    public static Deadline StartFollowUp(RendaDbContext db, WorkCalendar calendar, Resolution r, ResolutionTask task)
        => Deadlines.Start(db, calendar, new ClockStart(r.CongressId, new ClockSubject(ResolutionWorkflow.TaskSubject, Id(task.Id)), FollowUp(r, task), r.AdoptedOn!.Value,
            task.HandlingUnitId is { } u ? ClockOwner.Unit(u) : default));
}
