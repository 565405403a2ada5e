using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Attachments;

namespace Renda.Web.Features.BudgetMonitoring.Pages.Warnings;

/// <summary>/budget/warnings/{id} — the warning, the records behind it, its replies and clocks, and the steps the actor may take.</summary>
public class DetailModel(RendaDbContext db, WorkCalendar calendar, AttachmentStore store) : WarningPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public WarningView W { get; private set; } = null!;
    protected override bool MayOpen => Actor.IsStaff || Actor.UnitIds.Count > 0;

    protected override async Task LoadAsync(CancellationToken ct) => W = await BudgetWarningQueries.DetailAsync(Db, Actor, Id, ct);

    private string Here() => $"/budget/warnings/{Id}";

    public Task<IActionResult> OnPostDismissAsync(string? reason, CancellationToken ct) => StepAsync(a => BudgetWarningWorkflow.DismissAsync(Db, a, Id, reason, ct), "预警已排除。", Here, ct);
    public Task<IActionResult> OnPostSendAsync(CancellationToken ct) => StepAsync(a => BudgetWarningWorkflow.SendAsync(Db, calendar, a, Id, ct), "预警已发送，答复期限开始计时。", Here, ct);
    public Task<IActionResult> OnPostAcceptAsync(string? note, CancellationToken ct) => StepAsync(a => BudgetWarningWorkflow.AcceptAsync(Db, a, Id, note, ct), "已认可答复，预警销号。", Here, ct);
    public Task<IActionResult> OnPostRejectAsync(string? reason, CancellationToken ct) => StepAsync(a => BudgetWarningWorkflow.RejectAsync(Db, calendar, a, Id, reason, ct), "已退回继续整改，重新计时。", Here, ct);

    /// <summary>The officer's answer, with its documents saved first as the warning's attachments (one form on the phone).</summary>
    public Task<IActionResult> OnPostAnswerAsync(string? explanation, string? rectification, List<IFormFile>? files, CancellationToken ct) => StepAsync(async a =>
    {
        var w = await BudgetWarningWorkflow.LoadAsync(Db, a, Id, ct);
        if (!w.Can(BudgetWarningAction.Answer, a) || !a.ActsFor(w)) throw DomainException.Forbidden("只有该预警发送到的单位的经办人可以答复。");
        if (string.IsNullOrWhiteSpace(explanation)) throw DomainException.Invalid("explanation", "请填写情况说明。");
        foreach (var file in files?.Where(f => f.Length > 0) ?? [])
        {
            await using var content = file.OpenReadStream();
            await store.SaveAsync(content, file.FileName, a.CongressId, BudgetWarningWorkflow.Subject, Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a.AccountId, ct);
        }
        await BudgetWarningWorkflow.AnswerAsync(Db, a, Id, explanation, rectification, ct);
    }, "答复已提交，等待常委会工作机构认定。", Here, ct);
}
