using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renda.Web.Platform.Deadlines;

namespace Renda.Web.Features.Suggestions.Pages;

/// <summary>/suggestions/unit — a handling unit's queue: what waits for its answer first (overdue, then soonest due), then the rest newest first; what is overdue stands out.</summary>
[Authorize(Roles = nameof(Role.HandlingUnitOfficer))]
public class UnitQueueModel(RendaDbContext db, SuggestionListCache lists) : PageModel
{
    [BindProperty(SupportsGet = true)] public SuggestionStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }

    public Page<SuggestionListItem> Result { get; private set; } = new([], 1, 20, 0);
    public List<(int Id, string Name)> Units { get; private set; } = [];
    /// <summary>The unit's next running clock per suggestion (first contact, co-views, answer, re-handling).</summary>
    public Dictionary<int, NextDue> Due { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public string UnitName => Units.FirstOrDefault(u => u.Id == Unit).Name ?? "";

    public static readonly SuggestionStatus[] Statuses = [SuggestionStatus.Assigned, SuggestionStatus.Rehandling, SuggestionStatus.Answered, SuggestionStatus.UnitReturned, SuggestionStatus.Closed];

    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        var actor = await SuggestionActor.ForReadingAsync(db, new CurrentUser(User), ct);
        Today = WorkCalendar.Today(db.Clock);
        var ids = actor.UnitIds;
        Units = (await db.HandlingUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
        if (Unit is null || !ids.Contains(Unit.Value))
            Unit = Units.Count > 0 ? Units[0].Id : null;
        if (Unit is not { } unit)
            return;
        Result = await lists.ListAsync(db, actor, new SuggestionFilter(Status: Status, Unit: unit, Sort: "urgent"), pageNumber, 20, ct);
        var subjects = Result.Items.Select(i => i.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var clocks = await db.Deadlines.AsNoTracking()
            .Where(d => d.SubjectType == SuggestionWorkflow.Subject && subjects.Contains(d.SubjectId) && d.OwnerHandlingUnitId == unit
                && (d.Status == DeadlineStatus.Open || d.Status == DeadlineStatus.Overdue))
            .Select(d => new { d.SubjectId, d.Title, d.DueOn, d.Status }).ToListAsync(ct);
        var today = Today;
        Due = clocks.GroupBy(c => c.SubjectId).ToDictionary(g => int.Parse(g.Key, CultureInfo.InvariantCulture), g =>
        {
            var next = g.OrderBy(c => c.DueOn).First();
            return new NextDue(next.Title, next.DueOn, g.Any(c => SuggestionPages.IsOverdue(c.Status, c.DueOn, today)));
        });
    }
}
