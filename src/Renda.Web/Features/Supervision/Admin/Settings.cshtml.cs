using Renda.Web.Data;
using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Supervision.Admin;

/// <summary>The system administrator sets the congress's configurable supervision rules (DOMAIN.md §5 "configurable").</summary>
public class SupervisionSettingsModel(RendaDbContext db) : CongressSettingsPageModel<SupervisionSettings>(db)
{
    protected override Task<SupervisionSettings> LoadAsync(RendaDbContext db, int congressId, CancellationToken ct) => SupervisionSettings.ForAsync(db, congressId, ct);
    protected override Task SaveAsync(RendaDbContext db, int congressId, SupervisionSettings values, CancellationToken ct) => SupervisionSettings.SaveAsync(db, congressId, values, ct);
}
