using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Renda.Web.Platform.Identity;

/// <summary>
/// Cookie authentication for people, bearer tokens for machine clients, chosen per request.
/// Idle logout is decided on the server against the session's last activity and the policy's
/// idle timeout, using the injected TimeProvider (so tests can move time).
/// </summary>
public static class AuthenticationSetup
{
    public const string Smart = "renda";
    public const string Bearer = "bearer";

    public static IServiceCollection AddRendaAuthentication(this IServiceCollection services)
    {
        services.AddSingleton(BearerTokenCache.Watcher);
        services.AddOptions<LoginSettings>().BindConfiguration("Renda:Login");
        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, "Cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? Bearer : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "renda.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/forbidden";
                // The server-side session decides idleness; the cookie itself lives for a working day at most.
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = false;
                o.Events.OnValidatePrincipal = ValidateSessionAsync;
                o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(Bearer, null);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(null)
            .AddPolicy(nameof(Role.SystemAdministrator), p => p.RequireRole(nameof(Role.SystemAdministrator)))
            .AddPolicy(nameof(Role.SecurityAdministrator), p => p.RequireRole(nameof(Role.SecurityAdministrator)))
            .AddPolicy(nameof(Role.AuditAdministrator), p => p.RequireRole(nameof(Role.AuditAdministrator)))
            .AddPolicy(nameof(Role.CommitteeStaff), p => p.RequireRole(nameof(Role.CommitteeStaff)));
        return services;
    }

    /// <summary>API callers get a status code, people get the login page.</summary>
    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext ctx)
    {
        var user = new CurrentUser(ctx.Principal!);
        var db = ctx.HttpContext.RequestServices.GetRequiredService<RendaDbContext>();
        var clock = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!Guid.TryParse(ctx.Principal!.FindFirstValue(RendaClaims.Session), out var sessionId) || user.CongressId is not { } congressId)
        {
            ctx.RejectPrincipal();
            return;
        }
        // The principal is not on HttpContext yet: name the actor for the audit of an idle logout.
        var actor = ctx.HttpContext.RequestServices.GetRequiredService<HttpAuditActor>();
        actor.AttemptedUserName = user.UserName;
        actor.AttemptedAccountId = user.AccountId;
        actor.AttemptedCongressCode = user.CongressCode;
        var session = await db.LoginSessions.FirstOrDefaultAsync(s => s.Id == sessionId);
        var policy = await Logins.PolicyAsync(db, congressId);
        var account = session is null ? null : await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == session.AccountId);
        if (session is null || session.EndedAt is not null || account is not { Enabled: true }
            || session.LastSeenAt.AddMinutes(policy.IdleTimeoutMinutes) < now)
        {
            if (session is { EndedAt: null })
            {
                session.EndedAt = now;
                db.RecordEvent("Account", session.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture), "logout-idle");
                await db.SaveChangesAsync();
            }
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        // Background polls (the unread badge) must not keep an idle session alive.
        if (!ctx.Request.Headers.ContainsKey("X-Renda-Poll") && now - session.LastSeenAt > TimeSpan.FromSeconds(30))
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync();
        }
    }
}

/// <summary>Authenticates "Authorization: Bearer …" against the stored SHA-256 of issued tokens.</summary>
public sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200)
            return AuthenticateResult.Fail("malformed token");
        var clock = Context.RequestServices.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = Logins.HashToken(token);
        if (BearerTokenCache.TryGet(hash, now) is { } known)
            return AuthenticateResult.Success(new AuthenticationTicket(known, Scheme.Name));
        var db = Context.RequestServices.GetRequiredService<RendaDbContext>();
        var generation = BearerTokenCache.Generation;
        var stored = await db.ApiTokens.AsNoTracking().Include(t => t.Account!).ThenInclude(a => a.Roles).Include(t => t.Account!).ThenInclude(a => a.Congress)
            .FirstOrDefaultAsync(t => t.TokenHash == hash);
        if (stored is null || stored.RevokedAt is not null || stored.ExpiresAt <= now || stored.Account is not { Enabled: true })
            return AuthenticateResult.Fail("invalid or expired token");
        var principal = await Logins.PrincipalAsync(db, stored.Account, null, Scheme.Name);
        BearerTokenCache.Add(hash, principal, stored.ExpiresAt, now, generation);
        return AuthenticateResult.Success(new AuthenticationTicket(principal.Clone(), Scheme.Name));
    }
}

/// <summary>
/// Validated bearer tokens, kept for <see cref="Lifetime"/> so that a burst of API calls (seventy members' ballots at once)
/// does not look up the token, the account and its roles in the database on every request. A save that changes an account,
/// a role, a token or a committee empties it at once in this process; another instance of the application sees such a change
/// within the lifetime. A token past its expiry is never served from here.
/// </summary>
public static class BearerTokenCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const int Capacity = 20_000;
    private sealed record Entry(ClaimsPrincipal Principal, DateTime TokenExpiresAt, DateTime CachedAt);
    private static readonly ConcurrentDictionary<string, Entry> s_entries = new(StringComparer.Ordinal);
    private static long s_generation;

    /// <summary>Read before the lookup: an entry looked up before an invalidation is not added after it.</summary>
    public static long Generation => Interlocked.Read(ref s_generation);

    public static ClaimsPrincipal? TryGet(string hash, DateTime now)
    {
        if (!s_entries.TryGetValue(hash, out var e)) return null;
        if (now < e.TokenExpiresAt && now >= e.CachedAt && now - e.CachedAt < Lifetime) return e.Principal.Clone();
        s_entries.TryRemove(new KeyValuePair<string, Entry>(hash, e));
        return null;
    }

    public static void Add(string hash, ClaimsPrincipal principal, DateTime tokenExpiresAt, DateTime now, long generation)
    {
        if (s_entries.Count >= Capacity) s_entries.Clear();
        s_entries[hash] = new Entry(principal.Clone(), tokenExpiresAt, now);
        // An invalidation raced with this lookup: what was read may be stale, so it is not kept.
        if (Generation != generation) s_entries.TryRemove(hash, out _);
    }

    /// <summary>Empties the cache once a save of an entity that <see cref="Affects"/> tokens' principals has committed (Data/CommittedWrites).</summary>
    public static readonly CommitWatcher Watcher = new("bearer tokens", Affects, Invalidate);

    public static void Invalidate()
    {
        Interlocked.Increment(ref s_generation);
        s_entries.Clear();
    }

    /// <summary>Whether writing this entity changes what a token's principal is made of.</summary>
    public static bool Affects(object entity)
        => entity is Account or RoleAssignment or ApiToken or Organisations.Committee or Organisations.Congress;
}
