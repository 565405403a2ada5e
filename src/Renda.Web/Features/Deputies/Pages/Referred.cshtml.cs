namespace Renda.Web.Features.Deputies.Pages;

/// <summary>/deputies/opinions/referred — the handling unit officer's queue of opinions referred to the unit (made for a phone).</summary>
public class ReferredModel(RendaDbContext db) : DeputiesPageModel(db)
{
    public List<OpinionItem> Waiting { get; private set; } = [];
    public List<OpinionItem> Done { get; private set; } = [];

    protected override bool Allowed => Actor.UnitIds.Count > 0;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var all = await DeputiesQueries.OpinionsAsync(Db, Actor.CongressId, new OpinionFilter(), ct, unitIds: Actor.UnitIds);
        Waiting = all.Where(o => o.Status == OpinionStatus.Referred).ToList();
        Done = all.Where(o => o.Status != OpinionStatus.Referred).Take(20).ToList();
    }
}
