using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Portal.Pages;

/// <summary>/portal/articles — every article of the congress's public site with its state, and the publicity figures by year.</summary>
public class ArticlesModel(RendaDbContext db) : PortalPageModel(db)
{
    [BindProperty(SupportsGet = true, Name = "status")] public NewsArticleStatus? StatusShown { get; set; }
    public List<ArticleListItem> Rows { get; private set; } = [];
    public List<PublicityFigures> Figures { get; private set; } = [];
    public Congress Congress { get; private set; } = null!;
    /// <summary>Confirmed e-mail subscriptions per section: a number only, the addresses are never shown.</summary>
    public List<SubscriptionCount> Subscriptions { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Congress = await Db.Congresses.AsNoTracking().FirstAsync(c => c.Id == Actor.CongressId, ct);
        Rows = await PortalQueries.ForStaffAsync(Db, Actor, StatusShown, ct);
        Figures = await PortalQueries.PublicityAsync(Db, Congress, ct);
        Subscriptions = await SubscriptionWorkflow.CountsAsync(Db, Congress.Id, ct);
    }
}
