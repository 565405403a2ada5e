using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Supervision.Pages;

/// <summary>/supervision/plan/topics/{id} — staff change a plan topic (also of a published plan: the plan is adjusted in the year), see what carries it out, or remove it from a draft.</summary>
public class TopicModel(RendaDbContext db) : SupervisionPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public PlanTopic T { get; private set; } = null!;
    public int PlanYear { get; private set; }
    public bool Published { get; private set; }
    /// <summary>The plan's state allows removing topics (a published plan keeps them).</summary>
    public bool MayDelete { get; private set; }
    public string? SuggestionNumber { get; private set; }
    public List<(string Kind, string Title, string Link)> Records { get; private set; } = [];

    protected override bool MayOpen => Actor.IsStaff;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var (plan, topic) = await SupervisionPlanWorkflow.LoadTopicAsync(Db, Actor, Id, ct);
        (T, PlanYear, Published, MayDelete) = (topic, plan.Year, plan.PublishedOn is not null, plan.Can(PlanAction.DeleteTopic));
        SuggestionNumber = topic.SuggestionId is { } s ? await Db.Set<Suggestions.Suggestion>().Where(x => x.Id == s).Select(x => x.Number).FirstOrDefaultAsync(ct) : null;
        await LoadChoicesAsync(ct);
        Records = [
            .. (await Db.Set<WorkReport>().Where(r => r.TopicId == Id).Select(r => new { r.Id, r.Title }).ToListAsync(ct)).Select(r => ("工作报告", r.Title, $"/supervision/reports/{r.Id}")),
            .. (await Db.Set<LawEnforcementInspection>().Where(r => r.TopicId == Id).Select(r => new { r.Id, r.Title }).ToListAsync(ct)).Select(r => ("执法检查", r.Title, $"/supervision/inspections/{r.Id}")),
            .. (await Db.Set<SpecialInquiry>().Where(r => r.TopicId == Id).Select(r => new { r.Id, r.Title }).ToListAsync(ct)).Select(r => ("专题询问", r.Title, $"/supervision/inquiries/{r.Id}")),
            .. (await Db.Set<Survey>().Where(r => r.TopicId == Id).Select(r => new { r.Id, r.Topic }).ToListAsync(ct)).Select(r => ("调研视察", r.Topic, $"/supervision/surveys/{r.Id}")),
        ];
    }

    public async Task<IActionResult> OnPostSaveAsync(string? title, SupervisionKind kind, TopicSource source, int? plannedMonth, string? suggestionNumber, int? committeeId, int? organId, string? sourceNote, CancellationToken ct)
    {
        var year = 0;
        return await StepAsync(async a =>
        {
            var topic = await SupervisionPlanWorkflow.UpdateTopicAsync(Db, a, Id,
                new TopicInput(title, kind, source, sourceNote, await SuggestionIdAsync(a.CongressId, suggestionNumber, ct), committeeId, organId, plannedMonth), ct);
            year = await Db.Set<SupervisionPlan>().Where(p => p.Id == topic.PlanId).Select(p => p.Year).FirstAsync(ct);
        }, "议题已修改。", () => $"/supervision/plan?year={year}", ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var year = 0;
        return await StepAsync(async a =>
        {
            year = (await SupervisionPlanWorkflow.LoadTopicAsync(Db, a, Id, ct)).Plan.Year;
            await SupervisionPlanWorkflow.DeleteTopicAsync(Db, a, Id, ct);
        }, "议题已删除。", () => $"/supervision/plan?year={year}", ct);
    }
}
