using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Deputies.Pages.DutyArchive;

/// <summary>The duty archive's pages on the shared workflow page model (GET loads; a POST runs one step).</summary>
public abstract class DutyArchivePageModel(RendaDbContext db) : WorkflowPageModel<DutyArchiveActor>(db)
{
    public override DutyArchiveActor Actor => new(new CurrentUser(User));
    protected override bool MayOpen => Allowed;
    /// <summary>Staff pages by default; the deputy's pages say otherwise.</summary>
    protected virtual bool Allowed => Actor.MayReadAll;
}
