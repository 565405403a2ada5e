using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Meetings.Pages;

/// <summary>/appointments — 人事任免 of a year: person-times by kind, oaths due, the list by meeting; staff file nominations here.</summary>
public class AppointmentsIndexModel(RendaDbContext db) : MeetingPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public List<int> Years { get; private set; } = [];
    public string CongressName { get; private set; } = "";
    public AppointmentStatistics Stats { get; private set; } = null!;
    public List<AppointmentView> Rows { get; private set; } = [];
    /// <summary>Meetings that can still take a nomination (安排、通知、会议中).</summary>
    public List<MeetingOption> OpenMeetings { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public MeetingSettings Periods { get; private set; } = new();

    public sealed record MeetingOption(int Id, string Title, DateOnly StartsOn, string StatusLabel);

    [BindProperty] public NominationForm Nomination { get; set; } = new();
    public sealed class NominationForm
    {
        public int? MeetingId { get; set; }
        public AppointmentKind Kind { get; set; } = AppointmentKind.Appointment;
        public string? PersonName { get; set; }
        public Gender? Gender { get; set; }
        public DateOnly? BirthDate { get; set; }
        public string? Post { get; set; }
        public string? Nominator { get; set; }
        public DateOnly? NominatedOn { get; set; }
        public string? LateNominationReason { get; set; }
        public string? Biography { get; set; }
        public bool LawExamRequired { get; set; }
        public string? LawExamResult { get; set; }
        public OathOrganiser OathOrganiser { get; set; }
        public DateOnly? EffectiveOn { get; set; }
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Today = WorkCalendar.Today(Db.Clock);
        Periods = await Settings.ForAsync<MeetingSettings>(Db, Actor.CongressId, ct);
        var congress = await Db.Congresses.Where(c => c.Id == Actor.CongressId).Select(c => new { c.Code, c.ShortName }).FirstAsync(ct);
        CongressName = congress.ShortName;
        Year = await ChooseYearAsync(Db.Set<Meeting>().Where(m => m.CongressId == Actor.CongressId && Db.Set<Appointment>().Any(a => a.MeetingId == m.Id))
            .Select(m => m.StartsOn.Year), Year, ct);
        Years = [.. YearShown!.Years];
        Stats = await AppointmentWorkflow.StatisticsAsync(Db, Actor.CongressId, congress.Code, Year.Value, ct);
        Rows = await MeetingQueries.AppointmentsAsync(Db, Actor.CongressId, Year, null, ct);
        if (Actor.IsStaff)
        {
            OpenMeetings = (await MeetingQueries.AllowingAsync(Db, Actor.CongressId, MeetingAction.Nominate, ct))
                .Select(m => new MeetingOption(m.Id, m.Title, m.StartsOn, MeetingLabels.Of(m.Status))).ToList();
        }
        Nomination.NominatedOn ??= Today;
    }

    /// <summary>Whether the meeting is less than ten days after the nomination, so a reason must be recorded.</summary>
    public bool IsLate(MeetingOption m) => m.StartsOn.DayNumber - (Nomination.NominatedOn ?? Today).DayNumber < Periods.NominationDays;

    public Task<IActionResult> OnPostNominateAsync(CancellationToken ct)
    {
        Appointment? created = null;
        return StepAsync(async a =>
        {
            var f = Nomination;
            if (f.MeetingId is not { } meetingId) throw DomainException.Invalid("meetingId", "请选择提请任免的会议。");
            if (f.NominatedOn is not { } on) throw DomainException.Invalid("nominatedOn", "请填写提请日期。");
            created = await AppointmentWorkflow.NominateAsync(Db, a, new NominationInput(meetingId, f.Kind, f.PersonName, f.Gender, f.BirthDate, f.Post, f.Nominator, on,
                f.LateNominationReason, f.Biography, f.LawExamRequired, f.LawExamResult, f.OathOrganiser, f.EffectiveOn), ct);
        }, "任免事项已提请，并列入会议的人事任免议题。", () => $"/appointments/{created!.Id}", ct);
    }
}
