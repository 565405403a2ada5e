using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Filings.Admin;

/// <summary>The system administrator sets the congress's configurable filing and review periods (DOMAIN.md §4 "configurable").</summary>
public class FilingSettingsModel(RendaDbContext db) : CongressSettingsPageModel<FilingSettings>(db);
