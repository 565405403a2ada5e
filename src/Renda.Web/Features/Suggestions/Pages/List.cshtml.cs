using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Renda.Web.Platform.Modules;

namespace Renda.Web.Features.Suggestions.Pages;

/// <summary>/suggestions — the congress's suggestions for committee staff and the Council of Chairpersons, with the intake view 待审查.</summary>
[Authorize(Roles = nameof(Role.CommitteeStaff) + "," + nameof(Role.ChairpersonsCouncilMember))]
public class SuggestionListModel(RendaDbContext db, SuggestionListCache lists) : PageModel
{
    /// <summary>The status filter value of the intake view: submitted or accepted, not yet assigned.</summary>
    public const string Intake = "intake";

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public bool Key { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public Page<SuggestionListItem> Result { get; private set; } = new([], 1, 20, 0);
    public Dictionary<int, string?> KeyLeaders { get; private set; } = [];
    public List<int> Years { get; private set; } = [];
    public IReadOnlyList<string> Categories { get; private set; } = [];
    public List<(int Id, string Name)> Units { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        var actor = await SuggestionActor.ForReadingAsync(db, new CurrentUser(User), ct);
        Today = WorkCalendar.Today(db.Clock);
        Categories = (await Settings.ForAsync<SuggestionSettings>(db, actor.CongressId, ct)).CategoryList;
        // The first and the last year are two index lookups; DISTINCT would read an index entry per suggestion of the congress.
        var ofCongress = db.Set<Suggestion>().AsNoTracking().Where(s => s.CongressId == actor.CongressId);
        if (await ofCongress.MaxAsync(s => (int?)s.Year, ct) is { } last)
        {
            var first = await ofCongress.MinAsync(s => s.Year, ct);
            Years = [.. Enumerable.Range(first, last - first + 1).Reverse()];
        }
        Units = (await db.HandlingUnits.AsNoTracking().Where(u => u.CongressId == actor.CongressId).OrderBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Select(u => (u.Id, u.Name)).ToList();
        SuggestionStatus? status = Enum.TryParse<SuggestionStatus>(Status, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(Status, out _) ? parsed : null;
        // 待审查: what waits for the staff to assign (or return, or merge) it.
        IReadOnlyList<SuggestionStatus>? statuses = Status == Intake ? [.. Suggestion.Machine.StatesFor(SuggestionAction.Assign).Order()] : null;
        try
        {
            Result = await lists.ListAsync(db, actor, new SuggestionFilter(Year, status, Unit, Category, null, Q, Key ? true : null, Sort, statuses), pageNumber, 20, ct);
        }
        catch (DomainException e)
        {
            Error = e.Message;
        }
        var keyIds = Result.Items.Where(i => i.IsKey).Select(i => i.Id).ToList();
        if (keyIds.Count > 0)
            KeyLeaders = await db.Set<Suggestion>().AsNoTracking().Where(s => keyIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.KeyLeader, ct);
    }

    /// <summary>This list's address with the sort or page changed and the filters kept.</summary>
    public string Link(string? sort = null, int? page = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["year"] = Year?.ToString(CultureInfo.InvariantCulture), ["status"] = Status, ["category"] = Category, ["unit"] = Unit?.ToString(CultureInfo.InvariantCulture),
            ["key"] = Key ? "true" : null, ["q"] = Q, ["sort"] = sort ?? Sort, ["page"] = page?.ToString(CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("/suggestions", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    public static bool Late(SuggestionListItem s, DateOnly today)
        => Suggestion.AnswerOverdue(s.Status, s.AnswerDueOn, today);
}
