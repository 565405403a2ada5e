using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

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
/// <summary>
/// A table kept outside the audit trail because it is sealed into the chain another way (a ballot table by its vote's digest
/// at closing, decision 0008) or because a secret must not sit next to a name in the trail.
/// </summary>
public interface INotAudited;

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
    /// ballot paper must not sit next to its voter's name in the trail. A module marks such a table with
    /// <see cref="INotAudited"/>: the platform never names a module's types.
    /// </summary>
    private static bool IsAudited(object entity) => entity is not (AuditRecord or Identity.LoginSession or Identity.LoginAttempt or INotAudited);
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
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e.Entity))
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
    /// Walks the chain in sequence order. Returns the first record whose content no longer matches its hash, whose link
    /// to its predecessor is broken, after which a sequence number is missing, or that holds a value no record can have.
    /// Then compares the chain with every signed checkpoint (decision 0021): the record at a checkpoint's sequence must
    /// exist and have its hash, else the tail was cut (and perhaps written anew). A checkpoint line whose signature
    /// fails is named too. An intact chain is then anchored by a new checkpoint, if its head moved.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(RendaDbContext db, AuditCheckpoints? checkpoints, CancellationToken ct = default)
    {
        var lines = checkpoints?.ReadAll() ?? [];
        var faults = lines.Where(l => l.Checkpoint is null).ToList();
        var bySequence = lines.Where(l => l.Checkpoint is not null).Select(l => l.Checkpoint!)
            .GroupBy(c => c.Sequence).ToDictionary(g => g.Key, g => g.ToList());
        var walk = await WalkAsync(db, bySequence, ct);
        if (walk.Broken is { } broken)
            return broken with { Message = broken.Message + FaultNote(faults) };

        var latest = bySequence.Values.SelectMany(c => c).OrderByDescending(c => c.Sequence).ThenByDescending(c => c.Time, StringComparer.Ordinal).FirstOrDefault();
        if (latest is not null && latest.Sequence > walk.Head.Sequence)
            return new(false, walk.Count, walk.Head.Sequence + 1, null,
                $"审计链在序号 {walk.Head.Sequence} 之后被截断：检查点记录到序号 {latest.Sequence}（哈希 {latest.Hash}，时间 {latest.LocalTime}），" +
                $"序号 {walk.Head.Sequence + 1} 至 {latest.Sequence} 的记录已不存在。" + FaultNote(faults));
        if (faults.Count > 0)
            return new(false, walk.Count, null, null, $"审计链本身逐条校验通过（共 {walk.Count} 条记录），但{FaultNote(faults)[1..]}");

        var message = $"审计链完整：共 {walk.Count} 条记录，逐条校验通过；" + (latest is null
            ? "尚无检查点（新安装时属正常）。"
            : $"与检查点一致（最新检查点：序号 {latest.Sequence}，时间 {latest.LocalTime}）。");
        if (checkpoints is not null && walk.Head.Sequence > 0)
            message += (await checkpoints.AppendAsync(walk.Head.Sequence, walk.Head.Hash, ct)).Note;
        return new(true, walk.Count, null, null, message);
    }

    private static string FaultNote(List<AuditCheckpointLine> faults) => faults.Count == 0 ? ""
        : $"另：检查点文件 {faults[0].File} 第 {faults[0].LineNumber} 行{faults[0].Fault}" + (faults.Count > 1 ? $"（共 {faults.Count} 行有误）" : "") +
          "：该文件被改动过，或签名密钥被更换。";

    private sealed record Walk(long Count, (long Sequence, string Hash) Head, AuditVerification? Broken);

    /// <summary>
    /// Reads the rows with a plain data reader, not through the entity: EF throws on a stored value that is no member of
    /// its enum, and that one bad row would stop the check instead of being named.
    /// </summary>
    private static async Task<Walk> WalkAsync(RendaDbContext db, Dictionary<long, List<AuditCheckpoint>> checkpoints, CancellationToken ct)
    {
        var previous = Genesis;
        long expected = 1;
        long count = 0;
        long lastAnchored = 0;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = """
                SELECT "Id", "Sequence", "Time", "ActorId", "ActorName", "ActorRoles", "CongressCode", "EntityType", "EntityId",
                       "Action", "Changes", "ClientAddress", "Outcome", "PreviousHash", "Hash"
                FROM "AuditRecords" ORDER BY "Sequence"
                """;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                count++;
                AuditRecord r;
                string outcome;
                try
                {
                    (r, outcome) = Read(reader);
                }
                catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
                {
                    var sequence = Whole(reader, 1) ?? expected;
                    var id = Whole(reader, 0);
                    return new(count - 1, (expected - 1, previous), new(false, count - 1, sequence, id, $"序号 {sequence} 的记录含无效的值，无法读取。"));
                }
                if (r.Sequence != expected)
                    return Broken(r, $"缺失记录：序号 {expected} 至 {r.Sequence - 1} 不存在（在序号 {r.Sequence} 之前被删除）。");
                if (!Enum.GetNames<AuditOutcome>().Contains(outcome, StringComparer.Ordinal))
                    return Broken(r, $"序号 {r.Sequence} 的记录含无效的值：结果（Outcome）为“{outcome}”，不是任何一种结果。");
                if (r.PreviousHash != previous)
                    return Broken(r, $"序号 {r.Sequence} 的前序哈希与上一条记录不符：链在此处被改动。");
                if (ComputeHash(r) != r.Hash)
                    return Broken(r, $"序号 {r.Sequence} 的内容已被修改：重新计算的哈希与记录的哈希不符。");
                if (checkpoints.TryGetValue(r.Sequence, out var anchored))
                {
                    if (anchored.FirstOrDefault(c => c.Hash != r.Hash) is { } other)
                        return Broken(r, $"审计链在序号 {lastAnchored} 之后被截断并重写：检查点记录到序号 {other.Sequence}（哈希 {other.Hash}，时间 {other.LocalTime}），" +
                            $"现存序号 {r.Sequence} 的记录哈希却为 {r.Hash}；序号 {lastAnchored + 1} 至 {r.Sequence} 之间的记录已被删除或替换。");
                    lastAnchored = r.Sequence;
                }
                previous = r.Hash;
                expected++;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new(count, (expected - 1, previous), null);

        Walk Broken(AuditRecord r, string message) => new(count - 1, (expected - 1, previous), new(false, count - 1, r.Sequence, r.Id, message));
    }

    private static long? Whole(System.Data.Common.DbDataReader d, int i)
    {
        try
        {
            return d.IsDBNull(i) ? null : Convert.ToInt64(d.GetValue(i), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            return null;
        }
    }

    private static (AuditRecord Record, string Outcome) Read(System.Data.Common.DbDataReader d)
    {
        string? Text(int i) => d.IsDBNull(i) ? null : d.GetString(i);
        var outcome = d.GetString(12);
        var record = new AuditRecord
        {
            Id = d.GetInt64(0),
            Sequence = d.GetInt64(1),
            Time = DateTime.SpecifyKind(d.GetDateTime(2), DateTimeKind.Utc),
            ActorId = d.IsDBNull(3) ? null : d.GetInt32(3),
            ActorName = Text(4),
            ActorRoles = Text(5),
            CongressCode = Text(6),
            EntityType = d.GetString(7),
            EntityId = Text(8),
            Action = d.GetString(9),
            Changes = Text(10),
            ClientAddress = Text(11),
            // Only a known name becomes the enum; any other value is named by the caller before the hash is computed.
            Outcome = Enum.TryParse<AuditOutcome>(outcome, out var o) ? o : default,
            PreviousHash = d.GetString(13),
            Hash = d.GetString(14),
        };
        return (record, outcome);
    }
}

/// <summary>The result of a chain check: where it first breaks, if anywhere.</summary>
public sealed record AuditVerification(bool Intact, long VerifiedRecords, long? FirstBadSequence, long? FirstBadId, string Message);
