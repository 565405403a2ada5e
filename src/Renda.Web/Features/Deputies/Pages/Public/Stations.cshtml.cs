using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Features.Deputies.Pages.Public;

/// <summary>/stations — every liaison station and 代表之家 with its upcoming reception days (no login).</summary>
public class StationsModel(RendaDbContext db) : PageModel
{
    public List<PublicStation> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await DeputiesQueries.PublicStationsAsync(db, WorkCalendar.Today(db.Clock), null, ct);
}
