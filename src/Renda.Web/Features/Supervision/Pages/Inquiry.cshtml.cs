using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Supervision.Pages;

/// <summary>/supervision/inquiries/{id} — one special inquiry: the questions, who answered, the commitments followed up until done.</summary>
public class InquiryModel(RendaDbContext db) : SupervisionPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public InquiryView Q { get; private set; } = null!;

    /// <summary>The deputies the staff may pick as askers, by group: members holding a mandate first (they ask most), then each delegation.</summary>
    public List<(string Group, int DeputyId, string Name)> Deputies { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Q = await SupervisionQueries.InquiryAsync(Db, Actor, Id, ct);
        await LoadTopicLinkAsync(Q.TopicId, Q.Year, ct);
        if (!Actor.IsStaff) return;
        var seated = (await Members.SeatedOnAsync(Db, Actor.CongressId, Q.HeldOn, ct)).Select(m => m.PersonId).ToHashSet();
        var rows = await Db.Deputies.AsNoTracking().Where(d => d.CongressId == Actor.CongressId && (d.Status == DeputyStatus.Serving || seated.Contains(d.PersonId)))
            .OrderBy(d => d.Delegation).ThenBy(d => d.Id).Select(d => new { d.Id, d.PersonId, d.Person!.Name, d.Delegation }).ToListAsync(ct);
        Deputies = rows.Where(d => seated.Contains(d.PersonId)).Select(d => ("常委会组成人员", d.Id, d.Name))
            .Concat(rows.Where(d => !seated.Contains(d.PersonId)).Select(d => (d.Delegation ?? "其他代表", d.Id, d.Name))).ToList();
    }

    private string Here() => $"/supervision/inquiries/{Id}";

    public Task<IActionResult> OnPostQuestionAsync(string? asker, int? askerDeputyId, string? addressedOrgan, string? question, string? answeredBy, string? answer, string? commitment, CancellationToken ct)
        => StepAsync(a => InquiryWorkflow.AddQuestionAsync(Db, a, Id, new QuestionInput(asker, addressedOrgan, question, answeredBy, answer, commitment, askerDeputyId), ct), "询问已记录。", Here, ct);

    public Task<IActionResult> OnPostEditAsync(int questionId, string? asker, int? askerDeputyId, string? addressedOrgan, string? question, string? answeredBy, string? answer, string? commitment, CancellationToken ct)
        => StepAsync(a => InquiryWorkflow.UpdateQuestionAsync(Db, a, questionId, new QuestionInput(asker, addressedOrgan, question, answeredBy, answer, commitment, askerDeputyId), ct), "询问已更正。", Here, ct);

    public Task<IActionResult> OnPostRemoveAsync(int questionId, CancellationToken ct)
        => StepAsync(a => InquiryWorkflow.RemoveQuestionAsync(Db, a, questionId, ct), "询问问题已删除。", Here, ct);

    public Task<IActionResult> OnPostDoneAsync(int questionId, CancellationToken ct)
        => StepAsync(a => InquiryWorkflow.CompleteCommitmentAsync(Db, a, questionId, ct), "承诺事项已落实。", Here, ct);

    public Task<IActionResult> OnPostTopicAsync(int? topicId, CancellationToken ct) => LinkTopicAsync(SupervisionRecord.Inquiry, Id, topicId, Here(), ct);
}
