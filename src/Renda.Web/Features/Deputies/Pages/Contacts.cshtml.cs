using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Deputies.Pages;

/// <summary>/deputies/contacts — the year's 六联系 records by kind, the persons below the yearly minimum, and the form to record one.</summary>
public class ContactsModel(RendaDbContext db) : ActivitiesPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    public List<ContactKindView> Kinds { get; private set; } = [];
    public Page<ContactItem> Records { get; private set; } = new([], 1, 20, 0);
    public List<BelowMinimum> Below { get; private set; } = [];
    public Dictionary<int, int> Counts { get; private set; } = [];
    public List<(int PersonId, string Name)> Members { get; private set; } = [];
    public List<(int PersonId, string Name)> OwnDeputies { get; private set; } = [];
    public List<(string Congress, RegionLevel Level, List<(int Id, string Name)> Deputies)> Choices { get; private set; } = [];

    public int CountOf(int kindId) => Counts.GetValueOrDefault(kindId);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Kinds = await DeputyActivitiesQueries.ContactKindsAsync(Db, Actor.CongressId, ct);
        Year = await ChooseYearAsync(Db.Set<ContactRecord>().Where(r => r.CongressId == Actor.CongressId).Select(r => r.Year), Year, ct);
        Records = await DeputyActivitiesQueries.ContactsAsync(Db, Actor, SelectedYear, Kind, PageNumber, 20, ct);
        Below = await DeputyActivitiesQueries.BelowMinimumAsync(Db, Actor.CongressId, SelectedYear, Kind, ct);
        Counts = await Db.Set<ContactRecord>().AsNoTracking().Where(r => r.CongressId == Actor.CongressId && r.Year == SelectedYear).GroupBy(r => r.KindId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        if (!Actor.IsStaff) return;
        var today = WorkCalendar.Today(Db.Clock);
        Members = (await Db.StandingCommitteeMembers.AsNoTracking().Where(s => s.CongressId == Actor.CongressId && s.SeatedOn <= today && (s.LeftOn == null || s.LeftOn > today))
            .OrderBy(s => s.Post).ThenBy(s => s.Id).Select(s => new { s.PersonId, s.Person!.Name }).ToListAsync(ct)).Select(s => (s.PersonId, s.Name)).ToList();
        OwnDeputies = (await Db.Deputies.AsNoTracking().Where(d => d.CongressId == Actor.CongressId && d.Status == DeputyStatus.Serving).OrderBy(d => d.Id)
            .Select(d => new { d.PersonId, d.Person!.Name }).ToListAsync(ct)).Select(d => (d.PersonId, d.Name)).ToList();
        Choices = await DeputyChoicesAsync(l => l >= RegionLevel.Province, ct);
    }

    public Task<IActionResult> OnPostRecordAsync(int? kindId, DateOnly? on, ContactMethod? method, ContactorRole? contactorRole, int? contactorPersonId, string? contactorName,
        int? contactedDeputyId, string? constituents, string? content, CancellationToken ct)
        => StepAsync(a => ContactRecordWorkflow.RecordAsync(Db, a, new ContactInput(kindId, on, contactorRole, contactorPersonId, contactorName, contactedDeputyId, constituents, method, content), ct),
            "联系已登记。", () => $"/deputies/contacts?year={on?.Year ?? SelectedYear}&kind={kindId}", ct);
}
