using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;

namespace Renda.Tests.Platform.Identity;

/// <summary>
/// Failed logins (decision 0022), through HTTP, on both databases: the answer never tells whether a user name exists; one
/// address that fails often is slowed, then refused, without locking the account for its owner elsewhere; a disabled
/// account's tokens and sessions end at once and stay ended. Each client speaks from its own address (X-Forwarded-For).
/// </summary>
public abstract partial class LoginThrottlingTests(RendaApp app)
{
    private HttpClient From(string address)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static async Task<string> AnswerAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var retryAfter = response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            var problem = JsonDocument.Parse(body).RootElement;
            return $"{(int)response.StatusCode} {problem.GetProperty("title").GetString()} {problem.GetProperty("detail").GetString()} retry={retryAfter}";
        }
        var error = LoginError().Match(body);
        return $"{(int)response.StatusCode} {(error.Success ? error.Groups[1].Value : "(no error shown)")} retry={retryAfter}";
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string userName, string password)
        => client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });

    private async Task<string> NewAccountAsync(string name)
    {
        var admin = await app.ApiClientAsync("sysadmin");
        var userName = name + app.Provider.ToString().ToLowerInvariant();
        var created = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName, displayName = "登录测试", initialPassword = "Initial#Pass1" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return userName;
    }

    [Fact]
    public async Task An_unknown_name_is_answered_exactly_as_a_known_one_over_many_failed_tries()
    {
        var known = await NewAccountAsync("probe");
        var forKnown = From("10.1.0.1");
        var forUnknown = From("10.1.0.2");
        var answersKnown = new List<string>();
        var answersUnknown = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            answersKnown.Add(await AnswerAsync(await TokenAsync(forKnown, known, "wrong-" + i)));
            answersUnknown.Add(await AnswerAsync(await TokenAsync(forUnknown, "nobody-" + known, "wrong-" + i)));
            // Some tries wait long enough to be checked again, some do not.
            app.Clock.Advance(TimeSpan.FromSeconds(i % 3 == 0 ? 3 : 0.2));
        }
        answersUnknown.ShouldBe(answersKnown);
        answersKnown[0].ShouldBe("401 登录失败 用户名或密码错误。 retry=-");
        answersKnown.ShouldContain(a => a.StartsWith("429 ", StringComparison.Ordinal));
        // Both kinds of failure are in the audit trail, each with its reason.
        await using var scope = app.Db();
        var reasons = await scope.Context.AuditRecords.Where(r => r.Action == "login-failed" && (r.ActorName == known || r.ActorName == "nobody-" + known))
            .Select(r => r.Changes).Distinct().ToListAsync();
        reasons.ShouldContain(r => r!.Contains("密码错误"));
        reasons.ShouldContain(r => r!.Contains("用户名不存在"));
    }

    [Fact]
    public async Task The_login_form_answers_an_unknown_name_exactly_as_a_known_one()
    {
        var known = await NewAccountAsync("formprobe");
        var forKnown = From("10.4.0.1");
        var forUnknown = From("10.4.0.2");
        for (var i = 0; i < 8; i++)
        {
            var a = await AnswerAsync(await forKnown.PostFormAsync("/login", new() { ["UserName"] = known, ["Password"] = "wrong-" + i }));
            var b = await AnswerAsync(await forUnknown.PostFormAsync("/login", new() { ["UserName"] = "nobody-" + known, ["Password"] = "wrong-" + i }));
            b.ShouldBe(a);
            a.ShouldNotContain("锁定");
            app.Clock.Advance(TimeSpan.FromSeconds(2));
        }
    }

    [Fact]
    public async Task One_address_failing_often_is_slowed_then_refused_while_the_owner_elsewhere_still_signs_in()
    {
        var attacker = From("10.2.0.1");
        var answers = new List<HttpResponseMessage>();
        TimeSpan? refusal = null;
        for (var i = 0; i < 40 && refusal is null; i++)
        {
            var response = await TokenAsync(attacker, "secadmin", "guess-" + i);
            answers.Add(response);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
                continue;
            }
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
            problem.GetProperty("title").GetString().ShouldBe("登录尝试过于频繁");
            problem.GetProperty("detail").GetString()!.ShouldStartWith("登录失败次数过多，请");
            var wait = response.Headers.RetryAfter!.Delta!.Value;
            if (wait > TimeSpan.FromMinutes(1)) refusal = wait;
            else app.Clock.Advance(wait);
        }
        // Five tries are answered at once, the sixth must wait a second, and the waits double …
        answers.Take(5).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Unauthorized);
        answers[5].StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        answers[5].Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
        answers[6].StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        answers[7].Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(2));
        // … until the address is refused for minutes, whatever name or password it sends.
        refusal.ShouldNotBeNull();
        (await TokenAsync(attacker, "secadmin", RendaApp.Password)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await TokenAsync(attacker, "nobody-at-all", "x")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var form = await attacker.PostFormAsync("/login", new() { ["UserName"] = "secadmin", ["Password"] = RendaApp.Password });
        form.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        form.Headers.RetryAfter.ShouldNotBeNull();

        // The security administrator, from her own desk, is not locked out by a stranger: by token and by the form.
        var owner = From("10.2.0.2");
        (await TokenAsync(owner, "secadmin", RendaApp.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await owner.PostFormAsync("/login", new() { ["UserName"] = "secadmin", ["Password"] = RendaApp.Password })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var scope = app.Db();
        (await scope.Context.Accounts.Where(a => a.UserName == "secadmin").Select(a => a.LockedUntil).SingleAsync()).ShouldBeNull();

        // Once the window has passed, the address is answered again.
        app.Clock.Advance(refusal.Value);
        (await TokenAsync(attacker, "secadmin", "guess-again")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Failures_from_many_addresses_lock_the_account_only_for_addresses_it_has_not_used_and_the_answer_stays_the_same()
    {
        var user = await NewAccountAsync("spread");
        // The owner has signed in from her desk before (a first password must then be changed: 403 says it was right).
        var desk = From("10.3.0.1");
        (await TokenAsync(desk, user, "Initial#Pass1")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        for (var i = 0; i < 5; i++)
            (await TokenAsync(From($"10.3.1.{i}"), user, "guess")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await using (var scope = app.Db())
            (await scope.Context.Accounts.Where(a => a.UserName == user).Select(a => a.LockedUntil).SingleAsync()).ShouldNotBeNull();

        // From a new address even the right password is answered as a wrong one, exactly as for a name that does not exist.
        var stranger = From("10.3.2.1");
        var rightPassword = await AnswerAsync(await TokenAsync(stranger, user, "Initial#Pass1"));
        var unknownName = await AnswerAsync(await TokenAsync(From("10.3.2.2"), "nobody-" + user, "Initial#Pass1"));
        rightPassword.ShouldBe(unknownName);
        rightPassword.ShouldBe("401 登录失败 用户名或密码错误。 retry=-");
        // From her desk she gets in.
        var mine = await TokenAsync(desk, user, "Initial#Pass1");
        (await mine.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("title").GetString().ShouldBe("须修改密码");
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_tokens_and_sessions_at_once_and_enabling_it_does_not_bring_them_back()
    {
        var token = await app.ApiClientAsync("weiyuan");
        var browser = await app.BrowserClientAsync("weiyuan");
        // Twice, so the token's principal is in the bearer-token cache (30 s, decision 0019): disabling must not wait for it.
        (await token.GetAsync("/api/v1/ping")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await token.GetAsync("/api/v1/ping")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        int id;
        await using (var scope = app.Db())
            id = await scope.Context.Accounts.Where(a => a.UserName == "weiyuan").Select(a => a.Id).SingleAsync();
        var admin = await app.ApiClientAsync("sysadmin");
        (await admin.PostAsync($"/api/v1/accounts/{id}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        try
        {
            (await token.GetAsync("/api/v1/ping")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await browser.GetAsync("/")).Headers.Location!.ToString().ShouldContain("/login");
            // The owner, with the right password, is told why; nobody else is.
            var disabled = await TokenAsync(app.Anonymous(), "weiyuan", RendaApp.Password);
            (await disabled.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString()!.ShouldContain("停用");
        }
        finally
        {
            (await admin.PostAsync($"/api/v1/accounts/{id}/enable", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }
        (await token.GetAsync("/api/v1/ping")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // Signing in again works.
        var again = await app.ApiClientAsync("weiyuan");
        (await again.GetAsync("/api/v1/ping")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [GeneratedRegex("data-testid=\"login-error\">([^<]*)<")]
    private static partial Regex LoginError();
}

public sealed class LoginThrottlingTests_Sqlite(SqliteApp app) : LoginThrottlingTests(app), IClassFixture<SqliteApp>;
public sealed class LoginThrottlingTests_Postgres(PostgresApp app) : LoginThrottlingTests(app), IClassFixture<PostgresApp>;
