using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Features.Legislation.Pages.Public;

/// <summary>/legislation/public/comments — where citizens find the drafts open for comment (anonymous).</summary>
public class PublicCommentsModel(RendaDbContext db) : PageModel
{
    public List<PublicPeriodItem> Periods { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Periods = await PublicComments.ListAsync(db, ct);
}
