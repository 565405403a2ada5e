using Renda.Web.Data;
using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Suggestions.Admin;

/// <summary>The system administrator sets the congress's configurable suggestion rules (DOMAIN.md §2 "configurable").</summary>
public class SettingsModel(RendaDbContext db) : CongressSettingsPageModel<SuggestionSettings>(db)
{
    protected override Task<SuggestionSettings> LoadAsync(RendaDbContext db, int congressId, CancellationToken ct) => SuggestionSettings.ForAsync(db, congressId, ct);
    protected override Task SaveAsync(RendaDbContext db, int congressId, SuggestionSettings values, CancellationToken ct) => SuggestionSettings.SaveAsync(db, congressId, values, ct);
}
