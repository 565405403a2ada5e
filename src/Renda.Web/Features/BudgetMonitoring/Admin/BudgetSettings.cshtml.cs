using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.BudgetMonitoring.Admin;

/// <summary>The system administrator sets the congress's periods of budget online supervision (issue 17 "configurable").</summary>
public class BudgetSettingsModel(RendaDbContext db) : CongressSettingsPageModel<BudgetSettings>(db);
