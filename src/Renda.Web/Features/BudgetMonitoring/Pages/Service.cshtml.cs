using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.BudgetMonitoring.Pages;

/// <summary>/budget/service — 代表查询: deputies and members look up a unit or a project by name and see its execution and warnings, on a phone.</summary>
public class ServiceModel(RendaDbContext db) : BudgetPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public ServiceView? View { get; private set; }

    protected override async Task ReadAsync(CancellationToken ct)
    {
        var reader = await ReaderAsync(null, ct);
        View = await BudgetServiceQueries.ServiceAsync(Db, reader, Year, Q, ct);
    }
}
