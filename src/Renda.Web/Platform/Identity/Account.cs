using System.ComponentModel.DataAnnotations;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Platform.Identity;

/// <summary>The roles of the platform. The anonymous public has no account and no role.</summary>
public enum Role
{
    SystemAdministrator = 1,
    SecurityAdministrator = 2,
    AuditAdministrator = 3,
    CommitteeStaff = 4,
    ChairpersonsCouncilMember = 5,
    HandlingUnitOfficer = 6,
    Deputy = 7,
    /// <summary>A member of the standing committee (常委会组成人员): votes at its meetings while seated.</summary>
    StandingCommitteeMember = 8,
}

public static class Roles
{
    /// <summary>三员分立: no account may hold two of these (GB/T 22239-2019, level 3).</summary>
    public static readonly Role[] SeparatedAdministrators = [Role.SystemAdministrator, Role.SecurityAdministrator, Role.AuditAdministrator];

    public static string Label(this Role role) => role switch
    {
        Role.SystemAdministrator => "系统管理员",
        Role.SecurityAdministrator => "安全管理员",
        Role.AuditAdministrator => "审计管理员",
        Role.CommitteeStaff => "常委会工作人员",
        Role.ChairpersonsCouncilMember => "主任会议成员",
        Role.HandlingUnitOfficer => "承办单位经办人",
        Role.Deputy => "人大代表",
        Role.StandingCommitteeMember => "常委会组成人员",
    };
}

/// <summary>A user account. Accounts belong to exactly one congress and see only its data.</summary>
public class Account
{
    public int Id { get; set; }
    [MaxLength(50)] public required string UserName { get; set; }
    [MaxLength(50)] public required string DisplayName { get; set; }
    public int CongressId { get; set; }
    public Congress? Congress { get; set; }
    /// <summary>The person behind the account (a deputy, a member); null for staff not in the registry.</summary>
    public int? PersonId { get; set; }
    public People.Person? Person { get; set; }
    [MaxLength(200)] public string PasswordHash { get; set; } = "";
    public DateTime PasswordChangedAt { get; set; }
    /// <summary>A first password set by an administrator must be changed by its owner before anything else.</summary>
    public bool MustChangePassword { get; set; } = true;
    /// <summary>Demo accounts share the configured demo password and are exempt from forced change and expiry.</summary>
    public bool IsDemo { get; set; }
    public bool Enabled { get; set; } = true;
    /// <summary>
    /// Set when failed logins from many addresses aim at this account (decision 0022): until then, only addresses it has
    /// signed in from before may sign in to it. Existing sessions and tokens are not touched by a lock.
    /// </summary>
    public DateTime? LockedUntil { get; set; }
    [MaxLength(100)] public string? Email { get; set; }
    public List<RoleAssignment> Roles { get; set; } = [];

    public bool Has(Role role) => Roles.Any(r => r.Role == role);

    /// <summary>Grants a role, refusing a second of the three separated administrator roles.</summary>
    public void Grant(Role role, int? committeeId = null, int? handlingUnitId = null)
    {
        if (Roles.Any(r => r.Role == role && r.CommitteeId == committeeId && r.HandlingUnitId == handlingUnitId))
            throw DomainException.Conflict($"账号“{UserName}”已拥有角色“{role.Label()}”。");
        if (Identity.Roles.SeparatedAdministrators.Contains(role))
        {
            var held = Roles.FirstOrDefault(r => Identity.Roles.SeparatedAdministrators.Contains(r.Role) && r.Role != role);
            if (held is not null)
                throw DomainException.Conflict($"三员分立：账号“{UserName}”已是{held.Role.Label()}，不能再授予{role.Label()}。");
        }
        if (role == Role.CommitteeStaff && committeeId is null)
            throw DomainException.Invalid("committeeId", "常委会工作人员必须指定所属委员会或工作机构。");
        if (role == Role.HandlingUnitOfficer && handlingUnitId is null)
            throw DomainException.Invalid("handlingUnitId", "承办单位经办人必须指定承办单位。");
        if (role == Role.Deputy && PersonId is null)
            throw DomainException.Invalid("personId", "代表角色的账号必须关联代表本人。");
        if (role == Role.StandingCommitteeMember && PersonId is null)
            throw DomainException.Invalid("personId", "常委会组成人员的账号必须关联本人。");
        Roles.Add(new RoleAssignment { Role = role, CommitteeId = committeeId, HandlingUnitId = handlingUnitId });
    }
}

public class RoleAssignment
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public Role Role { get; set; } = Role.SystemAdministrator;
    /// <summary>For CommitteeStaff: the committee or working body the person works in.</summary>
    public int? CommitteeId { get; set; }
    public Committee? Committee { get; set; }
    /// <summary>For HandlingUnitOfficer: the unit.</summary>
    public int? HandlingUnitId { get; set; }
    public HandlingUnit? HandlingUnit { get; set; }
}

/// <summary>Earlier password hashes, so a new password cannot repeat one of the last N.</summary>
public class PasswordHistoryEntry
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    [MaxLength(200)] public required string PasswordHash { get; set; }
    public DateTime ChangedAt { get; set; }
}

/// <summary>A bearer token for machine clients. Only the SHA-256 of the token is stored.</summary>
public class ApiToken
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public Account? Account { get; set; }
    [MaxLength(64)] public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>
/// A signed-in browser session kept on the server, so that idle logout is decided by the server's
/// clock (not the cookie's) and logout really ends the session.
/// </summary>
public class LoginSession
{
    public Guid Id { get; set; }
    public int AccountId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime? EndedAt { get; set; }
    [MaxLength(64)] public string? ClientAddress { get; set; }
}

/// <summary>
/// Security policy of one congress, set by its security administrator. Defaults are the
/// level-3 practice of GB/T 22239-2019 (configurable).
/// </summary>
public class SecurityPolicy
{
    // The row and its congress are the server's: a client sending the policy neither reads nor sets them.
    [System.Text.Json.Serialization.JsonIgnore] public int Id { get; set; }
    [System.Text.Json.Serialization.JsonIgnore] public int CongressId { get; set; }
    [Range(8, 64, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int MinPasswordLength { get; set; } = 10;
    [Range(1, 4, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int MinCharacterClasses { get; set; } = 3;
    [Range(0, 24, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int PasswordHistory { get; set; } = 5;
    [Range(0, 365, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int PasswordMaxAgeDays { get; set; } = 90;
    /// <summary>
    /// Failed logins to one account from this many different addresses within <see cref="LockoutMinutes"/> lock it against
    /// addresses it has not signed in from (decision 0022). At least 2, so that one address can never lock an account.
    /// </summary>
    [Range(2, 100, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int LockoutThreshold { get; set; } = 5;
    [Range(1, 1440, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int LockoutMinutes { get; set; } = 15;
    [Range(1, 480, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int IdleTimeoutMinutes { get; set; } = 30;
    [Range(1, 720, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int ApiTokenHours { get; set; } = 8;
}

/// <summary>
/// One password check at the login form or the token endpoint, by the sender's address as <see cref="ClientAddress"/> keeps it
/// (an HMAC, never the address). Failures count against the address (slowed, then refused) and, from many addresses, against
/// the account; successes say from which addresses an account usually signs in. Kept a day (failures) or 90 days (successes).
/// </summary>
public class LoginAttempt
{
    public long Id { get; set; }
    [MaxLength(64)] public required string AddressHash { get; set; }
    /// <summary>The account named, if one exists by that name.</summary>
    public int? AccountId { get; set; }
    public DateTime At { get; set; }
    public bool Succeeded { get; set; }
}
