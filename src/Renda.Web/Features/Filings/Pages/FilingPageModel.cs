using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Filings.Pages;

/// <summary>The module's pages on the shared workflow page model (GET loads; a POST runs one step).</summary>
public abstract class FilingPageModel(RendaDbContext db) : WorkflowPageModel<FilingActor>(db)
{
    public override FilingActor Actor => new(new CurrentUser(User));
    protected override bool MayOpen => Allowed;
    public CurrentUser Current => new(User);
    /// <summary>Staff pages by default; the filer's pages say otherwise.</summary>
    protected virtual bool Allowed => Actor.IsStaff || Actor.IsCouncil;
}
