namespace Renda.Web.Features.Deputies.Pages;

/// <summary>/deputies/receptions — the year's reception days; with ?below=true the deputies below the yearly minimum.</summary>
public class ReceptionsModel(RendaDbContext db) : DeputiesPageModel(db)
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public bool Below { get; set; }
    public List<ReceptionItem> Rows { get; private set; } = [];
    public List<DeputyReceptionCount> BelowMinimum { get; private set; } = [];
    public int Minimum { get; private set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Year = await ChooseYearAsync(Db.Set<ReceptionDay>().Where(r => r.CongressId == Actor.CongressId).Select(r => r.On.Year), Year, ct);
        Rows = await DeputiesQueries.ReceptionsAsync(Db, Actor.CongressId, Year, null, ct);
        Minimum = (await Settings.ForAsync<DeputySettings>(Db, Actor.CongressId, ct)).ReceptionsPerDeputyPerYear;
        if (Below) BelowMinimum = await ReceptionReminders.BelowMinimumAsync(Db, Actor.CongressId, Year.Value, Minimum, ct);
    }
}
