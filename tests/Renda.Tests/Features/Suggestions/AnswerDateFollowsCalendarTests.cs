using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Suggestions;
using Renda.Web.Platform.Calendar;
using Renda.Web.Platform.Deadlines;

namespace Renda.Tests.Features.Suggestions;

/// <summary>
/// A suggestion's answer date is its answer clocks' (docs/MODULES.md: a date derived from a clock is read from the clock). The
/// row keeps a copy for the statistics' index; when a holiday notice moves the clock, the copy moves in the same save.
/// </summary>
public abstract class AnswerDateFollowsCalendarTests(RendaApp app)
{
    [Fact]
    public async Task A_holiday_on_the_answer_due_date_moves_the_clock_and_the_suggestions_answer_date_with_it()
    {
        int id;
        DateOnly due;
        List<CalendarDay> year;
        await using (var scope = app.Db())
        {
            var db = scope.Context;
            var clocks = await db.Deadlines.AsNoTracking().Where(d => d.SubjectType == SuggestionWorkflow.Subject && d.Purpose!.StartsWith("answer:")
                && (d.Status == DeadlineStatus.Open || d.Status == DeadlineStatus.Overdue) && d.DueOn > new DateOnly(2026, 12, 31)).ToListAsync();
            var clock = clocks.GroupBy(d => d.SubjectId).Where(g => g.Count() == 1).Select(g => g.Single()).OrderBy(d => d.Id).First();
            (id, due) = (int.Parse(clock.SubjectId, System.Globalization.CultureInfo.InvariantCulture), clock.DueOn);
            (await db.Set<Suggestion>().AsNoTracking().SingleAsync(s => s.Id == id)).AnswerDueOn.ShouldBe(due);
            year = await db.CalendarDays.AsNoTracking().Where(d => d.Date.Year == due.Year).ToListAsync();
        }

        // The year's notice as published, with the due date made a holiday.
        var days = year.Where(d => d.Date != due).Select(d => new { name = d.Name, date = d.Date.ToString("yyyy-MM-dd"), isOffDay = d.IsOffDay })
            .Append(new { name = "临时假日", date = due.ToString("yyyy-MM-dd"), isOffDay = true }).ToList();
        var admin = await app.ApiClientAsync("sysadmin");
        var loaded = await admin.PostAsync("/api/v1/calendar/years", JsonContent.Create(new { year = due.Year, papers = Array.Empty<string>(), days }));
        loaded.StatusCode.ShouldBe(HttpStatusCode.OK, await loaded.Content.ReadAsStringAsync());

        var detail = await (await (await app.ApiClientAsync("daigongwei")).GetAsync($"/api/v1/suggestions/{id}")).ShouldBeOkJsonAsync();
        var shown = DateOnly.Parse(detail.GetProperty("answerDueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        shown.ShouldBeGreaterThan(due);
        await using (var scope = app.Db())
        {
            var clock = await scope.Context.Deadlines.AsNoTracking().SingleAsync(d => d.SubjectType == SuggestionWorkflow.Subject && d.SubjectId == id.ToString()
                && d.Purpose!.StartsWith("answer:") && (d.Status == DeadlineStatus.Open || d.Status == DeadlineStatus.Overdue));
            clock.DueOn.ShouldBe(shown);
        }
    }
}

public sealed class AnswerDateFollowsCalendarTests_Sqlite(SqliteApp app) : AnswerDateFollowsCalendarTests(app), IClassFixture<SqliteApp>;
public sealed class AnswerDateFollowsCalendarTests_Postgres(PostgresApp app) : AnswerDateFollowsCalendarTests(app), IClassFixture<PostgresApp>;
