namespace Renda.Web.Features.Deputies.Pages.DutyArchive;

/// <summary>/deputies/me — 我的履职: the deputy's phone home.</summary>
public class MeModel(RendaDbContext db) : DutyArchivePageModel(db)
{
    public MyDutyView View { get; private set; } = null!;
    protected override bool Allowed => true;

    protected override async Task LoadAsync(CancellationToken ct) => View = await DutyArchiveQueries.MeAsync(Db, Actor, ct);
}
