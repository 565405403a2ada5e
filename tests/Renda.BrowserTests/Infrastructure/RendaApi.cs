using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renda.Web.Data;
using Renda.Web.Platform.Identity;

namespace Renda.BrowserTests.Infrastructure;

/// <summary>
/// The application's HTTP API against the running server, for setting up what a browser test needs but does not
/// test (a meeting with its vote, say): bearer clients for the demo accounts, and extra accounts made as the
/// administrators would make them.
/// </summary>
public static class RendaApi
{
    /// <summary>The password of the accounts made here (their first password already changed by their owner).</summary>
    public const string AccountPassword = "Account#Pass9";

    /// <summary>A client authenticated with a bearer token from POST /api/v1/auth/token.</summary>
    public static async Task<HttpClient> ClientAsync(BrowserApp app, string userName, string password = RendaServer.Password)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"token for {userName}: {body}");
        using var json = JsonDocument.Parse(body);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("token").GetString());
        return client;
    }

    /// <summary>POSTs JSON and insists on the status; returns the body (an empty object for 204).</summary>
    public static async Task<JsonElement> PostAsync(this HttpClient client, string path, object? body, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync(path, body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, $"POST {path}: {text}");
        return text.Length == 0 ? JsonDocument.Parse("{}").RootElement : JsonDocument.Parse(text).RootElement;
    }

    /// <summary>POSTs an empty JSON body whatever the answer (for cleaning up after a failure).</summary>
    public static async Task PostAsJsonQuietAsync(this HttpClient client, string path)
    {
        using var response = await client.PostAsJsonAsync(path, new { });
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>
    /// An account linked to a person, made as in practice: the system administrator creates it, the security
    /// administrator grants the role; the owner's first password change is written straight to the database (the
    /// token endpoint refuses an account that must change its password). Returns a bearer client for it.
    /// </summary>
    public static async Task<HttpClient> CreateAccountAsync(BrowserApp app, string userName, Role role, int personId)
    {
        using (var sys = await ClientAsync(app, "sysadmin"))
            await sys.PostAsync("/api/v1/accounts", new { userName, displayName = userName, initialPassword = "Initial#Pass1", personId }, HttpStatusCode.Created);
        await using (var scope = app.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
            var id = await db.Accounts.Where(a => a.UserName == userName).Select(a => a.Id).FirstAsync();
            using (var security = await ClientAsync(app, "secadmin"))
                await security.PostAsync($"/api/v1/accounts/{id}/roles", new { role = role.ToString() }, HttpStatusCode.NoContent);
            var account = await db.Accounts.FirstAsync(a => a.Id == id);
            account.PasswordHash = Passwords.Hash(account, AccountPassword);
            account.MustChangePassword = false;
            await db.SaveChangesAsync();
        }
        return await ClientAsync(app, userName, AccountPassword);
    }

    /// <summary>Person ids that no account is linked to yet, among those given.</summary>
    public static async Task<List<int>> WithoutAccountAsync(BrowserApp app, IEnumerable<int> personIds)
    {
        var ids = personIds.ToList();
        await using var scope = app.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
        var linked = await db.Accounts.Where(a => a.PersonId != null && ids.Contains(a.PersonId.Value)).Select(a => a.PersonId!.Value).ToListAsync();
        return ids.Except(linked).ToList();
    }
}
