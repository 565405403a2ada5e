using Microsoft.AspNetCore.Mvc;
using Renda.Web.Data;

namespace Renda.Web.Features.Supervision.Pages;

/// <summary>/supervision/inquiries — the year's special inquiries: questions, answers and who gave them, commitments followed up.</summary>
public class InquiriesModel(RendaDbContext db) : SupervisionPageModel(db)
{
    public List<InquiryView> Rows { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Rows = await SupervisionQueries.InquiriesAsync(Db, Actor, SelectedYear, ct);
        if (Actor.IsStaff) await LoadPlanTopicsAsync(SelectedYear, ct);
    }

    private string Here() => $"/supervision/inquiries?year={SelectedYear}";

    public Task<IActionResult> OnPostCreateAsync(string? title, DateOnly heldOn, int? topicId, CancellationToken ct)
        => StepAsync(a => SupervisionWorkflow.CreateInquiryAsync(Db, a, new InquiryInput(title, heldOn, null, null, topicId), ct), "专题询问已安排。", () => $"/supervision/inquiries?year={heldOn.Year}", ct);

    public Task<IActionResult> OnPostQuestionAsync(int inquiryId, string? asker, string? addressedOrgan, string? question, string? answeredBy, string? answer, string? commitment, CancellationToken ct)
        => StepAsync(a => SupervisionWorkflow.AddQuestionAsync(Db, a, inquiryId, new QuestionInput(asker, addressedOrgan, question, answeredBy, answer, commitment), ct), "询问已记录。", Here, ct);

    public Task<IActionResult> OnPostDoneAsync(int questionId, CancellationToken ct)
        => StepAsync(a => SupervisionWorkflow.CompleteCommitmentAsync(Db, a, questionId, ct), "承诺事项已落实。", Here, ct);
}
