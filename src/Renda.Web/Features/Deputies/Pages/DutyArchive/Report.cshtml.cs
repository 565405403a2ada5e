using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Deputies.Pages.DutyArchive;

/// <summary>/deputies/duty-reports/{id} — one duty report: edit, submit, record its presentation and evaluation, download in Word.</summary>
public class ReportModel(RendaDbContext db) : DutyArchivePageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? ReportTitle { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public DateOnly? PresentedOn { get; set; }
    [BindProperty] public string? StationName { get; set; }
    [BindProperty] public int? Satisfied { get; set; }
    [BindProperty] public int? BasicallySatisfied { get; set; }
    [BindProperty] public int? Dissatisfied { get; set; }
    public DutyReportView Report { get; private set; } = null!;
    protected override bool Allowed => true;

    protected override async Task LoadAsync(CancellationToken ct) => Report = await DutyArchiveQueries.ReportAsync(Db, Actor, Id, ct);

    private string Here => $"/deputies/duty-reports/{Id}";

    public Task<IActionResult> OnPostEditAsync(CancellationToken ct)
        => StepAsync(a => DutyReportWorkflow.EditAsync(Db, a, Id, new DutyReportEdit(ReportTitle, Text), ct), "已保存。", () => Here, ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
        => StepAsync(a => DutyReportWorkflow.SubmitAsync(Db, a, Id, ct), "述职报告已提交。", () => Here, ct);

    public Task<IActionResult> OnPostPresentAsync(CancellationToken ct)
        => StepAsync(a => DutyReportWorkflow.PresentAsync(Db, a, Id, new DutyReportPresentation(PresentedOn, null, StationName, Satisfied, BasicallySatisfied, Dissatisfied), ct),
            "已登记述职和选民测评，并记入履职档案。", () => Here, ct);
}
