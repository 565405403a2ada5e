using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Meetings.Admin;

/// <summary>The system administrator sets the congress's configurable meeting periods (DOMAIN.md "configurable").</summary>
public class MeetingSettingsModel(RendaDbContext db) : CongressSettingsPageModel<MeetingSettings>(db);
