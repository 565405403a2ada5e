using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Supervision.Pages;

/// <summary>/supervision/surveys/{id} — one special survey or deputies' inspection: who took part, where, what was found, and its report.</summary>
public class SurveyModel(RendaDbContext db) : SupervisionPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public SurveyView S { get; private set; } = null!;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        S = await SupervisionQueries.SurveyAsync(Db, Actor, Id, ct);
        await LoadTopicLinkAsync(S.TopicId, S.Year, ct);
    }

    private string Here() => $"/supervision/surveys/{Id}";

    public Task<IActionResult> OnPostReportAsync(string? findings, string? report, CancellationToken ct)
        => StepAsync(a => SurveyWorkflow.ReportSurveyAsync(Db, a, Id, findings, report, ct), "报告已保存。", Here, ct);

    public Task<IActionResult> OnPostTopicAsync(int? topicId, CancellationToken ct) => LinkTopicAsync(SupervisionRecord.Survey, Id, topicId, Here(), ct);
}
