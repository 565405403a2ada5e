using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Deputies.Pages.DutyArchive;

/// <summary>/deputies/corrections — staff decide the deputies' correction requests, each with a reason.</summary>
public class CorrectionsModel(RendaDbContext db) : DutyArchivePageModel(db)
{
    [BindProperty(SupportsGet = true)] public DutyCorrectionStatus? Status { get; set; } = DutyCorrectionStatus.Pending;
    [BindProperty] public string? Decision { get; set; }
    public List<CorrectionView> Requests { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct) => Requests = await DutyArchiveQueries.CorrectionsAsync(Db, Actor, null, Status, ct);

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct)
        => StepAsync(a => DutyCorrectionWorkflow.AcceptAsync(Db, a, id, Decision, ct), "已采纳更正，档案已更新。", () => "/deputies/corrections", ct);

    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct)
        => StepAsync(a => DutyCorrectionWorkflow.RejectAsync(Db, a, id, Decision, ct), "已不予更正，并告知代表。", () => "/deputies/corrections", ct);
}
