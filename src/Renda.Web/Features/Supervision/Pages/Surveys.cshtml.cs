using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Supervision.Pages;

/// <summary>/supervision/surveys — special surveys and deputies' inspections (deputies taking part get a duty record).</summary>
public class SurveysModel(RendaDbContext db) : SupervisionPageModel(db)
{
    [BindProperty(SupportsGet = true)] public SurveyKind? Kind { get; set; }
    public List<SurveyView> Rows { get; private set; } = [];
    public List<(int Id, string Name)> Deputies { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Year = await ChooseYearAsync(Db.Set<Survey>().Where(r => r.CongressId == Actor.CongressId && (Kind == null || r.Kind == Kind)).Select(r => r.Year), Year, ct);
        Rows = await SupervisionQueries.SurveysAsync(Db, Actor, SelectedYear, Kind, ct);
        if (Actor.IsStaff) await LoadPlanTopicsAsync(SelectedYear, ct);
        if (Actor.IsStaff)
            Deputies = (await Db.Deputies.AsNoTracking().Where(d => d.CongressId == Actor.CongressId && d.Status == DeputyStatus.Serving).OrderBy(d => d.Id).Take(300)
                .Select(d => new { d.Id, d.Person!.Name }).ToListAsync(ct)).Select(d => (d.Id, d.Name)).ToList();
    }

    public async Task<IActionResult> OnPostCreateAsync(SurveyKind kind, string? topic, DateOnly startsOn, DateOnly endsOn, string? places, string? participants, int[]? deputyIds, int? topicId, CancellationToken ct)
    {
        var id = 0;
        return await StepAsync(async a => id = (await SurveyWorkflow.CreateSurveyAsync(Db, a, new SurveyInput(kind, topic, startsOn, endsOn, places, participants, deputyIds, topicId), ct)).Id,
            "已登记；调研或视察结束后在此提交发现的问题和报告。", () => $"/supervision/surveys/{id}", ct);
    }
}
