using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renda.Tests.Infrastructure;
using Renda.Web.Platform.Calendar;
using Renda.Web.Platform.Deadlines;
using static Renda.Tests.Platform.Deadlines.DeadlineScenario;

namespace Renda.Tests.Platform.Calendar;

/// <summary>The work calendar over HTTP on both databases: arithmetic, the shipped years, loading a year.</summary>
public abstract class CalendarApiTests(RendaApp app)
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Working_days_endpoint_counts_from_the_day_after_the_start_for_anyone_signed_in()
    {
        var deputy = await app.ApiClientAsync("daibiao");
        var result = await (await deputy.GetAsync("/api/v1/calendar/working-days?from=2026-09-28&days=10")).ShouldBeOkJsonAsync();
        result.GetProperty("dueOn").GetString().ShouldBe("2026-10-16");
        result.GetProperty("provisional").GetBoolean().ShouldBeFalse();
        var provisional = await (await deputy.GetAsync("/api/v1/calendar/working-days?from=2026-12-18&days=10")).ShouldBeOkJsonAsync();
        provisional.GetProperty("dueOn").GetString().ShouldBe("2027-01-01");
        provisional.GetProperty("provisional").GetBoolean().ShouldBeTrue();
        (await (await deputy.GetAsync("/api/v1/calendar/working-days?from=2026-09-28&days=-1")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("days").ShouldNotBeEmpty();
        (await app.Anonymous().GetAsync("/api/v1/calendar/working-days?from=2026-09-28&days=10")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Shipped_years_are_loaded_at_start_up_but_not_one_without_a_notice()
    {
        var client = await app.ApiClientAsync("daigongwei");
        var years = (await (await client.GetAsync("/api/v1/calendar/years")).ShouldBeOkJsonAsync()).EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ToList();
        foreach (var y in new[] { 2022, 2023, 2024, 2025, 2026 })
            years.ShouldContain(y);
        years.ShouldNotContain(2027);
        await using var scope = app.Db();
        var newYearsEve = await scope.Context.CalendarDays.FirstOrDefaultAsync(d => d.Date == D("2022-12-31"));
        newYearsEve.ShouldNotBeNull().IsOffDay.ShouldBeTrue(); // from the 2023 notice
        (await scope.Context.CalendarDays.CountAsync(d => d.Date >= D("2025-01-01") && d.Date <= D("2025-12-31"))).ShouldBe(33);
        // What modules inject: the scoped snapshot from the cache.
        await using var services = app.Services.CreateAsyncScope();
        var calendar = services.ServiceProvider.GetRequiredService<WorkCalendar>();
        calendar.IsLoaded(2026).ShouldBeTrue();
        calendar.IsWorkingDay(D("2026-10-10")).ShouldBeTrue(); // a worked Saturday
    }

    [Fact]
    public async Task A_bad_file_is_refused_with_400_and_nothing_is_written()
    {
        await using var before = app.Db();
        var days = await before.Context.CalendarDays.CountAsync();
        var audit = await before.Context.AuditRecords.CountAsync();
        var admin = await app.ApiClientAsync("sysadmin");

        var outside = await admin.PostAsync("/api/v1/calendar/years", Json("""{"year": 2031, "days": [{"name": "国庆节", "date": "2031-10-01", "isOffDay": true}, {"name": "劳动节", "date": "2030-05-01", "isOffDay": true}]}"""));
        var problem = await outside.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString()!.ShouldContain("不属于 2031 年");
        problem.FieldErrors("days").ShouldNotBeEmpty();
        (await (await admin.PostAsync("/api/v1/calendar/years", Json("""{"year": 2031, "days": [{"name": "国庆节", "date": "2031-10-01", "isOffDay": "yes"}]}""")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!.ShouldContain("isOffDay");
        (await (await admin.PostAsync("/api/v1/calendar/years", Json("{\"year\": 2031, \"days\": [")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("file").ShouldNotBeEmpty();
        (await (await admin.PostAsync("/api/v1/calendar/years", Json("""{"year": 2031, "days": []}""")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!.ShouldContain("尚未发布");
        // Only the system administrator loads calendars.
        var staff = await app.ApiClientAsync("daigongwei");
        (await staff.PostAsync("/api/v1/calendar/years", Json("""{"year": 2031, "days": [{"name": "国庆节", "date": "2031-10-01", "isOffDay": true}]}"""))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await using var after = app.Db();
        (await after.Context.CalendarYears.AnyAsync(y => y.Year == 2031)).ShouldBeFalse();
        (await after.Context.CalendarDays.CountAsync()).ShouldBe(days);
        (await after.Context.AuditRecords.CountAsync(a => a.EntityType == "CalendarDay" || a.EntityType == "CalendarYear")).ShouldBe(
            await before.Context.AuditRecords.CountAsync(a => a.EntityType == "CalendarDay" || a.EntityType == "CalendarYear"));
        audit.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Loading_a_year_recomputes_open_deadlines_and_keeps_their_extensions()
    {
        // 2030 has no notice: three working days from Friday 2030-09-27 are plain Mon–Wed, then two more granted.
        var id = await StartAsync(app, "日历重算-" + app.Provider, D("2030-09-27"), PeriodUnit.WorkingDays, 3);
        await using (var scope = app.Db())
        {
            var deadline = await scope.Context.Deadlines.Include(d => d.Extensions).FirstAsync(d => d.Id == id);
            var calendar = await app.Services.GetRequiredService<WorkCalendarCache>().GetAsync(scope.Context);
            Renda.Web.Platform.Deadlines.Deadlines.Extend(scope.Context, calendar, deadline, PeriodUnit.WorkingDays, 2, "需补充材料", null);
            await scope.Context.SaveChangesAsync();
        }
        var before = await LoadAsync(app, id);
        before.DueOn.ShouldBe(D("2030-10-04"));
        before.CalendarProvisional.ShouldBeTrue();

        // The 2030 notice: Sunday 09-29 worked, 10-01..10-07 off, Saturday 10-12 worked.
        var notice = new StringBuilder("""{"year": 2030, "papers": [], "days": [{"name": "国庆节", "date": "2030-09-29", "isOffDay": false}""");
        for (var day = 1; day <= 7; day++)
            notice.Append($$""", {"name": "国庆节", "date": "2030-10-0{{day}}", "isOffDay": true}""");
        notice.Append(""", {"name": "国庆节", "date": "2030-10-12", "isOffDay": false}]}""");
        var admin = await app.ApiClientAsync("sysadmin");
        var result = await (await admin.PostAsync("/api/v1/calendar/years?source=2030.json", Json(notice.ToString()))).ShouldBeOkJsonAsync();
        result.GetProperty("year").GetInt32().ShouldBe(2030);
        result.GetProperty("offDays").GetInt32().ShouldBe(7);
        result.GetProperty("dueDatesChanged").GetInt32().ShouldBeGreaterThanOrEqualTo(1);

        // 09-29 (1), 09-30 (2), 10-08 (3); extension: 10-09, 10-10.
        var after = await LoadAsync(app, id);
        after.DueOn.ShouldBe(D("2030-10-10"));
        after.CalendarProvisional.ShouldBeFalse();
        after.Extensions.Count.ShouldBe(1);
        after.Extensions[0].Reason.ShouldBe("需补充材料");
        var check = await (await admin.GetAsync("/api/v1/calendar/working-days?from=2030-09-30&days=1")).ShouldBeOkJsonAsync();
        check.GetProperty("dueOn").GetString().ShouldBe("2030-10-08"); // the cached calendar was refreshed
    }

    [Fact]
    public async Task The_admin_page_is_for_the_system_administrator_and_shows_a_years_days()
    {
        var admin = await app.BrowserClientAsync("sysadmin");
        var page = await admin.GetAsync("/admin/calendar?year=2025");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        page.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("2025-10-11");
        html.ShouldContain("调休上班");
        html.ShouldContain("2027 年的放假安排尚未载入");

        var upload = new MultipartFormDataContent
        {
            { new StringContent(await admin.CsrfTokenAsync("/admin/calendar")), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("""{"year": 2032, "days": [{"name": "国庆节", "date": "2031-05-01", "isOffDay": true}]}""")), "file", "2032.json" },
        };
        var refused = WebUtility.HtmlDecode(await (await admin.PostAsync("/admin/calendar", upload)).Content.ReadAsStringAsync());
        refused.ShouldContain("不属于 2032 年");
        await using var scope = app.Db();
        (await scope.Context.CalendarYears.AnyAsync(y => y.Year == 2032)).ShouldBeFalse();

        var staff = await app.BrowserClientAsync("daigongwei");
        var forbidden = await staff.GetAsync("/admin/calendar");
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        forbidden.Headers.Location!.ToString().ShouldContain("/forbidden");
    }
}

public sealed class CalendarApiTests_Sqlite(SqliteApp app) : CalendarApiTests(app), IClassFixture<SqliteApp>;
public sealed class CalendarApiTests_Postgres(PostgresApp app) : CalendarApiTests(app), IClassFixture<PostgresApp>;
