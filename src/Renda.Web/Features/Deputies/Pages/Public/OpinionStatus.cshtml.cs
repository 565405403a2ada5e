using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Features.Deputies.Pages.Public;

/// <summary>/stations/opinion — the constituent reads how the opinion was handled with the receipt code (no name, no contact shown).</summary>
public class OpinionStatusModel(RendaDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true, Name = "new")] public bool Fresh { get; set; }
    public PublicOpinionStatus? View { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => View = await DeputiesQueries.PublicOpinionAsync(db, Code, ct);
}
