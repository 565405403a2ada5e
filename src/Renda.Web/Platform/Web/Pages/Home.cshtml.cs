using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web.Platform.Web.Pages;

/// <summary>The workbench: what this person must do now and soon, overdue and urgent first, each line a link to where it is done; the counters below.</summary>
public class HomeModel(RendaDbContext db, IEnumerable<IWorkbenchItems> sources) : PageModel
{
    public string CongressName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public IEnumerable<string> RoleLabels { get; private set; } = [];
    public int AllMembers { get; private set; }
    public int ServingDeputies { get; private set; }
    public int Unread { get; private set; }
    public int OpenDeadlines { get; private set; }
    public DateOnly Today { get; private set; }
    public bool SeesCommitteeCounters { get; private set; }
    public List<WorkItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromServices] IConfiguration config, CancellationToken ct)
    {
        var user = new CurrentUser(User);
        if (!user.IsAuthenticated)
        {
            // A citizen lands on the public site; someone whose session ended (the cookie is still sent) is asked to sign in again.
            if (Request.Cookies.ContainsKey("renda.auth")) return Challenge();
            return Redirect(Shell.PublicSite.Home(Shell.PublicSite.HomeCongress(config)));
        }
        var congressId = user.CongressId!.Value;
        var congress = await db.Congresses.AsNoTracking().FirstAsync(c => c.Id == congressId, ct);
        CongressName = congress.StandingCommitteeName;
        DisplayName = await db.Accounts.Where(a => a.Id == user.AccountId).Select(a => a.DisplayName).FirstAsync(ct);
        RoleLabels = user.Roles.Select(r => r.Label());
        Today = WorkCalendar.Today(db.Clock);
        Items = await Workbench.ForAsync(sources, db, user, ct);
        Unread = await db.Notifications.CountAsync(n => n.AccountId == user.AccountId && n.ReadAt == null, ct);
        // The committee-wide figures help those who run the committee; a deputy or a unit would read them as its own work.
        SeesCommitteeCounters = user.Has(Role.CommitteeStaff) || user.Has(Role.ChairpersonsCouncilMember) || user.Has(Role.StandingCommitteeMember);
        if (SeesCommitteeCounters)
        {
            AllMembers = await Members.AllMembersOnAsync(db, congressId, Today, ct);
            ServingDeputies = await db.Deputies.CountAsync(d => d.CongressId == congressId && d.Status == DeputyStatus.Serving, ct);
            OpenDeadlines = await db.Deadlines.CountAsync(d => d.CongressId == congressId && (d.Status == DeadlineStatus.Open || d.Status == DeadlineStatus.Overdue), ct);
        }
        return Page();
    }

    public static string BadgeClass(ClockState s) => s switch
    {
        ClockState.Overdue => "text-bg-danger",
        ClockState.DueSoon => "text-bg-warning",
        _ => "text-bg-light border",
    };
}
