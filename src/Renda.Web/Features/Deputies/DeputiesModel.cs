using Renda.Web.Platform.People;

namespace Renda.Web.Features.Deputies;

/// <summary>Tables of the deputies' work module (migrations 0023 onwards).</summary>
public static class DeputiesModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<DeputySettings>().ToTable("DeputySettings").HasIndex(s => s.CongressId).IsUnique();
        ConfigureStations(b);
    }

    /// <summary>Stations, funding, receptions and opinions; delegations and deputy groups (migration 0031).</summary>
    private static void ConfigureStations(ModelBuilder b)
    {
        b.Entity<Delegation>(e =>
        {
            e.ToTable("Delegations");
            e.HasIndex(x => new { x.CongressId, x.Name }).IsUnique();
        });
        b.Entity<DeputyGroup>(e =>
        {
            e.ToTable("DeputyGroups");
            e.HasIndex(x => new { x.CongressId, x.Name }).IsUnique();
        });
        b.Entity<Deputy>().HasIndex(d => d.DelegationId);
        b.Entity<Deputy>().HasIndex(d => d.DeputyGroupId);
        b.Entity<LiaisonStation>(e =>
        {
            e.ToTable("LiaisonStations");
            e.HasIndex(s => new { s.CongressId, s.Name }).IsUnique();
            e.HasMany(s => s.Deputies).WithOne().HasForeignKey(d => d.StationId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<StationDeputy>(e =>
        {
            e.ToTable("StationDeputies");
            e.HasIndex(d => new { d.StationId, d.DeputyId }).IsUnique();
            e.HasIndex(d => d.DeputyId);
        });
        b.Entity<StationFunding>(e =>
        {
            e.ToTable("StationFundings");
            e.Property(f => f.Amount).HasPrecision(14, 2);
            e.HasIndex(f => new { f.CongressId, f.Year });
            e.HasIndex(f => f.StationId);
        });
        b.Entity<ReceptionDay>(e =>
        {
            e.ToTable("ReceptionDays");
            e.HasIndex(r => new { r.CongressId, r.On });
            e.HasIndex(r => new { r.StationId, r.On });
            e.HasMany(r => r.Attendees).WithOne().HasForeignKey(a => a.ReceptionDayId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ReceptionAttendee>(e =>
        {
            e.ToTable("ReceptionAttendees");
            e.HasIndex(a => new { a.ReceptionDayId, a.PersonId }).IsUnique();
            e.HasIndex(a => a.PersonId);
            e.HasIndex(a => a.DeputyId);
        });
        b.Entity<ConstituentOpinion>(e =>
        {
            e.ToTable("ConstituentOpinions");
            e.HasIndex(o => o.ReceiptCode).IsUnique();
            e.HasIndex(o => new { o.CongressId, o.Status });
            e.HasIndex(o => new { o.CongressId, o.ReceivedOn });
            e.HasIndex(o => o.ReceptionDayId);
            e.HasIndex(o => new { o.HandlingUnitId, o.Status });
            e.HasIndex(o => o.SuggestionId);
            e.HasIndex(o => new { o.AddressHash, o.ReceivedAt });
        });
        ConfigureActivities(b);
    }

    /// <summary>Trainings, forums, 六联系 and joint inspections (migration 0033).</summary>
    private static void ConfigureActivities(ModelBuilder b)
    {
        b.Entity<Training>(e =>
        {
            e.ToTable("Trainings");
            e.HasIndex(t => new { t.CongressId, t.Year });
            e.HasMany(t => t.Trainees).WithOne().HasForeignKey(t => t.TrainingId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<TrainingTrainee>(e =>
        {
            e.ToTable("TrainingTrainees");
            e.HasIndex(t => t.TrainingId);
            e.HasIndex(t => t.DeputyId);
        });
        b.Entity<Forum>(e =>
        {
            e.ToTable("Forums");
            e.HasIndex(f => new { f.CongressId, f.Year });
            e.HasMany(f => f.Participants).WithOne().HasForeignKey(p => p.ForumId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(f => f.Opinions).WithOne().HasForeignKey(o => o.ForumId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ForumParticipant>().ToTable("ForumParticipants").HasIndex(p => p.ForumId);
        b.Entity<ForumOpinion>().ToTable("ForumOpinions").HasIndex(o => o.ForumId);
        b.Entity<ContactKind>().ToTable("ContactKinds").HasIndex(k => new { k.CongressId, k.Name }).IsUnique();
        b.Entity<ContactRecord>(e =>
        {
            e.ToTable("ContactRecords");
            e.HasIndex(r => new { r.CongressId, r.Year, r.KindId });
            e.HasOne<ContactKind>().WithMany().HasForeignKey(r => r.KindId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<JointInspection>(e =>
        {
            e.ToTable("JointInspections");
            e.HasIndex(j => new { j.CongressId, j.Year });
            e.HasMany(j => j.Deputies).WithOne().HasForeignKey(d => d.JointInspectionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<JointInspectionDeputy>().ToTable("JointInspectionDeputies").HasIndex(d => new { d.JointInspectionId, d.DeputyId }).IsUnique();
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
