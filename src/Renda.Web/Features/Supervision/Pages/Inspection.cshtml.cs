using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Supervision.Pages;

/// <summary>/supervision/inspections/{id} — team, methods, joint parts, findings, and the report that enters the opinions loop.</summary>
public class InspectionModel(RendaDbContext db, WorkCalendar calendar) : SupervisionPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public InspectionView I { get; private set; } = null!;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        I = await SupervisionQueries.InspectionAsync(Db, Actor, Id, ct);
        await LoadTopicLinkAsync(I.TopicId, I.Year, ct);
        if (Actor.IsStaff) await LoadChoicesAsync(ct);
    }

    public Task<IActionResult> OnPostFindingsAsync(string? findings, CancellationToken ct)
        => StepAsync(a => InspectionWorkflow.RecordFindingsAsync(Db, a, Id, findings, ct), "检查发现已记录。", () => $"/supervision/inspections/{Id}", ct);

    public async Task<IActionResult> OnPostReportAsync(string? report, int organId, string? lateReason, CancellationToken ct)
    {
        var reportId = 0;
        return await StepAsync(async a => reportId = (await InspectionWorkflow.ReportInspectionAsync(Db, calendar, a, Id, report, organId, null, lateReason, ct)).Id,
            "执法检查报告已形成，请列入会议议程。", () => $"/supervision/reports/{reportId}", ct);
    }

    public Task<IActionResult> OnPostTopicAsync(int? topicId, CancellationToken ct) => LinkTopicAsync(SupervisionRecord.Inspection, Id, topicId, $"/supervision/inspections/{Id}", ct);
}
