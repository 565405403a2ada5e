using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Notifications;

namespace Renda.Web.Features.Portal.Pages.Public;

/// <summary>
/// /p/{congress}/subscribe — 订阅: the Atom feeds of every section, and the e-mail subscription form (double opt-in) when mail
/// is set up here; without SMTP the page says so and points to the feeds.
/// </summary>
public class SubscribeModel(RendaDbContext db, EmailOutbox outbox, IEmailSender sender, PublicRateLimits limits, ILogger<SubscribeModel> logger) : PublicPageModel(db)
{
    public bool MailAvailable => outbox.Enabled;
    [BindProperty] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public string? Section { get; set; }
    [BindProperty] public string? Keyword { get; set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }

    protected override Task LoadAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var get = await OnGetAsync(ct);
        if (get is not Microsoft.AspNetCore.Mvc.RazorPages.PageResult) return get;
        if (!limits.TryTake(PublicRateLimits.Subscribe, HttpContext))
        {
            Error = limits.Message(PublicRateLimits.Subscribe);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        try
        {
            Message = (await SubscriptionWorkflow.RequestAsync(Db, outbox, sender, logger, PortalFollow.Origin(HttpContext), Congress, new SubscribeInput(Email, Section, Keyword), ct)).Message;
            Email = null;
            Keyword = null;
        }
        catch (DomainException e)
        {
            Error = e.Message;
            ErrorField = e.Field;
            Response.StatusCode = e.Kind == DomainErrorKind.Invalid ? 400 : 409;
        }
        return Page();
    }
}
