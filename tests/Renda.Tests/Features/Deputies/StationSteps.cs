using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Platform.People;

namespace Renda.Tests.Features.Deputies;

/// <summary>Intent-named steps of stations, receptions and constituents' opinions over the HTTP API (Haixi 632800; staff: daigongwei).</summary>
public static class StationSteps
{
    public const string Api = "/api/v1/deputies";
    private static int s_station;

    public static Task<HttpClient> StaffAsync(this RendaApp app) => app.ApiClientAsync("daigongwei");

    /// <summary>Today in Beijing on the test clock (tests move it forward to reach a reception day).</summary>
    public static DateOnly Today(this RendaApp app) => Renda.Web.Platform.Calendar.WorkCalendar.Today(app.Clock);

    public static async Task<int> CreateStationAsync(this HttpClient staff, string? name = null)
        => (await staff.PostJsonAsync($"{Api}/stations", new
        {
            name = name ?? $"测试联络站{Interlocked.Increment(ref s_station)}", kind = "Station", address = "德令哈市长江路 1 号", township = "河东街道",
            openingHours = "工作日 9:00—17:00", receptionSchedule = "每月第一个星期五", facilities = "接待室",
        }).CreatedAsync()).Id();

    /// <summary>Serving deputies of a congress, by id, skipping the first <paramref name="skip"/>.</summary>
    public static async Task<List<(int Id, int PersonId)>> DeputiesAsync(this RendaApp app, string congress = MeetingSteps.Haixi, int count = 2, int skip = 0)
    {
        await using var scope = app.Db();
        return (await scope.Context.Deputies.Where(d => d.Congress!.Code == congress && d.Status == DeputyStatus.Serving).OrderBy(d => d.Id).Skip(skip).Take(count)
            .Select(d => new { d.Id, d.PersonId }).ToListAsync()).Select(d => (d.Id, d.PersonId)).ToList();
    }

    public static Task<HttpResponseMessage> TryScheduleAsync(this HttpClient staff, int stationId, DateOnly on, int[] deputyIds, int[]? chairpersonIds = null, string kind = "Deputies")
        => staff.PostJsonAsync($"{Api}/stations/{stationId}/receptions", new { kind, on = on.Iso(), time = "上午 9:00—11:30", topic = "教育质量提升", deputyIds, chairpersonIds });

    /// <summary>
    /// A reception scheduled three days ahead (the notice period) and the clock moved to its day: opinions can be taken. The staff's
    /// client is signed in again after the clock moved (a token idle for days has expired).
    /// </summary>
    public static async Task<(HttpClient Staff, int Id)> ReceptionTodayAsync(this RendaApp app, int stationId, params int[] deputyIds)
    {
        var on = app.Today().AddDays(3);
        var id = (await (await app.StaffAsync()).TryScheduleAsync(stationId, on, deputyIds).CreatedAsync()).GetProperty("reception").Id();
        app.Clock.Advance(TimeSpan.FromDays(3));
        return (await app.StaffAsync(), id);
    }

    public static object Opinion(string content = "希望增加城区幼儿园学位，解决入园难问题。", string category = "教育", string contact = "13997101234", string personName = "李国华")
        => new { personName, contact, content, category };

    public static async Task<JsonElement> RecordOpinionAsync(this HttpClient staff, int receptionId, object? opinion = null)
        => await staff.PostJsonAsync($"{Api}/receptions/{receptionId}/opinions", opinion ?? Opinion()).CreatedAsync();

    public static Task<HttpResponseMessage> OpinionStepAsync(this HttpClient client, int opinionId, string step, object body)
        => client.PostJsonAsync($"{Api}/opinions/{opinionId}/{step}", body);

    public static Task<JsonElement> OpinionAsync(this HttpClient client, int opinionId) => client.GetJsonAsync($"{Api}/opinions/{opinionId}");

    public static string OpinionStatus(this JsonElement opinionView) => opinionView.GetProperty("opinion").Str("status");

    /// <summary>The ProblemDetails names the field among its errors.</summary>
    public static async Task ShouldNameFieldAsync(this Task<HttpResponseMessage> response, string field)
    {
        var problem = await (await response).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors(field).ShouldNotBeEmpty(problem.ToString());
    }
}
