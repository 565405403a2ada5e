using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Supervision.Pages;

/// <summary>/supervision/interpellations/{id} — one interpellation: its questions, the organ's answer, each proposer's satisfaction, the second answer.</summary>
public class InterpellationModel(RendaDbContext db) : SupervisionPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public InterpellationView I { get; private set; } = null!;

    protected override async Task LoadAsync(CancellationToken ct) => I = await SupervisionQueries.InterpellationAsync(Db, Actor, Id, ct);

    private string Here() => $"/supervision/interpellations/{Id}";

    public Task<IActionResult> OnPostAnswerAsync(string? answeredBy, string? answer, CancellationToken ct)
        => StepAsync(a => InterpellationWorkflow.AnswerInterpellationAsync(Db, a, Id, answeredBy, answer, ct), "答复已记录。", Here, ct);

    public Task<IActionResult> OnPostRateAsync(bool satisfied, CancellationToken ct)
        => StepAsync(a => InterpellationWorkflow.RateInterpellationAsync(Db, a, Id, a.PersonId ?? 0, satisfied, ct), "已记录您的意见。", Here, ct);
}
