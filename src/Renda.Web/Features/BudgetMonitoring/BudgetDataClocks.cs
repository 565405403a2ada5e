using Renda.Web.Platform.Deadlines;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>
/// The data-timeliness clock (issue 17): each month of the current budget year has a clock, started from the month's last day
/// (due BudgetSettings.DataDueWorkingDays working days later, owned by the finance bureau when the congress names it) and
/// completed when a payments batch for that month arrives. A late month is then marked overdue and escalated by the platform's
/// deadline monitor like any other clock.
/// </summary>
public static class BudgetDataClocks
{
    /// <summary>Starts the clocks of this year's months that have none; the caller saves.</summary>
    public static async Task EnsureYearAsync(RendaDbContext db, WorkCalendar calendar, int congressId, int year, CancellationToken ct)
    {
        var prefix = $"{year:D4}-";
        var started = await db.Deadlines.AsNoTracking()
            .Where(d => d.CongressId == congressId && d.SubjectType == BudgetClocks.DataSubject && d.SubjectId.StartsWith(prefix))
            .Select(d => d.SubjectId).ToListAsync(ct);
        var received = await ReceivedMonthsAsync(db, congressId, year, ct);
        var settings = await Settings.ForAsync<BudgetSettings>(db, congressId, ct);
        for (var month = 1; month <= 12; month++)
        {
            var subject = BudgetClocks.OfMonth(year, month);
            if (started.Contains(subject.Id)) continue;
            var end = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
            var deadline = Deadlines.Start(db, calendar, new ClockStart(congressId, subject, BudgetClocks.Data(settings, year, month), end,
                settings.FinanceBureauUnitId is { } unit ? ClockOwner.Unit(unit) : default));
            if (received.Contains(month))
                Deadlines.Complete(db, deadline);
        }
    }

    /// <summary>A payments batch for these months arrived: their clocks stop (inside the batch's transaction; the caller saves).</summary>
    public static async Task ReceivedAsync(RendaDbContext db, WorkCalendar calendar, int congressId, int year, IReadOnlySet<int> months, CancellationToken ct)
    {
        if (year == WorkCalendar.Today(db.Clock).Year)
        {
            await EnsureYearAsync(db, calendar, congressId, year, ct);
            await db.SaveChangesAsync(ct);
        }
        foreach (var month in months)
        {
            var subject = BudgetClocks.OfMonth(year, month);
            foreach (var d in await db.Deadlines.Where(d => d.CongressId == congressId && d.SubjectType == subject.Type && d.SubjectId == subject.Id
                                                           && (d.Status == DeadlineStatus.Open || d.Status == DeadlineStatus.Overdue)).ToListAsync(ct))
                Deadlines.Complete(db, d);
        }
    }

    private static async Task<HashSet<int>> ReceivedMonthsAsync(RendaDbContext db, int congressId, int year, CancellationToken ct)
        => (await db.Set<BudgetBatch>().AsNoTracking()
            .Where(b => b.CongressId == congressId && b.Year == year && b.Kind == BudgetDataKind.Payments && b.Month != null)
            .Select(b => b.Month!.Value).Distinct().ToListAsync(ct)).ToHashSet();
}

/// <summary>
/// Loads the shipped classification codes at start and keeps the current year's data clocks started for every congress that
/// uses the module (has budget units): a new year's clocks start without waiting for its first batch.
/// </summary>
public sealed class BudgetDataClockCheck(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<BudgetDataClockCheck> logger)
    : Platform.Web.PeriodicCheck(clock, config, logger)
{
    protected override int DefaultMinutes => 60;

    protected override async Task TickAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
        await BudgetReferenceData.EnsureLoadedAsync(db, ct);
        var calendar = scope.ServiceProvider.GetRequiredService<WorkCalendar>();
        var year = WorkCalendar.Today(db.Clock).Year;
        foreach (var congressId in await db.Set<BudgetUnit>().Select(u => u.CongressId).Distinct().ToListAsync(ct))
            await BudgetDataClocks.EnsureYearAsync(db, calendar, congressId, year, ct);
        await db.SaveChangesAsync(ct);
    }
}
