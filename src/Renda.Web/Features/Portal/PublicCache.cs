using Microsoft.AspNetCore.OutputCaching;
using Renda.Web.Features.Portal.Search;
using Renda.Web.Platform.Web.Shell;

namespace Renda.Web.Features.Portal;

/// <summary>
/// The one place where a change of public content takes effect on the public site: the cached anonymous pages are evicted
/// and the search indexer is told which sources to re-read. Every module's public records reach it the same way — a
/// <see cref="CommitWatcher"/> per source of <see cref="PublicSources"/>, told once the save has committed (never for one
/// rolled back) — and a module whose public content changes in a way no entity type shows calls <see cref="Changed"/>.
/// Issue 22 can broadcast <see cref="Changed"/> to the other instances from here.
/// </summary>
public sealed class PublicChanges(IOutputCacheStore store, PublicIndexer indexer, ILogger<PublicChanges> logger)
{
    /// <summary>The tag of every cached public page.</summary>
    public const string Tag = "portal";

    /// <summary>Public content of these sources (names in <see cref="PublicSources.All"/>) changed and is committed.</summary>
    public void Changed(params string[] sources)
    {
        EvictPages();
        indexer.Changed(sources);
    }

    public void EvictPages()
    {
        // The in-memory store evicts synchronously; a failure is logged, the pages then expire by age (PublicCachePolicy.Lifetime).
        var evicting = store.EvictByTagAsync(Tag, CancellationToken.None);
        if (!evicting.IsCompletedSuccessfully)
            _ = evicting.AsTask().ContinueWith(t => logger.LogError(t.Exception, "Evicting the public pages failed."), TaskContinuationOptions.OnlyOnFaulted);
    }

    /// <summary>The indexer, the watchers (one per source, for <see cref="CommittedWrites"/>), the page cache and the health check.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<PublicIndexHealthCheck>("public-search-index");
        services.AddSingleton<PublicIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<PublicIndexer>());
        services.AddSingleton<PublicChanges>();
        foreach (var source in PublicSources.All)
            services.AddSingleton(sp => new CommitWatcher("public content: " + source.Name,
                e => source.Entities.Contains(e.GetType()), () => sp.GetRequiredService<PublicChanges>().Changed(source.Name)));
        services.AddOutputCache(o =>
        {
            o.AddBasePolicy(new PublicCachePolicy());
            o.SizeLimit = 256L * 1024 * 1024;
        });
    }
}

/// <summary>
/// The anonymous page cache: GET and HEAD of the public site (/p/…, /sitemap.xml) by a visitor who is not signed in, keyed
/// by path, query and the large-text cookie, tagged <see cref="PublicChanges.Tag"/>. Never for a signed-in user or a request
/// with credentials, and never stored from a response that sets a cookie, is not 200 or says no-store (the antiforgery
/// token of a form page sets both), so nothing personal or per-visitor is ever served to another visitor.
/// </summary>
public sealed class PublicCachePolicy : IOutputCachePolicy
{
    /// <summary>Eviction on publish is what keeps pages current; the age bound only limits a missed eviction.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Pages that answer one visitor's code or token (a receipt's handling, which changes without a public change; a single-use
    /// subscription confirmation; an unsubscribe link): looked up afresh every time, and the receipt lookup stays rate-limited.
    /// </summary>
    private static readonly string[] PerVisitor = ["/receipt", "/subscribe", "/subscribe/confirm", "/unsubscribe"];

    public static bool Cacheable(HttpContext http)
    {
        var r = http.Request;
        if (!HttpMethods.IsGet(r.Method) && !HttpMethods.IsHead(r.Method)) return false;
        if (!(r.Path.StartsWithSegments("/p") || r.Path.Equals("/sitemap.xml", StringComparison.Ordinal))) return false;
        if (PerVisitor.Any(end => r.Path.Value!.EndsWith(end, StringComparison.Ordinal))) return false;
        if (http.User.Identity?.IsAuthenticated == true || r.Headers.Authorization.Count > 0) return false;
        // A sign-in cookie that no longer authenticates (expired) still means a person who may sign in again on this page.
        return !r.Cookies.Keys.Any(k => k.StartsWith(".AspNetCore.", StringComparison.Ordinal) || k.StartsWith("renda.auth", StringComparison.Ordinal));
    }

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var ok = Cacheable(context.HttpContext);
        context.EnableOutputCaching = ok;
        context.AllowCacheLookup = ok;
        context.AllowCacheStorage = ok;
        context.AllowLocking = true;
        if (!ok) return ValueTask.CompletedTask;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["large-text"] = context.HttpContext.Request.Cookies[PublicSite.LargeTextCookie] ?? "";
        context.Tags.Add(PublicChanges.Tag);
        context.ResponseExpirationTimeSpan = Lifetime;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        var cacheControl = response.Headers.CacheControl.ToString();
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0
            || cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase) || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
