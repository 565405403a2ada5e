using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Filings.Pages.Public;

/// <summary>/public/review-suggestion — anyone sends a review suggestion (审查建议, 立法法 第一百一十条第二款) without an account, and gets a lookup code.</summary>
public class ReviewSuggestionFormModel(RendaDbContext db, WorkCalendar calendar, ClientAddress addresses, PublicRateLimits limits) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Congress { get; set; }
    [BindProperty] public string? ProposerName { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public string? Contact { get; set; }
    [BindProperty] public string? DocumentTitle { get; set; }
    [BindProperty] public string? IssuingOrgan { get; set; }
    [BindProperty] public string? Reasons { get; set; }
    public List<(string Code, string Name)> Congresses { get; private set; } = [];
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }

    private async Task LoadAsync(CancellationToken ct)
        => Congresses = (await db.Congresses.AsNoTracking().Where(c => c.Level != RegionLevel.National && c.Level != RegionLevel.Township).OrderBy(c => c.Code)
            .Select(c => new { c.Code, c.ShortName }).ToListAsync(ct)).Select(c => (c.Code, c.ShortName + "人大常委会")).ToList();

    public Task OnGetAsync(CancellationToken ct)
    {
        Congress ??= "632800";
        return LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!limits.TryTake(PublicRateLimits.ReviewSuggestion, HttpContext))
        {
            Error = limits.Message(PublicRateLimits.ReviewSuggestion);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            await LoadAsync(ct);
            return Page();
        }
        try
        {
            var s = await ReviewSuggestionWorkflow.SubmitAsync(db, calendar, Congress ?? "", new ReviewSuggestionInput(ProposerName, Organisation, Contact, DocumentTitle, IssuingOrgan, Reasons),
                addresses.Of(HttpContext), ct);
            return Redirect($"/public/review-suggestion/status?code={s.TrackingCode}&new=true");
        }
        catch (DomainException e)
        {
            Error = e.Message;
            ErrorField = e.Field;
            db.ChangeTracker.Clear();
            Response.StatusCode = e.Kind == DomainErrorKind.NotFound ? 404 : 400;
            await LoadAsync(ct);
            return Page();
        }
    }
}
