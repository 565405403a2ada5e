using Renda.Web.Data;

namespace Renda.Web.Platform.Calendar;

// STUB — to be implemented (working-day arithmetic, shipped holiday calendar, admin load of a new year).
public static class WorkCalendar
{
    public static IServiceCollection AddRendaCalendar(this IServiceCollection services) => services;
    public static Task EnsureShippedCalendarAsync(RendaDbContext db) => Task.CompletedTask;
    public static Task<string> ImportYearAsync(RendaDbContext db, Stream json, string source) => Task.FromResult("");
}

public static class CalendarApi
{
    public static void Map(RouteGroupBuilder api) { }
}
