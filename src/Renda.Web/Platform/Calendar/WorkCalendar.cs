using System.Globalization;
using Renda.Web.Platform.Deadlines;

namespace Renda.Web.Platform.Calendar;

/// <summary>
/// The working-day calendar of the PRC as loaded: Monday–Friday, minus official holidays, plus
/// worked weekend days (调休). An immutable snapshot: get the current one by injecting
/// <see cref="WorkCalendar"/> (scoped) or from <see cref="WorkCalendarCache"/>.
///
/// How periods are counted (民法典 第二百零一条至第二百零三条; 民事诉讼法 第八十五条, which
/// 行政诉讼法 第一百零一条 and 行政复议法 第八十八条 apply to administrative cases too):
/// the day the period starts is not counted, counting begins the next day; a period in months
/// ends on the corresponding day of the last month, or that month's last day if it has none;
/// and "期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期" — a period
/// ending on a holiday or weekend ends on the first working day after it.
/// </summary>
public sealed class WorkCalendar
{
    private readonly Dictionary<DateOnly, HolidayEntry> _days;
    private readonly HashSet<int> _loadedYears;

    public WorkCalendar(IEnumerable<HolidayEntry> days, IEnumerable<int> loadedYears)
    {
        _days = days.ToDictionary(d => d.Date);
        _loadedYears = [.. loadedYears];
    }

    /// <summary>Years whose State Council notice is loaded. Other years count as plain weekends.</summary>
    public IReadOnlyCollection<int> LoadedYears => _loadedYears;

    public bool IsLoaded(int year) => _loadedYears.Contains(year);

    /// <summary>The holiday or make-up day on that date, if the notice names it.</summary>
    public HolidayEntry? SpecialDay(DateOnly date) => _days.GetValueOrDefault(date);

    public IEnumerable<HolidayEntry> SpecialDaysOf(int year) => _days.Values.Where(d => d.Date.Year == year).OrderBy(d => d.Date);

    public bool IsWorkingDay(DateOnly date)
        => _days.TryGetValue(date, out var day) ? !day.IsOffDay : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The date itself if it is a working day, else the first working day after it.</summary>
    public DateOnly NextWorkingDayFrom(DateOnly date)
    {
        while (!IsWorkingDay(date))
            date = date.AddDays(1);
        return date;
    }

    /// <summary>The date itself if it is a working day, else the last working day before it.</summary>
    public DateOnly PreviousWorkingDayFrom(DateOnly date)
    {
        while (!IsWorkingDay(date))
            date = date.AddDays(-1);
        return date;
    }

    /// <summary>
    /// "N个工作日内" counted from <paramref name="start"/>: the start day is not counted, so the
    /// result is the N-th working day after it (negative N counts backwards; 0 is the start itself).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        var step = n < 0 ? -1 : 1;
        var date = start;
        for (var left = Math.Abs(n); left > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
                left--;
        }
        return date;
    }

    /// <summary>"N日内": N calendar days after the start; a period ending on a day off ends on the next working day.</summary>
    public DateOnly AddCalendarDays(DateOnly start, int n) => NextWorkingDayFrom(start.AddDays(n));

    /// <summary>
    /// "N个月内": the corresponding day N months later, clamped to the month's end (1-31 + 1 month =
    /// 2-28/29, 民法典 第二百零二条); ending on a day off, it moves to the next working day
    /// (民事诉讼法 第八十五条第三款, 民法典 第二百零三条).
    /// </summary>
    public DateOnly AddMonths(DateOnly start, int n) => NextWorkingDayFrom(start.AddMonths(n));

    /// <summary>
    /// "在会议举行N日前": the N-th calendar day before <paramref name="reference"/>. The act must be done by then, so a
    /// day off moves the due date to the working day before it; moving it later would leave fewer than N days (监督法 第十五条).
    /// </summary>
    public DateOnly SubtractCalendarDays(DateOnly reference, int n) => PreviousWorkingDayFrom(reference.AddDays(-n));

    /// <summary>The last day of a period of <paramref name="amount"/> units starting on <paramref name="start"/>.</summary>
    public DateOnly Due(DateOnly start, PeriodUnit unit, int amount) => unit switch
    {
        PeriodUnit.WorkingDays => AddWorkingDays(start, amount),
        PeriodUnit.CalendarDays => AddCalendarDays(start, amount),
        PeriodUnit.Months => AddMonths(start, amount),
        PeriodUnit.CalendarDaysBefore => SubtractCalendarDays(start, amount),
    };

    /// <summary>Working days in (from, to]: how many are left until a due date, or have passed since it. Negative when to &lt; from.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
            return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsWorkingDay(d))
                count++;
        return count;
    }

    /// <summary>True if a period from..to runs through a year whose notice is not loaded: its due date may still move.</summary>
    public bool IsProvisional(DateOnly from, DateOnly to)
    {
        for (var year = Math.Min(from.Year, to.Year); year <= Math.Max(from.Year, to.Year); year++)
            if (!IsLoaded(year))
                return true;
        return false;
    }

    /// <summary>The business date in China (UTC+8, no daylight saving) of an instant.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime.AddHours(8));

    public static DateOnly Today(TimeProvider clock) => LocalDate(clock.GetUtcNow());

    public static string Describe(PeriodUnit unit, int amount) => unit switch
    {
        PeriodUnit.WorkingDays => $"{amount}个工作日",
        PeriodUnit.CalendarDays => $"{amount}日",
        PeriodUnit.Months => $"{amount}个月",
        PeriodUnit.CalendarDaysBefore => $"{amount}日前",
    };

    // ---- Loading from and writing to the database -------------------------------------------

    public static async Task<WorkCalendar> LoadAsync(RendaDbContext db, CancellationToken ct = default)
    {
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        var years = await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(ct);
        return new WorkCalendar(days.Select(d => new HolidayEntry(d.Date, d.Name, d.IsOffDay)), years);
    }

    /// <summary>Synchronous load, for the scoped service factory (runs once per cache refresh).</summary>
    public static WorkCalendar Load(RendaDbContext db)
    {
        var days = db.CalendarDays.AsNoTracking().ToList();
        var years = db.CalendarYears.AsNoTracking().Select(y => y.Year).ToList();
        return new WorkCalendar(days.Select(d => new HolidayEntry(d.Date, d.Name, d.IsOffDay)), years);
    }

    /// <summary>Where the holiday-cn files shipped with the program are (copied to the output folder).</summary>
    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "Data", "Calendar");

    /// <summary>
    /// At start-up: loads every shipped year not yet in the database, oldest first (so a year's
    /// December entries from the next notice land after that year). Idempotent; years without
    /// days (notice not published) are skipped and stay "not loaded".
    /// </summary>
    public static async Task EnsureShippedCalendarAsync(RendaDbContext db)
    {
        if (!Directory.Exists(ShippedFolder))
            return;
        var loaded = (await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync()).ToHashSet();
        foreach (var path in Directory.GetFiles(ShippedFolder, "*.json").Order(StringComparer.Ordinal))
        {
            HolidayFile file;
            await using (var stream = File.OpenRead(path))
                file = await HolidayFile.ReadAsync(stream);
            if (loaded.Contains(file.Year) || file.Days.Count == 0)
                continue;
            await ImportAsync(db, file, $"holiday-cn {Path.GetFileName(path)}（随程序发布）");
        }
    }

    /// <summary>Loads or replaces one year from a holiday-cn JSON stream (admin page, API, CLI). Returns a summary in Chinese.</summary>
    public static async Task<string> ImportYearAsync(RendaDbContext db, Stream json, string source)
        => (await ImportAsync(db, await HolidayFile.ReadAsync(json), source)).Summary;

    /// <summary>
    /// Writes a parsed notice and recomputes every open deadline under the new calendar, in one
    /// save (so one transaction with its audit records): either all of it happens or nothing.
    /// </summary>
    public static async Task<CalendarImportResult> ImportAsync(RendaDbContext db, HolidayFile file, string source, CancellationToken ct = default)
    {
        if (file.Days.Count == 0)
            throw DomainException.Invalid("days", $"{file.Year} 年的放假安排尚未发布（days 为空），未载入；该年继续按普通周末计算。");

        var rows = await db.CalendarDays.ToDictionaryAsync(d => d.Date, ct);
        var yearRows = await db.CalendarYears.ToDictionaryAsync(y => y.Year, ct);
        var days = rows.Values.ToDictionary(d => d.Date, d => new HolidayEntry(d.Date, d.Name, d.IsOffDay));
        var years = yearRows.Keys.ToHashSet();
        Apply(days, years, file);

        foreach (var (date, row) in rows)
            if (!days.ContainsKey(date))
                db.CalendarDays.Remove(row);
        foreach (var (date, entry) in days)
        {
            if (!rows.TryGetValue(date, out var row))
                db.CalendarDays.Add(new CalendarDay { Date = date, Name = entry.Name, IsOffDay = entry.IsOffDay });
            else if (row.Name != entry.Name || row.IsOffDay != entry.IsOffDay)
                (row.Name, row.IsOffDay) = (entry.Name, entry.IsOffDay);
        }
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var trimmedSource = source.Length > 200 ? source[..200] : source;
        if (yearRows.TryGetValue(file.Year, out var yearRow))
            (yearRow.LoadedAt, yearRow.Source) = (now, trimmedSource);
        else
            db.CalendarYears.Add(new CalendarYear { Year = file.Year, LoadedAt = now, Source = trimmedSource });

        var calendar = new WorkCalendar(days.Values, years);
        var (open, changed) = await Platform.Deadlines.Deadlines.RecomputeOpenAsync(db, calendar, ct);
        await db.SaveChangesAsync(ct);
        WorkCalendarCache.Invalidate();

        var off = file.Days.Count(d => d.IsOffDay && d.Date.Year == file.Year);
        var worked = file.Days.Count(d => !d.IsOffDay && d.Date.Year == file.Year);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"已载入 {file.Year} 年放假安排（来源：{trimmedSource}）：放假 {off} 天，调休上班 {worked} 天；重新计算未完成的期限 {open} 个，其中 {changed} 个到期日改变。");
        return new CalendarImportResult(file.Year, off, worked, open, changed, summary);
    }

    /// <summary>
    /// Merges one year's notice into the set of special days. A notice governs its own year, so
    /// days of that year it does not name are dropped — except December when the next year's
    /// notice is already loaded: the next notice (published later) may rearrange December around
    /// New Year (2023's notice gives 2022-12-31 off), so there December days are only added, never
    /// dropped or overwritten. Its entries for the previous December are written (it is the later
    /// notice); its entries for the next January only if that year's own notice is not loaded.
    /// </summary>
    public static void Apply(IDictionary<DateOnly, HolidayEntry> days, ISet<int> loadedYears, HolidayFile file)
    {
        var year = file.Year;
        var nextLoaded = loadedYears.Contains(year + 1);
        var listed = file.Days.Select(d => d.Date).ToHashSet();
        foreach (var date in days.Keys.Where(d => d.Year == year).ToList())
            if (!listed.Contains(date) && !(nextLoaded && date.Month == 12))
                days.Remove(date);
        foreach (var entry in file.Days)
        {
            if (entry.Date.Year == year + 1 && nextLoaded)
                continue;
            if (entry.Date.Year == year && entry.Date.Month == 12 && nextLoaded && days.ContainsKey(entry.Date))
                continue;
            days[entry.Date] = entry;
        }
        loadedYears.Add(year);
    }

    /// <summary>A calendar built from notices in memory, applied in order (tests, previews).</summary>
    public static WorkCalendar FromFiles(IEnumerable<HolidayFile> files)
    {
        var days = new Dictionary<DateOnly, HolidayEntry>();
        var years = new HashSet<int>();
        foreach (var file in files.Where(f => f.Days.Count > 0))
            Apply(days, years, file);
        return new WorkCalendar(days.Values, years);
    }
}

public sealed record CalendarImportResult(int Year, int OffDays, int WorkedWeekendDays, int OpenDeadlines, int DueDatesChanged, string Summary);

public static class CalendarSetup
{
    public static IServiceCollection AddRendaCalendar(this IServiceCollection services)
    {
        services.AddSingleton<WorkCalendarCache>();
        services.AddSingleton<Web.Pages.IWorkbenchItems, CalendarWorkbench>();
        // Modules inject WorkCalendar directly; the snapshot comes from the cache (loaded at most once per import or 10 minutes).
        services.AddScoped(sp => sp.GetRequiredService<WorkCalendarCache>().Get(sp.GetRequiredService<RendaDbContext>()));
        return services;
    }
}

/// <summary>
/// Keeps the current calendar snapshot so working-day arithmetic needs no query. An import in
/// this process invalidates it at once; a snapshot also expires after 10 minutes so that an
/// import by the command-line tool or another server instance is seen without a restart.
/// </summary>
public sealed class WorkCalendarCache(TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);
    // Static: ImportAsync is static and has only the DbContext; bumping it in one app of a test process only costs others a reload.
    private static int s_generation;
    private Entry? _entry;

    private sealed record Entry(WorkCalendar Calendar, int Generation, DateTimeOffset LoadedAt);

    public static void Invalidate() => Interlocked.Increment(ref s_generation);

    public async Task<WorkCalendar> GetAsync(RendaDbContext db, CancellationToken ct = default)
    {
        var generation = Volatile.Read(ref s_generation);
        if (Fresh(generation) is { } calendar)
            return calendar;
        calendar = await WorkCalendar.LoadAsync(db, ct);
        _entry = new Entry(calendar, generation, clock.GetUtcNow());
        return calendar;
    }

    public WorkCalendar Get(RendaDbContext db)
    {
        var generation = Volatile.Read(ref s_generation);
        if (Fresh(generation) is { } calendar)
            return calendar;
        calendar = WorkCalendar.Load(db);
        _entry = new Entry(calendar, generation, clock.GetUtcNow());
        return calendar;
    }

    private WorkCalendar? Fresh(int generation)
    {
        var entry = _entry;
        return entry is not null && entry.Generation == generation && (clock.GetUtcNow() - entry.LoadedAt).Duration() < MaxAge ? entry.Calendar : null;
    }
}
