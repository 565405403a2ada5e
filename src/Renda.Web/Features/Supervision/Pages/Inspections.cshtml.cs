using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Supervision.Pages;

/// <summary>/supervision/inspections — the year's law-enforcement inspections (a lower congress sees its joint parts), and arranging one.</summary>
public class InspectionsModel(RendaDbContext db) : SupervisionPageModel(db)
{
    public List<InspectionView> Rows { get; private set; } = [];
    public List<(int Id, string Name)> Members { get; private set; } = [];
    public List<(int Id, string Name)> Deputies { get; private set; } = [];
    public List<(string Code, string Name)> Below { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Year = await ChooseYearAsync(Db.Set<LawEnforcementInspection>().Where(r => r.CongressId == Actor.CongressId).Select(r => r.Year), Year, ct);
        Rows = await SupervisionQueries.InspectionsAsync(Db, Actor, SelectedYear, ct);
        if (!Actor.IsStaff) return;
        await LoadPlanTopicsAsync(SelectedYear, ct);
        Members = (await Members_(ct)).Select(m => (m.PersonId, m.Name)).ToList();
        Deputies = (await Db.Deputies.AsNoTracking().Where(d => d.CongressId == Actor.CongressId && d.Status == DeputyStatus.Serving).OrderBy(d => d.Id).Take(300)
            .Select(d => new { d.Id, d.Person!.Name }).ToListAsync(ct)).Select(d => (d.Id, d.Name)).ToList();
        Below = (await Db.Congresses.AsNoTracking().Where(c => c.ParentId == Actor.CongressId).OrderBy(c => c.Code).Select(c => new { c.Code, c.ShortName }).ToListAsync(ct)).Select(c => (c.Code, c.ShortName)).ToList();
    }

    private Task<List<MemberView>> Members_(CancellationToken ct) => Platform.Organisations.Members.SeatedOnAsync(Db, Actor.CongressId, WorkCalendar.Today(Db.Clock), ct);

    public async Task<IActionResult> OnPostCreateAsync(string? law, DateOnly startsOn, DateOnly endsOn, string? places, bool usesQuestionnaire, bool usesSpotCheck, bool usesThirdPartyAssessment,
        int leaderPersonId, int[]? memberPersonIds, int[]? deputyIds, string[]? jointCongressCodes, int? topicId, CancellationToken ct)
    {
        var id = 0;
        TeamInput[] team = [new(TeamRole.Leader, null, leaderPersonId, null), .. (memberPersonIds ?? []).Where(p => p != leaderPersonId).Select(p => new TeamInput(TeamRole.Member, null, p, null)),
            .. (deputyIds ?? []).Select(d => new TeamInput(TeamRole.Deputy, null, null, d))];
        return await StepAsync(async a => id = (await InspectionWorkflow.CreateInspectionAsync(Db, a, new InspectionInput(law, null, startsOn, endsOn, places, usesQuestionnaire, usesSpotCheck,
            usesThirdPartyAssessment, topicId, team, jointCongressCodes), ct)).Id, "执法检查已安排。", () => $"/supervision/inspections/{id}", ct);
    }
}
