using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Renda.Web.Platform.Attachments;
using Renda.Web.Platform.Audit;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Notifications;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// The one DbContext. Every SaveChanges goes through the audit chain (AuditChain.SaveAuditedAsync):
/// changes and their audit records are written in one transaction, so no change is unaudited.
/// </summary>
public class RendaDbContext(DbContextOptions<RendaDbContext> options, IAuditActor actor, TimeProvider clock) : DbContext(options)
{
    internal IAuditActor Actor { get; } = actor;
    internal TimeProvider Clock { get; } = clock;
    /// <summary>Events (login, logout …) to write with the next save, in the same chain as entity changes.</summary>
    internal List<AuditEvent> PendingEvents { get; } = [];
    /// <summary>The transaction that holds the audit lock (PostgreSQL), and the chain's tail as its last save left it (AuditChain).</summary>
    internal Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? AuditLockedIn { get; set; }
    internal AuditTail? AuditTail { get; set; }

    public DbSet<Congress> Congresses => Set<Congress>();
    public DbSet<Term> Terms => Set<Term>();
    public DbSet<Committee> Committees => Set<Committee>();
    public DbSet<HandlingUnit> HandlingUnits => Set<HandlingUnit>();
    public DbSet<StandingCommitteeMember> StandingCommitteeMembers => Set<StandingCommitteeMember>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Deputy> Deputies => Set<Deputy>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<PasswordHistoryEntry> PasswordHistory => Set<PasswordHistoryEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<LoginSession> LoginSessions => Set<LoginSession>();
    public DbSet<LoginAttempt> LoginAttempts => Set<LoginAttempt>();
    public DbSet<SecurityPolicy> SecurityPolicies => Set<SecurityPolicy>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();
    public DbSet<Deadline> Deadlines => Set<Deadline>();
    public DbSet<DeadlineExtension> DeadlineExtensions => Set<DeadlineExtension>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DatabaseProvider Provider => Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>Queues an audit event that is not an entity change (login, export …); written by the next save.</summary>
    public void RecordEvent(string entityType, string? entityId, string action, AuditOutcome outcome = AuditOutcome.Success, string? details = null)
        => PendingEvents.Add(new AuditEvent(entityType, entityId, action, outcome, details));

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
        => SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        StoredValues.Check(ChangeTracker);
        return AuditChain.SaveAuditedAsync(this, () => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Every timestamp is UTC; SQLite hands back Unspecified, which would make equal instants hash differently.
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Congress>().HasIndex(c => c.Code).IsUnique();
        b.Entity<Congress>().HasOne(c => c.Parent).WithMany().OnDelete(DeleteBehavior.Restrict);
        b.Entity<Term>().HasIndex(t => new { t.CongressId, t.Number }).IsUnique();
        b.Entity<Committee>().HasIndex(c => new { c.CongressId, c.Name }).IsUnique();
        b.Entity<HandlingUnit>().HasIndex(u => new { u.CongressId, u.Name }).IsUnique();
        b.Entity<StandingCommitteeMember>().HasIndex(m => new { m.CongressId, m.SeatedOn });
        b.Entity<Person>().HasIndex(p => p.IdNumber).IsUnique();
        b.Entity<Person>().HasIndex(p => p.Name);
        b.Entity<Deputy>().HasIndex(d => new { d.CongressId, d.TermId, d.PersonId }).IsUnique();
        b.Entity<Account>().HasIndex(a => a.UserName).IsUnique();
        b.Entity<Account>().HasMany(a => a.Roles).WithOne().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.Entity<PasswordHistoryEntry>().HasIndex(p => p.AccountId);
        b.Entity<ApiToken>().HasIndex(t => t.TokenHash).IsUnique();
        b.Entity<LoginSession>().HasIndex(s => s.AccountId);
        b.Entity<LoginAttempt>().HasIndex(a => new { a.AddressHash, a.At });
        b.Entity<LoginAttempt>().HasIndex(a => new { a.AccountId, a.At });
        b.Entity<LoginAttempt>().HasIndex(a => a.At);
        b.Entity<SecurityPolicy>().HasIndex(p => p.CongressId).IsUnique();
        b.Entity<AuditRecord>().HasIndex(a => a.Sequence).IsUnique();
        b.Entity<AuditRecord>().HasIndex(a => new { a.EntityType, a.EntityId });
        b.Entity<AuditRecord>().HasIndex(a => a.Time);
        b.Entity<CalendarDay>().HasKey(d => d.Date);
        b.Entity<CalendarYear>().HasKey(y => y.Year);
        b.Entity<CalendarYear>().Property(y => y.Year).ValueGeneratedNever();
        b.Entity<Deadline>().HasIndex(d => new { d.CongressId, d.Status, d.DueOn });
        b.Entity<Deadline>().HasIndex(d => new { d.SubjectType, d.SubjectId });
        b.Entity<Deadline>().HasMany(d => d.Extensions).WithOne().HasForeignKey(e => e.DeadlineId).OnDelete(DeleteBehavior.Cascade);
        b.Entity<Notification>().HasIndex(n => new { n.AccountId, n.ReadAt });
        b.Entity<Attachment>().HasIndex(a => new { a.OwnerType, a.OwnerId });
        Features.Suggestions.SuggestionsModel.Configure(b);
        Features.Meetings.MeetingsModel.Configure(b);
        Features.Filings.FilingsModel.Configure(b);
        Features.Legislation.LegislationModel.Configure(b);
        Features.Supervision.SupervisionModel.Configure(b);
        Features.Laws.LawsModel.Configure(b);
        Features.Deputies.DeputiesModel.Configure(b);
        Features.BudgetMonitoring.BudgetMonitoringModel.Configure(b);
        Features.Portal.PortalModel.Configure(b);

        // Enums are stored as their names: readable in SQL, and a renumbered enum cannot silently change data.
        foreach (var entity in b.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties())
                if ((Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType).IsEnum)
                {
                    property.SetProviderClrType(typeof(string));
                    property.SetMaxLength(40);
                }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}

internal sealed record AuditTail(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction Transaction, long Sequence, string Hash);

public sealed record AuditEvent(string EntityType, string? EntityId, string Action, AuditOutcome Outcome, string? Details);
