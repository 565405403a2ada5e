using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Renda.Web.Platform.Audit;

namespace Renda.Web.Platform.Identity;

public enum SignInResult { Success = 1, BadCredentials, Disabled, Throttled }

/// <summary>Limits on failed logins from one network address (configurable per installation: Renda:Login:*; decision 0022).</summary>
public sealed class LoginSettings
{
    /// <summary>Failures from one address within the window that are answered at once; after them each try must wait, twice as long each time.</summary>
    public int FreeFailuresPerAddress { get; set; } = 5;
    /// <summary>Failures from one address within the window after which it is refused until the oldest of them leaves the window.</summary>
    public int MaxFailuresPerAddress { get; set; } = 20;
    public int AddressWindowMinutes { get; set; } = 15;
    /// <summary>The longest wait between two tries before the refusal.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Password checks, the principal an account signs in as, and bearer tokens. The login page and POST /api/v1/auth/token both
/// call <see cref="CheckPasswordAsync(HttpContext, string, string, CancellationToken)"/>, so both obey one policy (decision 0022):
/// failures are slowed, then refused, per sender's address; an account is locked only by failures from many addresses, and then
/// only against addresses it has not signed in from; every failure answers alike, whether the name exists or not.
/// </summary>
public static class Logins
{
    /// <summary>Every refused password check says this, so the answer never tells whether the user name exists.</summary>
    public const string BadCredentialsMessage = "用户名或密码错误。";

    public sealed record Outcome(SignInResult Result, Account? Account, string Message, TimeSpan? RetryAfter = null);

    public static async Task<SecurityPolicy> PolicyAsync(RendaDbContext db, int congressId, CancellationToken ct = default)
        => await db.SecurityPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.CongressId == congressId, ct) ?? new SecurityPolicy { CongressId = congressId };

    /// <summary>The password check of the login form and the token endpoint, for the sender of <paramref name="http"/>.</summary>
    public static Task<Outcome> CheckPasswordAsync(HttpContext http, string userName, string password, CancellationToken ct = default)
    {
        var services = http.RequestServices;
        return CheckPasswordAsync(services.GetRequiredService<RendaDbContext>(), services.GetRequiredService<HttpAuditActor>(),
            services.GetRequiredService<IOptions<LoginSettings>>().Value, services.GetRequiredService<ClientAddress>().Of(http),
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Logins)), userName, password, ct);
    }

    private static async Task<Outcome> CheckPasswordAsync(RendaDbContext db, HttpAuditActor actor, LoginSettings settings, string addressHash, ILogger log,
        string userName, string password, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        userName = userName.Trim();
        actor.AttemptedUserName = userName.Length > 50 ? userName[..50] : userName;
        // The attempt is written before the address's failures are counted: of N tries sent at once, the k-th to commit
        // counts the k-1 before it (less those refused), so no more than the free ones get through however many arrive together.
        var attempt = new LoginAttempt { AddressHash = addressHash, At = now };
        db.LoginAttempts.Add(attempt);
        await db.SaveChangesAsync(ct);
        var since = now.AddMinutes(-settings.AddressWindowMinutes);
        var failures = await db.LoginAttempts.AsNoTracking()
            .Where(a => a.AddressHash == addressHash && !a.Succeeded && a.At > since)
            .OrderByDescending(a => a.At).Select(a => a.At).Take(settings.MaxFailuresPerAddress + 1).ToListAsync(ct);
        // Failures before this attempt: the attempt itself is among those read.
        if (Wait(settings, failures.Skip(1).ToList(), now) is { } wait)
        {
            // A refused try checked no password: it does not count, or a client that waits as told would never be let in.
            db.LoginAttempts.Remove(attempt);
            await db.SaveChangesAsync(ct);
            // Not audited: a flood of refusals would queue every writer behind the audit lock. The failures that led here are.
            log.LogInformation("Login refused for {Seconds} s: too many failures from the sender's address", Seconds(wait));
            return new(SignInResult.Throttled, null, $"登录失败次数过多，请 {Seconds(wait)} 秒后再试。", wait);
        }

        var account = await db.Accounts.Include(a => a.Roles).Include(a => a.Congress).FirstOrDefaultAsync(a => a.UserName == userName, ct);
        // The same work for a name without an account, so neither the answer nor its time tells which names exist.
        var passwordRight = account is null ? Passwords.VerifyAgainstDummy(password) : Passwords.Verify(account, account.PasswordHash, password);
        string reason;
        if (account is null)
            reason = "用户名不存在";
        else
        {
            actor.AttemptedAccountId = account.Id;
            actor.AttemptedCongressCode = account.Congress!.Code;
            attempt.AccountId = account.Id;
            var locked = account.LockedUntil > now
                && !await db.LoginAttempts.AnyAsync(a => a.AccountId == account.Id && a.AddressHash == addressHash && a.Succeeded, ct);
            if (!passwordRight)
                reason = account.Enabled ? "密码错误" : "密码错误（账号已停用）";
            else if (!account.Enabled)
            {
                // Told only to whoever knows the password: its owner must learn why, and a stranger learns nothing.
                db.RecordEvent("Account", Id(account), "login-failed", AuditOutcome.Failure, "账号已停用");
                await db.SaveChangesAsync(ct);
                return new(SignInResult.Disabled, account, "该账号已停用，请联系系统管理员。");
            }
            else if (locked)
                reason = "账号因多个地址登录失败而锁定，本地址不是其常用登录地址";
            else
            {
                attempt.Succeeded = true;
                var policy = await PolicyAsync(db, account.CongressId, ct);
                if (Passwords.Expired(account, policy, now))
                    account.MustChangePassword = true;
                await db.SaveChangesAsync(ct);
                await ForgetOldAttemptsAsync(db, now, ct);
                return new(SignInResult.Success, account, "");
            }
            if (account.LockedUntil is null || account.LockedUntil <= now)
                await LockIfManyAddressesFailAsync(db, account, addressHash, now, ct);
        }
        db.RecordEvent("Account", account is null ? null : Id(account), "login-failed", AuditOutcome.Failure, reason);
        await db.SaveChangesAsync(ct);
        return new(SignInResult.BadCredentials, account, BadCredentialsMessage);
    }

    /// <summary>
    /// How long the sender must still wait, given the times of its earlier failures in the window (newest first): nothing for
    /// the first free ones, then one second doubling up to <see cref="LoginSettings.MaxDelay"/>, then refused until the oldest
    /// counted failure leaves the window.
    /// </summary>
    public static TimeSpan? Wait(LoginSettings settings, IReadOnlyList<DateTime> failuresNewestFirst, DateTime now)
    {
        var n = failuresNewestFirst.Count;
        DateTime until;
        if (n >= settings.MaxFailuresPerAddress)
            until = failuresNewestFirst[settings.MaxFailuresPerAddress - 1].AddMinutes(settings.AddressWindowMinutes);
        else if (n >= settings.FreeFailuresPerAddress)
        {
            var delay = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(n - settings.FreeFailuresPerAddress, 20)));
            until = failuresNewestFirst[0] + (delay < LoginSettings.MaxDelay ? delay : LoginSettings.MaxDelay);
        }
        else
            return null;
        return until > now ? until - now : null;
    }

    private static int Seconds(TimeSpan wait) => (int)Math.Ceiling(wait.TotalSeconds);

    private static string Id(Account account) => account.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Locks the account when failures to it came from the policy's number of different addresses within its minutes: one
    /// address is slowed and refused long before (per-address limits), so only a spread-out attack gets here.
    /// </summary>
    private static async Task LockIfManyAddressesFailAsync(RendaDbContext db, Account account, string addressHash, DateTime now, CancellationToken ct)
    {
        var policy = await PolicyAsync(db, account.CongressId, ct);
        var since = now.AddMinutes(-policy.LockoutMinutes);
        var others = await db.LoginAttempts.Where(a => a.AccountId == account.Id && !a.Succeeded && a.At > since && a.AddressHash != addressHash)
            .Select(a => a.AddressHash).Distinct().CountAsync(ct);
        if (others + 1 < policy.LockoutThreshold) return;
        account.LockedUntil = now.AddMinutes(policy.LockoutMinutes);
        db.RecordEvent("Account", Id(account), "account-locked", AuditOutcome.Failure,
            $"{policy.LockoutMinutes} 分钟内来自 {others + 1} 个不同地址的登录失败；锁定期间只能从常用地址登录");
    }

    /// <summary>Failures matter for a day at most (the longest lockout window), successes (the usual addresses) for 90 days.</summary>
    private static async Task ForgetOldAttemptsAsync(RendaDbContext db, DateTime now, CancellationToken ct)
    {
        var failuresBefore = now.AddDays(-1);
        var successesBefore = now.AddDays(-90);
        await db.LoginAttempts.Where(a => a.At < successesBefore || (!a.Succeeded && a.At < failuresBefore)).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// Disabling an account ends its sessions and revokes its tokens (decision 0022): they are refused at once anyway while it
    /// is disabled, and enabling it again must not bring back a token or a session that was taken along the way.
    /// </summary>
    public static async Task SetEnabledAsync(RendaDbContext db, Account account, bool enabled, CancellationToken ct)
    {
        account.Enabled = enabled;
        if (!enabled)
        {
            var now = db.Clock.GetUtcNow().UtcDateTime;
            foreach (var token in await db.ApiTokens.Where(t => t.AccountId == account.Id && t.RevokedAt == null && t.ExpiresAt > now).ToListAsync(ct))
                token.RevokedAt = now;
            foreach (var session in await db.LoginSessions.Where(s => s.AccountId == account.Id && s.EndedAt == null).ToListAsync(ct))
                session.EndedAt = now;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Chinese offices read China Standard Time.</summary>
    public static DateTime ToLocal(DateTime utc) => utc.AddHours(8);

    public static async Task<ClaimsPrincipal> PrincipalAsync(RendaDbContext db, Account account, Guid? sessionId, string scheme, CancellationToken ct = default)
    {
        var claims = new List<Claim>
        {
            new(RendaClaims.AccountId, account.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, account.UserName),
            new(RendaClaims.Congress, account.Congress!.Code),
            new(RendaClaims.CongressId, account.CongressId.ToString(CultureInfo.InvariantCulture)),
        };
        if (sessionId is { } s) claims.Add(new(RendaClaims.Session, s.ToString()));
        if (account.PersonId is { } p) claims.Add(new(RendaClaims.Person, p.ToString(CultureInfo.InvariantCulture)));
        if (account.MustChangePassword && !account.IsDemo) claims.Add(new(RendaClaims.MustChangePassword, "true"));
        foreach (var r in account.Roles)
        {
            claims.Add(new(ClaimTypes.Role, r.Role.ToString()));
            if (r.CommitteeId is { } c) claims.Add(new(RendaClaims.Committee, c.ToString(CultureInfo.InvariantCulture)));
            if (r.HandlingUnitId is { } u) claims.Add(new(RendaClaims.HandlingUnit, u.ToString(CultureInfo.InvariantCulture)));
        }
        // The kinds of the units (a government, a court … or a department): the menu offers filing only to the filing organs.
        var unitIds = account.Roles.Where(r => r.HandlingUnitId != null).Select(r => r.HandlingUnitId!.Value).ToList();
        if (unitIds.Count > 0)
            foreach (var kind in await db.HandlingUnits.Where(u => unitIds.Contains(u.Id)).Select(u => u.Kind).Distinct().ToListAsync(ct))
                claims.Add(new(RendaClaims.HandlingUnitKind, kind.ToString()));
        var committeeIds = account.Roles.Where(r => r.Role == Role.CommitteeStaff && r.CommitteeId != null).Select(r => r.CommitteeId!.Value).ToList();
        if (committeeIds.Count > 0 && await db.Committees.AnyAsync(c => committeeIds.Contains(c.Id) && c.ManagesDeputies, ct))
            claims.Add(new(RendaClaims.SeesPersonalData, "true"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static async Task<(string Token, DateTime ExpiresAt)> IssueTokenAsync(RendaDbContext db, Account account, CancellationToken ct = default)
    {
        var policy = await PolicyAsync(db, account.CongressId, ct);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var expires = AuditChain.Truncate(now.AddHours(policy.ApiTokenHours));
        db.ApiTokens.Add(new ApiToken { AccountId = account.Id, TokenHash = HashToken(token), CreatedAt = now, ExpiresAt = expires });
        db.RecordEvent("Account", account.Id.ToString(CultureInfo.InvariantCulture), "token-issued");
        await db.SaveChangesAsync(ct);
        return (token, expires);
    }
}
