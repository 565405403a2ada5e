using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Deputies.Pages;

/// <summary>/deputies/stations/{id} — a station: its deputies of every level (四级代表进站), its funding, its reception days, and scheduling the next one.</summary>
public class StationModel(RendaDbContext db) : DeputiesPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public List<int> DeputyIds { get; set; } = [];
    [BindProperty] public List<int> ChairpersonIds { get; set; } = [];
    [BindProperty] public ReceptionKind? Kind { get; set; }
    [BindProperty] public DateOnly? On { get; set; }
    [BindProperty] public string? Time { get; set; }
    [BindProperty] public string? Topic { get; set; }
    public StationView View { get; private set; } = null!;
    public List<StationDeputyView> Found { get; private set; } = [];
    public List<(int PersonId, string Name, string Post)> Chairpersons { get; private set; } = [];
    public int NoticeDays { get; private set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        View = await DeputiesQueries.StationAsync(Db, Actor, Id, ct);
        NoticeDays = (await Settings.ForAsync<DeputySettings>(Db, Actor.CongressId, ct)).ReceptionNoticeDays;
        var today = Today;
        Chairpersons = (await Db.StandingCommitteeMembers.AsNoTracking().Where(m => m.CongressId == Actor.CongressId && m.Post != StandingCommitteePost.Member && m.SeatedOn <= today && (m.LeftOn == null || m.LeftOn >= today))
            .OrderBy(m => m.Post).ThenBy(m => m.Id).Select(m => new { m.PersonId, m.Person!.Name, m.Post }).ToListAsync(ct))
            .Select(m => (m.PersonId, m.Name, m.Post == StandingCommitteePost.Chair ? "主任" : m.Post == StandingCommitteePost.ViceChair ? "副主任" : "秘书长")).ToList();
        if (Q is { Length: > 0 } q)
        {
            var tree = await StationWorkflow.TreeAsync(Db, Actor.CongressId, ct);
            var ids = await Db.Deputies.AsNoTracking().Where(d => tree.Contains(d.CongressId) && d.Status == DeputyStatus.Serving && d.Person!.Name.Contains(q.Trim()))
                .OrderBy(d => d.Id).Take(20).Select(d => d.Id).ToListAsync(ct);
            Found = await DeputiesQueries.DeputyNamesAsync(Db, ids, ct);
        }
    }

    public Task<IActionResult> OnPostAssignAsync(CancellationToken ct)
        => StepAsync(a => StationWorkflow.AssignDeputiesAsync(Db, a, Id, DeputyIds, ct), "已安排代表进站。", () => $"/deputies/stations/{Id}", ct);

    public Task<IActionResult> OnPostRemoveAsync(int deputyId, CancellationToken ct)
        => StepAsync(a => StationWorkflow.RemoveDeputyAsync(Db, a, Id, deputyId, ct), "该代表已不在本站。", () => $"/deputies/stations/{Id}", ct);

    public Task<IActionResult> OnPostScheduleAsync(CancellationToken ct)
    {
        var rid = 0;
        return StepAsync(async a => rid = (await ReceptionDayWorkflow.ScheduleAsync(Db, a, Id, new ReceptionInput(Kind, On, Time, Topic, DeputyIds, ChairpersonIds), ct)).Id,
            "接待日已安排并公告。", () => $"/deputies/receptions/{rid}", ct);
    }
}
