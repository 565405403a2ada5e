using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Deputies.Pages;

/// <summary>/deputies/joint-inspections/{id} — the deputies of each level and the findings.</summary>
public class JointInspectionModel(RendaDbContext db) : ActivitiesPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public JointInspectionView J { get; private set; } = null!;

    protected override async Task LoadAsync(CancellationToken ct) => J = await DeputyActivitiesQueries.JointInspectionAsync(Db, Actor, Id, ct);

    public Task<IActionResult> OnPostFindingsAsync(string? findings, CancellationToken ct)
        => StepAsync(a => JointInspectionWorkflow.RecordFindingsAsync(Db, a, Id, findings, ct), "已保存。", () => $"/deputies/joint-inspections/{Id}", ct);
}
