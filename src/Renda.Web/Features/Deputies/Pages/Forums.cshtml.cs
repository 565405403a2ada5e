using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Deputies.Pages;

/// <summary>/deputies/forums — the year's deputies' forums; staff register one with its participants.</summary>
public class ForumsModel(RendaDbContext db) : ActivitiesPageModel(db)
{
    public List<ForumItem> Rows { get; private set; } = [];
    public List<(string Congress, RegionLevel Level, List<(int Id, string Name)> Deputies)> Choices { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Year = await ChooseYearAsync(Db.Set<Forum>().Where(r => r.CongressId == Actor.CongressId).Select(r => r.Year), Year, ct);
        Rows = await DeputyActivitiesQueries.ForumsAsync(Db, Actor, SelectedYear, ct);
        if (Actor.IsStaff) Choices = await DeputyChoicesAsync(null, ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(string? theme, DateOnly? heldOn, string? place, int[]? deputyIds, string? experts, string? departments, CancellationToken ct)
    {
        var participants = (deputyIds ?? []).Select(d => new ForumParticipantInput(ForumParticipantKind.Deputy, d, null))
            .Concat(Lines(experts).Select(l => new ForumParticipantInput(ForumParticipantKind.Expert, null, l.Detail is null ? l.Name : $"{l.Name}（{l.Detail}）")))
            .Concat((departments ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(d => new ForumParticipantInput(ForumParticipantKind.Department, null, d)))
            .ToArray();
        var id = 0;
        return await StepAsync(async a => id = (await ForumWorkflow.CreateAsync(Db, a, new ForumInput(theme, heldOn, place, participants), ct)).Id,
            "论坛已登记；参加的代表已记入履职档案。", () => $"/deputies/forums/{id}", ct);
    }
}
