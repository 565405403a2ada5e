using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Platform.Organisations;

[Authorize(Roles = nameof(Role.CommitteeStaff) + "," + nameof(Role.ChairpersonsCouncilMember))]
public class StatisticsModel(RendaDbContext db) : PageModel
{
    public CongressStatistics Root { get; private set; } = null!;

    public IEnumerable<CongressStatistics> Flatten(CongressStatistics s) => s.Below.SelectMany(Flatten).Prepend(s);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var id = new CurrentUser(User).CongressId!.Value;
        var congress = await db.Congresses.AsNoTracking().FirstAsync(c => c.Id == id, ct);
        Root = await Members.StatisticsAsync(db, congress, DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime.AddHours(8)), ct);
    }
}
