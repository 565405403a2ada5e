using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Deputies.Pages;

/// <summary>/deputies/joint-inspections — the year's four-level joint inspections with participants per level; staff register one.</summary>
public class JointInspectionsModel(RendaDbContext db) : ActivitiesPageModel(db)
{
    public List<JointInspectionItem> Rows { get; private set; } = [];
    public List<(string Congress, RegionLevel Level, List<(int Id, string Name)> Deputies)> Choices { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Year = await ChooseYearAsync(Db.Set<JointInspection>().Where(r => r.CongressId == Actor.CongressId).Select(r => r.Year), Year, ct);
        Rows = await DeputyActivitiesQueries.JointInspectionsAsync(Db, Actor, SelectedYear, ct);
        if (Actor.IsStaff) Choices = await DeputyChoicesAsync(l => JointInspectionWorkflow.Levels.Contains(l), ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(string? topic, DateOnly? startsOn, DateOnly? endsOn, string? places, int[]? deputyIds, CancellationToken ct)
    {
        var id = 0;
        return await StepAsync(async a => id = (await JointInspectionWorkflow.CreateAsync(Db, a, new JointInspectionInput(topic, startsOn, endsOn, places, deputyIds, null), ct)).Id,
            "集中视察已登记；参加的代表已记入各自人大的履职档案。", () => $"/deputies/joint-inspections/{id}", ct);
    }
}
