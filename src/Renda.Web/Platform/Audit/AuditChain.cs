using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Renda.Web.Data;

namespace Renda.Web.Platform.Audit;

/// <summary>Who is acting, for the audit trail. Resolved from the HTTP request, or "system" for CLI and background work.</summary>
public interface IAuditActor
{
    int? AccountId { get; }
    string? Name { get; }
    string? Roles { get; }
    string? CongressCode { get; }
    string? ClientAddress { get; }
}

/// <summary>The actor for command-line and background work.</summary>
public sealed class SystemActor : IAuditActor
{
    public int? AccountId => null;
    public string? Name => "system";
    public string? Roles => null;
    public string? CongressCode => null;
    public string? ClientAddress => null;
}

/// <summary>
/// The single path by which changes are audited. It runs inside RendaDbContext.SaveChangesAsync:
/// capture what changed, save, then append one hash-chained record per change in the same
/// transaction. Appends are serialised (SQLite: an immediate transaction holds the write lock;
/// PostgreSQL: a transaction-scoped advisory lock) so the chain never forks.
/// </summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    private const long AdvisoryLockKey = 0x52454e4441; // "RENDA"
    /// <summary>
    /// Session, token bookkeeping and notifications' read flags are not user actions; they would drown the trail.
    /// Ballots are append-only tables of their own, sealed into the chain by their vote's digest at closing
    /// (decision 0008): inside the lock, 70 members voting at once would queue behind each other, and a secret
    /// ballot paper must not sit next to its voter's name in the trail.
    /// </summary>
    private static readonly HashSet<Type> NotAudited = [typeof(AuditRecord), typeof(Identity.LoginSession), typeof(Identity.LoginAttempt),
        typeof(Features.Meetings.VoteBallot), typeof(Features.Meetings.SecretBallotPaper),
        typeof(Features.Meetings.LivelihoodBallotReceipt), typeof(Features.Meetings.LivelihoodBallotPaper),
        typeof(Features.Supervision.AppraisalReceipt), typeof(Features.Supervision.AppraisalPaper)];
    /// <summary>Secrets never enter the trail: only the fact that they changed.</summary>
    private static readonly HashSet<string> Redacted = ["PasswordHash", "TokenHash", "IdNumber", "Phone"];

    /// <summary>
    /// Begins a transaction that holds the audit write lock from its first statement (PostgreSQL: the
    /// advisory lock; SQLite: BEGIN IMMEDIATE), for work that reads and then writes what no other writer
    /// may change in between — the next registration number. Saves inside it join it and the caller
    /// commits. Inside a transaction the caller already has, it takes the lock there and returns null.
    /// </summary>
    public static async Task<IDbContextTransaction?> BeginLockedAsync(RendaDbContext db, CancellationToken ct)
    {
        var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await LockAsync(db, db.Database.CurrentTransaction!, ct);
        return tx;
    }

    /// <summary>The lock lasts until the transaction ends, so a transaction that holds it does not ask again.</summary>
    private static async Task LockAsync(RendaDbContext db, IDbContextTransaction transaction, CancellationToken ct)
    {
        if (db.Provider != DatabaseProvider.Postgres || ReferenceEquals(db.AuditLockedIn, transaction)) return;
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
        db.AuditLockedIn = transaction;
    }

    internal static async Task<int> SaveAuditedAsync(RendaDbContext db, Func<Task<int>> save, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var captured = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !NotAudited.Contains(e.Entity.GetType()))
            .Select(Capture)
            .ToList();
        if (captured.Count == 0 && db.PendingEvents.Count == 0)
            return await save();

        var ownTransaction = db.Database.CurrentTransaction is null;
        await using var tx = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
        var transaction = db.Database.CurrentTransaction!;
        // Every audited save runs in a transaction, and no code goes on in a transaction after a failed save: it is
        // rolled back (here, or by the caller that began it). EF's automatic savepoint around each save would cost two
        // more round trips per save, inside the lock, for nothing.
        db.Database.AutoSavepointsEnabled = false;
        await LockAsync(db, transaction, ct);
        var written = await save();

        var now = Truncate(db.Clock.GetUtcNow().UtcDateTime);
        var actor = db.Actor;
        var records = new List<AuditRecord>();
        foreach (var c in captured)
            records.Add(NewRecord(actor, now, c.Type, KeyOf(c.Entry), c.Action, c.Finish(), AuditOutcome.Success));
        foreach (var e in db.PendingEvents)
            records.Add(NewRecord(actor, now, e.EntityType, e.EntityId, e.Action, e.Details, e.Outcome));
        db.PendingEvents.Clear();

        // A second save in the same transaction continues from the tail the first one wrote: no writer can
        // have appended in between, as this transaction has held the lock (and written) since.
        long sequence;
        string previous;
        if (db.AuditTail is { } tail && ReferenceEquals(tail.Transaction, transaction))
            (sequence, previous) = (tail.Sequence, tail.Hash);
        else
        {
            var last = await db.AuditRecords.AsNoTracking().OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
            (sequence, previous) = (last?.Sequence ?? 0, last?.Hash ?? Genesis);
        }
        foreach (var r in records)
        {
            r.Sequence = ++sequence;
            r.PreviousHash = previous;
            r.Hash = ComputeHash(r);
            previous = r.Hash;
        }
        db.AuditRecords.AddRange(records);
        await save();
        db.AuditTail = new(transaction, sequence, previous);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return written;
    }

    private static AuditRecord NewRecord(IAuditActor actor, DateTime now, string type, string? id, string action, string? changes, AuditOutcome outcome) => new()
    {
        Time = now,
        ActorId = actor.AccountId,
        ActorName = actor.Name,
        ActorRoles = actor.Roles,
        CongressCode = actor.CongressCode,
        EntityType = type,
        EntityId = id,
        Action = action,
        Changes = changes,
        ClientAddress = actor.ClientAddress,
        Outcome = outcome,
        PreviousHash = "",
        Hash = "",
    };

    private sealed class Captured(EntityEntry entry, string action, Dictionary<string, object?[]> fields)
    {
        public EntityEntry Entry { get; } = entry;
        public string Type { get; } = entry.Metadata.ClrType.Name;
        public string Action { get; } = action;

        /// <summary>After the save: fill in the "after" values (generated keys included) and serialise.</summary>
        public string? Finish()
        {
            if (Action is "create")
                foreach (var p in Entry.Properties)
                    fields[p.Metadata.Name] = [null, Show(p.Metadata.Name, p.CurrentValue)];
            return fields.Count == 0 ? null : JsonSerializer.Serialize(fields, JsonOptions);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static Captured Capture(EntityEntry e)
    {
        var fields = new Dictionary<string, object?[]>();
        string action;
        switch (e.State)
        {
            case EntityState.Added:
                action = "create";
                break;
            case EntityState.Deleted:
                action = "delete";
                foreach (var p in e.Properties)
                    fields[p.Metadata.Name] = [Show(p.Metadata.Name, p.OriginalValue), null];
                break;
            default:
                action = "update";
                foreach (var p in e.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
                {
                    fields[p.Metadata.Name] = [Show(p.Metadata.Name, p.OriginalValue), Show(p.Metadata.Name, p.CurrentValue)];
                    // A change of a state enum is a state transition, named so in the trail.
                    if (p.Metadata.Name is "Status" or "State" && p.Metadata.ClrType.IsEnum)
                        action = "transition";
                }
                break;
        }
        return new Captured(e, action, fields);
    }

    private static object? Show(string field, object? value) => value is null ? null
        : Redacted.Contains(field) ? "***"
        : value switch
        {
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Enum en => en.ToString(),
            _ => value,
        };

    private static string? KeyOf(EntityEntry e)
    {
        var key = e.Metadata.FindPrimaryKey();
        if (key is null) return null;
        var values = key.Properties.Select(p => Show(p.Name, e.Property(p.Name).CurrentValue)?.ToString());
        return string.Join(",", values);
    }

    /// <summary>Both databases keep microseconds; a tick-precise time would not survive the round trip and would break the hash.</summary>
    public static DateTime Truncate(DateTime t) => new(t.Ticks - t.Ticks % 10, DateTimeKind.Utc);

    public static string ComputeHash(AuditRecord r)
    {
        var content = string.Join('\u001f',
            r.Sequence.ToString(CultureInfo.InvariantCulture),
            r.Time.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture),
            r.ActorId?.ToString(CultureInfo.InvariantCulture) ?? "",
            r.ActorName ?? "", r.ActorRoles ?? "", r.CongressCode ?? "",
            r.EntityType, r.EntityId ?? "", r.Action, r.Changes ?? "", r.ClientAddress ?? "",
            r.Outcome.ToString(), r.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>
    /// Walks the chain in sequence order. Returns the first record whose content no longer matches
    /// its hash, whose link to its predecessor is broken, or after which a sequence number is missing.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(RendaDbContext db, CancellationToken ct = default)
    {
        var previous = Genesis;
        long expected = 1;
        long count = 0;
        await foreach (var r in db.AuditRecords.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (r.Sequence != expected)
                return new(false, count - 1, r.Sequence, r.Id, $"缺失记录：序号 {expected} 至 {r.Sequence - 1} 不存在（在序号 {r.Sequence} 之前被删除）。");
            if (r.PreviousHash != previous)
                return new(false, count - 1, r.Sequence, r.Id, $"序号 {r.Sequence} 的前序哈希与上一条记录不符：链在此处被改动。");
            if (ComputeHash(r) != r.Hash)
                return new(false, count - 1, r.Sequence, r.Id, $"序号 {r.Sequence} 的内容已被修改：重新计算的哈希与记录的哈希不符。");
            previous = r.Hash;
            expected++;
        }
        return new(true, count, null, null, $"审计链完整：共 {count} 条记录，逐条校验通过。");
    }
}

/// <summary>The result of a chain check: where it first breaks, if anywhere.</summary>
public sealed record AuditVerification(bool Intact, long VerifiedRecords, long? FirstBadSequence, long? FirstBadId, string Message);
