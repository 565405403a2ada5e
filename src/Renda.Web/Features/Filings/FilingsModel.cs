namespace Renda.Web.Features.Filings;

/// <summary>Tables of the filing and review module (migration 0009_filings).</summary>
public static class FilingsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Filing>(e =>
        {
            e.ToTable("Filings");
            e.HasIndex(f => new { f.CongressId, f.Status });
            e.HasIndex(f => new { f.CongressId, f.FiledOn });
            // The catalogue comparison looks filings up by filer.
            e.HasIndex(f => new { f.CongressId, f.FilerHandlingUnitId, f.FilerCongressId });
            e.HasIndex(f => new { f.CongressId, f.Year, f.Serial }).IsUnique();
            e.HasIndex(f => new { f.SourceType, f.SourceId });
        });
        b.Entity<Review>(e =>
        {
            e.ToTable("Reviews");
            e.HasIndex(r => new { r.CongressId, r.Status });
            e.HasIndex(r => r.FilingId);
            e.HasMany(r => r.Findings).WithOne().HasForeignKey(f => f.ReviewId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Communications).WithOne().HasForeignKey(c => c.ReviewId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ReviewFinding>().ToTable("ReviewFindings").HasIndex(f => new { f.ReviewId, f.Standard }).IsUnique();
        b.Entity<ReviewCommunication>().ToTable("ReviewCommunications");
        b.Entity<ReviewSuggestion>(e =>
        {
            e.ToTable("ReviewSuggestions");
            e.HasIndex(s => s.TrackingCode).IsUnique();
            e.HasIndex(s => new { s.CongressId, s.Status });
            e.HasIndex(s => new { s.AddressHash, s.ReceivedAt });
        });
        b.Entity<ReviewCampaign>(e =>
        {
            e.ToTable("ReviewCampaigns");
            e.HasIndex(c => new { c.CongressId, c.Year });
            e.HasMany(c => c.Documents).WithOne().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CampaignDocument>().ToTable("CampaignDocuments");
        b.Entity<FilingCatalogue>(e =>
        {
            e.ToTable("FilingCatalogues");
            e.HasIndex(c => new { c.CongressId, c.Year, c.FilerHandlingUnitId, c.FilerCongressId });
            e.HasMany(c => c.Entries).WithOne().HasForeignKey(x => x.CatalogueId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CatalogueEntry>().ToTable("CatalogueEntries");
        b.Entity<FilingSettings>().ToTable("FilingSettings").HasIndex(s => s.CongressId).IsUnique();
        b.Entity<FilingReport>().ToTable("FilingReports").HasIndex(r => new { r.CongressId, r.Year }).IsUnique();
    }
}
