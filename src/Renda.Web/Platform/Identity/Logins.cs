using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Renda.Web.Data;
using Renda.Web.Platform.Audit;

namespace Renda.Web.Platform.Identity;

public enum SignInResult { Success = 1, BadCredentials, LockedOut, Disabled }

/// <summary>
/// Password checks with lockout, the principal an account signs in as, and bearer tokens.
/// Used by the login page and by POST /api/v1/auth/token alike, so both obey one policy.
/// </summary>
public static class Logins
{
    public sealed record Outcome(SignInResult Result, Account? Account, string Message, DateTime? LockedUntil = null);

    public static async Task<SecurityPolicy> PolicyAsync(RendaDbContext db, int congressId, CancellationToken ct = default)
        => await db.SecurityPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.CongressId == congressId, ct) ?? new SecurityPolicy { CongressId = congressId };

    /// <summary>Checks the password; counts failures, locks after the policy's threshold; audits every attempt.</summary>
    public static async Task<Outcome> CheckPasswordAsync(RendaDbContext db, HttpAuditActor actor, string userName, string password, CancellationToken ct = default)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        userName = userName.Trim();
        actor.AttemptedUserName = userName.Length > 50 ? userName[..50] : userName;
        var account = await db.Accounts.Include(a => a.Roles).Include(a => a.Congress).FirstOrDefaultAsync(a => a.UserName == userName, ct);
        if (account is null)
        {
            db.RecordEvent("Account", null, "login-failed", AuditOutcome.Failure, "unknown user");
            await db.SaveChangesAsync(ct);
            return new(SignInResult.BadCredentials, null, "用户名或密码错误。");
        }
        actor.AttemptedAccountId = account.Id;
        actor.AttemptedCongressCode = account.Congress!.Code;
        var policy = await PolicyAsync(db, account.CongressId, ct);
        if (!account.Enabled)
        {
            db.RecordEvent("Account", account.Id.ToString(CultureInfo.InvariantCulture), "login-failed", AuditOutcome.Failure, "disabled");
            await db.SaveChangesAsync(ct);
            return new(SignInResult.Disabled, account, "该账号已停用，请联系系统管理员。");
        }
        if (account.LockedUntil is { } until && until > now)
        {
            db.RecordEvent("Account", account.Id.ToString(CultureInfo.InvariantCulture), "login-failed", AuditOutcome.Failure, "locked");
            await db.SaveChangesAsync(ct);
            return new(SignInResult.LockedOut, account, $"连续登录失败次数过多，账号已锁定至 {ToLocal(until):HH:mm}，请稍后再试。", until);
        }
        if (!Passwords.Verify(account, account.PasswordHash, password))
        {
            account.FailedLogins++;
            // The same words as for an unknown user name, so the answer does not reveal which accounts exist.
            var message = "用户名或密码错误。";
            if (account.FailedLogins >= policy.LockoutThreshold)
            {
                account.LockedUntil = now.AddMinutes(policy.LockoutMinutes);
                account.FailedLogins = 0;
                message = $"连续 {policy.LockoutThreshold} 次登录失败，账号锁定 {policy.LockoutMinutes} 分钟。";
            }
            db.RecordEvent("Account", account.Id.ToString(CultureInfo.InvariantCulture), "login-failed", AuditOutcome.Failure, "bad password");
            await db.SaveChangesAsync(ct);
            return account.LockedUntil > now
                ? new(SignInResult.LockedOut, account, message, account.LockedUntil)
                : new(SignInResult.BadCredentials, account, message);
        }
        account.FailedLogins = 0;
        account.LockedUntil = null;
        if (Passwords.Expired(account, policy, now))
            account.MustChangePassword = true;
        return new(SignInResult.Success, account, "");
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
