using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Deputies.Pages;

/// <summary>Station and reception pages on the shared workflow page model (GET loads; a POST runs one step).</summary>
public abstract class DeputiesPageModel(RendaDbContext db) : WorkflowPageModel<ReceptionActor>(db)
{
    public override ReceptionActor Actor => new(new CurrentUser(User));
    protected override bool MayOpen => Allowed;
    /// <summary>Staff pages by default; the unit's and the deputy's pages say otherwise.</summary>
    protected virtual bool Allowed => Actor.IsStaffOf(Actor.CongressId);
    public DateOnly Today => WorkCalendar.Today(Db.Clock);
}
