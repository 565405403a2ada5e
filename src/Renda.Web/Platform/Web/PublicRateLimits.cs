using System.Collections.Concurrent;

namespace Renda.Web.Platform.Web;

/// <summary>Renda:PublicRateLimits:{Policy}:Limit and :WindowMinutes — how many requests one address may make to a public form per window.</summary>
public sealed record PublicRateLimit(int Limit, int WindowMinutes);

/// <summary>
/// The one limiter of the public forms and their API (draft comments, review suggestions, station opinions, subscriptions,
/// receipt lookups): a fixed window per policy and client address (the address's keyed hash, <see cref="ClientAddress"/>;
/// behind a proxy the forwarded address, as the app's forwarded-headers setting gives it), on the injected clock. A refusal is
/// an expected answer (429 with a Chinese message), logged at Information, never as an error. The counters are this
/// instance's memory; issue #22 (several instances) replaces <see cref="TryTake"/>'s dictionary with a shared store — the
/// only place that has to change. The modules' own hourly limits per congress (settings) stay where they are; this one is the
/// door in front of them, and the only one in front of the lookups, where it makes guessing receipt codes hopeless.
/// </summary>
public sealed class PublicRateLimits(TimeProvider clock, ClientAddress addresses, IConfiguration config, ILogger<PublicRateLimits> logger)
{
    public const string Comment = "comment";
    public const string ReviewSuggestion = "review-suggestion";
    public const string StationOpinion = "station-opinion";
    public const string Subscribe = "subscribe";
    public const string Lookup = "lookup";

    /// <summary>Defaults: a citizen writing several comments on a long draft is not stopped; a script trying codes is.</summary>
    private static readonly Dictionary<string, PublicRateLimit> Defaults = new(StringComparer.OrdinalIgnoreCase)
    {
        [Comment] = new(30, 10),
        [ReviewSuggestion] = new(20, 10),
        [StationOpinion] = new(20, 10),
        [Subscribe] = new(10, 10),
        [Lookup] = new(60, 10),
    };

    private readonly ConcurrentDictionary<(string Policy, string Address, long Window), int> _counts = new();
    private long _lastSweep;

    public PublicRateLimit LimitOf(string policy)
    {
        var d = Defaults.TryGetValue(policy, out var x) ? x : new PublicRateLimit(20, 10);
        var section = config.GetSection($"Renda:PublicRateLimits:{policy}");
        return new PublicRateLimit(Math.Max(1, section.GetValue("Limit", d.Limit)), Math.Max(1, section.GetValue("WindowMinutes", d.WindowMinutes)));
    }

    /// <summary>Counts one request of this address under the policy; false when the window's allowance is used up.</summary>
    public bool TryTake(string policy, HttpContext http)
    {
        var limit = LimitOf(policy);
        var window = clock.GetUtcNow().ToUnixTimeSeconds() / (limit.WindowMinutes * 60L);
        Sweep(window);
        var count = _counts.AddOrUpdate((policy, addresses.Of(http), window), 1, (_, n) => n + 1);
        if (count <= limit.Limit) return true;
        logger.LogInformation("Public rate limit {Policy} reached: {Limit} per {Minutes} min", policy, limit.Limit, limit.WindowMinutes);
        return false;
    }

    /// <summary>The refusal's text, for a page and for ProblemDetails.</summary>
    public string Message(string policy)
    {
        var l = LimitOf(policy);
        return $"同一网络地址每 {l.WindowMinutes} 分钟最多提交或查询 {l.Limit} 次，请稍后再试。";
    }

    /// <summary>Past windows are dropped now and then, so the dictionary holds the current ones only.</summary>
    private void Sweep(long window)
    {
        if (Interlocked.Exchange(ref _lastSweep, window) == window) return;
        foreach (var key in _counts.Keys.Where(k => k.Window < window - 1)) _counts.TryRemove(key, out _);
    }
}

public static class PublicRateLimitEndpoints
{
    /// <summary>Limits an anonymous API operation: 429 ProblemDetails in Chinese when the address's allowance is used up.</summary>
    public static RouteHandlerBuilder RequirePublicRateLimit(this RouteHandlerBuilder b, string policy)
        => b.AddEndpointFilter(async (ctx, next) =>
        {
            var limits = ctx.HttpContext.RequestServices.GetRequiredService<PublicRateLimits>();
            if (!limits.TryTake(policy, ctx.HttpContext))
                return TypedResults.Problem(limits.Message(policy), statusCode: StatusCodes.Status429TooManyRequests, title: "请求过于频繁");
            return await next(ctx);
        }).ProducesProblem(StatusCodes.Status429TooManyRequests);
}
