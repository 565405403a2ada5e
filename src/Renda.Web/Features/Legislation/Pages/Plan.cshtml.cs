using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Legislation.Pages;

/// <summary>/legislation/plan — the year's legislative plan and what it achieved.</summary>
public class PlanModel(RendaDbContext db) : LegislationPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public PlanView P { get; private set; } = null!;
    [BindProperty] public PlanCategory Category { get; set; }
    [BindProperty] public string? ProjectTitle { get; set; }
    [BindProperty] public string? Sponsor { get; set; }
    [BindProperty] public string? TargetMeeting { get; set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Year = await ChooseYearAsync(Db.Set<PlanProject>().Where(p => p.CongressId == Actor.CongressId).Select(p => p.Year), Year, ct);
        P = await LegislationQueries.PlanAsync(Db, Actor.CongressId, Year.Value, ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var year = Year ?? WorkCalendar.Today(Db.Clock).Year;
        return StepAsync(a => LegislationPlan.AddProjectAsync(Db, a, new PlanProjectInput(year, Category, ProjectTitle, Sponsor, null, TargetMeeting), ct), "已列入立法计划。", () => $"/legislation/plan?year={year}", ct);
    }
}
