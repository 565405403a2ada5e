using Microsoft.AspNetCore.Mvc;
using Renda.Web.Features.Meetings;

namespace Renda.Web.Features.Supervision.Pages;

/// <summary>/supervision/appraisals — the year's post-appointment reviews; members find what to appraise here.</summary>
public class AppraisalsModel(RendaDbContext db) : SupervisionPageModel(db)
{
    public List<ReviewView> Rows { get; private set; } = [];
    public List<(int Id, string Label)> Appointed { get; private set; } = [];
    public List<(int Id, string Title)> Meetings { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Year = await ChooseYearAsync(Db.Set<PostAppointmentReview>().Where(r => r.CongressId == Actor.CongressId).Select(r => r.Year), Year, ct);
        Rows = await SupervisionQueries.ReviewsAsync(Db, Actor, SelectedYear, ct);
        if (!Actor.IsStaff) return;
        Appointed = (await Db.Set<Appointment>().AsNoTracking().Where(a => a.CongressId == Actor.CongressId && a.Status == AppointmentStatus.Approved && (a.Kind == AppointmentKind.Appointment || a.Kind == AppointmentKind.Election))
            .OrderByDescending(a => a.DecidedOn).Take(200).Select(a => new { a.Id, a.PersonName, a.Post, a.DecidedOn }).ToListAsync(ct)).Select(a => (a.Id, $"{a.PersonName}（{a.Post}，{a.DecidedOn:yyyy-MM-dd}任命）")).ToList();
        Meetings = (await MeetingQueries.AllowingAsync(Db, Actor.CongressId, MeetingAction.AddAgendaItem, ct)).Select(m => (m.Id, m.Title)).ToList();
    }

    public async Task<IActionResult> OnPostCreateAsync(int appointmentId, int? meetingId, bool writtenReport, string? performanceReport, CancellationToken ct)
    {
        var id = 0;
        return await StepAsync(async a => id = (await AppraisalWorkflow.CreateAsync(Db, a, new ReviewInput(appointmentId, meetingId, writtenReport, performanceReport), ct)).Id,
            "履职报告已安排。", () => $"/supervision/appraisals/{id}", ct);
    }
}
