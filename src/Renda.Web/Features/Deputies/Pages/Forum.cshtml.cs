using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Deputies.Pages;

/// <summary>/deputies/forums/{id} — participants, the opinions raised and where each went.</summary>
public class ForumModel(RendaDbContext db) : ActivitiesPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public ForumView F { get; private set; } = null!;

    protected override async Task LoadAsync(CancellationToken ct) => F = await DeputyActivitiesQueries.ForumAsync(Db, Actor, Id, ct);

    public Task<IActionResult> OnPostOpinionAsync(string? text, string? raisedBy, CancellationToken ct)
        => StepAsync(a => ForumWorkflow.AddOpinionAsync(Db, a, Id, new ForumOpinionInput(text, raisedBy), ct), "意见已登记。", () => $"/deputies/forums/{Id}", ct);

    public Task<IActionResult> OnPostRouteAsync(int opinionId, OpinionDestination? destination, string? detail, CancellationToken ct)
        => StepAsync(a => ForumWorkflow.RouteOpinionAsync(Db, a, Id, opinionId, new OpinionRouteInput(destination, detail), ct), "去向已保存。", () => $"/deputies/forums/{Id}", ct);
}
