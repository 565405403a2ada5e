using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Platform.Audit;

public enum AuditOutcome { Success = 1, Failure = 2 }

/// <summary>
/// One append-only line of the audit trail. Records are hash-chained: Hash = SHA-256 over the
/// predecessor's hash and this record's content, so an edited, inserted or deleted record breaks
/// the chain at that point (see AuditChain.Verify).
/// </summary>
public class AuditRecord
{
    public long Id { get; set; }
    /// <summary>1, 2, 3 … without gaps; a gap means a record was removed.</summary>
    public long Sequence { get; set; }
    public DateTime Time { get; set; }
    public int? ActorId { get; set; }
    [MaxLength(50)] public string? ActorName { get; set; }
    [MaxLength(200)] public string? ActorRoles { get; set; }
    [MaxLength(12)] public string? CongressCode { get; set; }
    [MaxLength(100)] public required string EntityType { get; set; }
    [MaxLength(100)] public string? EntityId { get; set; }
    /// <summary>create / update / delete / transition, or an event such as login, logout, login-failed.</summary>
    [MaxLength(50)] public required string Action { get; set; }
    /// <summary>JSON object: field → [before, after].</summary>
    public string? Changes { get; set; }
    [MaxLength(64)] public string? ClientAddress { get; set; }
    public AuditOutcome Outcome { get; set; } = AuditOutcome.Success;
    [MaxLength(64)] public required string PreviousHash { get; set; }
    [MaxLength(64)] public required string Hash { get; set; }
}
