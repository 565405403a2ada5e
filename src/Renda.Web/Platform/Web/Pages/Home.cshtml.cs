using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web.Platform.Web.Pages;

public class HomeModel(RendaDbContext db, IEnumerable<IHomeAlerts> alertSources) : PageModel
{
    public string CongressName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public IEnumerable<string> RoleLabels { get; private set; } = [];
    public int AllMembers { get; private set; }
    public int ServingDeputies { get; private set; }
    public int Unread { get; private set; }
    public int OpenDeadlines { get; private set; }
    /// <summary>What waits for this user now (a vote open in the meeting room …), from the modules.</summary>
    public List<HomeAlert> Alerts { get; } = [];

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
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        AllMembers = await Members.AllMembersOnAsync(db, congressId, today, ct);
        ServingDeputies = await db.Deputies.CountAsync(d => d.CongressId == congressId && d.Status == DeputyStatus.Serving, ct);
        Unread = await db.Notifications.CountAsync(n => n.AccountId == user.AccountId && n.ReadAt == null, ct);
        foreach (var source in alertSources)
            Alerts.AddRange(await source.ForAsync(db, user, ct));
        OpenDeadlines = await db.Deadlines.CountAsync(d => d.CongressId == congressId && (d.Status == DeadlineStatus.Open || d.Status == DeadlineStatus.Overdue), ct);
        return Page();
    }
}
