using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Deputies.Pages;

/// <summary>/deputies/trainings — the year's trainings and their person-times; staff register a new one.</summary>
public class TrainingsModel(RendaDbContext db) : ActivitiesPageModel(db)
{
    public List<TrainingItem> Rows { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Year = await ChooseYearAsync(Db.Set<Training>().Where(r => r.CongressId == Actor.CongressId).Select(r => r.Year), Year, ct);
        Rows = await DeputyActivitiesQueries.TrainingsAsync(Db, Actor, SelectedYear, ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(string? title, DateOnly? startsOn, DateOnly? endsOn, string? place, string? organiser, string? topics, CancellationToken ct)
    {
        var id = 0;
        return await StepAsync(async a => id = (await TrainingWorkflow.CreateAsync(Db, a, new TrainingInput(title, startsOn, endsOn, topics, place, organiser, []), ct)).Id,
            "培训班已登记；请添加学员。", () => $"/deputies/trainings/{id}", ct);
    }
}
