using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Web.Platform.Identity;

namespace Renda.Tests.Infrastructure;

/// <summary>Extra accounts for a test, made as an administrator would: the system administrator creates, the security administrator grants.</summary>
public static class Accounts
{
    public const string Password = "Account#Pass9";

    /// <summary>Creates an account with one role and returns a bearer client for it (its first password already changed).</summary>
    public static async Task<HttpClient> CreateAccountAsync(this RendaApp app, string userName, Role role, int? personId = null, int? handlingUnitId = null, int? committeeId = null)
    {
        var sys = await app.ApiClientAsync("sysadmin");
        var created = await sys.PostAsJsonAsync("/api/v1/accounts", new { userName, displayName = userName, initialPassword = "Initial#Pass1", personId });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        await using (var scope = app.Db())
        {
            var id = await scope.Context.Accounts.Where(a => a.UserName == userName).Select(a => a.Id).FirstAsync();
            var security = await app.ApiClientAsync("secadmin");
            var granted = await security.PostAsJsonAsync($"/api/v1/accounts/{id}/roles", new { role = role.ToString(), committeeId, handlingUnitId });
            granted.StatusCode.ShouldBe(HttpStatusCode.NoContent, await granted.Content.ReadAsStringAsync());
            // The owner sets their own password, as the first login demands.
            var account = await scope.Context.Accounts.FirstAsync(a => a.Id == id);
            account.PasswordHash = Renda.Web.Platform.Identity.Passwords.Hash(account, Password);
            account.MustChangePassword = false;
            await scope.Context.SaveChangesAsync();
        }
        return await app.ApiClientAsync(userName, Password);
    }

    /// <summary>A deputy account for another serving deputy of the congress (not the demo deputy).</summary>
    public static async Task<(HttpClient Client, int DeputyId)> CreateDeputyAccountAsync(this RendaApp app, string userName, string congressCode = "632800", int skip = 10)
    {
        await using var scope = app.Db();
        var deputy = await scope.Context.Deputies.Where(d => d.Congress!.Code == congressCode && d.Status == Renda.Web.Platform.People.DeputyStatus.Serving)
            .OrderBy(d => d.Id).Skip(skip).Select(d => new { d.Id, d.PersonId }).FirstAsync();
        return (await app.CreateAccountAsync(userName, Role.Deputy, personId: deputy.PersonId), deputy.Id);
    }

    public static async Task<int> UnitIdAsync(this RendaApp app, string name)
    {
        await using var scope = app.Db();
        return await scope.Context.HandlingUnits.Where(u => u.Name == name).Select(u => u.Id).FirstAsync();
    }
}
