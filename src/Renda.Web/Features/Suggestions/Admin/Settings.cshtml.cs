using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Suggestions.Admin;

/// <summary>The system administrator sets the congress's configurable suggestion rules (DOMAIN.md §2 "configurable").</summary>
public class SettingsModel(RendaDbContext db) : CongressSettingsPageModel<SuggestionSettings>(db);
