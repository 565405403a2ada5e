namespace Renda.Web.Features.Supervision;

/// <summary>
/// Attachments of a work report (owner id = report id): the organ's report document, the handling report as signed.
/// Whoever may read the report sees them; the organ's officers and the committee's staff attach while the loop is open.
/// </summary>
public static class WorkReportAttachments
{
    public static void Register() => Platform.Attachments.AttachmentAccess.Register(WorkReport.Subject,
        async (db, user, ownerId) => await LoadAsync(db, user, ownerId) is not null,
        async (db, user, ownerId) => await LoadAsync(db, user, ownerId) is { } x && x.Report.Can(WorkReportAction.Attach) && (x.Actor.IsStaff || x.Actor.UnitIds.Contains(x.Report.OrganId)));

    private static async Task<(SupervisionActor Actor, WorkReport Report)?> LoadAsync(RendaDbContext db, CurrentUser user, string ownerId)
    {
        // Only the canonical form ("12", not "012"), so one report has exactly one owner id.
        if (user.CongressId is null || !int.TryParse(ownerId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            || id.ToString(System.Globalization.CultureInfo.InvariantCulture) != ownerId)
            return null;
        var actor = new SupervisionActor(user);
        try
        {
            return (actor, await WorkReportWorkflow.LoadAsync(db, actor, id, default));
        }
        catch (Platform.Web.DomainException)
        {
            return null;
        }
    }
}
