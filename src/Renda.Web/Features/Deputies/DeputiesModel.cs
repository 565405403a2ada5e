using Renda.Web.Platform.People;
namespace Renda.Web.Features.Deputies;

/// <summary>Tables of the deputies' work module (migrations 0023 onwards).</summary>
public static class DeputiesModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<DeputySettings>().ToTable("DeputySettings").HasIndex(s => s.CongressId).IsUnique();
        ConfigureDutyArchive(b);
    }

    /// <summary>The duty archive's part (migration 0035): points weights, corrections, duty reports, and the archive's indexes.</summary>
    private static void ConfigureDutyArchive(ModelBuilder b)
    {
        b.Entity<DutyPointWeight>().ToTable("DutyPointWeights").HasIndex(w => new { w.CongressId, w.Kind }).IsUnique();
        b.Entity<DutyCorrectionRequest>(e =>
        {
            e.ToTable("DutyCorrectionRequests");
            e.HasIndex(r => new { r.CongressId, r.Status });
            e.HasIndex(r => r.DeputyId);
        });
        b.Entity<DutyReport>(e =>
        {
            e.ToTable("DutyReports");
            e.HasIndex(r => new { r.DeputyId, r.Year }).IsUnique();
            e.HasIndex(r => new { r.CongressId, r.Year });
        });
        // One act, one record: the same deputy, kind and source are counted once (a step repeated, a backfill run again).
        b.Entity<DutyRecord>().HasIndex(r => new { r.DeputyId, r.Kind, r.SourceType, r.SourceId }).IsUnique();
        // The yearly points of a province: the year's records by deputy and kind, read from the index alone.
        b.Entity<DutyRecord>().HasIndex(r => new { r.On, r.DeputyId, r.Kind });
    }
}
