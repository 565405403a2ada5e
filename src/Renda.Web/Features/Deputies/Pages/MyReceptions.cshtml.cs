namespace Renda.Web.Features.Deputies.Pages;

/// <summary>/deputies/my-receptions — the receptions the signed-in deputy (or chairperson) attends, at any station of any level.</summary>
public class MyReceptionsModel(RendaDbContext db) : DeputiesPageModel(db)
{
    public List<ReceptionItem> Rows { get; private set; } = [];
    public int HeldThisYear { get; private set; }
    public int Minimum { get; private set; }

    protected override bool Allowed => Actor.PersonId is not null;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Rows = await DeputiesQueries.ReceptionsAsync(Db, 0, null, null, ct, Actor.PersonId!.Value);
        HeldThisYear = Rows.Count(r => r.Status == ReceptionStatus.Held && r.On.Year == Today.Year);
        Minimum = (await Settings.ForAsync<DeputySettings>(Db, Actor.CongressId, ct)).ReceptionsPerDeputyPerYear;
    }
}
