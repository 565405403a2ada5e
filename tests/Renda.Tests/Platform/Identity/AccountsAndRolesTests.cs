using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Platform.Identity;

namespace Renda.Tests.Platform.Identity;

/// <summary>Sign-in, tokens, password policy and 三员分立, through HTTP, on both databases.</summary>
public abstract class AccountsAndRolesTests(RendaApp app)
{
    [Fact]
    public async Task A_token_from_username_and_password_identifies_the_caller()
    {
        var client = await app.ApiClientAsync("daigongwei");
        var me = await (await client.GetAsync("/api/v1/me")).ShouldBeOkJsonAsync();
        me.GetProperty("userName").GetString().ShouldBe("daigongwei");
        me.GetProperty("congressCode").GetString().ShouldBe("632800");
        me.GetProperty("roles")[0].GetProperty("role").GetString().ShouldBe("CommitteeStaff");
        me.GetProperty("seesPersonalData").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Wrong_password_is_401_and_an_unknown_endpoint_without_token_is_401_problem()
    {
        var client = app.Anonymous();
        var bad = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "zhuren", password = "wrong-password" });
        (await bad.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString()!.ShouldContain("用户名或密码错误");
        await (await client.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Missing_fields_are_400_with_the_field_named()
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = "", password = "" });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("userName").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task System_administrator_cannot_grant_roles_or_read_the_audit_trail()
    {
        var sys = await app.ApiClientAsync("sysadmin");
        (await sys.PostAsJsonAsync("/api/v1/accounts/1/roles", new { role = "AuditAdministrator" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await sys.GetAsync("/api/v1/audit/records")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var audit = await app.ApiClientAsync("auditadmin");
        (await audit.GetAsync("/api/v1/audit/records")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await audit.PostAsJsonAsync("/api/v1/accounts", new { userName = "x1", displayName = "x", initialPassword = "Initial#Pass1" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task No_account_may_hold_two_of_the_three_administrator_roles()
    {
        var security = await app.ApiClientAsync("secadmin");
        await using var scope = app.Db();
        var sysadminId = await scope.Context.Accounts.Where(a => a.UserName == "sysadmin").Select(a => a.Id).FirstAsync();
        var response = await security.PostAsJsonAsync($"/api/v1/accounts/{sysadminId}/roles", new { role = "AuditAdministrator" });
        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("三员分立");
        var roles = await scope.Context.RoleAssignments.Where(r => r.AccountId == sysadminId).Select(r => r.Role).ToListAsync();
        roles.ShouldBe([Role.SystemAdministrator]);
    }

    [Fact]
    public async Task A_weak_initial_password_is_refused_with_the_field_named_and_nothing_is_written()
    {
        var admin = await app.ApiClientAsync("sysadmin");
        var response = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = "weak" + app.Provider, displayName = "弱密码", initialPassword = "abcdefghij" });
        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("newPassword").ShouldNotBeEmpty();
        await using var scope = app.Db();
        (await scope.Context.Accounts.AnyAsync(a => a.UserName == "weak" + app.Provider)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_user_sees_only_their_own_congress_but_statistics_of_those_below()
    {
        var province = await app.ApiClientAsync("qh-staff");
        (await province.GetAsync("/api/v1/congresses/632800/members")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var stats = await (await province.GetAsync("/api/v1/congresses/632800/statistics")).ShouldBeOkJsonAsync();
        stats.GetProperty("servingDeputies").GetInt32().ShouldBeGreaterThan(0);
        stats.GetProperty("below").GetArrayLength().ShouldBe(6);
        var county = await app.ApiClientAsync("gem-staff");
        (await county.GetAsync("/api/v1/congresses/632800/statistics")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task All_members_on_a_day_counts_seats_open_that_day()
    {
        var client = await app.ApiClientAsync("daigongwei");
        var before = await (await client.GetAsync("/api/v1/congresses/632800/members?on=2023-06-29")).ShouldBeOkJsonAsync();
        var between = await (await client.GetAsync("/api/v1/congresses/632800/members?on=2023-07-01")).ShouldBeOkJsonAsync();
        var after = await (await client.GetAsync("/api/v1/congresses/632800/members?on=2023-07-28")).ShouldBeOkJsonAsync();
        between.GetProperty("allMembers").GetInt32().ShouldBe(before.GetProperty("allMembers").GetInt32() - 1);
        after.GetProperty("allMembers").GetInt32().ShouldBe(before.GetProperty("allMembers").GetInt32());
        var posts = after.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("post").GetString()).ToList();
        posts[0].ShouldBe("Chair");
        posts.IndexOf("SecretaryGeneral").ShouldBeLessThan(posts.IndexOf("Member"));
        posts.LastIndexOf("ViceChair").ShouldBeLessThan(posts.IndexOf("SecretaryGeneral"));
    }
}

public sealed class AccountsAndRolesTests_Sqlite(SqliteApp app) : AccountsAndRolesTests(app), IClassFixture<SqliteApp>;
public sealed class AccountsAndRolesTests_Postgres(PostgresApp app) : AccountsAndRolesTests(app), IClassFixture<PostgresApp>;
