using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Platform.Calendar;

/// <summary>
/// The system administrator's queue: the holiday notice of this year, or of next year once the State Council publishes it
/// (国务院办公厅, usually in November), not yet loaded — until it is, clocks falling in that year are provisional (临时日历).
/// </summary>
public sealed class CalendarWorkbench : IWorkbenchItems
{
    /// <summary>From this month on, next year's notice is expected.</summary>
    public const int NoticeMonth = 11;

    public async Task<IReadOnlyList<WorkItem>> ForAsync(RendaDbContext db, CurrentUser user, DateOnly today, CancellationToken ct)
    {
        if (!user.Has(Role.SystemAdministrator)) return [];
        var loaded = await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(ct);
        var items = new List<WorkItem>();
        if (!loaded.Contains(today.Year))
            items.Add(new WorkItem("载入放假安排", $"{today.Year} 年的放假安排尚未载入，本年期限按临时日历计算", "/admin/calendar", null, ClockState.None, Urgency.Act));
        if (today.Month >= NoticeMonth && !loaded.Contains(today.Year + 1))
            items.Add(new WorkItem("载入放假安排", $"{today.Year + 1} 年的放假安排尚未载入（国务院办公厅每年11月前后发布通知）", "/admin/calendar", null, ClockState.None, Urgency.Decide));
        return items;
    }
}
