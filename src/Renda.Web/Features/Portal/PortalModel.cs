namespace Renda.Web.Features.Portal;

/// <summary>The module's table, added to the one model by RendaDbContext.</summary>
public static class PortalModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<NewsArticle>(e =>
        {
            e.ToTable("NewsArticles");
            // The public lists: a congress's published articles of a section, newest first; the publicity figures by year.
            e.HasIndex(a => new { a.CongressId, a.Status, a.Section, a.PublishedOn });
        });
    }
}
