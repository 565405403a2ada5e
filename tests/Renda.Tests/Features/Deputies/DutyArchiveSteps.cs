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

    /// <summary>Serving deputies of a congress (Haixi by default), in roster order from skip: each test class takes its own range.</summary>
    public static async Task<List<(int Id, int PersonId, string Name)>> DeputiesAsync(this RendaApp app, int skip, int take, string code = MeetingSteps.Haixi)
    {
        await using var scope = app.Db();
        return (await scope.Context.Deputies.Where(d => d.Congress!.Code == code && d.Status == DeputyStatus.Serving).OrderBy(d => d.Id).Skip(skip).Take(take)
            .Select(d => new { d.Id, d.PersonId, d.Person!.Name }).ToListAsync()).Select(d => (d.Id, d.PersonId, d.Name)).ToList();
    }

    /// <summary>The archive's records of one kind from one source, by deputy.</summary>
    public static async Task<List<DutyRecord>> RecordsOfAsync(this RendaApp app, string kind, string sourceType, int sourceId)
    {
        await using var scope = app.Db();
        return await scope.Context.Set<DutyRecord>().AsNoTracking().Where(r => r.Kind == kind && r.SourceType == sourceType && r.SourceId == sourceId).OrderBy(r => r.DeputyId).ToListAsync();
    }

    /// <summary>Deletes every record of a kind, rebuilds twice and returns (restored count, the second run's additions, count after it).</summary>
    public static async Task<(int Restored, int SecondRun, int After)> RebuildKindTwiceAsync(this RendaApp app, string kind)
    {
        await using (var scope = app.Db())
            await scope.Context.Set<DutyRecord>().Where(r => r.Kind == kind).ExecuteDeleteAsync();
        var staff = await app.StaffAsync();
        await (await staff.PostJsonAsync("/api/v1/deputies/archive/rebuild")).ShouldBeOkJsonAsync();
        var restored = await app.CountKindAsync(kind);
        var second = (await (await staff.PostJsonAsync("/api/v1/deputies/archive/rebuild")).ShouldBeOkJsonAsync()).GetProperty("added").GetInt32();
        return (restored, second, await app.CountKindAsync(kind));
    }

    public static async Task<int> CountKindAsync(this RendaApp app, string kind)
    {
        await using var scope = app.Db();
        return await scope.Context.Set<DutyRecord>().CountAsync(r => r.Kind == kind);
    }

    public static IEnumerable<string> Kinds(this JsonElement archive) => archive.GetProperty("kinds").EnumerateArray().Select(k => k.Str("kind"));
    public static double Points(this JsonElement archive) => archive.GetProperty("points").GetDouble();
}
