using Microsoft.AspNetCore.Identity;

namespace Renda.Web.Platform.Identity;

/// <summary>Password hashing (ASP.NET Core Identity's PBKDF2 hasher) and the congress's password policy.</summary>
public static class Passwords
{
    private static readonly PasswordHasher<Account> Hasher = new();

    public static string Hash(Account account, string password) => Hasher.HashPassword(account, password);

    public static bool Verify(Account account, string hash, string password)
        => !string.IsNullOrEmpty(hash) && Hasher.VerifyHashedPassword(account, hash, password) != PasswordVerificationResult.Failed;

    private static readonly Account Nobody = new() { UserName = "", DisplayName = "" };
    /// <summary>A hash made by the same hasher (same PBKDF2 iterations) of a password nobody knows.</summary>
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    /// <summary>
    /// Spends what checking a real password costs, for a user name that has no account: an answer that came back sooner
    /// would tell which names exist. Always false.
    /// </summary>
    public static bool VerifyAgainstDummy(string password)
    {
        Hasher.VerifyHashedPassword(Nobody, DummyHash.Value, password);
        return false;
    }

    /// <summary>Checks length and character classes; returns the reason in Chinese, or null if acceptable.</summary>
    public static string? Weakness(SecurityPolicy policy, string password, string userName)
    {
        if (password.Length < policy.MinPasswordLength)
            return $"密码长度至少 {policy.MinPasswordLength} 位。";
        if (password.Length > 128)
            return "密码长度不能超过 128 位。";
        var classes = (password.Any(char.IsUpper) ? 1 : 0) + (password.Any(char.IsLower) ? 1 : 0)
            + (password.Any(char.IsDigit) ? 1 : 0) + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
        if (classes < policy.MinCharacterClasses)
            return $"密码须包含大写字母、小写字母、数字、特殊字符中的至少 {policy.MinCharacterClasses} 类。";
        if (password.Contains(userName, StringComparison.OrdinalIgnoreCase))
            return "密码不能包含用户名。";
        return null;
    }

    /// <summary>Sets a new password after checking policy and history; throws a field error otherwise.</summary>
    public static void Change(Account account, string newPassword, SecurityPolicy policy, IEnumerable<PasswordHistoryEntry> history, DateTime now, bool byAdministrator, List<PasswordHistoryEntry> newHistory)
    {
        if (Weakness(policy, newPassword, account.UserName) is { } weak)
            throw DomainException.Invalid("newPassword", weak);
        var recent = history.OrderByDescending(h => h.ChangedAt).Take(policy.PasswordHistory).Select(h => h.PasswordHash);
        if (policy.PasswordHistory > 0 && (Verify(account, account.PasswordHash, newPassword) || recent.Any(h => Verify(account, h, newPassword))))
            throw DomainException.Invalid("newPassword", $"新密码不能与最近 {policy.PasswordHistory} 次使用过的密码相同。");
        if (!string.IsNullOrEmpty(account.PasswordHash))
            newHistory.Add(new PasswordHistoryEntry { AccountId = account.Id, PasswordHash = account.PasswordHash, ChangedAt = account.PasswordChangedAt });
        account.PasswordHash = Hash(account, newPassword);
        account.PasswordChangedAt = now;
        // A password set by an administrator is known to two people; its owner must replace it.
        account.MustChangePassword = byAdministrator;
    }

    public static bool Expired(Account account, SecurityPolicy policy, DateTime now)
        => !account.IsDemo && policy.PasswordMaxAgeDays > 0 && account.PasswordChangedAt.AddDays(policy.PasswordMaxAgeDays) < now;
}
