using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;

namespace Renda.Tests.Features.Supervision;

/// <summary>Intent-named steps of the supervision module over the HTTP API (Haixi, 632800).</summary>
public static class SupervisionSteps
{
    public const string Root = $"/api/v1/congresses/{MeetingSteps.Haixi}/supervision";

    public static Task<JsonElement> StatisticsAsync(this HttpClient client, string code, int year)
        => client.GetJsonAsync($"/api/v1/congresses/{code}/supervision/statistics?year={year}");

    public static Task<HttpResponseMessage> TryRegisterReportAsync(this HttpClient staff, int organId, int? meetingId, string title = "州教育局关于全州学前教育普及普惠工作情况的报告",
        string kind = "Special", string? lateReason = null, int? auditReportId = null)
        => staff.PostJsonAsync($"{Root}/reports", new { kind, title, organId, committeeId = (int?)null, topicId = (int?)null, meetingId, auditReportId, lateReason });

    public static async Task<JsonElement> RegisterReportAsync(this HttpClient staff, int organId, int? meetingId, string title = "州教育局关于全州学前教育普及普惠工作情况的报告",
        string kind = "Special", string? lateReason = null, int? auditReportId = null)
        => await staff.TryRegisterReportAsync(organId, meetingId, title, kind, lateReason, auditReportId).CreatedAsync();

    public static Task<JsonElement> ReportAsync(this HttpClient client, int id) => client.GetJsonAsync($"/api/v1/supervision/reports/{id}");

    public static Task<HttpResponseMessage> ReportStepAsync(this HttpClient client, int id, string step, object? body = null)
        => client.PostJsonAsync($"/api/v1/supervision/reports/{id}/{step}", body);

    public static JsonElement Clock(this JsonElement report, string purpose)
        => report.GetProperty("clocks").EnumerateArray().Single(c => c.Str("purpose") == purpose);

    /// <summary>A report on a meeting sitting today, taken (by staff and the organ) as far as the heard state.</summary>
    public static async Task<(int ReportId, int MeetingId)> HeardReportAsync(this HttpClient staff, HttpClient organ, int organId, string title = "州教育局关于全州学前教育普及普惠工作情况的报告")
    {
        var meetingId = await staff.MeetingInSessionAsync();
        var id = (await staff.RegisterReportAsync(organId, meetingId, title, lateReason: "州委决定临时召开会议，报告随会议安排提交")).Id();
        await organ.ReportStepAsync(id, "submit", new { text = "一、基本情况……二、问题……三、打算……" }).DoneAsync();
        await staff.ReportStepAsync(id, "distribute").DoneAsync();
        await staff.ReportStepAsync(id, "heard").DoneAsync();
        return (id, meetingId);
    }

    public static async Task<int> CongressIdAsync(this RendaApp app, string code)
    {
        await using var scope = app.Db();
        return await scope.Context.Congresses.Where(c => c.Code == code).Select(c => c.Id).FirstAsync();
    }
}
