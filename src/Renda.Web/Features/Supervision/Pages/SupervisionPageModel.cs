using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Supervision.Pages;

/// <summary>The module's pages on the shared workflow page model (GET loads; a POST runs one step).</summary>
public abstract class SupervisionPageModel(RendaDbContext db) : WorkflowPageModel<SupervisionActor>(db)
{
    public override SupervisionActor Actor => new SupervisionActor(new CurrentUser(User));
    protected override bool MayOpen => Actor.MayRead;
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public int SelectedYear => Year ?? YearShown?.Year ?? WorkCalendar.Today(Db.Clock).Year;
    public IReadOnlyList<int> Years => YearShown?.Years ?? [SelectedYear];

    /// <summary>The years with any supervision record (the statistics page opens on the latest of them when this year has none).</summary>
    protected IQueryable<int> AnyRecordYears
    {
        get
        {
            var c = Actor.CongressId;
            return Db.Set<WorkReport>().Where(r => r.CongressId == c).Select(r => r.Year)
                .Concat(Db.Set<LawEnforcementInspection>().Where(r => r.CongressId == c).Select(r => r.Year))
                .Concat(Db.Set<Survey>().Where(r => r.CongressId == c).Select(r => r.Year))
                .Concat(Db.Set<SpecialInquiry>().Where(r => r.CongressId == c).Select(r => r.Year))
                .Concat(Db.Set<Interpellation>().Where(r => r.CongressId == c).Select(r => r.Year))
                .Concat(Db.Set<PostAppointmentReview>().Where(r => r.CongressId == c).Select(r => r.Year));
        }
    }

    /// <summary>The topics of the congress's plan of a year, for the forms of the records that carry them out (the plan's progress counts them).</summary>
    public List<(int Id, string Title)> PlanTopics { get; private set; } = [];

    protected async Task LoadPlanTopicsAsync(int year, CancellationToken ct)
        => PlanTopics = (await Db.Set<PlanTopic>().AsNoTracking()
            .Where(t => Db.Set<SupervisionPlan>().Any(p => p.Id == t.PlanId && p.CongressId == Actor.CongressId && p.Year == year))
            .OrderBy(t => t.Id).Select(t => new { t.Id, t.Title }).ToListAsync(ct)).Select(t => (t.Id, t.Title)).ToList();

    /// <summary>The plan topic a record carries out, and (for staff) the topics of its year's plan to link it to instead.</summary>
    public TopicLinkView? TopicLink { get; private set; }

    protected async Task LoadTopicLinkAsync(int? topicId, int year, CancellationToken ct)
    {
        if (Actor.IsStaff) await LoadPlanTopicsAsync(year, ct);
        var title = topicId is { } t
            ? await Db.Set<PlanTopic>().Where(x => x.Id == t).Select(x => x.Title).FirstOrDefaultAsync(ct)
            : null;
        TopicLink = new TopicLinkView(topicId, title, PlanTopics, Actor.IsStaff);
    }

    protected Task<IActionResult> LinkTopicAsync(SupervisionRecord record, int id, int? topicId, string back, CancellationToken ct)
        => StepAsync(a => SupervisionPlanWorkflow.LinkTopicAsync(Db, a, record, id, topicId, ct), topicId is null ? "已取消与计划议题的关联。" : "已关联年度监督计划议题。", () => back, ct);

    /// <summary>A deputy suggestion named by its number on a topic form (the concentrated suggestion behind the topic).</summary>
    protected async Task<int?> SuggestionIdAsync(int congressId, string? number, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(number)) return null;
        return await Db.Set<Suggestions.Suggestion>().Where(s => s.CongressId == congressId && s.Number == number.Trim()).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct)
            ?? throw DomainException.Invalid("suggestionId", $"没有编号为 {number.Trim()} 的代表建议。");
    }

    /// <summary>The organs (一府一委两院 and departments) and committees of the congress, for the forms.</summary>
    public List<(int Id, string Name)> Organs { get; private set; } = [];
    public List<(int Id, string Name)> Committees { get; private set; } = [];

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        Organs = (await Db.HandlingUnits.AsNoTracking().Where(u => u.CongressId == Actor.CongressId && u.Active).OrderBy(u => u.Kind).ThenBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Select(u => (u.Id, u.Name)).ToList();
        Committees = (await Db.Committees.AsNoTracking().Where(u => u.CongressId == Actor.CongressId).OrderBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Select(u => (u.Id, u.Name)).ToList();
    }
}

public sealed record TopicLinkView(int? TopicId, string? Title, List<(int Id, string Title)> Topics, bool MayEdit);
