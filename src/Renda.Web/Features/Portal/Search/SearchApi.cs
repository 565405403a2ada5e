using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Renda.Web.Platform.Identity;

namespace Renda.Web.Features.Portal.Search;

/// <summary>The site search (anyone) and the index's health and rebuild (staff; rebuild: the system administrator).</summary>
public static class SearchApi
{
    /// <summary>How long a search waits for changes already committed to reach the index (usually a few milliseconds).</summary>
    public static readonly TimeSpan CatchUpWait = TimeSpan.FromSeconds(5);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/public/congresses/{code}/search", async (string code, string? q, string? section, SearchOrder? order, int? page,
                RendaDbContext db, PublicIndexer indexer, CancellationToken ct) =>
            {
                var congress = await PortalQueries.CongressAsync(db, code, ct);
                if (string.IsNullOrWhiteSpace(PublicIndex.Clean(q))) throw DomainException.Invalid("q", "请输入检索词。");
                await indexer.CaughtUpAsync(CatchUpWait, ct);
                return TypedResults.Ok(await PublicIndex.SearchAsync(db, congress, q, section, order ?? SearchOrder.Best, page, ct));
            })
            .AllowAnonymous().WithTags("公开").WithName("Portal_Search").WithSummary("全站检索：公开的动态、公告、法规、征求意见稿、代表建议及答复、监督工作、备案审查、代表和联络站，按栏目计数，高亮命中段落");

        var g = api.MapGroup("/portal/search-index").RequireAuthorization().WithTags("门户网站");
        g.MapGet("", async (RendaDbContext db, PublicIndexer indexer, CurrentUserAccessor user, TimeProvider clock, CancellationToken ct) =>
            {
                RequireStaff(user.User);
                return TypedResults.Ok(await HealthAsync(db, indexer, clock, ct));
            })
            .WithName("Portal_GetSearchIndexHealth").WithSummary("全站检索索引的状态：最近一次追平的时间、各栏目条数、待处理、滞后和最近的错误");
        g.MapPost("/rebuild", async (RendaDbContext db, PublicIndexer indexer, CurrentUserAccessor user, TimeProvider clock, CancellationToken ct) =>
            {
                if (!user.User.Has(Role.SystemAdministrator)) throw DomainException.Forbidden("只有系统管理员可以重建全站检索索引。");
                if (!indexer.TryStartRebuild()) throw DomainException.Conflict("全站检索索引正在重建，请稍后再试。");
                db.RecordEvent("PublicSearchIndex", null, "Rebuild");
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(await HealthAsync(db, indexer, clock, ct));
            })
            .WithName("Portal_RebuildSearchIndex").WithSummary("重建全站检索索引（记入审计；重建进行中时拒绝）");
    }

    internal static void RequireStaff(CurrentUser user)
    {
        if (user.Has(Role.SystemAdministrator)) return;
        new PortalActor(user).RequireStaff("只有常委会工作人员可以查看全站检索索引的状态。");
    }

    public static async Task<IndexHealth> HealthAsync(RendaDbContext db, PublicIndexer indexer, TimeProvider clock, CancellationToken ct)
    {
        var (caughtUp, error, errorAt, rebuilt, counts) = await PublicIndex.StateAsync(db, ct);
        var (pending, since) = indexer.Backlog;
        var now = clock.GetUtcNow().UtcDateTime;
        var lag = pending > 0 && since is { } s ? Math.Max(0, (now - s).TotalSeconds) : 0;
        // An error older than the last catch-up is history, shown but no longer current.
        return new IndexHealth(caughtUp, pending, lag, indexer.Rebuilding, error, errorAt, rebuilt,
            PublicSources.Sections.Select(x => new IndexSectionCount(x.Key, x.Label, counts.GetValueOrDefault(x.Key))).ToList(), counts.Values.Sum());
    }
}

/// <summary>
/// /health/ready: degraded when changes have waited longer than Renda:Portal:IndexLagLimitSeconds (120) to reach the search
/// index, or when it never caught up — the silent staleness issue 19 cites (an index stale for seven months).
/// </summary>
public sealed class PublicIndexHealthCheck(IServiceScopeFactory scopes, PublicIndexer indexer, TimeProvider clock, IConfiguration config) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var h = await SearchApi.HealthAsync(scope.ServiceProvider.GetRequiredService<RendaDbContext>(), indexer, clock, ct);
        var limit = config.GetValue("Renda:Portal:IndexLagLimitSeconds", 120);
        var data = new Dictionary<string, object> { ["pending"] = h.Pending, ["lagSeconds"] = Math.Round(h.LagSeconds), ["items"] = h.Total };
        if (h.LagSeconds > limit)
            return HealthCheckResult.Degraded($"全站检索索引滞后 {h.LagSeconds:0} 秒（上限 {limit} 秒）。{h.LastError}", data: data);
        return HealthCheckResult.Healthy(h.CaughtUpAt is null ? "全站检索索引尚未建立。" : $"全站检索索引于 {h.CaughtUpAt:u} 追平。", data);
    }
}
