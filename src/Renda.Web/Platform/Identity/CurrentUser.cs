using System.Globalization;
using System.Security.Claims;
using Renda.Web.Platform.Audit;

namespace Renda.Web.Platform.Identity;

/// <summary>Claim names carried by the cookie and by bearer-token principals.</summary>
public static class RendaClaims
{
    public const string AccountId = ClaimTypes.NameIdentifier;
    public const string Congress = "renda:congress";
    public const string CongressId = "renda:congress-id";
    public const string Session = "renda:session";
    public const string Committee = "renda:committee";
    public const string HandlingUnit = "renda:unit";
    public const string HandlingUnitKind = "renda:unit-kind";
    public const string Person = "renda:person";
    public const string SeesPersonalData = "renda:personal-data";
    public const string MustChangePassword = "renda:must-change-password";
}

/// <summary>The signed-in user as modules see it. Built from claims; no database round trip.</summary>
public sealed class CurrentUser(ClaimsPrincipal principal)
{
    public ClaimsPrincipal Principal { get; } = principal;
    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public int? AccountId => Int(RendaClaims.AccountId);
    public int? CongressId => Int(RendaClaims.CongressId);
    public string? CongressCode => Principal.FindFirstValue(RendaClaims.Congress);
    public int? PersonId => Int(RendaClaims.Person);
    public string? UserName => Principal.Identity?.Name;
    public IEnumerable<Role> Roles => Principal.FindAll(ClaimTypes.Role).Select(c => Enum.TryParse<Role>(c.Value, out var r) ? (Role?)r : null).OfType<Role>();
    public bool Has(Role role) => Principal.IsInRole(role.ToString());
    public IEnumerable<int> CommitteeIds => Principal.FindAll(RendaClaims.Committee).Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture));
    public IEnumerable<int> HandlingUnitIds => Principal.FindAll(RendaClaims.HandlingUnit).Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture));
    public IEnumerable<Organisations.HandlingUnitKind> HandlingUnitKinds => Principal.FindAll(RendaClaims.HandlingUnitKind)
        .Select(c => Enum.TryParse<Organisations.HandlingUnitKind>(c.Value, out var k) ? (Organisations.HandlingUnitKind?)k : null).OfType<Organisations.HandlingUnitKind>();
    /// <summary>True for staff of the committee that keeps deputies' records: they see ID and phone numbers unmasked.</summary>
    public bool SeesPersonalData => Principal.HasClaim(RendaClaims.SeesPersonalData, "true");

    private int? Int(string type) => int.TryParse(Principal.FindFirstValue(type), CultureInfo.InvariantCulture, out var v) ? v : null;
}

/// <summary>The audit actor of an HTTP request: the signed-in user (or the name tried at a failed login) and the client address.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    private HttpContext? Http => accessor.HttpContext;
    private CurrentUser? User => Http?.User is { } p ? new CurrentUser(p) : null;
    /// <summary>Set by the login handler so that a failed or first login is attributed before a principal exists.</summary>
    public string? AttemptedUserName { get; set; }
    public int? AttemptedAccountId { get; set; }
    public string? AttemptedCongressCode { get; set; }

    public int? AccountId => User?.IsAuthenticated == true ? User.AccountId : AttemptedAccountId;
    public string? Name => User?.IsAuthenticated == true ? User.UserName : AttemptedUserName ?? "anonymous";
    public string? Roles => User is { IsAuthenticated: true } u ? string.Join(",", u.Roles) : null;
    public string? CongressCode => User?.IsAuthenticated == true ? User.CongressCode : AttemptedCongressCode;
    public string? ClientAddress => Http?.Connection.RemoteIpAddress?.ToString();
}
