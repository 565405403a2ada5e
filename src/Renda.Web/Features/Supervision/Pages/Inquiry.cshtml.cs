using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Supervision.Pages;

/// <summary>/supervision/inquiries/{id} — one special inquiry: the questions, who answered, the commitments followed up until done.</summary>
public class InquiryModel(RendaDbContext db) : SupervisionPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public InquiryView Q { get; private set; } = null!;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Q = await SupervisionQueries.InquiryAsync(Db, Actor, Id, ct);
        await LoadTopicLinkAsync(Q.TopicId, Q.Year, ct);
    }

    private string Here() => $"/supervision/inquiries/{Id}";

    public Task<IActionResult> OnPostQuestionAsync(string? asker, string? addressedOrgan, string? question, string? answeredBy, string? answer, string? commitment, CancellationToken ct)
        => StepAsync(a => InquiryWorkflow.AddQuestionAsync(Db, a, Id, new QuestionInput(asker, addressedOrgan, question, answeredBy, answer, commitment), ct), "询问已记录。", Here, ct);

    public Task<IActionResult> OnPostDoneAsync(int questionId, CancellationToken ct)
        => StepAsync(a => InquiryWorkflow.CompleteCommitmentAsync(Db, a, questionId, ct), "承诺事项已落实。", Here, ct);

    public Task<IActionResult> OnPostTopicAsync(int? topicId, CancellationToken ct) => LinkTopicAsync(SupervisionRecord.Inquiry, Id, topicId, Here(), ct);
}
