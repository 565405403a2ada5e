using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Supervision.Pages;

/// <summary>/supervision/appraisals/{id} — a member appraises from the phone; staff open and close the round.</summary>
public class AppraisalModel(RendaDbContext db) : SupervisionPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public ReviewView R { get; private set; } = null!;

    protected override async Task LoadAsync(CancellationToken ct) => R = await SupervisionQueries.ReviewAsync(Db, Actor, Id, ct);

    private string Here() => $"/supervision/appraisals/{Id}";

    public Task<IActionResult> OnPostCastAsync(string? choice, CancellationToken ct) => StepAsync(a => AppraisalWorkflow.CastAsync(Db, a, Id, choice, ct), "您的测评已记录。", Here, ct);
    public Task<IActionResult> OnPostOpenAsync(CancellationToken ct) => StepAsync(a => AppraisalWorkflow.OpenAsync(Db, a, Id, ct), "测评开始。", Here, ct);
    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) => StepAsync(a => AppraisalWorkflow.CloseAsync(Db, a, Id, ct), "测评结束。", Here, ct);
}
