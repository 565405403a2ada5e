using Microsoft.AspNetCore.Http.HttpResults;
using System.ComponentModel.DataAnnotations;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Platform.Deadlines;

public sealed record ExtensionView(int Id, PeriodUnit Unit, int Amount, string Period, string Reason, int? ApprovedByAccountId, DateTime At);

public sealed record DeadlineView(
    int Id, string SubjectType, string SubjectId, string Title, string Rule, string Source,
    DateOnly StartsOn, PeriodUnit Unit, int Amount, string Period, DateOnly DueOn,
    DeadlineStatus Status, string StatusLabel,
    int? RemainingWorkingDays, // working days from today to the due date (0 = due today); null once past it or finished
    int? OverdueDays,          // calendar days past the due date; null unless running and past it
    int EscalationLevel, string EscalationLabel, bool CalendarProvisional,
    int? OwnerAccountId, int? OwnerHandlingUnitId, int? OwnerCommitteeId,
    IReadOnlyList<ExtensionView> Extensions);

public sealed record ExtendRequest(
    PeriodUnit Unit,
    [property: Range(1, Deadlines.MaxAmount, ErrorMessage = "延长的期间应为 1–1000。")] int Amount,
    string? Reason);

/// <summary>Deadlines of one's own congress over HTTP, and recorded extensions.</summary>
public static class DeadlinesApi
{
    public static void Map(RouteGroupBuilder root)
    {
        var api = root.MapGroup("").WithTags("期限");
        api.MapGet("/congresses/{code}/deadlines", List).RequireAuthorization().WithName("Deadlines_List").WithSummary("本级人大的期限（承办单位经办人只见本单位的）");
        api.MapPost("/deadlines/{id:int}/extensions", Extend).RequireAuthorization(nameof(Role.CommitteeStaff)).WithName("Deadlines_Extend").WithSummary("批准延期（须说明理由）");
    }

    private static async Task<Ok<Page<DeadlineView>>> List(string code, string? status, int? page, int? pageSize, bool? descending,
        RendaDbContext db, WorkCalendarCache calendars, CurrentUserAccessor u, CancellationToken ct)
    {
        var congress = await CongressScope.OwnAsync(db, u.User, code, ct);
        var calendar = await calendars.GetAsync(db, ct);
        return TypedResults.Ok(await DeadlineQueries.PageAsync(db, calendar, u.User, congress.Id, ParseStatus(status), null, page, pageSize, descending == true, runningOnly: false, ct));
    }

    private static async Task<Results<Ok<DeadlineView>, ValidationProblem>> Extend(int id, ExtendRequest request, RendaDbContext db, WorkCalendarCache calendars, CurrentUserAccessor u, CancellationToken ct)
    {
        if (Problems.Validate(request) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        var deadline = await db.Deadlines.Include(d => d.Extensions).FirstOrDefaultAsync(d => d.Id == id && d.CongressId == u.User.CongressId, ct)
            ?? throw DomainException.NotFound("期限不存在。");
        var calendar = await calendars.GetAsync(db, ct);
        Deadlines.Extend(db, calendar, deadline, request.Unit, request.Amount, request.Reason, u.User.AccountId);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(DeadlineQueries.View(deadline, calendar, WorkCalendar.Today(db.Clock)));
    }

    public static DeadlineStatus? ParseStatus(string? status)
        => string.IsNullOrEmpty(status) ? null
            : Enum.TryParse<DeadlineStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s
            : throw DomainException.Invalid("status", "状态应为 Open、Overdue、Met 或 Cancelled。");
}

/// <summary>The list shared by the API and the /deadlines page, with the visibility rule in one place.</summary>
public static class DeadlineQueries
{
    /// <summary>
    /// Committee staff and members of the Council of Chairpersons see all of their congress's
    /// clocks; a handling-unit officer only those owned by their unit(s); anyone else none.
    /// </summary>
    public static IQueryable<Deadline> Visible(RendaDbContext db, CurrentUser user, int congressId)
    {
        var query = db.Deadlines.AsNoTracking().Where(d => d.CongressId == congressId);
        if (user.Has(Role.CommitteeStaff) || user.Has(Role.ChairpersonsCouncilMember))
            return query;
        if (user.Has(Role.HandlingUnitOfficer))
        {
            var units = user.HandlingUnitIds.ToList();
            return query.Where(d => d.OwnerHandlingUnitId != null && units.Contains(d.OwnerHandlingUnitId.Value));
        }
        throw DomainException.Forbidden("只有常委会工作人员、主任会议成员和承办单位经办人可以查看期限。");
    }

    public static bool CanSee(CurrentUser user)
        => user.Has(Role.CommitteeStaff) || user.Has(Role.ChairpersonsCouncilMember) || user.Has(Role.HandlingUnitOfficer);

    /// <summary>
    /// A page of the clocks, urgent first: running ones (overdue, then soonest due) before finished ones (latest due first),
    /// Id last so that pages are a stable order. <paramref name="descending"/> is the plain "latest due first" order.
    /// <paramref name="runningOnly"/>: only clocks still running (open or overdue), the /deadlines page's default view.
    /// </summary>
    public static async Task<Page<DeadlineView>> PageAsync(RendaDbContext db, WorkCalendar calendar, CurrentUser user, int congressId,
        DeadlineStatus? status, int? id, int? page, int? pageSize, bool descending, bool runningOnly, CancellationToken ct = default)
    {
        var query = Visible(db, user, congressId).Include(d => d.Extensions).AsQueryable();
        if (status is { } s)
            query = query.Where(d => d.Status == s);
        if (runningOnly)
            query = query.Where(d => d.Status == DeadlineStatus.Open || d.Status == DeadlineStatus.Overdue);
        if (id is { } only)
            query = query.Where(d => d.Id == only);
        var finished = DateOnly.MinValue;
        query = descending ? query.OrderByDescending(d => d.DueOn).ThenByDescending(d => d.Id)
            : query.OrderBy(d => d.Status == DeadlineStatus.Open || d.Status == DeadlineStatus.Overdue ? 0 : 1)
                .ThenBy(d => d.Status == DeadlineStatus.Open || d.Status == DeadlineStatus.Overdue ? d.DueOn : finished)
                .ThenByDescending(d => d.DueOn).ThenByDescending(d => d.Id);
        var rows = await query.AsSplitQuery().ToPageAsync(page, pageSize, ct);
        var today = WorkCalendar.Today(db.Clock);
        return new Page<DeadlineView>(rows.Items.Select(d => View(d, calendar, today)).ToList(), rows.PageNumber, rows.PageSize, rows.Total);
    }

    public static DeadlineView View(Deadline d, WorkCalendar calendar, DateOnly today) => new(
        d.Id, d.SubjectType, d.SubjectId, d.Title, d.Rule, d.Source,
        d.StartsOn, d.Unit, d.Amount, WorkCalendar.Describe(d.Unit, d.Amount), d.DueOn,
        d.Status, Deadlines.StatusLabel(d.Status),
        d.Status == DeadlineStatus.Open && d.DueOn >= today ? calendar.WorkingDaysBetween(today, d.DueOn) : null,
        d.Status is DeadlineStatus.Open or DeadlineStatus.Overdue && d.DueOn < today ? today.DayNumber - d.DueOn.DayNumber : null,
        d.EscalationLevel, Deadlines.EscalationLabel(d.EscalationLevel), d.CalendarProvisional,
        d.OwnerAccountId, d.OwnerHandlingUnitId, d.OwnerCommitteeId,
        d.Extensions.OrderBy(e => e.Id).Select(e => new ExtensionView(e.Id, e.Unit, e.Amount, WorkCalendar.Describe(e.Unit, e.Amount), e.Reason, e.ApprovedByAccountId, e.At)).ToList());
}
