using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Deputies.Admin;

/// <summary>The system administrator sets the congress's rules of deputies' work (DOMAIN.md §7 "configurable").</summary>
public class DeputySettingsModel(RendaDbContext db) : CongressSettingsPageModel<DeputySettings>(db);
