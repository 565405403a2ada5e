using System.Globalization;
using Renda.Web.Platform.Notifications;

namespace Renda.Web.Platform.Deadlines;

public sealed record MonitorResult(int Reminded, int MarkedOverdue, int Escalated, int Notifications);

/// <summary>
/// Watches running clocks: reminds owners 3 working days before the due date, marks clocks past
/// it overdue, and escalates overdue ones step by step —
/// level 1 on becoming overdue: the owner and the owning unit's officers (the unit's head);
/// level 2 after 5 working days overdue: staff of the owning committee (or all committee staff);
/// level 3 after 10 working days overdue: the Council of Chairpersons (主任会议).
/// Every step is decided from the due date and recorded on the row (Status, EscalationLevel,
/// LastEscalatedAt) in the same save as its notifications, so each is sent once across runs and
/// restarts, and a monitor that was down catches up one step at a time.
/// Runs every Renda:Deadlines:CheckMinutes (default 15; 0 switches the timer off).
/// </summary>
public sealed class DeadlineMonitor(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<DeadlineMonitor> logger) : PeriodicCheck(clock, config, logger)
{
    public const int ReminderWorkingDays = 3;
    public const int CommitteeAfterWorkingDays = 5;
    public const int CouncilAfterWorkingDays = 10;
    private const long AdvisoryLockKey = 0x52454e4444; // "RENDD": one monitor run at a time across server instances

    // One run at a time in this process (the timer and a test or operator calling RunOnceAsync).
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override async Task TickAsync(DateTimeOffset now, CancellationToken ct)
    {
        var result = await RunOnceAsync(now, ct);
        if (result.Notifications > 0)
            logger.LogInformation("Deadline check: {Reminded} reminded, {Overdue} overdue, {Escalated} escalated, {Notifications} notifications",
                result.Reminded, result.MarkedOverdue, result.Escalated, result.Notifications);
    }

    /// <summary>One check as of <paramref name="now"/>. Safe to call any number of times: a second call at the same moment changes nothing.</summary>
    public async Task<MonitorResult> RunOnceAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
            var calendar = await scope.ServiceProvider.GetRequiredService<WorkCalendarCache>().GetAsync(db, ct);
            await using var tx = db.Provider == DatabaseProvider.Postgres ? await db.Database.BeginTransactionAsync(ct) : null;
            if (tx is not null)
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
            var result = await CheckAsync(db, calendar, now, ct);
            await db.SaveChangesAsync(ct);
            if (tx is not null)
                await tx.CommitAsync(ct);
            LastRunAt = now;
            LastRunFailed = false;
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<MonitorResult> CheckAsync(RendaDbContext db, WorkCalendar calendar, DateTimeOffset now, CancellationToken ct)
    {
        var today = WorkCalendar.LocalDate(now);
        var at = now.UtcDateTime;
        var horizon = calendar.AddWorkingDays(today, ReminderWorkingDays);
        var candidates = await db.Deadlines
            .Where(d => (d.Status == DeadlineStatus.Open && d.DueOn <= horizon) || (d.Status == DeadlineStatus.Overdue && d.EscalationLevel < 3))
            .OrderBy(d => d.DueOn).ThenBy(d => d.Id)
            .ToListAsync(ct);
        var recipients = new Recipients(db);
        int reminded = 0, overdue = 0, escalated = 0, notifications = 0;
        foreach (var d in candidates)
        {
            if (d.Status == DeadlineStatus.Open && d.DueOn >= today)
            {
                if (d.EscalationLevel == 0 && d.LastEscalatedAt is null)
                {
                    var left = calendar.WorkingDaysBetween(today, d.DueOn);
                    var when = left == 0 ? "今日到期" : $"还剩 {left} 个工作日";
                    notifications += Notifier.Notify(db, await recipients.OwnersAsync(d, ct), $"期限将至（{when}）：{d.Title}",
                        $"{d.Rule}（{d.Source}）。到期日：{Day(d.DueOn)}。", Link(d)).Count;
                    d.LastEscalatedAt = at;
                    reminded++;
                }
                continue;
            }
            if (d.Status == DeadlineStatus.Open)
            {
                d.MarkOverdue();
                overdue++;
            }
            var overdueWorkingDays = calendar.WorkingDaysBetween(d.DueOn, today);
            var target = overdueWorkingDays >= CouncilAfterWorkingDays ? 3 : overdueWorkingDays >= CommitteeAfterWorkingDays ? 2 : 1;
            while (d.EscalationLevel < target)
            {
                d.EscalationLevel++;
                d.LastEscalatedAt = at;
                escalated++;
                var (who, title) = d.EscalationLevel switch
                {
                    1 => (await recipients.OwnersAsync(d, ct), $"期限已逾期：{d.Title}"),
                    2 => (await recipients.CommitteeStaffAsync(d, ct), $"逾期督办（已逾期 {CommitteeAfterWorkingDays} 个工作日以上）：{d.Title}"),
                    _ => (await recipients.ChairpersonsAsync(d, ct), $"逾期提请主任会议（已逾期 {CouncilAfterWorkingDays} 个工作日以上）：{d.Title}"),
                };
                notifications += Notifier.Notify(db, who, title,
                    $"{d.Rule}（{d.Source}）。到期日：{Day(d.DueOn)}，至今已逾期 {overdueWorkingDays} 个工作日。", Link(d)).Count;
            }
        }
        return new MonitorResult(reminded, overdue, escalated, notifications);
    }

    public static string Link(Deadline d) => string.Create(CultureInfo.InvariantCulture, $"/deadlines?id={d.Id}");

    private static string Day(DateOnly d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    /// <summary>Who hears about a clock at each step; looked up once per run and owner.</summary>
    private sealed class Recipients(RendaDbContext db)
    {
        private readonly Dictionary<string, List<int>> _cache = [];

        /// <summary>The owner account and the officers of the owning unit; if there are none, the committee staff.</summary>
        public async Task<List<int>> OwnersAsync(Deadline d, CancellationToken ct)
        {
            var ids = new List<int>();
            if (d.OwnerAccountId is { } owner && await db.Accounts.AnyAsync(a => a.Id == owner && a.Enabled, ct))
                ids.Add(owner);
            if (d.OwnerHandlingUnitId is { } unit)
                ids.AddRange(await Cached($"unit:{unit}", () => Accounts(d.CongressId, Role.HandlingUnitOfficer)
                    .Where(a => a.Roles.Any(r => r.Role == Role.HandlingUnitOfficer && r.HandlingUnitId == unit)), ct));
            return ids.Count > 0 ? ids.Distinct().ToList() : await CommitteeStaffAsync(d, ct);
        }

        /// <summary>Staff of the owning committee; without one (or if it has no staff), all committee staff of the congress.</summary>
        public async Task<List<int>> CommitteeStaffAsync(Deadline d, CancellationToken ct)
        {
            if (d.OwnerCommitteeId is { } committee)
            {
                var staff = await Cached($"committee:{committee}", () => Accounts(d.CongressId, Role.CommitteeStaff)
                    .Where(a => a.Roles.Any(r => r.Role == Role.CommitteeStaff && r.CommitteeId == committee)), ct);
                if (staff.Count > 0)
                    return staff;
            }
            return await Cached($"staff:{d.CongressId}", () => Accounts(d.CongressId, Role.CommitteeStaff), ct);
        }

        public Task<List<int>> ChairpersonsAsync(Deadline d, CancellationToken ct)
            => Cached($"council:{d.CongressId}", () => Accounts(d.CongressId, Role.ChairpersonsCouncilMember), ct);

        private IQueryable<Account> Accounts(int congressId, Role role)
            => db.Accounts.AsNoTracking().Where(a => a.Enabled && a.CongressId == congressId && a.Roles.Any(r => r.Role == role));

        private async Task<List<int>> Cached(string key, Func<IQueryable<Account>> query, CancellationToken ct)
        {
            if (!_cache.TryGetValue(key, out var ids))
                _cache[key] = ids = await query().OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
            return ids;
        }
    }
}
