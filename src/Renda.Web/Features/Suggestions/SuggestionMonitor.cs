using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Notifications;
using Renda.Web.Platform.Modules;

namespace Renda.Web.Features.Suggestions;

public sealed record SuggestionMonitorResult(int Reminded, int ClosedUnrated);

/// <summary>
/// The rating period (评价): remind the signing deputies after 10 working days without a rating;
/// after 20 the suggestion is closed as unrated and excluded from the satisfaction rate
/// (重庆 第二十六—二十九条; 北京 第二十七条; both configurable). State lives in the rows
/// (RatingReminderSentAt, Status), so each step happens once across runs and restarts.
/// Runs with the deadline check (Renda:Deadlines:CheckMinutes).
/// </summary>
public sealed class SuggestionMonitor(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<SuggestionMonitor> logger) : PeriodicCheck(clock, config, logger)
{
    /// <summary>
    /// Suggestions changed per transaction. Every save holds the audit chain's lock, which each submission and answer
    /// waits for: after an import of history thousands may be due at once, and one save of them all held the lock for
    /// seconds in the middle of a session's closing burst (docs/BENCHMARKS.md).
    /// </summary>
    internal const int Batch = 200;

    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override Task TickAsync(DateTimeOffset now, CancellationToken ct) => RunOnceAsync(now, ct);

    public async Task<SuggestionMonitorResult> RunOnceAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
            var calendar = await scope.ServiceProvider.GetRequiredService<WorkCalendarCache>().GetAsync(db, ct);
            var today = WorkCalendar.LocalDate(now);
            int reminded = 0, closed = 0;
            foreach (var congressId in await db.Congresses.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct))
            {
                var settings = await Settings.ForAsync<SuggestionSettings>(db, congressId, ct);
                // Only what is due is read: the periods run in working days from the answer, so an answer on or before
                // the last such day is due, and the condition is a date range on the suggestions of the congress.
                var closeUpTo = LastDue(today, d => today > calendar.AddWorkingDays(d, settings.RatingWorkingDays));
                var remindUpTo = LastDue(today, d => today >= calendar.AddWorkingDays(d, settings.RatingReminderWorkingDays));
                var rating = SuggestionClocks.Purposes.Rating.Key;
                var answered = db.Set<Suggestion>().Where(s => s.CongressId == congressId && s.Status == SuggestionStatus.Answered);
                while (await answered.Where(s => s.AnsweredOn <= closeUpTo).OrderBy(s => s.Id).Take(Batch).ToListAsync(ct) is { Count: > 0 } due)
                {
                    var subjects = due.Select(SuggestionWorkflow.Id).ToList();
                    var clocks = await db.Deadlines.Where(d => d.SubjectType == SuggestionWorkflow.Subject && subjects.Contains(d.SubjectId) && d.Purpose == rating
                        && (d.Status == DeadlineStatus.Open || d.Status == DeadlineStatus.Overdue)).ToListAsync(ct);
                    foreach (var s in due)
                        s.CloseUnrated(today, now.UtcDateTime);
                    foreach (var d in clocks)
                        Deadlines.Cancel(db, d);
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    closed += due.Count;
                }
                while (await answered.Include(s => s.Signers).Where(s => s.RatingReminderSentAt == null && s.AnsweredOn <= remindUpTo).OrderBy(s => s.Id).Take(Batch)
                    .ToListAsync(ct) is { Count: > 0 } due)
                {
                    foreach (var s in due)
                    {
                        var answeredOn = s.AnsweredOn!.Value;
                        s.RatingReminderSentAt = now.UtcDateTime;
                        var deputies = s.Signers.Where(x => x.Signed).Select(x => x.DeputyId).Append(s.LeadDeputyId);
                        Notifier.Notify(db, await SuggestionWorkflow.DeputyAccountsAsync(db, s.CongressId, deputies, ct), $"请评价建议 {s.Number} 的答复",
                            $"《{s.Title}》已于 {answeredOn:yyyy年M月d日} 答复，请在 {calendar.AddWorkingDays(answeredOn, settings.RatingWorkingDays):yyyy年M月d日} 前评价；逾期未评价的不计入满意率。", SuggestionWorkflow.Link(s));
                    }
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    reminded += due.Count;
                }
            }
            return new(reminded, closed);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The last answer date for which <paramref name="due"/> holds today. AddWorkingDays only grows with the start date,
    /// so it holds for every earlier date too; the search goes back from today at most a few weeks (periods are at most
    /// 90 working days, SuggestionSettings).
    /// </summary>
    private static DateOnly LastDue(DateOnly today, Func<DateOnly, bool> due)
    {
        var day = today;
        while (!due(day)) day = day.AddDays(-1);
        return day;
    }
}
