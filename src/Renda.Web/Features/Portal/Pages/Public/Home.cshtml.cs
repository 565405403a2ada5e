using Renda.Web.Features.Legislation;
using Renda.Web.Features.Suggestions.Pages.Public;

namespace Renda.Web.Features.Portal.Pages.Public;

/// <summary>/p/{congress} — the public home: the latest of each public thing, each section one click away.</summary>
public class HomeModel(RendaDbContext db) : PublicPageModel(db)
{
    public IReadOnlyList<ArticleListItem> News { get; private set; } = [];
    public IReadOnlyList<ArticleListItem> Announcements { get; private set; } = [];
    public List<PublicRegulation> Regulations { get; private set; } = [];
    public List<PublicPeriodItem> Drafts { get; private set; } = [];
    public IReadOnlyList<PublicSuggestionItem> Suggestions { get; private set; } = [];
    public PublicPlan? Plan { get; private set; }
    public List<PublicReportHeard> Reports { get; private set; } = [];
    public int Deputies { get; private set; }
    public List<PublicContactPoint> ContactPoints { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        News = (await PortalQueries.PublishedAsync(Db, Congress, ArticleSection.News, 1, 6, ct)).Items;
        Announcements = (await PortalQueries.PublishedAsync(Db, Congress, ArticleSection.Announcement, 1, 6, ct)).Items;
        Regulations = await PublicSections.LatestRegulationsAsync(Db, Congress, 5, ct);
        Drafts = (await PublicComments.ListAsync(Db, ct)).Take(4).ToList();
        Suggestions = (await PublicSuggestions.ListAsync(Db, null, 1, ct)).Items.Take(5).ToList();
        Plan = await PublicSections.PlanAsync(Db, Congress, WorkCalendar.Today(Db.Clock).Year, ct);
        Reports = await PublicSections.ReportsHeardAsync(Db, Congress, 4, ct);
        Deputies = (await PublicSections.DeputiesAsync(Db, Congress, 1, ct)).Total;
        ContactPoints = await PublicSections.ContactPointsAsync(Db, Congress, ct);
    }
}
