using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Renda.Web.Features.Laws.Pages;

/// <summary>/laws — browse the regulations database by category, status and date, or search it in Chinese. Open to anyone.</summary>
public class LawsIndexModel(RendaDbContext db, IOptions<LawSearchOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    /// <summary>范围: all laws, or only this congress's and its levels' regulations ("本级及下级").</summary>
    [BindProperty(SupportsGet = true)] public string? Scope { get; set; }
    /// <summary>Under /p/{congress}/laws: the site's congress, whose regulations the scope means.</summary>
    public string? SiteCongress => RouteData.Values["congress"] as string;

    public Page<LawListItem> Result { get; private set; } = new([], 1, LawQueries.PageSize, 0);
    public List<string> Categories { get; private set; } = [];
    public string? Error { get; private set; }
    /// <summary>Matching articles and titles read per word (the total is a lower bound past it).</summary>
    public int SearchCap => options.Value.SearchCap;

    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        Categories = await LawQueries.CategoriesAsync(db, ct);
        try
        {
            var scope = Scope == "local" && SiteCongress is { } code ? await LawQueries.CongressScopeAsync(db, code, ct) : null;
            Result = await LawQueries.SearchAsync(db, Q, new LawFilter(Category, LawStatusLabels.Parse(Status), From, To, scope), pageNumber, null, ct, SearchCap);
        }
        catch (DomainException e)
        {
            Error = e.Message;
        }
    }
}
