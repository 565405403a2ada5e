using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Deputies.Pages;

/// <summary>/deputies/receptions/{id} — a reception day: those present, the constituents received and their opinions; closing it.</summary>
public class ReceptionModel(RendaDbContext db) : DeputiesPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? PersonName { get; set; }
    [BindProperty] public string? Contact { get; set; }
    [BindProperty(Name = "Content")] public string? OpinionContent { get; set; }
    [BindProperty] public string? Category { get; set; }
    public ReceptionView View { get; private set; } = null!;

    /// <summary>Staff, and the deputies and chairpersons who attend (they read it).</summary>
    protected override bool Allowed => true;

    protected override async Task LoadAsync(CancellationToken ct) => View = await DeputiesQueries.ReceptionAsync(Db, Actor, Id, ct);

    public Task<IActionResult> OnPostOpinionAsync(CancellationToken ct)
        => StepAsync(a => ReceptionDayWorkflow.RecordOpinionAsync(Db, a, Id, new OpinionInput(PersonName, Contact, OpinionContent, Category), ct), "已登记群众意见。", () => $"/deputies/receptions/{Id}#opinions", ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
        => StepAsync(a => ReceptionDayWorkflow.CloseAsync(Db, a, Id, ct), "接待已结束，已记入出席代表的履职档案。", () => $"/deputies/receptions/{Id}", ct);

    public Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
        => StepAsync(a => ReceptionDayWorkflow.CancelAsync(Db, a, Id, ct), "接待日已取消。", () => $"/deputies/receptions/{Id}", ct);
}
