namespace Renda.Web.Features.Deputies;

/// <summary>Tables of the deputies' work module (migrations 0023 onwards).</summary>
public static class DeputiesModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<DeputySettings>().ToTable("DeputySettings").HasIndex(s => s.CongressId).IsUnique();
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
    }
}
