using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Suggestions;
using Renda.Web.Platform.Deadlines;

namespace Renda.Tests.Features.Suggestions;

/// <summary>
/// The rating period's monitor after an import of history: hundreds of answers due at once are closed (or reminded)
/// in batches, each once, and only what is due is touched.
/// </summary>
public abstract class SuggestionMonitorTests(RendaApp app)
{
    /// <summary>Answered suggestions as an import of earlier years leaves them: their history replayed, without clocks.</summary>
    private async Task<List<int>> AnsweredAsync(int like, int unitId, int count, int year, int firstSerial, DateOnly answeredOn)
    {
        await using var scope = app.Db();
        var db = scope.Context;
        var model = await db.Set<Suggestion>().AsNoTracking().SingleAsync(s => s.Id == like);
        var received = answeredOn.AddMonths(-2);
        var at = received.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
        var rows = Enumerable.Range(firstSerial, count).Select(serial =>
        {
            var s = new Suggestion
            {
                CongressId = model.CongressId, Year = year, Title = $"关于历史导入第{serial}号建议的建议", Content = model.Content,
                Category = model.Category, LeadDeputyId = model.LeadDeputyId, CreatedByAccountId = model.CreatedByAccountId, CreatedAt = model.CreatedAt,
            };
            s.Submit(at, received, serial, model.CreatedByAccountId, "import");
            s.Assign(HandlingMode.LeadAndCo, [(unitId, AssignmentRole.Lead)], received, at, model.CreatedByAccountId, "import");
            return s;
        }).ToList();
        db.AddRange(rows);
        await db.SaveChangesAsync();
        foreach (var s in rows)
            s.Answer(unitId, "A", "已解决。", "局长", null, answeredOn, answeredOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc), model.CreatedByAccountId, "import");
        await db.SaveChangesAsync();
        return [.. rows.Select(r => r.Id)];
    }

    [Fact]
    public async Task Hundreds_of_overdue_answers_are_closed_in_batches_and_only_what_is_due_is_touched()
    {
        var deputy = await app.ApiClientAsync("daibiao");
        var staff = await app.ApiClientAsync("daigongwei");
        var unit = await app.ApiClientAsync("jiaoyuju");
        var live = await deputy.SubmitSuggestionAsync(title: "关于天峻县牧区学校冬季供暖的建议");
        var education = await app.UnitIdAsync("海西州教育局");
        await staff.AssignToLeadAsync(live, education);
        await unit.AnswerAsync(live); // Monday 2026-11-16: its rating clock runs to 12-14

        var overdue = await AnsweredAsync(live, education, SuggestionMonitor.Batch + 30, 2025, 7001, new DateOnly(2025, 6, 2));
        var awaiting = await AnsweredAsync(live, education, SuggestionMonitor.Batch + 10, 2026, 8001, new DateOnly(2026, 12, 1)); // reminder due 12-15, closing 12-29
        var fresh = await AnsweredAsync(live, education, 5, 2026, 8501, new DateOnly(2026, 12, 18));

        var monitor = app.Services.GetRequiredService<SuggestionMonitor>();
        var now = new DateTimeOffset(2026, 12, 21, 2, 0, 0, TimeSpan.Zero); // Monday 10:00 in Beijing
        var result = await monitor.RunOnceAsync(now);
        result.ClosedUnrated.ShouldBeGreaterThanOrEqualTo(SuggestionMonitor.Batch + 31);
        result.Reminded.ShouldBeGreaterThanOrEqualTo(SuggestionMonitor.Batch + 10);

        await using (var scope = app.Db())
        {
            var db = scope.Context;
            List<int> closing = [.. overdue, live];
            var closed = await db.Set<Suggestion>().Where(s => closing.Contains(s.Id)).Select(s => new { s.Status, s.RatingMissing, s.ClosedOn }).ToListAsync();
            closed.ShouldAllBe(s => s.Status == SuggestionStatus.Closed && s.RatingMissing && s.ClosedOn == new DateOnly(2026, 12, 21));
            (await db.Set<SuggestionEvent>().CountAsync(e => closing.Contains(e.SuggestionId) && e.Action == "未评价办结")).ShouldBe(closing.Count);
            (await db.Deadlines.SingleAsync(d => d.SubjectType == SuggestionWorkflow.Subject && d.SubjectId == live.ToString() && d.Purpose == SuggestionClocks.Purposes.Rating.Key))
                .Status.ShouldBe(DeadlineStatus.Cancelled);

            var reminded = await db.Set<Suggestion>().Where(s => awaiting.Contains(s.Id)).Select(s => new { s.Status, s.RatingReminderSentAt }).ToListAsync();
            reminded.ShouldAllBe(s => s.Status == SuggestionStatus.Answered && s.RatingReminderSentAt == now.UtcDateTime);
            (await db.Notifications.CountAsync(n => n.Title == $"请评价建议 2026-{8001 + SuggestionMonitor.Batch} 的答复")).ShouldBe(1);
            (await db.Set<Suggestion>().Where(s => fresh.Contains(s.Id)).ToListAsync())
                .ShouldAllBe(s => s.Status == SuggestionStatus.Answered && s.RatingReminderSentAt == null);
        }

        // Each step once: nothing is due any more.
        var again = await monitor.RunOnceAsync(now);
        again.ClosedUnrated.ShouldBe(0);
        again.Reminded.ShouldBe(0);
    }
}

public sealed class SuggestionMonitorTests_Sqlite(SqliteApp app) : SuggestionMonitorTests(app), IClassFixture<SqliteApp>;
public sealed class SuggestionMonitorTests_Postgres(PostgresApp app) : SuggestionMonitorTests(app), IClassFixture<PostgresApp>;
