using Microsoft.AspNetCore.Http.HttpResults;

namespace Renda.Web.Platform.Audit;

/// <summary>The audit trail is read and verified by the audit administrator only (三员分立).</summary>
public static class AuditApi
{
    public static void Map(RouteGroupBuilder root)
    {
        var api = root.MapGroup("").WithTags("审计");
        var audit = api.MapGroup("/audit").RequireAuthorization(nameof(Role.AuditAdministrator));
        audit.MapGet("/records", List).WithName("Audit_ListRecords").WithSummary("审计记录（按操作人、对象类型、动作、日期筛选，分页）");
        audit.MapPost("/verify", async (RendaDbContext db, AuditCheckpoints checkpoints, CancellationToken ct) =>
        {
            var result = await AuditChain.VerifyAsync(db, checkpoints, ct);
            db.RecordEvent("AuditTrail", null, "verify", result.Intact ? AuditOutcome.Success : AuditOutcome.Failure, result.Message);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(result);
        }).WithName("Audit_Verify").WithSummary("校验审计哈希链与签名检查点");
    }

    public static IQueryable<AuditRecord> Filter(RendaDbContext db, CurrentUser user, string? actor, string? entityType, string? action, DateOnly? from, DateOnly? to)
    {
        var q = db.AuditRecords.AsNoTracking().Where(r => r.CongressCode == user.CongressCode || r.CongressCode == null);
        if (!string.IsNullOrWhiteSpace(actor)) q = q.Where(r => r.ActorName == actor);
        if (!string.IsNullOrWhiteSpace(entityType)) q = q.Where(r => r.EntityType == entityType);
        if (!string.IsNullOrWhiteSpace(action)) q = q.Where(r => r.Action == action);
        if (from is { } f) { var t = f.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8); q = q.Where(r => r.Time >= t); }
        if (to is { } e) { var t = e.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8); q = q.Where(r => r.Time < t); }
        return q.OrderByDescending(r => r.Sequence);
    }

    private static async Task<Ok<Page<AuditRecord>>> List(RendaDbContext db, CurrentUserAccessor u, string? actor, string? entityType, string? action, DateOnly? from, DateOnly? to, int? page, int? pageSize, CancellationToken ct)
        => TypedResults.Ok(await Filter(db, u.User, actor, entityType, action, from, to).ToPageAsync(page, pageSize, ct));
}
