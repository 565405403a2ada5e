namespace Renda.Web.Platform.Deadlines;

/// <summary>
/// What modules call to run legal clocks. All methods change tracked entities only; the caller
/// saves (in the same SaveChanges as the transition that started or ended the clock).
/// Inject <see cref="WorkCalendar"/> (scoped) to get the calendar.
/// </summary>
public static class Deadlines
{
    /// <summary>Longer than any statutory period; bounds the arithmetic.</summary>
    public const int MaxAmount = 1000;

    /// <summary>
    /// Starts a clock: e.g. a suggestion received on StartsOn must be assigned
    /// within 10 working days (unit WorkingDays, amount 10). The due date follows the counting
    /// rules of <see cref="WorkCalendar"/>; CalendarProvisional is set when it runs into a year
    /// whose holiday notice is not loaded.
    /// </summary>
    public static Deadline Start(RendaDbContext db, WorkCalendar calendar, ClockStart start)
    {
        var (clock, subject, owner) = (start.Clock, start.Subject, start.Owner);
        Require("subjectType", subject.Type, 50);
        Require("subjectId", subject.Id, 50);
        Require("title", clock.Title, 200);
        Require("rule", clock.Rule, 500);
        Require("source", clock.Source, 200);
        CheckPeriod(clock.Unit, clock.Amount);
        var deadline = new Deadline
        {
            CongressId = start.CongressId,
            SubjectType = subject.Type,
            SubjectId = subject.Id,
            Title = clock.Title,
            Rule = clock.Rule,
            Source = clock.Source,
            StartsOn = start.StartsOn,
            Unit = clock.Unit,
            Amount = clock.Amount,
            OwnerAccountId = owner.AccountId,
            OwnerHandlingUnitId = owner.HandlingUnitId,
            OwnerCommitteeId = owner.CommitteeId,
            Purpose = clock.Purpose.Key,
        };
        Recompute(deadline, calendar, WorkCalendar.Today(db.Clock));
        db.Deadlines.Add(deadline);
        return deadline;
    }

    /// <summary>
    /// Extends a clock by a further period counted from the current due date. The extension is
    /// recorded with its reason and approver (never hidden); a reason is required. An overdue
    /// clock whose new due date is not yet past is open again, and its escalation starts over.
    /// </summary>
    public static DeadlineExtension Extend(RendaDbContext db, WorkCalendar calendar, Deadline deadline, PeriodUnit unit, int amount, string? reason, int? approverAccountId)
    {
        switch (deadline.Status)
        {
            case DeadlineStatus.Open:
            case DeadlineStatus.Overdue:
                break;
            case DeadlineStatus.Met:
                throw DomainException.Conflict("该期限已完成，不能延期。");
            case DeadlineStatus.Cancelled:
                throw DomainException.Conflict("该期限已取消，不能延期。");
        }
        if (string.IsNullOrWhiteSpace(reason))
            throw DomainException.Invalid("reason", "延期必须说明理由。");
        if (reason.Trim().Length > 500)
            throw DomainException.Invalid("reason", "延期理由不超过 500 字。");
        CheckPeriod(unit, amount);
        if (unit == PeriodUnit.CalendarDaysBefore)
            throw DomainException.Invalid("unit", "延期只能向后延长（个工作日、日或个月）。");
        // Earlier extensions count too: make sure they are loaded before recomputing from scratch.
        var entry = db.Entry(deadline);
        if (entry.State is EntityState.Unchanged or EntityState.Modified && !entry.Collection(d => d.Extensions).IsLoaded)
            entry.Collection(d => d.Extensions).Load();
        var extension = new DeadlineExtension
        {
            Unit = unit,
            Amount = amount,
            Reason = reason.Trim(),
            ApprovedByAccountId = approverAccountId,
            At = db.Clock.GetUtcNow().UtcDateTime,
        };
        deadline.Extensions.Add(extension);
        Recompute(deadline, calendar, WorkCalendar.Today(db.Clock));
        return extension;
    }

    public static void Complete(RendaDbContext db, Deadline deadline) => deadline.Complete(db.Clock.GetUtcNow().UtcDateTime);

    public static void Cancel(RendaDbContext db, Deadline deadline) => deadline.Cancel(db.Clock.GetUtcNow().UtcDateTime);

    /// <summary>The running (open or overdue) clocks of a record, with their extensions, for a module to complete or cancel.</summary>
    public static Task<List<Deadline>> RunningForAsync(RendaDbContext db, string subjectType, string subjectId, CancellationToken ct = default)
        => db.Deadlines.Include(d => d.Extensions)
            .Where(d => d.SubjectType == subjectType && d.SubjectId == subjectId && (d.Status == DeadlineStatus.Open || d.Status == DeadlineStatus.Overdue))
            .OrderBy(d => d.Id).ToListAsync(ct);

    /// <summary>
    /// The reference date of a record's "N days before" clocks moved (a meeting was rescheduled): their due dates follow.
    /// Only clocks counted back from <paramref name="from"/> move; the caller saves.
    /// </summary>
    public static async Task MoveReferenceAsync(RendaDbContext db, WorkCalendar calendar, string subjectType, string subjectId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (from == to) return;
        var today = WorkCalendar.Today(db.Clock);
        foreach (var d in await RunningForAsync(db, subjectType, subjectId, ct))
            if (d.Unit == PeriodUnit.CalendarDaysBefore && d.StartsOn == from)
            {
                d.StartsOn = to;
                Recompute(d, calendar, today);
            }
    }

    /// <summary>
    /// Recomputes every running clock under <paramref name="calendar"/> (after a holiday notice is
    /// loaded). Extensions are kept. Returns how many clocks are running and how many due dates moved.
    /// </summary>
    public static async Task<(int Running, int Changed)> RecomputeOpenAsync(RendaDbContext db, WorkCalendar calendar, CancellationToken ct = default)
    {
        var today = WorkCalendar.Today(db.Clock);
        var running = await db.Deadlines.Include(d => d.Extensions)
            .Where(d => d.Status == DeadlineStatus.Open || d.Status == DeadlineStatus.Overdue).ToListAsync(ct);
        var moved = running.Where(d => Recompute(d, calendar, today)).ToList();
        foreach (var group in moved.GroupBy(d => d.SubjectType))
            if (Followers.TryGetValue(group.Key, out var follow))
                await follow(db, group.ToList(), ct);
        return (running.Count, moved.Count);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Func<RendaDbContext, IReadOnlyList<Deadline>, CancellationToken, Task>> Followers
        = new(StringComparer.Ordinal);

    /// <summary>
    /// A module that keeps a copy of a clock's due date on its own row (for an index, e.g. a suggestion's answer date) registers
    /// here to refresh it when a new holiday calendar moves that clock, in the same save: the clock stays the only source.
    /// </summary>
    public static void Follow(string subjectType, Func<RendaDbContext, IReadOnlyList<Deadline>, CancellationToken, Task> follow)
        => Followers[subjectType] = follow;

    /// <summary>
    /// How a module names the records its clocks run for, in Chinese ("代表建议"), and where a record's page is: the deadline list
    /// shows this under the clock's title instead of the stored code ("Suggestion 2"). Registered by the module at start-up.
    /// </summary>
    public static void Describe(string subjectType, string kind, Func<string, string>? page = null) => Subjects[subjectType] = (kind, page);

    /// <summary>The Chinese kind of a clock's record and the path of its page (null where the module names none).</summary>
    public static (string Kind, string? Page) SubjectOf(string subjectType, string subjectId)
        => Subjects.TryGetValue(subjectType, out var s) ? (s.Kind, s.Page?.Invoke(subjectId)) : ("其他事项", null);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Kind, Func<string, string>? Page)> Subjects = new(StringComparer.Ordinal);

    /// <summary>
    /// Derives the due date from the start, the period and the extensions in the order granted.
    /// Returns true if the due date moved. A moved due date re-arms the "due soon" reminder; a
    /// clock that is no longer past due is open again (so the monitor does not escalate it).
    /// </summary>
    public static bool Recompute(Deadline deadline, WorkCalendar calendar, DateOnly today)
    {
        var due = calendar.Due(deadline.StartsOn, deadline.Unit, deadline.Amount);
        // Ids grow with time; unsaved extensions (Id 0) are the newest. OrderBy is stable, so several unsaved keep their order.
        foreach (var extension in deadline.Extensions.OrderBy(e => e.Id == 0 ? int.MaxValue : e.Id))
            due = calendar.Due(due, extension.Unit, extension.Amount);
        deadline.CalendarProvisional = calendar.IsProvisional(deadline.StartsOn, due);
        var moved = due != deadline.DueOn;
        deadline.DueOn = due;
        if (moved && deadline is { Status: DeadlineStatus.Open, EscalationLevel: 0 })
            deadline.LastEscalatedAt = null;
        if (today <= due)
            deadline.Reopen();
        return moved;
    }

    public static string StatusLabel(DeadlineStatus status) => status switch
    {
        DeadlineStatus.Open => "进行中",
        DeadlineStatus.Met => "已完成",
        DeadlineStatus.Overdue => "已逾期",
        DeadlineStatus.Cancelled => "已取消",
    };

    public static string EscalationLabel(int level) => level switch
    {
        <= 0 => "",
        1 => "已提醒责任单位",
        2 => "已报送工作委员会",
        _ => "已报送主任会议",
    };

    private static void Require(string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw DomainException.Invalid(field, $"期限缺少 {field}。");
        if (value.Length > max)
            throw DomainException.Invalid(field, $"期限的 {field} 不超过 {max} 字。");
    }

    private static void CheckPeriod(PeriodUnit unit, int amount)
    {
        if (!Enum.IsDefined(unit))
            throw DomainException.Invalid("unit", "期间单位应为 WorkingDays、CalendarDays 或 Months。");
        if (amount is < 1 or > MaxAmount)
            throw DomainException.Invalid("amount", $"期间长度应为 1–{MaxAmount}。");
    }
}
