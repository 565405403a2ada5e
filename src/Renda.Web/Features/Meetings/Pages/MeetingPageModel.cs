using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Meetings.Pages;

/// <summary>The module's pages on the shared workflow page model (GET loads; a POST runs one step).</summary>
public abstract class MeetingPageModel(RendaDbContext db) : WorkflowPageModel<MeetingActor>(db)
{
    public override MeetingActor Actor => MeetingActor.For(new CurrentUser(User));
    protected override bool MayOpen => Actor.MayRead;
}
