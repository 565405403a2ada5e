using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Legislation.Pages;

/// <summary>/legislation/comments/{id} — the comments of a period by article, their verdicts (意见汇总) and the published summary.</summary>
public class CommentPeriodModel(RendaDbContext db) : LegislationPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public CommentPeriodView P { get; private set; } = null!;
    public List<LegislativeContactPoint> Points { get; private set; } = [];
    /// <summary>The points with their deputies, for naming who took part in a consultation.</summary>
    public List<ContactPointView> PointViews { get; private set; } = [];
    [BindProperty] public List<int> DeputyIds { get; set; } = [];
    public List<ProvisionView> Articles { get; private set; } = [];
    [BindProperty] public int CommentId { get; set; }
    /// <summary>The comments ticked for one handling together (合并处理).</summary>
    [BindProperty] public List<int> CommentIds { get; set; } = [];
    [BindProperty] public CommentHandling Handling { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public int ContactPointId { get; set; }
    [BindProperty] public string? NodeId { get; set; }
    [BindProperty] public string? Text { get; set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        await CommentPeriodWorkflow.LoadAsync(Db, Actor, Id, ct);
        P = await LegislationQueries.CommentPeriodAsync(Db, Id, Actor.IsStaff, ct);
        Points = await Db.Set<LegislativeContactPoint>().AsNoTracking().Where(x => x.CongressId == Actor.CongressId).OrderBy(x => x.Id).ToListAsync(ct);
        if (Actor.IsStaff) PointViews = await LegislationQueries.ContactPointsAsync(Db, Actor.CongressId, null, ct);
        Articles = (await LegislationQueries.VersionAsync(Db, Actor, P.BillId, P.VersionId, ct)).Provisions.Where(x => x.Kind == Platform.LegalText.LegalUnitKind.Article).ToList();
    }

    private string Here => $"/legislation/comments/{Id}";

    public Task<IActionResult> OnPostHandleAsync(CancellationToken ct)
        => StepAsync(a => CommentPeriodWorkflow.HandleAsync(Db, a, CommentId, new HandlingInput(Handling, Reason), ct), "已保存处理意见。", () => Here, ct);

    public Task<IActionResult> OnPostGroupAsync(CancellationToken ct)
        => StepAsync(async a => await CommentPeriodWorkflow.HandleGroupAsync(Db, a, Id, new GroupHandlingInput(CommentIds.ToArray(), Handling, Reason), ct), "已一并保存所选意见的处理。", () => Here, ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) => StepAsync(a => CommentPeriodWorkflow.CloseAsync(Db, a, Id, ct), "征求意见已截止。", () => Here, ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
        => StepAsync(a => CommentPeriodWorkflow.PublishSummaryAsync(Db, a, Id, Summary, ct), "采纳情况已在公开页面公布。", () => Here, ct);

    public Task<IActionResult> OnPostPointAsync(CancellationToken ct)
        => StepAsync(a => CommentPeriodWorkflow.CommentSignedInAsync(Db, a, Id, new CommentInput(string.IsNullOrEmpty(NodeId) ? null : NodeId, Text, null, null, ContactPointId, DeputyIds.ToArray()), ct),
            "联系点意见已录入。", () => Here, ct);

    public Task<IActionResult> OnPostParticipantsAsync(CancellationToken ct)
        => StepAsync(a => CommentPeriodWorkflow.SetParticipantsAsync(Db, a, CommentId, DeputyIds.ToArray(), ct), "已更正参加征求意见的代表。", () => Here, ct);
}
