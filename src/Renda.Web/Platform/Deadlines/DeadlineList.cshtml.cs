using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Platform.Deadlines;

/// <summary>/deadlines: the congress's legal clocks (a unit officer sees their unit's). Opens on the running ones (进行中 and
/// 已逾期), overdue and soonest due first; 全部 lists the finished ones after them, latest first.</summary>
[Authorize(Roles = $"{nameof(Role.CommitteeStaff)},{nameof(Role.ChairpersonsCouncilMember)},{nameof(Role.HandlingUnitOfficer)}")]
public class DeadlineListModel(RendaDbContext db, WorkCalendarCache calendars) : PageModel
{
    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "id")] public int? Id { get; set; }

    public Page<DeadlineView> Deadlines { get; private set; } = new([], 1, 20, 0);
    public bool Descending => Sort == "-due";
    public bool CanExtend => new CurrentUser(User).Has(Role.CommitteeStaff);
    public string? Error { get; private set; }
    public string? Message { get; private set; }

    public static readonly (string Value, string Label)[] Statuses =
        [("", "待办（进行中和已逾期）"), (All, "全部"), ("Open", "进行中"), ("Overdue", "已逾期"), ("Met", "已完成"), ("Cancelled", "已取消")];

    /// <summary>The status filter value of every clock; no value is the running ones.</summary>
    public const string All = "all";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Recording an extension from the page: same rule as the API (reason required, only running clocks).</summary>
    public async Task<IActionResult> OnPostExtendAsync(int deadlineId, PeriodUnit unit, int amount, string? reason, CancellationToken ct)
    {
        var user = new CurrentUser(User);
        if (!user.Has(Role.CommitteeStaff))
            return Forbid();
        try
        {
            var deadline = await db.Deadlines.Include(d => d.Extensions).FirstOrDefaultAsync(d => d.Id == deadlineId && d.CongressId == user.CongressId, ct)
                ?? throw DomainException.NotFound("期限不存在。");
            var calendar = await calendars.GetAsync(db, ct);
            Platform.Deadlines.Deadlines.Extend(db, calendar, deadline, unit, amount, reason, user.AccountId);
            await db.SaveChangesAsync(ct);
            Message = $"已延期：{deadline.Title}，新的到期日 {deadline.DueOn:yyyy-MM-dd}。";
        }
        catch (DomainException e)
        {
            Error = e.Message;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var user = new CurrentUser(User);
        var calendar = await calendars.GetAsync(db, ct);
        DeadlineStatus? status = null;
        try
        {
            status = Status == All ? null : DeadlinesApi.ParseStatus(Status);
        }
        catch (DomainException e)
        {
            Error = e.Message;
        }
        // A link to one clock (?id=) shows it whatever its state.
        var runningOnly = string.IsNullOrEmpty(Status) && Id is null;
        Deadlines = await DeadlineQueries.PageAsync(db, calendar, user, user.CongressId!.Value, status, Id, PageNumber, 20, Descending, runningOnly, ct);
    }

    public string LinkTo(int? page = null, string? sort = null)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(Status)) query.Add("status=" + Uri.EscapeDataString(Status));
        if ((sort ?? Sort) is { Length: > 0 } s) query.Add("sort=" + Uri.EscapeDataString(s));
        if (page is > 1) query.Add("page=" + page);
        return "/deadlines" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }
}
