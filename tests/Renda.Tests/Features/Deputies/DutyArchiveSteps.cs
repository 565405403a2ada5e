using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Platform.People;

namespace Renda.Tests.Features.Deputies;

/// <summary>Intent-named steps of the duty archive over the HTTP API (Haixi 632800; the demo deputy daibiao, staff daigongwei).</summary>
public static class DutyArchiveSteps
{
    public static Task<HttpClient> DeputyAsync(this RendaApp app) => app.ApiClientAsync("daibiao");
    public static Task<HttpClient> AdministratorAsync(this RendaApp app) => app.ApiClientAsync("sysadmin");

    public static async Task<int> DemoDeputyIdAsync(this RendaApp app)
    {
        await using var scope = app.Db();
        var person = await scope.Context.Accounts.Where(a => a.UserName == "daibiao").Select(a => a.PersonId).FirstAsync();
        return await scope.Context.Deputies.Where(d => d.PersonId == person && d.Congress!.Code == MeetingSteps.Haixi).Select(d => d.Id).FirstAsync();
    }

    public static Task<JsonElement> ArchiveAsync(this HttpClient client, int deputyId, int? year = null)
        => client.GetJsonAsync($"/api/v1/deputies/{deputyId}/archive" + (year is null ? "" : $"?year={year}"));

    public static Task<HttpResponseMessage> TryRequestCorrectionAsync(this HttpClient deputy, int deputyId, object request)
        => deputy.PostJsonAsync($"/api/v1/deputies/{deputyId}/corrections", request);

    public static async Task<List<DutyRecord>> RecordsAsync(this RendaApp app, int deputyId)
    {
        await using var scope = app.Db();
        return await scope.Context.Set<DutyRecord>().AsNoTracking().Where(r => r.DeputyId == deputyId).ToListAsync();
    }

    public static async Task<int> CountAsync<T>(this RendaApp app) where T : class
    {
        await using var scope = app.Db();
        return await scope.Context.Set<T>().CountAsync();
    }

    public static IEnumerable<string> Kinds(this JsonElement archive) => archive.GetProperty("kinds").EnumerateArray().Select(k => k.Str("kind"));
    public static double Points(this JsonElement archive) => archive.GetProperty("points").GetDouble();
}
