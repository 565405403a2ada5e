using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Portal.Pages.Public;

/// <summary>
/// /p/{congress}/receipt — the receipt lookup: a comment on a draft, a review suggestion or a station opinion, by its receipt
/// code. An unknown code is 404 with a plain message; lookups are rate-limited per address (guessing codes).
/// </summary>
public class ReceiptModel(RendaDbContext db, PublicRateLimits limits) : PublicPageModel(db)
{
    [BindProperty(SupportsGet = true, Name = "code")] public string? Code { get; set; }
    public ReceiptView? View { get; private set; }
    public string? Error { get; private set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code)) return;
        if (!limits.TryTake(PublicRateLimits.Lookup, HttpContext))
        {
            Error = limits.Message(PublicRateLimits.Lookup);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }
        View = await ReceiptLookup.FindAsync(Db, Code, ct);
        if (View is null)
        {
            Error = PortalFollow.NotFoundText;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
