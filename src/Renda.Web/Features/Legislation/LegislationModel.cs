namespace Renda.Web.Features.Legislation;

/// <summary>The module's tables and indexes, added to the one model by RendaDbContext.</summary>
public static class LegislationModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<LegislationSettings>().ToTable("LegislationSettings").HasIndex(s => s.CongressId).IsUnique();
        b.Entity<PlanProject>().ToTable("PlanProjects").HasIndex(p => new { p.CongressId, p.Year });
        b.Entity<Bill>(e =>
        {
            e.ToTable("Bills");
            e.HasIndex(x => new { x.CongressId, x.Status });
            e.HasIndex(x => new { x.CongressId, x.PromulgatedOn });
            e.Ignore(x => x.AnnouncementLabel);
        });
        b.Entity<BillVersion>().ToTable("BillVersions").HasIndex(v => new { v.BillId, v.Number }).IsUnique();
        b.Entity<BillReading>().ToTable("BillReadings").HasIndex(r => new { r.BillId, r.Ordinal }).IsUnique();
        b.Entity<ComparisonReason>().ToTable("ComparisonReasons").HasIndex(r => new { r.FromVersionId, r.ToVersionId, r.RowKey }).IsUnique();
        b.Entity<CommentPeriod>(e =>
        {
            e.ToTable("CommentPeriods");
            e.HasIndex(p => p.BillId);
            e.HasMany(p => p.Points).WithOne().HasForeignKey(x => x.CommentPeriodId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CommentPeriodPoint>().ToTable("CommentPeriodPoints").HasIndex(x => new { x.CommentPeriodId, x.ContactPointId }).IsUnique();
        b.Entity<BillComment>(e =>
        {
            e.ToTable("BillComments");
            e.HasIndex(c => new { c.BillId, c.NodeId });
            e.HasIndex(c => new { c.CommentPeriodId, c.TextHash });
            e.HasIndex(c => new { c.AddressHash, c.CreatedAt });
            e.HasIndex(c => new { c.ContactPointId, c.CreatedAt });
            // The receipt page's lookup; unique, so a drawn code that collides fails the insert rather than showing two comments.
            e.HasIndex(c => c.ReceiptCode).IsUnique();
            e.HasMany(c => c.Deputies).WithOne().HasForeignKey(d => d.BillCommentId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<BillCommentDeputy>(e =>
        {
            e.ToTable("BillCommentDeputies");
            e.HasIndex(d => new { d.BillCommentId, d.DeputyId }).IsUnique();
            e.HasIndex(d => d.DeputyId);
        });
        b.Entity<LegislativeContactPoint>(e =>
        {
            e.ToTable("LegislativeContactPoints");
            e.HasIndex(p => new { p.CongressId, p.Name }).IsUnique();
            e.HasMany(p => p.Deputies).WithOne().HasForeignKey(d => d.ContactPointId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ContactPointDeputy>(e =>
        {
            e.ToTable("ContactPointDeputies");
            e.HasIndex(d => new { d.ContactPointId, d.DeputyId }).IsUnique();
            e.HasIndex(d => d.DeputyId);
        });
        b.Entity<FilingHandover>().ToTable("FilingHandovers").HasIndex(f => f.BillId);
        b.Entity<Approval>(e =>
        {
            e.ToTable("Approvals");
            e.HasIndex(a => new { a.CongressId, a.Status, a.DecidedOn });
            e.HasIndex(a => a.BillId);
        });
    }
}
