using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Platform.People;

namespace Renda.Tests.Features.Deputies;

/// <summary>Intent-named steps of trainings, forums, 六联系 and joint inspections over the HTTP API (the signed-in user's congress).</summary>
public static class DeputyActivitySteps
{
    public const string Root = "/api/v1/deputies";

    /// <summary>Serving deputies of a congress, skipping the first <paramref name="skip"/> (tests take different ones).</summary>
    public static async Task<List<int>> DeputyIdsAsync(this RendaApp app, string congressCode, int count, int skip = 200)
    {
        await using var scope = app.Db();
        return await scope.Context.Deputies.Where(d => d.Congress!.Code == congressCode && d.Status == DeputyStatus.Serving)
            .OrderBy(d => d.Id).Skip(skip).Take(count).Select(d => d.Id).ToListAsync();
    }

    public static async Task<List<DutyRecord>> DutyRecordsAsync(this RendaApp app, string sourceType, int sourceId)
    {
        await using var scope = app.Db();
        return await scope.Context.Set<DutyRecord>().Where(r => r.SourceType == sourceType && r.SourceId == sourceId).OrderBy(r => r.DeputyId).ToListAsync();
    }

    public static Task<HttpResponseMessage> TryCreateTrainingAsync(this HttpClient staff, string title, DateOnly startsOn, DateOnly endsOn, params object[] trainees)
        => staff.PostJsonAsync($"{Root}/trainings", new { title, startsOn = startsOn.Iso(), endsOn = endsOn.Iso(), topics = "代表法", place = "德令哈市", organiser = "州人大常委会代工委", trainees });

    public static object Deputy(int id) => new { kind = "Deputy", deputyId = id };
    public static object Staff(string name) => new { kind = "Staff", name, affiliation = "州人大常委会机关" };

    public static Task<HttpResponseMessage> MarkAsync(this HttpClient staff, int trainingId, params object[] marks)
        => staff.PostJsonAsync($"{Root}/trainings/{trainingId}/attendance", new { marks });

    public static object Attended(int traineeId) => new { traineeId, attendance = "Attended" };
    public static object Absent(int traineeId, string? reason) => new { traineeId, attendance = "Absent", absenceReason = reason };

    /// <summary>The trainee id of a trainee by name (or deputy id) in a training view.</summary>
    public static int Trainee(this JsonElement training, string name)
        => training.GetProperty("trainees").EnumerateArray().First(t => t.Str("name") == name).Id();

    public static int TraineeOfDeputy(this JsonElement training, int deputyId)
        => training.GetProperty("trainees").EnumerateArray().First(t => t.IntOrNull("deputyId") == deputyId).Id();

    public static Task<JsonElement> StatisticsAsync(this HttpClient client, int year, string? code = null)
        => client.GetJsonAsync($"{Root}/statistics/activities?year={year}{(code is null ? "" : "&code=" + code)}");

    public static int Figure(this JsonElement statistics, string part, string name) => statistics.GetProperty(part).GetProperty(name).GetInt32();

    public static async Task ShouldBeRefusedAsync(this Task<HttpResponseMessage> response, string field, string? containing = null)
    {
        var problem = await (await response).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.FieldErrors(field);
        errors.ShouldNotBeEmpty($"expected an error on {field}: {problem}");
        if (containing is not null) errors.Single().ShouldContain(containing);
    }
}
