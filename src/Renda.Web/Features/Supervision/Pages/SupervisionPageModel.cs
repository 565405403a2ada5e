using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renda.Web.Data;
using Renda.Web.Platform.Calendar;
using Renda.Web.Platform.Identity;
using Renda.Web.Platform.Web;
using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Supervision.Pages;

/// <summary>The module's pages on the shared workflow page model (GET loads; a POST runs one step).</summary>
public abstract class SupervisionPageModel(RendaDbContext db) : WorkflowPageModel<SupervisionActor>(db)
{
    public override SupervisionActor Actor => SupervisionActor.For(new CurrentUser(User));
    protected override bool MayOpen => Actor.MayRead;
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public int SelectedYear => Year ?? WorkCalendar.Today(Db.Clock).Year;
    public IReadOnlyList<int> Years => Enumerable.Range(2022, WorkCalendar.Today(Db.Clock).Year - 2021).Reverse().ToList();

    /// <summary>The topics of the congress's plan of a year, for the forms of the records that carry them out (the plan's progress counts them).</summary>
    public List<(int Id, string Title)> PlanTopics { get; private set; } = [];

    protected async Task LoadPlanTopicsAsync(int year, CancellationToken ct)
        => PlanTopics = (await Db.Set<PlanTopic>().AsNoTracking()
            .Where(t => Db.Set<SupervisionPlan>().Any(p => p.Id == t.PlanId && p.CongressId == Actor.CongressId && p.Year == year))
            .OrderBy(t => t.Id).Select(t => new { t.Id, t.Title }).ToListAsync(ct)).Select(t => (t.Id, t.Title)).ToList();

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
