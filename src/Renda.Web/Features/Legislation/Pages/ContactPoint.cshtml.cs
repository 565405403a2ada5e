using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Legislation.Pages;

/// <summary>/legislation/contact-points/{id} — one contact point and the deputies of every level who work with it (kept by legislative staff).</summary>
public class ContactPointModel(RendaDbContext db) : LegislationPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public List<int> DeputyIds { get; set; } = [];
    public ContactPointView Point { get; private set; } = null!;
    public List<ContactPointDeputyView> Found { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Point = (await LegislationQueries.ContactPointsAsync(Db, Actor.CongressId, WorkCalendar.Today(Db.Clock).Year, ct)).FirstOrDefault(p => p.Id == Id)
            ?? throw DomainException.NotFound("没有找到该基层立法联系点。");
        if (Actor.IsStaff && Q is { Length: > 0 } q)
        {
            // The same deputies a liaison station may host: the congress's own and those of the congresses above and below it.
            var tree = await Renda.Web.Features.Deputies.StationWorkflow.TreeAsync(Db, Actor.CongressId, ct);
            Found = await Db.Deputies.AsNoTracking().Where(d => tree.Contains(d.CongressId) && d.Status == DeputyStatus.Serving && d.Person!.Name.Contains(q.Trim()))
                .OrderBy(d => d.Congress!.Level).ThenBy(d => d.Id).Take(20)
                .Select(d => new ContactPointDeputyView(d.Id, d.Person!.Name, d.Congress!.ShortName + "人大代表")).ToListAsync(ct);
        }
    }

    private string Here() => $"/legislation/contact-points/{Id}";

    public Task<IActionResult> OnPostAssignAsync(CancellationToken ct)
        => StepAsync(a => LegislationPlan.AssignContactPointDeputiesAsync(Db, a, Id, DeputyIds, ct), "已安排代表联系本联系点。", Here, ct);

    public Task<IActionResult> OnPostRemoveAsync(int deputyId, CancellationToken ct)
        => StepAsync(a => LegislationPlan.RemoveContactPointDeputyAsync(Db, a, Id, deputyId, ct), "该代表已不再联系本联系点。", Here, ct);
}
