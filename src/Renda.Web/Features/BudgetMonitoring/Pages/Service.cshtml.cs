using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Renda.Web.Features.BudgetMonitoring.Pages;

/// <summary>/budget/service — 代表查询: deputies and members look up a unit or a project by name and see its execution and warnings, on a phone.</summary>
public class ServiceModel(RendaDbContext db) : BudgetPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>"p", not "page": Razor Pages keeps the page's own name under the route value "page", which wins the binding.</summary>
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    public ServiceView? View { get; private set; }

    protected override async Task ReadAsync(CancellationToken ct)
    {
        var reader = await ReaderAsync(null, ct);
        View = await BudgetServiceQueries.ServiceAsync(Db, reader, Year, Q, ct, PageNumber);
    }

    /// <summary>The address of another page of units, keeping the year and the search.</summary>
    public string PageLink(int page) => QueryHelpers.AddQueryString("/budget/service", new Dictionary<string, string?>
    {
        ["year"] = View!.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["q"] = View.Q is { Length: > 0 } q ? q : null,
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
}
