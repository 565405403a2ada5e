using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Legislation.Pages;

/// <summary>/legislation/contact-points — the registry, with the drafts each consulted on and the opinions it forwarded in a year.</summary>
public class ContactPointsModel(RendaDbContext db) : LegislationPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public List<ContactPointView> Points { get; private set; } = [];
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Location { get; set; }
    [BindProperty] public DateOnly EstablishedOn { get; set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Year ??= WorkCalendar.Today(Db.Clock).Year;
        Points = await LegislationQueries.ContactPointsAsync(Db, Actor.CongressId, Year, ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
        => StepAsync(a => LegislationPlan.AddContactPointAsync(Db, a, new ContactPointInput(Name, Location, EstablishedOn, false), ct), "联系点已登记。", () => "/legislation/contact-points", ct);
}
