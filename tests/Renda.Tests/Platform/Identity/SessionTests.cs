using System.Net;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;

namespace Renda.Tests.Platform.Identity;

/// <summary>Browser sessions: idle logout by the server's clock, logout, and the forced first password change.</summary>
public abstract class SessionTests(RendaApp app)
{
    // A staff page: "/" itself now sends a visitor without a session to the public site (issue 19).
    private static async Task ShouldBeOnLoginAsync(HttpClient client, string path = "/inbox")
    {
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/login");
    }

    [Fact]
    public async Task Thirty_idle_minutes_end_the_session_but_activity_keeps_it()
    {
        var client = await app.BrowserClientAsync("fagongwei");
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        await ShouldBeOnLoginAsync(client);
        await using var scope = app.Db();
        (await scope.Context.AuditRecords.CountAsync(r => r.Action == "logout-idle" && r.ActorName == "fagongwei")).ShouldBe(1);
    }

    [Fact]
    public async Task Background_polls_do_not_keep_an_idle_session_alive()
    {
        var client = await app.BrowserClientAsync("zhuren");
        for (var i = 0; i < 4; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(10));
            using var poll = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            poll.Headers.Add("X-Renda-Poll", "1");
            await client.SendAsync(poll);
        }
        await ShouldBeOnLoginAsync(client);
    }

    [Fact]
    public async Task Logout_ends_the_session_on_the_server()
    {
        var client = await app.BrowserClientAsync("jiaoyuju");
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var logout = await client.PostFormAsync("/logout", [], formPage: "/");
        logout.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await ShouldBeOnLoginAsync(client);
        await using var scope = app.Db();
        (await scope.Context.LoginSessions.Where(s => s.EndedAt != null).CountAsync()).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task A_new_account_must_change_its_first_password_and_may_not_reuse_it()
    {
        var admin = await app.ApiClientAsync("sysadmin");
        var user = "newstaff" + app.Provider;
        (await admin.PostAsync("/api/v1/accounts", System.Net.Http.Json.JsonContent.Create(new { userName = user, displayName = "新同事", initialPassword = "Initial#Pass1" }))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var client = await app.BrowserClientAsync(user, "Initial#Pass1");
        var home = await client.GetAsync("/");
        home.Headers.Location!.ToString().ShouldBe("/account/password");

        var reuse = await client.PostFormAsync("/account/password", new() { ["CurrentPassword"] = "Initial#Pass1", ["NewPassword"] = "Initial#Pass1" });
        (await reuse.Content.ReadAsStringAsync()).ShouldContain("不能与最近 5 次使用过的密码相同");
        var weak = await client.PostFormAsync("/account/password", new() { ["CurrentPassword"] = "Initial#Pass1", ["NewPassword"] = "short" });
        (await weak.Content.ReadAsStringAsync()).ShouldContain("密码长度至少 10 位");
        var ok = await client.PostFormAsync("/account/password", new() { ["CurrentPassword"] = "Initial#Pass1", ["NewPassword"] = "Changed#Pass2" });
        (await ok.Content.ReadAsStringAsync()).ShouldContain("密码已修改");
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_password_older_than_ninety_days_must_be_changed()
    {
        var admin = await app.ApiClientAsync("sysadmin");
        var user = "oldpw" + app.Provider;
        (await admin.PostAsync("/api/v1/accounts", System.Net.Http.Json.JsonContent.Create(new { userName = user, displayName = "老密码", initialPassword = "Initial#Pass1" }))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var client = await app.BrowserClientAsync(user, "Initial#Pass1");
        (await client.PostFormAsync("/account/password", new() { ["CurrentPassword"] = "Initial#Pass1", ["NewPassword"] = "Changed#Pass2" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromDays(91));
        var again = await app.BrowserClientAsync(user, "Changed#Pass2");
        (await again.GetAsync("/")).Headers.Location!.ToString().ShouldBe("/account/password");
    }
}

public sealed class SessionTests_Sqlite(SqliteApp app) : SessionTests(app), IClassFixture<SqliteApp>;
public sealed class SessionTests_Postgres(PostgresApp app) : SessionTests(app), IClassFixture<PostgresApp>;
