using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Meetings.Pages;

/// <summary>The module's pages on the shared workflow page model (GET loads; a POST runs one step).</summary>
public abstract class MeetingPageModel(RendaDbContext db) : WorkflowPageModel<MeetingActor>(db)
{
    public override MeetingActor Actor => MeetingActor.For(new CurrentUser(User));
    protected override bool MayOpen => Actor.MayRead;

    /// <summary>The years a list page offers: those with records, and always the given ones (this year, the one shown), latest first.</summary>
    protected static List<int> YearChoices(IEnumerable<int> withRecords, params int[] always) => withRecords.Concat(always).Distinct().OrderByDescending(y => y).ToList();
}
