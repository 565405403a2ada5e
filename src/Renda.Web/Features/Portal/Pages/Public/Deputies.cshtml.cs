using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Portal.Pages.Public;

/// <summary>/p/{congress}/deputies — the serving deputies with their public fields only (name, level, delegation or constituency, group, station).</summary>
public class DeputiesModel(RendaDbContext db) : PublicPageModel(db)
{
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public Page<PublicDeputy> Result { get; private set; } = new([], 1, 50, 0);

    protected override async Task LoadAsync(CancellationToken ct) => Result = await PublicSections.DeputiesAsync(Db, Congress, PageNumber, ct);
}
