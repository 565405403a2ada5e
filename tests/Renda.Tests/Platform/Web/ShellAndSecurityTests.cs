using System.Net;
using System.Net.Http.Json;
using System.Text;
using AngleSharp.Html.Parser;
using Renda.Tests.Infrastructure;

namespace Renda.Tests.Platform.Web;

/// <summary>Security headers, CSRF, escaping, ProblemDetails, health and the OpenAPI document.</summary>
public abstract class ShellAndSecurityTests(RendaApp app)
{
    [Fact]
    public async Task Pages_carry_CSP_no_framing_and_no_sniffing()
    {
        var response = await app.Anonymous().GetAsync("/login");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var client = app.Anonymous();
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "zhuren", ["Password"] = RendaApp.Password }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
    }

    [Fact]
    public async Task Cookie_API_calls_that_change_data_need_the_CSRF_header()
    {
        var client = await app.BrowserClientAsync("secadmin");
        var policy = new { minPasswordLength = 10, minCharacterClasses = 3, passwordHistory = 5, passwordMaxAgeDays = 90, lockoutThreshold = 5, lockoutMinutes = 15, idleTimeoutMinutes = 30, apiTokenHours = 8 };
        var without = await client.PutAsJsonAsync("/api/v1/security-policy", policy);
        (await without.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("title").GetString().ShouldBe("CSRF 校验失败");
        var token = await client.CsrfTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/security-policy") { Content = JsonContent.Create(policy) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Script_in_a_text_field_is_stored_as_text_and_rendered_escaped()
    {
        var admin = await app.ApiClientAsync("sysadmin");
        var name = "<script>alert(1)</script>";
        var created = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = "0xss" + app.Provider, displayName = name, initialPassword = "Initial#Pass1" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var browser = await app.BrowserClientAsync("sysadmin");
        var html = await browser.GetStringAsync("/admin/accounts?page=1");
        html.ShouldNotContain(name);
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        var document = new HtmlParser().ParseDocument(html);
        document.QuerySelectorAll("td").Select(td => td.TextContent).ShouldContain(name);
    }

    [Fact]
    public async Task Overlong_and_malformed_input_gets_a_400_naming_the_field()
    {
        var admin = await app.ApiClientAsync("sysadmin");
        var overlong = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = "long" + app.Provider, displayName = new string('名', 2_000_000), initialPassword = "Initial#Pass1" });
        (await overlong.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("displayName").ShouldNotBeEmpty();

        var malformed = await admin.PostAsync("/api/v1/accounts", new StringContent("{\"userName\": ", Encoding.UTF8, "application/json"));
        await malformed.ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var security = await app.ApiClientAsync("secadmin");
        var unknownRole = await security.PostAsync("/api/v1/accounts/1/roles", new StringContent("{\"role\":\"Emperor\"}", Encoding.UTF8, "application/json"));
        (await unknownRole.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("role").ShouldNotBeEmpty();

        var page = await app.BrowserClientAsync("secadmin");
        var typedText = await page.PostFormAsync("/admin/security-policy", new() { ["Policy.MinPasswordLength"] = "十", ["Policy.MinCharacterClasses"] = "3", ["Policy.PasswordHistory"] = "5",
            ["Policy.PasswordMaxAgeDays"] = "90", ["Policy.LockoutThreshold"] = "5", ["Policy.LockoutMinutes"] = "15", ["Policy.IdleTimeoutMinutes"] = "30", ["Policy.ApiTokenHours"] = "8" });
        var html = await typedText.Content.ReadAsStringAsync();
        html.ShouldContain("“十”不是有效的值");
        html.ShouldNotContain("安全策略已保存");

        var impossibleDate = await admin.GetAsync("/api/v1/congresses/632800/members?on=2023-02-30");
        impossibleDate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_API_paths_and_records_are_ProblemDetails()
    {
        var client = await app.ApiClientAsync("daigongwei");
        await (await client.GetAsync("/api/v1/nothing-here")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/v1/congresses/999999/members")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/v1/congresses/632801/members")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Health_and_the_OpenAPI_document_are_served()
    {
        var client = app.Anonymous();
        (await client.GetStringAsync("/health/live")).ShouldBe("Healthy");
        (await client.GetStringAsync("/health/ready")).ShouldBe("Healthy");
        var openapi = await (await client.GetAsync("/openapi/v1.json")).ShouldBeOkJsonAsync();
        openapi.GetProperty("paths").TryGetProperty("/api/v1/auth/token", out _).ShouldBeTrue();
        openapi.GetProperty("paths").TryGetProperty("/api/v1/me", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_audit_trail_and_the_account_list_page_forward()
    {
        // "page" is also Razor Pages' own route value: the page number must come from the query string.
        var audit = await app.BrowserClientAsync("auditadmin");
        (await audit.GetStringAsync("/audit?page=2")).ShouldContain("第 2 / ");
        var sys = await app.BrowserClientAsync("sysadmin");
        for (var i = 0; i < 21; i++)
            await (await app.ApiClientAsync("sysadmin")).PostAsync("/api/v1/accounts", System.Net.Http.Json.JsonContent.Create(new { userName = $"pg{i}{app.Provider}", displayName = "翻页", initialPassword = "Initial#Pass1" }));
        (await sys.GetStringAsync("/admin/accounts?page=2")).ShouldContain("第 2 / ");
    }

    [Fact]
    public async Task Each_role_sees_its_own_menu()
    {
        var audit = await (await app.BrowserClientAsync("auditadmin")).GetStringAsync("/");
        audit.ShouldContain("href=\"/audit\"");
        audit.ShouldNotContain("href=\"/admin/accounts\"");
        var deputy = await (await app.BrowserClientAsync("daibiao")).GetStringAsync("/");
        deputy.ShouldNotContain("href=\"/audit\"");
        deputy.ShouldNotContain("href=\"/admin/accounts\"");
        var sys = await app.BrowserClientAsync("sysadmin");
        (await sys.GetStringAsync("/")).ShouldContain("href=\"/admin/accounts\"");
        var denied = await sys.GetAsync("/audit");
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("/forbidden");
    }

    [Theory]
    [InlineData("/budget/warnings/statistics", "/budget/warnings/statistics")]
    [InlineData("/budget/warnings", "/budget/warnings")]
    [InlineData("/budget", "/budget")]
    [InlineData("/deputies/statistics/activities", "/deputies/statistics/activities")]
    [InlineData("/deputies", "/deputies")]
    public async Task The_menu_marks_one_entry_the_longest_address_the_page_lies_under(string page, string current)
    {
        var html = await (await app.BrowserClientAsync("daigongwei")).GetStringAsync(page);
        var marked = new HtmlParser().ParseDocument(html).QuerySelectorAll("nav#sidebar a.active").Select(a => a.GetAttribute("href")).ToList();
        marked.ShouldBe([current]);
    }
}

public sealed class ShellAndSecurityTests_Sqlite(SqliteApp app) : ShellAndSecurityTests(app), IClassFixture<SqliteApp>;
public sealed class ShellAndSecurityTests_Postgres(PostgresApp app) : ShellAndSecurityTests(app), IClassFixture<PostgresApp>;
