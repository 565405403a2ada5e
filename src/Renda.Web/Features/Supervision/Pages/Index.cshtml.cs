using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Supervision.Pages;

/// <summary>/supervision — the year's supervision plan, its topics with their source and progress, and adding or publishing them.</summary>
public class PlanModel(RendaDbContext db) : SupervisionPageModel(db)
{
    public PlanView? Plan { get; private set; }
    public string Code { get; private set; } = "";

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Year = await ChooseYearAsync(Db.Set<SupervisionPlan>().Where(p => p.CongressId == Actor.CongressId).Select(p => p.Year), Year, ct);
        Plan = await SupervisionQueries.PlanAsync(Db, Actor.CongressId, SelectedYear, ct);
        Code = await Db.Congresses.Where(c => c.Id == Actor.CongressId).Select(c => c.Code).FirstAsync(ct);
        if (Actor.IsStaff) await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostTopicAsync(string? title, SupervisionKind kind, TopicSource source, int? plannedMonth, string? suggestionNumber, int? committeeId, int? organId, string? sourceNote, CancellationToken ct)
        => await StepAsync(async a => await SupervisionPlanWorkflow.AddTopicAsync(Db, a, SelectedYear,
            new TopicInput(title, kind, source, sourceNote, await SuggestionIdAsync(a.CongressId, suggestionNumber, ct), committeeId, organId, plannedMonth), ct),
            "议题已添加。", () => $"/supervision/plan?year={SelectedYear}", ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
        => StepAsync(a => SupervisionPlanWorkflow.PublishPlanAsync(Db, a, SelectedYear, ct), "监督工作计划已发布。", () => $"/supervision/plan?year={SelectedYear}", ct);
}
