using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Portal.Pages;

/// <summary>The staff pages of the portal: the committee's staff of the congress write and publish.</summary>
public abstract class PortalPageModel(RendaDbContext db) : WorkflowPageModel<PortalActor>(db)
{
    public override PortalActor Actor => new(new CurrentUser(User));
    protected override bool MayOpen => Actor.IsStaff;
}
