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
        b.Entity<Subscription>(e =>
        {
            e.ToTable("PortalSubscriptions");
            e.HasIndex(s => s.ConfirmTokenHash).IsUnique();
            e.HasIndex(s => s.UnsubscribeToken).IsUnique();
            // The sender's scan: confirmed subscriptions of a congress's section.
            e.HasIndex(s => new { s.Status, s.CongressId, s.Section });
        });
        b.Entity<SubscriptionDelivery>(e =>
        {
            e.ToTable("PortalSubscriptionDeliveries");
            e.HasIndex(d => new { d.SubscriptionId, d.ItemKey }).IsUnique();
            e.HasOne<Subscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade)
                .HasConstraintName("FK_PortalSubscriptionDeliveries_Subscription"); // short: PostgreSQL cuts names at 63 bytes
        });
    }
}
