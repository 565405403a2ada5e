namespace Renda.Web.Platform.Web.Pages;

/// <summary>Something waiting for this user right now, shown at the top of the home page with its link.</summary>
public sealed record HomeAlert(string Text, string Href, string TestId);

/// <summary>
/// A module's contribution to the signed-in home page (registered in the module's AddX): the platform asks every registered
/// source and never names a module's tables.
/// </summary>
public interface IHomeAlerts
{
    Task<IReadOnlyList<HomeAlert>> ForAsync(RendaDbContext db, CurrentUser user, CancellationToken ct);
}
