using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Supervision.Admin;

/// <summary>The system administrator sets the congress's configurable supervision rules (DOMAIN.md §5 "configurable").</summary>
public class SupervisionSettingsModel(RendaDbContext db) : CongressSettingsPageModel<SupervisionSettings>(db);
