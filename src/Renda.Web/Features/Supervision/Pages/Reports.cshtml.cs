using Microsoft.AspNetCore.Mvc;
using Renda.Web.Features.Meetings;

namespace Renda.Web.Features.Supervision.Pages;

/// <summary>/supervision/reports — the year's reports by group (the statistics link here), and registering one for a meeting.</summary>
public class ReportsModel(RendaDbContext db, WorkCalendar calendar) : SupervisionPageModel(db)
{
    public sealed class RegisterForm
    {
        public WorkReportKind Kind { get; set; }
        public int? TopicId { get; set; }
        public string? Title { get; set; }
        public int OrganId { get; set; }
        public int? CommitteeId { get; set; }
        public int? MeetingId { get; set; }
        public int? AuditReportId { get; set; }
        public string? LateReason { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    [BindProperty] public RegisterForm Input { get; set; } = new();
    public List<WorkReportRow> Rows { get; private set; } = [];
    public List<(int Id, string Title, DateOnly StartsOn)> Meetings { get; private set; } = [];
    public List<(int Id, string Title)> Audits { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Year = await ChooseYearAsync(Db.Set<WorkReport>().Where(r => r.CongressId == Actor.CongressId).Select(r => r.Year), Year, ct);
        Rows = await SupervisionQueries.ReportsAsync(Db, Actor, SelectedYear, Group, ct);
        if (!Actor.IsStaff) return;
        await LoadChoicesAsync(ct);
        await LoadPlanTopicsAsync(WorkCalendar.Today(Db.Clock).Year, ct);
        Meetings = (await MeetingQueries.AllowingAsync(Db, Actor.CongressId, MeetingAction.AddAgendaItem, ct)).Select(m => (m.Id, m.Title, m.StartsOn)).ToList();
        Audits = (await Db.Set<WorkReport>().AsNoTracking().Where(r => r.CongressId == Actor.CongressId && r.Kind == WorkReportKind.Audit).OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Title }).ToListAsync(ct)).Select(r => (r.Id, r.Title)).ToList();
    }

    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken ct)
    {
        var id = 0;
        return await StepAsync(async a =>
            {
                var r = await WorkReportWorkflow.RegisterAsync(Db, calendar, a, new WorkReportInput(Input.Kind, Input.Title, Input.OrganId, Input.CommitteeId, Input.TopicId, Input.MeetingId, Input.AuditReportId, Input.LateReason), ct);
                id = r.Id;
            }, "报告已登记。", () => $"/supervision/reports/{id}", ct);
    }
}
