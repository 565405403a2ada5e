using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Renda.Web.Platform.Deadlines;

namespace Renda.Web.Platform.Web.Pages;

/// <summary>Where an item's clock stands: overdue, due within <see cref="Workbench.SoonDays"/> days, later, or no clock at all.</summary>
public enum ClockState { Overdue = 1, DueSoon = 2, Later = 3, None = 4 }

/// <summary>
/// How pressing an item is apart from its clock (higher first): something happening now (a vote open, a meeting today), a step
/// only this person can take, a decision waiting in a queue, and what is only worth knowing (progress, the next meeting).
/// </summary>
public static class Urgency
{
    public const int Now = 40;
    public const int Act = 30;
    public const int Decide = 20;
    public const int Know = 10;
}

/// <summary>
/// One line of the workbench: what to do (Kind, e.g. 待受理), about what (Title), and the page where it is done (Href) — never a
/// list; with the clock's due date where a clock runs.
/// </summary>
public sealed record WorkItem(string Kind, string Title, string Href, DateOnly? DueOn, ClockState Clock, int Urgency)
{
    /// <summary>An item whose clock decides its place: an overdue one comes first whatever its urgency.</summary>
    public static WorkItem Due(string kind, string title, string href, DateOnly? dueOn, DateOnly today, int urgency)
        => new(kind, title, href, dueOn, Workbench.StateOf(dueOn, today), urgency);

    public string ClockLabel(DateOnly today) => (Clock, DueOn) switch
    {
        (ClockState.Overdue, { } d) => $"已逾期 {today.DayNumber - d.DayNumber} 天（{d:yyyy-MM-dd}）",
        (ClockState.DueSoon, { } d) when d == today => "今天到期",
        (ClockState.DueSoon, { } d) => $"{d.DayNumber - today.DayNumber} 天后到期（{d:yyyy-MM-dd}）",
        (_, { } d) => $"{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 到期",
        _ => "",
    };
}

/// <summary>
/// A module's contribution to the workbench (the signed-in home page and GET /api/v1/workbench), registered in the module's
/// AddX: the platform asks every registered source for this user's items and never names a module's tables. A source returns
/// nothing for a role it has no work for.
/// </summary>
public interface IWorkbenchItems
{
    Task<IReadOnlyList<WorkItem>> ForAsync(RendaDbContext db, CurrentUser user, DateOnly today, CancellationToken ct);
}

public static class Workbench
{
    /// <summary>"Due this week": a clock due within this many days is shown as due soon.</summary>
    public const int SoonDays = 7;

    /// <summary>A source lists at most this many items of one kind; the rest are in the module's own list.</summary>
    public const int PerKind = 20;

    /// <summary>The kind of a line that only says a clock runs (<see cref="ClocksAsync"/>).</summary>
    public const string ClockKind = "本周到期";

    /// <summary>The kind of a line whose clock has run out.</summary>
    public const string OverdueKind = "期限已过";

    public static ClockState StateOf(DateOnly? due, DateOnly today) => due switch
    {
        null => ClockState.None,
        { } d when d < today => ClockState.Overdue,
        { } d when d.DayNumber - today.DayNumber <= SoonDays => ClockState.DueSoon,
        _ => ClockState.Later,
    };

    /// <summary>Overdue first (the longest overdue first), then by urgency, then the nearest due date; the title keeps the order stable.</summary>
    public static List<WorkItem> Sort(IEnumerable<WorkItem> items) => items
        .OrderBy(i => i.Clock == ClockState.Overdue ? 0 : 1)
        .ThenByDescending(i => i.Clock == ClockState.DueSoon ? Math.Max(i.Urgency, Urgency.Act) : i.Urgency)
        .ThenBy(i => i.DueOn ?? DateOnly.MaxValue)
        .ThenBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.Title, StringComparer.Ordinal).ThenBy(i => i.Href, StringComparer.Ordinal)
        .ToList();

    public static async Task<List<WorkItem>> ForAsync(IEnumerable<IWorkbenchItems> sources, RendaDbContext db, CurrentUser user, CancellationToken ct)
    {
        var today = WorkCalendar.Today(db.Clock);
        var items = new List<WorkItem>();
        foreach (var source in sources)
            items.AddRange(await source.ForAsync(db, user, today, ct));
        // A subject's clock line folds into the module's own line for that page (the earlier due date wins); clock lines of a
        // page without one are kept once. A module's own lines are all kept (two trainings share the deputy's page).
        static bool IsClock(WorkItem i) => i.Kind is ClockKind or OverdueKind;
        var clocks = items.Where(IsClock).GroupBy(i => i.Href).ToDictionary(g => g.Key, g => g.OrderBy(i => i.DueOn).First());
        var merged = new List<WorkItem>();
        foreach (var item in items.Where(i => !IsClock(i)))
        {
            if (clocks.TryGetValue(item.Href, out var clock) && clock.DueOn is { } due && (item.DueOn is null || due < item.DueOn))
                merged.Add(item with { DueOn = due, Clock = StateOf(due, today) });
            else
                merged.Add(item);
        }
        var covered = merged.Select(i => i.Href).ToHashSet();
        merged.AddRange(clocks.Values.Where(c => !covered.Contains(c.Href)));
        return Sort(merged);
    }

    /// <summary>
    /// The running clocks of one subject type that are overdue or due soon, for the staff who watch all of them (or, with units,
    /// those the units own): each a line to the subject's page as the module registered it (<see cref="Platform.Deadlines.Deadlines.Describe"/>),
    /// unless this reader acts somewhere else (<paramref name="page"/>).
    /// </summary>
    public static async Task<List<WorkItem>> ClocksAsync(RendaDbContext db, int congressId, string subjectType, DateOnly today,
        IReadOnlyCollection<int>? ownedByUnits, CancellationToken ct, Func<string, string>? page = null)
    {
        var until = today.AddDays(SoonDays);
        var q = db.Deadlines.AsNoTracking().Where(d => d.CongressId == congressId && d.SubjectType == subjectType
            && (d.Status == DeadlineStatus.Open || d.Status == DeadlineStatus.Overdue) && d.DueOn <= until);
        if (ownedByUnits is not null) q = q.Where(d => d.OwnerHandlingUnitId != null && ownedByUnits.Contains(d.OwnerHandlingUnitId.Value));
        var rows = await q.OrderBy(d => d.DueOn).ThenBy(d => d.Id).Take(PerKind).Select(d => new { d.SubjectId, d.Title, d.DueOn }).ToListAsync(ct);
        string Href(string id) => page?.Invoke(id) ?? Platform.Deadlines.Deadlines.SubjectOf(subjectType, id).Page ?? "/deadlines";
        return rows.Select(r => WorkItem.Due(r.DueOn < today ? OverdueKind : ClockKind, r.Title, Href(r.SubjectId), r.DueOn, today, Urgency.Decide)).ToList();
    }
}

/// <summary>A workbench line over HTTP: the same items, in the same order, as the home page.</summary>
public sealed record WorkItemView(string Kind, string Title, string Href, DateOnly? DueOn, ClockState Clock, string ClockLabel, int Urgency);

public static class WorkbenchApi
{
    public static void Map(RouteGroupBuilder root)
        => root.MapGet("/workbench", async Task<Ok<IReadOnlyList<WorkItemView>>> (RendaDbContext db, IEnumerable<IWorkbenchItems> sources, CurrentUserAccessor u, CancellationToken ct) =>
        {
            var today = WorkCalendar.Today(db.Clock);
            var items = await Workbench.ForAsync(sources, db, u.User, ct);
            return TypedResults.Ok<IReadOnlyList<WorkItemView>>(items.Select(i => new WorkItemView(i.Kind, i.Title, i.Href, i.DueOn, i.Clock, i.ClockLabel(today), i.Urgency)).ToList());
        }).RequireAuthorization().WithTags("工作台").WithName("Workbench_List").WithSummary("当前用户的待办事项（逾期和紧急的在前）");
}
