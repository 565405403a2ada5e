using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Portal.Pages.Public;

/// <summary>/p/{congress}/subscribe/confirm?token= — the link of the confirmation mail (single use; expired after 7 days).</summary>
public class SubscribeConfirmModel(RendaDbContext db) : PublicPageModel(db)
{
    [BindProperty(SupportsGet = true, Name = "token")] public string? Token { get; set; }
    public string? What { get; private set; }
    public string? Error { get; private set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        try
        {
            var s = await SubscriptionWorkflow.ConfirmAsync(Db, Token, ct);
            What = SubscriptionWorkflow.SectionLabel(s.Section) + (s.Keyword is null ? "" : $"（关键词“{s.Keyword}”）");
        }
        catch (DomainException e) when (e.Kind != DomainErrorKind.Invalid)
        {
            Error = e.Message;
            Response.StatusCode = e.Kind == DomainErrorKind.NotFound ? 404 : 409;
        }
    }
}
