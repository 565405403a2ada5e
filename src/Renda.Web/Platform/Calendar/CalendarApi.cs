using Microsoft.AspNetCore.Http.HttpResults;

namespace Renda.Web.Platform.Calendar;

public sealed record WorkingDaysResponse(DateOnly From, int Days, DateOnly DueOn, bool Provisional);
public sealed record CalendarYearView(int Year, DateTime LoadedAt, string? Source, int OffDays, int WorkedWeekendDays);

/// <summary>The work calendar over HTTP: due-date arithmetic for everyone signed in, loading a year for the system administrator.</summary>
public static class CalendarApi
{
    /// <summary>Ten years of working days: enough for any legal period, and bounds the work a request can ask for.</summary>
    public const int MaxDays = 2500;

    public static void Map(RouteGroupBuilder root)
    {
        var api = root.MapGroup("").WithTags("工作日历");
        var calendar = api.MapGroup("/calendar").RequireAuthorization();
        calendar.MapGet("/working-days", WorkingDays).WithName("Calendar_WorkingDays").WithSummary("自某日起（不含当日）第 N 个工作日");
        calendar.MapGet("/years", Years).WithName("Calendar_ListYears").WithSummary("已载入放假安排的年度");
        calendar.MapPost("/years", Import).RequireAuthorization(nameof(Role.SystemAdministrator))
            .WithName("Calendar_ImportYear").WithSummary("载入或替换一个年度的放假安排（holiday-cn JSON）").ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<Ok<WorkingDaysResponse>> WorkingDays(DateOnly? from, int? days, RendaDbContext db, WorkCalendarCache calendars, CancellationToken ct)
    {
        if (from is null)
            throw DomainException.Invalid("from", "请提供起算日期 from（yyyy-MM-dd）。");
        if (days is not { } n || n is < 0 or > MaxDays)
            throw DomainException.Invalid("days", $"请提供工作日数 days（0–{MaxDays}）。");
        var calendar = await calendars.GetAsync(db, ct);
        var due = calendar.AddWorkingDays(from.Value, n);
        return TypedResults.Ok(new WorkingDaysResponse(from.Value, n, due, calendar.IsProvisional(from.Value, due)));
    }

    private static async Task<Ok<List<CalendarYearView>>> Years(RendaDbContext db, CancellationToken ct)
        => TypedResults.Ok(await YearsAsync(db, ct));

    public static async Task<List<CalendarYearView>> YearsAsync(RendaDbContext db, CancellationToken ct = default)
    {
        var years = await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).ToListAsync(ct);
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        return years.Select(y => new CalendarYearView(y.Year, y.LoadedAt, y.Source,
            days.Count(d => d.Date.Year == y.Year && d.IsOffDay), days.Count(d => d.Date.Year == y.Year && !d.IsOffDay))).ToList();
    }

    /// <summary>The body is the holiday-cn file itself, as published, so an administrator can post it unchanged.</summary>
    private static async Task<Results<Ok<CalendarImportResult>, ProblemHttpResult>> Import(HttpRequest request, string? source, RendaDbContext db, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
            return TypedResults.Problem("请以 application/json 提交 holiday-cn 格式的年度文件。", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "媒体类型不支持");
        var file = await HolidayFile.ReadAsync(request.Body, ct);
        var result = await WorkCalendar.ImportAsync(db, file, source is { Length: > 0 } ? source : $"接口上传 {file.Year}.json", ct);
        return TypedResults.Ok(result);
    }
}
