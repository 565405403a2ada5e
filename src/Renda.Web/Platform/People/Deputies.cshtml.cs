using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Renda.Web.Platform.People;

/// <summary>代表名册 of the user's own congress. "page" is a reserved route value in Razor Pages, so the page number is "p".</summary>
[Authorize(Roles = "CommitteeStaff,ChairpersonsCouncilMember,SystemAdministrator")]
public class DeputiesModel(RendaDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Delegation { get; set; }
    [BindProperty(SupportsGet = true)] public DeputyStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Gender? Gender { get; set; }
    [BindProperty(SupportsGet = true)] public string? Ethnicity { get; set; }
    [BindProperty(SupportsGet = true)] public int? Term { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public Page<DeputyView> Result { get; private set; } = new([], 1, 20, 0);
    public List<string> Delegations { get; private set; } = [];
    public List<string> Ethnicities { get; private set; } = [];
    public List<int> Terms { get; private set; } = [];
    public string? Error { get; private set; }
    public bool CanImport => User.IsInRole(nameof(Role.CommitteeStaff));

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = new CurrentUser(User);
        var congressId = user.CongressId!.Value;
        var deputies = db.Deputies.AsNoTracking().Where(d => d.CongressId == congressId);
        Delegations = await deputies.Where(d => d.Delegation != null).Select(d => d.Delegation!).Distinct().OrderBy(x => x).ToListAsync(ct);
        Ethnicities = await deputies.Where(d => d.Person!.Ethnicity != null).Select(d => d.Person!.Ethnicity!).Distinct().OrderBy(x => x).ToListAsync(ct);
        Terms = await db.Terms.AsNoTracking().Where(t => t.CongressId == congressId).OrderByDescending(t => t.Number).Select(t => t.Number).ToListAsync(ct);
        try
        {
            Result = await Deputies.ListAsync(db, user, congressId, new DeputyFilter(Q, Delegation, Status, Gender, Ethnicity, Term, Sort), PageNumber, 20, ct);
        }
        catch (DomainException e)
        {
            Error = e.Message;
        }
    }

    /// <summary>This list's address with some parameters changed, keeping the others (filters survive paging and sorting).</summary>
    public string Link(string? sort = null, int? page = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q, ["delegation"] = Delegation, ["status"] = Status?.ToString(), ["gender"] = Gender?.ToString(),
            ["ethnicity"] = Ethnicity, ["term"] = Term?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sort"] = sort ?? Sort, ["p"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("/deputies", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    /// <summary>Clicking a sorted column's header reverses it.</summary>
    public string SortLink(string key) => Link(sort: Sort == key ? "-" + key : key);

    public string SortMark(string key) => Sort == key ? " ▲" : Sort == "-" + key ? " ▼" : "";

    public string? AriaSort(string key) => Sort == key ? "ascending" : Sort == "-" + key ? "descending" : null;
}
