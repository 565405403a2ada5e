using Renda.Web.Platform.People;

namespace Renda.Web.Features.Meetings;

/// <summary>The module's tables and indexes, added to the one model by RendaDbContext.</summary>
public static class MeetingsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<MeetingSettings>().ToTable("MeetingSettings").HasIndex(s => s.CongressId).IsUnique();
        b.Entity<Meeting>(e =>
        {
            e.ToTable("Meetings");
            e.HasIndex(m => new { m.TermId, m.Number }).IsUnique();
            e.HasIndex(m => new { m.CongressId, m.StartsOn });
            e.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AgendaItem>().ToTable("AgendaItems").HasIndex(a => new { a.SubjectType, a.SubjectId });
        b.Entity<MeetingAttendance>().ToTable("MeetingAttendance").HasIndex(a => new { a.MeetingId, a.PersonId }).IsUnique();
        b.Entity<MeetingAttendee>().ToTable("MeetingAttendees");
        b.Entity<Vote>(e =>
        {
            e.ToTable("Votes");
            e.HasIndex(v => v.MeetingId);
            e.HasIndex(v => v.AgendaItemId);
            e.HasMany(v => v.Members).WithOne().HasForeignKey(m => m.VoteId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<VoteMember>().ToTable("VoteMembers").HasIndex(m => new { m.VoteId, m.PersonId }).IsUnique();
        // The unique index is what refuses a second ballot, also when two arrive in the same instant.
        b.Entity<VoteBallot>().ToTable("VoteBallots").HasIndex(x => new { x.VoteId, x.PersonId }).IsUnique();
        b.Entity<SecretBallotPaper>().ToTable("SecretBallotPapers").HasIndex(x => x.VoteId);
        b.Entity<Resolution>(e =>
        {
            e.ToTable("Resolutions");
            e.HasIndex(r => new { r.CongressId, r.Year, r.Serial }).IsUnique();
            e.HasIndex(r => r.MeetingId);
            e.Ignore(r => r.Number);
            e.HasMany(r => r.Tasks).WithOne().HasForeignKey(t => t.ResolutionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ResolutionTask>().ToTable("ResolutionTasks");
        b.Entity<Appointment>(e =>
        {
            e.ToTable("Appointments");
            e.HasIndex(a => new { a.CongressId, a.Status, a.DecidedOn, a.Kind });
            e.HasIndex(a => a.MeetingId);
            e.Property(a => a.LawExamRequired);
        });
        b.Entity<Oath>(e =>
        {
            e.ToTable("Oaths");
            e.HasIndex(o => new { o.CongressId, o.TakenOn });
            e.HasMany(o => o.Takers).WithOne().HasForeignKey(t => t.OathId).OnDelete(DeleteBehavior.Cascade);
        });
        // An appointment takes the oath once.
        b.Entity<OathTaker>().ToTable("OathTakers").HasIndex(t => t.AppointmentId).IsUnique();
        b.Entity<LivelihoodProjectBallot>(e =>
        {
            e.ToTable("LivelihoodProjectBallots");
            e.HasIndex(x => new { x.CongressId, x.Year });
            e.HasMany(x => x.Projects).WithOne().HasForeignKey(p => p.BallotId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<LivelihoodProject>(e =>
        {
            e.ToTable("LivelihoodProjects");
            e.Property(p => p.Budget).HasPrecision(14, 2);
            e.HasMany(p => p.Progress).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<LivelihoodProgress>().ToTable("LivelihoodProgress");
        b.Entity<LivelihoodEvaluation>().ToTable("LivelihoodEvaluations").HasIndex(x => new { x.ProjectId, x.DeputyId }).IsUnique();
        b.Entity<LivelihoodBallotReceipt>().ToTable("LivelihoodBallotReceipts").HasIndex(x => new { x.BallotId, x.DeputyId }).IsUnique();
        b.Entity<LivelihoodBallotPaper>().ToTable("LivelihoodBallotPapers").HasIndex(x => x.BallotId);
        b.Entity<DutyRecord>().ToTable("DutyRecords").HasIndex(x => new { x.DeputyId, x.On });
    }
}
