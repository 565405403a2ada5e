using Microsoft.EntityFrameworkCore;
using Renda.Web.Data;
using Renda.Web.Platform.Calendar;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Notifications;
using Renda.Web.Platform.Web;

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
            var answered = await SuggestionWorkflow.WithDetails(db).Where(s => s.Status == SuggestionStatus.Answered).ToListAsync(ct);
            foreach (var group in answered.GroupBy(s => s.CongressId))
            {
                var settings = await SuggestionSettings.ForAsync(db, group.Key, ct);
                foreach (var s in group)
                {
                    var answeredOn = s.AnsweredOn!.Value;
                    if (today > calendar.AddWorkingDays(answeredOn, settings.RatingWorkingDays))
                    {
                        s.CloseUnrated(today, now.UtcDateTime);
                        foreach (var d in (await Deadlines.RunningForAsync(db, SuggestionWorkflow.Subject, SuggestionWorkflow.Id(s), ct)).Where(d => d.Purpose == "rating"))
                            Deadlines.Cancel(db, d);
                        closed++;
                    }
                    else if (s.RatingReminderSentAt is null && today >= calendar.AddWorkingDays(answeredOn, settings.RatingReminderWorkingDays))
                    {
                        s.RatingReminderSentAt = now.UtcDateTime;
                        var deputies = s.Signers.Where(x => x.Status == CoSignerStatus.Confirmed).Select(x => x.DeputyId).Append(s.LeadDeputyId);
                        Notifier.Notify(db, await SuggestionWorkflow.DeputyAccountsAsync(db, s.CongressId, deputies, ct), $"请评价建议 {s.Number} 的答复",
                            $"《{s.Title}》已于 {answeredOn:yyyy年M月d日} 答复，请在 {calendar.AddWorkingDays(answeredOn, settings.RatingWorkingDays):yyyy年M月d日} 前评价；逾期未评价的不计入满意率。", SuggestionWorkflow.Link(s));
                        reminded++;
                    }
                }
            }
            await db.SaveChangesAsync(ct);
            return new(reminded, closed);
        }
        finally
        {
            _gate.Release();
        }
    }
}
