using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Renda.Web.Platform.Identity;

public sealed record TokenRequest([property: Required(ErrorMessage = "请填写用户名。"), MaxLength(50)] string UserName, [property: Required(ErrorMessage = "请填写密码。"), MaxLength(128)] string Password);
public sealed record TokenResponse(string Token, DateTime ExpiresAt, string TokenType = "Bearer");
public sealed record MeResponse(int AccountId, string UserName, string DisplayName, string CongressCode, string CongressName, IReadOnlyList<RoleView> Roles, bool SeesPersonalData, bool MustChangePassword);
public sealed record RoleView(Role Role, string Label, int? CommitteeId, int? HandlingUnitId);
public sealed record CreateAccountRequest(
    [property: Required(ErrorMessage = "请填写用户名。"), RegularExpression("^[A-Za-z0-9_.-]{3,50}$", ErrorMessage = "用户名为 3–50 位字母、数字、下划线、点或连字符。")] string UserName,
    [property: Required(ErrorMessage = "请填写姓名。"), MaxLength(50, ErrorMessage = "姓名不超过 50 字。")] string DisplayName,
    [property: Required(ErrorMessage = "请设置初始密码。"), MaxLength(128)] string InitialPassword,
    int? PersonId = null,
    [property: EmailAddress(ErrorMessage = "电子邮箱格式不正确。"), MaxLength(100)] string? Email = null);
public sealed record GrantRoleRequest(Role Role, int? CommitteeId = null, int? HandlingUnitId = null);
public sealed record AccountCreated(int Id, string UserName);
/// <summary>The answer of /ping: nothing but that the caller is signed in.</summary>
public sealed record Pong(bool Ok);
public sealed record ChangePasswordRequest([property: Required] string CurrentPassword, [property: Required] string NewPassword);

/// <summary>Accounts, tokens and roles over HTTP. 三员分立 is enforced here by policy and in Account.Grant.</summary>
public static class IdentityApi
{
    public static void Map(RouteGroupBuilder root)
    {
        var api = root.MapGroup("").WithTags("账号与登录");
        api.MapPost("/auth/token", IssueToken).AllowAnonymous().WithName("Identity_IssueToken").WithSummary("用户名和密码换取访问令牌")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/me", Me).RequireAuthorization().WithName("Identity_Me").WithSummary("当前登录账号、所属人大与角色");
        api.MapGet("/ping", () => TypedResults.Ok(new Pong(true))).RequireAuthorization().WithName("Identity_Ping").WithSummary("已认证的最简接口（基准测试用）");
        api.MapPost("/me/password", ChangeOwnPassword).RequireAuthorization().WithName("Identity_ChangeOwnPassword").WithSummary("修改本人密码");
        var accounts = api.MapGroup("/accounts");
        accounts.MapGet("/", ListAccounts).RequireAuthorization(p => p.RequireRole(nameof(Role.SystemAdministrator), nameof(Role.SecurityAdministrator)))
            .WithName("Identity_ListAccounts").WithSummary("本级人大的账号及其角色（分页）");
        accounts.MapPost("/", CreateAccount).RequireAuthorization(nameof(Role.SystemAdministrator)).WithName("Identity_CreateAccount").WithSummary("新建账号（系统管理员）");
        accounts.MapPost("/{id:int}/disable", (int id, RendaDbContext db, CurrentUserAccessor u, CancellationToken ct) => SetEnabled(id, false, db, u, ct)).RequireAuthorization(nameof(Role.SystemAdministrator))
            .WithName("Identity_DisableAccount").WithSummary("停用账号（其令牌与会话随即失效）");
        accounts.MapPost("/{id:int}/enable", (int id, RendaDbContext db, CurrentUserAccessor u, CancellationToken ct) => SetEnabled(id, true, db, u, ct)).RequireAuthorization(nameof(Role.SystemAdministrator))
            .WithName("Identity_EnableAccount").WithSummary("启用账号");
        accounts.MapPost("/{id:int}/roles", GrantRole).RequireAuthorization(nameof(Role.SecurityAdministrator)).WithName("Identity_GrantRole").WithSummary("授予角色（安全管理员；三员分立）");
        accounts.MapDelete("/{id:int}/roles/{assignmentId:int}", RevokeRole).RequireAuthorization(nameof(Role.SecurityAdministrator)).WithName("Identity_RevokeRole").WithSummary("撤销角色（安全管理员）");
        api.MapGet("/security-policy", GetPolicy).RequireAuthorization(nameof(Role.SecurityAdministrator)).WithName("Identity_GetSecurityPolicy").WithSummary("密码与登录安全策略");
        api.MapPut("/security-policy", PutPolicy).RequireAuthorization(nameof(Role.SecurityAdministrator)).WithName("Identity_PutSecurityPolicy").WithSummary("修改密码与登录安全策略（安全管理员）");
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueToken(TokenRequest request, HttpContext http, RendaDbContext db, CancellationToken ct)
    {
        if (Problems.Validate(request) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var outcome = await Logins.CheckPasswordAsync(http, request.UserName, request.Password, ct);
        switch (outcome.Result)
        {
            case SignInResult.Success:
                if (outcome.Account!.MustChangePassword && !outcome.Account.IsDemo)
                {
                    await db.SaveChangesAsync(ct);
                    return TypedResults.Problem("首次登录或密码已过期：请先在网页上修改密码。", statusCode: 403, title: "须修改密码");
                }
                var (token, expires) = await Logins.IssueTokenAsync(db, outcome.Account, ct);
                return TypedResults.Ok(new TokenResponse(token, expires));
            case SignInResult.Throttled:
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(outcome.RetryAfter!.Value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(outcome.Message, statusCode: 429, title: "登录尝试过于频繁");
            case SignInResult.BadCredentials:
            case SignInResult.Disabled:
                return TypedResults.Problem(outcome.Message, statusCode: 401, title: "登录失败");
        }
        return TypedResults.Problem(statusCode: 500);
    }

    private static async Task<Ok<MeResponse>> Me(RendaDbContext db, CurrentUserAccessor current, CancellationToken ct)
    {
        var user = current.User;
        var account = await db.Accounts.AsNoTracking().Include(a => a.Roles).Include(a => a.Congress).FirstAsync(a => a.Id == user.AccountId, ct);
        return TypedResults.Ok(new MeResponse(account.Id, account.UserName, account.DisplayName, account.Congress!.Code, account.Congress.StandingCommitteeName,
            account.Roles.Select(r => new RoleView(r.Role, r.Role.Label(), r.CommitteeId, r.HandlingUnitId)).ToList(), user.SeesPersonalData, account.MustChangePassword && !account.IsDemo));
    }

    private static async Task<NoContent> ChangeOwnPassword(ChangePasswordRequest request, RendaDbContext db, CurrentUserAccessor current, CancellationToken ct)
    {
        var account = await db.Accounts.FirstAsync(a => a.Id == current.User.AccountId, ct);
        await Accounts.ChangePasswordAsync(db, account, request.CurrentPassword, request.NewPassword, ct);
        return TypedResults.NoContent();
    }

    public sealed record AccountView(int Id, string UserName, string DisplayName, bool Enabled, bool Locked, IReadOnlyList<RoleView> Roles);

    private static async Task<Ok<Page<AccountView>>> ListAccounts(RendaDbContext db, CurrentUserAccessor current, int? page, int? pageSize, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var result = await db.Accounts.AsNoTracking().Where(a => a.CongressId == current.User.CongressId).OrderBy(a => a.UserName)
            .Select(a => new AccountView(a.Id, a.UserName, a.DisplayName, a.Enabled, a.LockedUntil > now,
                a.Roles.Select(r => new RoleView(r.Role, "", r.CommitteeId, r.HandlingUnitId)).ToList()))
            .ToPageAsync(page, pageSize, ct);
        return TypedResults.Ok(result with { Items = result.Items.Select(a => a with { Roles = a.Roles.Select(r => r with { Label = r.Role.Label() }).ToList() }).ToList() });
    }

    private static async Task<Results<Created<AccountCreated>, ValidationProblem>> CreateAccount(CreateAccountRequest request, RendaDbContext db, CurrentUserAccessor current, CancellationToken ct)
    {
        if (Problems.Validate(request) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var account = await Accounts.CreateAsync(db, current.User.CongressId!.Value, request, ct);
        return TypedResults.Created($"/api/v1/accounts/{account.Id}", new AccountCreated(account.Id, account.UserName));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetEnabled(int id, bool enabled, RendaDbContext db, CurrentUserAccessor current, CancellationToken ct)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == id && a.CongressId == current.User.CongressId, ct);
        if (account is null) return TypedResults.Problem("账号不存在。", statusCode: 404);
        if (account.Id == current.User.AccountId) return TypedResults.Problem("不能停用自己的账号。", statusCode: 409);
        await Logins.SetEnabledAsync(db, account, enabled, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem>> GrantRole(int id, GrantRoleRequest request, RendaDbContext db, CurrentUserAccessor current, CancellationToken ct)
    {
        if (!Enum.IsDefined(request.Role)) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["未知角色。"] });
        await Accounts.GrantAsync(db, current.User.CongressId!.Value, id, request, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeRole(int id, int assignmentId, RendaDbContext db, CurrentUserAccessor current, CancellationToken ct)
    {
        var account = await db.Accounts.Include(a => a.Roles).FirstOrDefaultAsync(a => a.Id == id && a.CongressId == current.User.CongressId, ct);
        var assignment = account?.Roles.FirstOrDefault(r => r.Id == assignmentId);
        if (account is null || assignment is null) return TypedResults.Problem("账号或角色不存在。", statusCode: 404);
        if (account.Id == current.User.AccountId && assignment.Role == Role.SecurityAdministrator)
            return TypedResults.Problem("不能撤销自己的安全管理员角色。", statusCode: 409);
        account.Roles.Remove(assignment);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<SecurityPolicy>> GetPolicy(RendaDbContext db, CurrentUserAccessor current, CancellationToken ct)
        => TypedResults.Ok(await Logins.PolicyAsync(db, current.User.CongressId!.Value, ct));

    private static async Task<Results<NoContent, ValidationProblem>> PutPolicy(SecurityPolicy request, RendaDbContext db, CurrentUserAccessor current, CancellationToken ct)
    {
        if (Problems.Validate(request) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        await Accounts.SavePolicyAsync(db, current.User.CongressId!.Value, request, ct);
        return TypedResults.NoContent();
    }
}

/// <summary>The current user, injectable into endpoint handlers.</summary>
public sealed class CurrentUserAccessor(IHttpContextAccessor http)
{
    public CurrentUser User => new(http.HttpContext!.User);
}

/// <summary>Account operations shared by the API and the admin pages.</summary>
public static class Accounts
{
    public static async Task<Account> CreateAsync(RendaDbContext db, int congressId, CreateAccountRequest request, CancellationToken ct)
    {
        if (await db.Accounts.AnyAsync(a => a.UserName == request.UserName, ct))
            throw DomainException.Invalid("userName", $"用户名“{request.UserName}”已被使用。");
        if (request.PersonId is { } pid && !await db.People.AnyAsync(p => p.Id == pid, ct))
            throw DomainException.Invalid("personId", "关联人员不存在。");
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var account = new Account { UserName = request.UserName, DisplayName = request.DisplayName, CongressId = congressId, PersonId = request.PersonId, Email = request.Email };
        var policy = await Logins.PolicyAsync(db, congressId, ct);
        Passwords.Change(account, request.InitialPassword, policy, [], now, byAdministrator: true, []);
        db.Accounts.Add(account);
        await db.SaveChangesAsync(ct);
        return account;
    }

    public static async Task GrantAsync(RendaDbContext db, int congressId, int accountId, GrantRoleRequest request, CancellationToken ct)
    {
        var account = await db.Accounts.Include(a => a.Roles).FirstOrDefaultAsync(a => a.Id == accountId && a.CongressId == congressId, ct)
            ?? throw DomainException.NotFound("账号不存在。");
        if (request.CommitteeId is { } c && !await db.Committees.AnyAsync(x => x.Id == c && x.CongressId == congressId, ct))
            throw DomainException.Invalid("committeeId", "该委员会不属于本级人大。");
        if (request.HandlingUnitId is { } u && !await db.HandlingUnits.AnyAsync(x => x.Id == u && x.CongressId == congressId, ct))
            throw DomainException.Invalid("handlingUnitId", "该承办单位不属于本级人大。");
        account.Grant(request.Role, request.CommitteeId, request.HandlingUnitId);
        await db.SaveChangesAsync(ct);
    }

    public static async Task ChangePasswordAsync(RendaDbContext db, Account account, string currentPassword, string newPassword, CancellationToken ct)
    {
        // The form sends an empty field as null (the hostile-input test found a 500 here).
        if (string.IsNullOrEmpty(currentPassword)) throw DomainException.Invalid("currentPassword", "请输入当前密码。");
        if (string.IsNullOrEmpty(newPassword)) throw DomainException.Invalid("newPassword", "请输入新密码。");
        if (!Passwords.Verify(account, account.PasswordHash, currentPassword))
            throw DomainException.Invalid("currentPassword", "当前密码不正确。");
        var policy = await Logins.PolicyAsync(db, account.CongressId, ct);
        var history = await db.PasswordHistory.Where(h => h.AccountId == account.Id).ToListAsync(ct);
        var added = new List<PasswordHistoryEntry>();
        Passwords.Change(account, newPassword, policy, history, db.Clock.GetUtcNow().UtcDateTime, byAdministrator: false, added);
        db.PasswordHistory.AddRange(added);
        db.RecordEvent("Account", account.Id.ToString(CultureInfo.InvariantCulture), "password-changed");
        await db.SaveChangesAsync(ct);
    }

    public static async Task SavePolicyAsync(RendaDbContext db, int congressId, SecurityPolicy values, CancellationToken ct)
    {
        var policy = await db.SecurityPolicies.FirstOrDefaultAsync(p => p.CongressId == congressId, ct);
        if (policy is null)
        {
            policy = new SecurityPolicy { CongressId = congressId };
            db.SecurityPolicies.Add(policy);
        }
        policy.MinPasswordLength = values.MinPasswordLength;
        policy.MinCharacterClasses = values.MinCharacterClasses;
        policy.PasswordHistory = values.PasswordHistory;
        policy.PasswordMaxAgeDays = values.PasswordMaxAgeDays;
        policy.LockoutThreshold = values.LockoutThreshold;
        policy.LockoutMinutes = values.LockoutMinutes;
        policy.IdleTimeoutMinutes = values.IdleTimeoutMinutes;
        policy.ApiTokenHours = values.ApiTokenHours;
        await db.SaveChangesAsync(ct);
    }
}

public static class MustChangePasswordMiddleware
{
    /// <summary>Until a first or expired password is changed, the only page a user may open is the change-password page.</summary>
    public static void UseMustChangePassword(this WebApplication app)
    {
        app.Use(async (ctx, next) =>
        {
            if (ctx.User.HasClaim(RendaClaims.MustChangePassword, "true")
                && !ctx.Request.Path.StartsWithSegments("/account/password")
                && !ctx.Request.Path.StartsWithSegments("/logout")
                && !ctx.Request.Path.StartsWithSegments("/lib") && !ctx.Request.Path.StartsWithSegments("/css") && !ctx.Request.Path.StartsWithSegments("/js"))
            {
                if (ctx.Request.Path.StartsWithSegments("/api"))
                {
                    await TypedResults.Problem("请先修改初始密码或已过期的密码。", statusCode: 403, title: "须修改密码").ExecuteAsync(ctx);
                    return;
                }
                ctx.Response.Redirect("/account/password");
                return;
            }
            await next();
        });
    }
}
