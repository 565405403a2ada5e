using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Legislation.Admin;

/// <summary>The system administrator sets the congress's configurable legislation rules (periods of the 立法法, the public comment form's limits).</summary>
public class LegislationSettingsModel(RendaDbContext db) : CongressSettingsPageModel<LegislationSettings>(db);
