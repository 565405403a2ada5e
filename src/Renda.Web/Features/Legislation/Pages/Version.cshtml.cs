using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Legislation.Pages;

/// <summary>/legislation/bills/{id}/versions/{v} — a version's text, and its structure editor while it is not frozen.</summary>
public class VersionModel(RendaDbContext db) : LegislationPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public int V { get; set; }
    public VersionView VersionView { get; private set; } = null!;
    public bool BillEditable { get; private set; }
    /// <summary>The Word document the version was read from, as received (an uploaded DOCX).</summary>
    public (int Id, string FileName)? Source { get; private set; }
    [BindProperty] public string? NodeId { get; set; }
    [BindProperty] public string? AfterNodeId { get; set; }
    [BindProperty] public string? Text { get; set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        VersionView = await LegislationQueries.VersionAsync(Db, Actor, Id, V, ct);
        BillEditable = Bill.Machine.Can(await Db.Set<Bill>().Where(b => b.Id == Id).Select(b => b.Status).FirstAsync(ct), BillAction.Revise, Actor);
        var owner = V.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Source = await Db.Attachments.Where(a => a.OwnerType == BillWorkflow.VersionSource && a.OwnerId == owner && a.CongressId == Actor.CongressId)
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.FileName }).FirstOrDefaultAsync(ct) is { } s ? (s.Id, s.FileName) : null;
    }

    private string Here => $"/legislation/bills/{Id}/versions/{V}";

    public Task<IActionResult> OnPostRewordAsync(CancellationToken ct)
        => StepAsync(a => BillWorkflow.UpdateArticleAsync(Db, a, Id, V, NodeId, Text, ct), "条文已修改。", () => $"{Here}#n-{NodeId}", ct);

    public Task<IActionResult> OnPostInsertAsync(CancellationToken ct)
    {
        string? id = null;
        return StepAsync(async a => id = await BillWorkflow.InsertArticleAsync(Db, a, Id, V, string.IsNullOrEmpty(AfterNodeId) ? null : AfterNodeId, Text, false, ct),
            "已插入新条，条文序号已重新编排。", () => $"{Here}#n-{id}", ct);
    }

    public Task<IActionResult> OnPostMoveAsync(CancellationToken ct)
        => StepAsync(a => BillWorkflow.MoveNodeAsync(Db, a, Id, V, NodeId, string.IsNullOrEmpty(AfterNodeId) ? null : AfterNodeId, false, ct),
            "已移动，条文序号已重新编排。", () => $"{Here}#n-{NodeId}", ct);

    public Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
        => StepAsync(a => BillWorkflow.DeleteNodeAsync(Db, a, Id, V, NodeId, ct), "已删除，条文序号已重新编排。", () => Here, ct);
}
