using Renda.Web.Data;
using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Filings.Admin;

/// <summary>The system administrator sets the congress's configurable filing and review periods (DOMAIN.md §4 "configurable").</summary>
public class FilingSettingsModel(RendaDbContext db) : CongressSettingsPageModel<FilingSettings>(db)
{
    protected override Task<FilingSettings> LoadAsync(RendaDbContext db, int congressId, CancellationToken ct) => FilingSettings.ForAsync(db, congressId, ct);
    protected override Task SaveAsync(RendaDbContext db, int congressId, FilingSettings values, CancellationToken ct) => FilingSettings.SaveAsync(db, congressId, values, ct);
}
