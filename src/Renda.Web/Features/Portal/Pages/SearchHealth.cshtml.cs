using Renda.Web.Features.Portal.Search;
using Renda.Web.Platform.Identity;

namespace Renda.Web.Features.Portal.Pages;

/// <summary>/portal/search-health — when the public search index last caught up, what it holds, what waits; the administrator rebuilds it.</summary>
public class SearchHealthModel(RendaDbContext db, PublicIndexer indexer, TimeProvider clock) : PortalPageModel(db)
{
    public IndexHealth Health { get; private set; } = null!;
    public bool MayRebuild => new CurrentUser(User).Has(Role.SystemAdministrator);
    protected override bool MayOpen => Actor.IsStaff || MayRebuild;

    protected override async Task LoadAsync(CancellationToken ct) => Health = await SearchApi.HealthAsync(Db, indexer, clock, ct);

    public Task<Microsoft.AspNetCore.Mvc.IActionResult> OnPostRebuildAsync(CancellationToken ct) => StepAsync(async _ =>
    {
        if (!MayRebuild) throw DomainException.Forbidden("只有系统管理员可以重建全站检索索引。");
        if (!indexer.TryStartRebuild()) throw DomainException.Conflict("全站检索索引正在重建，请稍后再试。");
        Db.RecordEvent("PublicSearchIndex", null, "Rebuild");
        await Db.SaveChangesAsync(ct);
    }, "已开始重建全站检索索引。", () => "/portal/search-health", ct);
}
