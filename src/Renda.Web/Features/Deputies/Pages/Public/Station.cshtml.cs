using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renda.Web.Platform.Web;

namespace Renda.Web.Features.Deputies.Pages.Public;

/// <summary>/stations/{id} — a station's notice board: its deputies, upcoming receptions, and the online opinion form (rate-limited per address).</summary>
public class StationModel(RendaDbContext db, ClientAddress addresses, PublicRateLimits limits) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? PersonName { get; set; }
    [BindProperty] public string? Contact { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty(Name = "Content")] public string? OpinionContent { get; set; }
    public PublicStation View { get; private set; } = null!;
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var s = (await DeputiesQueries.PublicStationsAsync(db, WorkCalendar.Today(db.Clock), Id, ct)).FirstOrDefault();
        if (s is null) return false;
        View = s;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!limits.TryTake(PublicRateLimits.StationOpinion, HttpContext))
        {
            Error = limits.Message(PublicRateLimits.StationOpinion);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return await LoadAsync(ct) ? Page() : NotFound();
        }
        try
        {
            var o = await ConstituentOpinionWorkflow.SubmitOnlineAsync(db, Id, new OpinionInput(PersonName, Contact, OpinionContent, Category), addresses.Of(HttpContext), ct);
            return Redirect($"/stations/opinion?code={o.ReceiptCode}&new=true");
        }
        catch (Exception e) when (e is DomainException or RateLimitedException)
        {
            Error = e.Message;
            ErrorField = (e as DomainException)?.Field;
            db.ChangeTracker.Clear();
            Response.StatusCode = e is RateLimitedException ? 429 : ((DomainException)e).Kind == DomainErrorKind.NotFound ? 404 : 400;
            return await LoadAsync(ct) ? Page() : NotFound();
        }
    }
}
