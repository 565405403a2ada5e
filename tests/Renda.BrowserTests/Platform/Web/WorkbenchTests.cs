using Renda.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Platform.Web;

/// <summary>
/// Each role opens Renda to its workbench (issue #20), on a desk and on a 390 px phone: the demo's pending work is there,
/// overdue first, and a line opens the page where the step is done.
/// </summary>
public sealed class WorkbenchTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Theory]
    [InlineData("daigongwei", "待受理", false)]
    [InlineData("daigongwei", "待受理", true)]
    [InlineData("jiaoyuju", "待答复", false)]
    [InlineData("jiaoyuju", "待答复", true)]
    [InlineData("daibiao", "请评价", false)]
    [InlineData("daibiao", "请评价", true)]
    [InlineData("weiyuan", "会议", false)]
    [InlineData("weiyuan", "会议", true)]
    // The member's open vote may have been cast by another test of the same app (MeetingJourneyTests): the meeting of the day stays.
    public async Task The_workbench_shows_the_roles_pending_work_and_a_line_opens_its_page(string user, string kind, bool phone)
    {
        var (session, shell) = await SignedInAsync(user, phone);
        var home = await shell.GoHomeAsync();
        await Expect(home.WorkItems.First).ToBeVisibleAsync();
        await Expect(home.WorkItem(kind).First).ToBeVisibleAsync();
        // Overdue lines, if any, come first.
        var clocks = await home.WorkItems.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.clock)");
        var firstOther = Array.FindIndex(clocks, c => c != "Overdue");
        if (firstOther >= 0) clocks.Skip(firstOther).ShouldNotContain("Overdue");
        if (phone)
        {
            await ShouldFitThePhoneAsync(home);
            // A tap target a thumb can hit.
            var box = await home.WorkItems.First.BoundingBoxAsync();
            box.ShouldNotBeNull().Height.ShouldBeGreaterThanOrEqualTo(44);
            box.Width.ShouldBeGreaterThan(300);
        }
        await SnapAsync(session, $"{user}-{(phone ? "phone" : "desk")}");
        await home.OpenAsync(home.WorkItem(kind).First);
        await CspShouldBeCleanAsync(session);
    }
}
