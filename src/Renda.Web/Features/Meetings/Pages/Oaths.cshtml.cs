using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Meetings.Pages;

/// <summary>/oaths — 宪法宣誓: the oaths of a year, those still to take the oath (with their clock), and the form to record one.</summary>
public class OathsIndexModel(RendaDbContext db) : MeetingPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>An appointment to tick in the form, when coming from its page.</summary>
    [BindProperty(SupportsGet = true, Name = "appointment")] public int? Preselect { get; set; }
    public List<int> Years { get; private set; } = [];
    public string CongressName { get; private set; } = "";
    public List<OathView> Oaths { get; private set; } = [];
    public Dictionary<int, string> MeetingTitles { get; private set; } = [];
    /// <summary>Approved elections and appointments that require the oath and have not taken it, the most urgent first.</summary>
    public List<AppointmentView> Awaiting { get; private set; } = [];
    public List<(int Id, string Title)> Meetings { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public MeetingSettings Periods { get; private set; } = new();

    [BindProperty] public OathForm Record { get; set; } = new();
    public sealed class OathForm
    {
        public List<int> AppointmentIds { get; set; } = [];
        public OathKind Kind { get; set; }
        public DateOnly? TakenOn { get; set; }
        public string? Place { get; set; }
        public string? Leader { get; set; }
        public OathOrganiser OrganisedBy { get; set; }
        public int? MeetingId { get; set; }
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Today = WorkCalendar.Today(Db.Clock);
        Periods = await Settings.ForAsync<MeetingSettings>(Db, Actor.CongressId, ct);
        CongressName = await Db.Congresses.Where(c => c.Id == Actor.CongressId).Select(c => c.ShortName).FirstAsync(ct);
        Year = await ChooseYearAsync(Db.Set<Oath>().Where(o => o.CongressId == Actor.CongressId).Select(o => o.TakenOn.Year), Year, ct);
        Years = [.. YearShown!.Years];
        Oaths = await MeetingQueries.OathsAsync(Db, Actor.CongressId, Year, ct);

        // Few meetings have someone still to swear in; reading their appointments reuses the query that knows the oath clock.
        var swearing = Appointment.Machine.StatesFor(AppointmentAction.TakeOath).ToList();
        var pendingMeetings = await Db.Set<Appointment>().AsNoTracking()
            .Where(a => a.CongressId == Actor.CongressId && swearing.Contains(a.Status) && a.OathRequired && a.OathId == null)
            .Select(a => a.MeetingId).Distinct().ToListAsync(ct);
        Awaiting = [];
        foreach (var m in pendingMeetings)
            Awaiting.AddRange((await MeetingQueries.AppointmentsAsync(Db, Actor.CongressId, null, m, ct))
                .Where(a => a.AwaitingOath));
        Awaiting = Awaiting.OrderByDescending(a => a.OathOverdue).ThenBy(a => a.OathDueOn ?? DateOnly.MaxValue).ThenBy(a => a.Id).ToList();

        var meetings = await Db.Set<Meeting>().AsNoTracking()
            .Where(m => m.CongressId == Actor.CongressId && m.Status != MeetingStatus.Cancelled && m.StartsOn <= Today)
            .OrderByDescending(m => m.StartsOn).Take(24).Select(m => new { m.Id, m.Title }).ToListAsync(ct);
        Meetings = meetings.Select(m => (m.Id, m.Title)).ToList();
        var ids = Oaths.Where(o => o.MeetingId is not null).Select(o => o.MeetingId!.Value).Distinct().ToList();
        MeetingTitles = await Db.Set<Meeting>().AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Title, ct);

        Record.TakenOn ??= Today;
        if (Request.Method == HttpMethods.Get && Preselect is { } pre && Awaiting.FirstOrDefault(a => a.Id == pre) is { } chosen)
        {
            Record.AppointmentIds = [pre];
            Record.OrganisedBy = await Db.Set<Appointment>().Where(x => x.Id == pre).Select(x => x.OathOrganiser).FirstAsync(ct);
            if (Record.OrganisedBy == OathOrganiser.StandingCommittee)
            {
                Record.MeetingId = chosen.MeetingId;
                Record.Place ??= await Db.Set<Meeting>().Where(m => m.Id == chosen.MeetingId).Select(m => m.Place).FirstAsync(ct);
                if (!Meetings.Any(m => m.Id == chosen.MeetingId)) Meetings.Insert(0, (chosen.MeetingId, chosen.MeetingTitle));
            }
        }
    }

    public Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        var year = WorkCalendar.Today(Db.Clock).Year;
        return StepAsync(async a =>
        {
            var f = Record;
            if (f.TakenOn is not { } on) throw DomainException.Invalid("takenOn", "请填写宣誓日期。");
            if (f.AppointmentIds.Count == 0) throw DomainException.Invalid("appointmentIds", "请勾选宣誓人。");
            await AppointmentWorkflow.RecordOathAsync(Db, a, new OathInput(f.Kind, on, f.Place, f.Leader, f.OrganisedBy, f.MeetingId, f.AppointmentIds), ct);
            year = on.Year;
        }, "宪法宣誓已登记。", () => $"/oaths?year={year}#top", ct);
    }
}
