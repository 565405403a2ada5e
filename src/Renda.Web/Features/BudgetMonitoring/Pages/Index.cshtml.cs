using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.BudgetMonitoring.Pages;

/// <summary>
/// /budget — the start of budget analysis: the year with data (the current one, or the latest with data, said on the page),
/// the year's totals against the time line, and the three charts (units ranked, the functional treemap, months).
/// </summary>
public class IndexModel(RendaDbContext db) : BudgetPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public bool CurrentYear { get; private set; }
    public bool HasData { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public BudgetTable? Units { get; private set; }
    public BudgetTable? Functions { get; private set; }
    public BudgetTable? Months { get; private set; }
    public BudgetRow? Total => Units?.Rows.LastOrDefault(r => r.Total);

    protected override async Task ReadAsync(CancellationToken ct)
    {
        var reader = await ReaderAsync(null, ct);
        var (year, current, years) = await BudgetServiceQueries.DefaultYearAsync(Db, reader.CongressId, Year, ct);
        (Year, CurrentYear, Years, HasData) = (year, current, years, years.Contains(year));
        var filter = new BudgetFilter(year);
        Units = await BudgetAnalysis.TableAsync(Db, reader, BudgetView.Units, filter, ct);
        Functions = await BudgetAnalysis.TableAsync(Db, reader, BudgetView.Functions, filter, ct);
        Months = await BudgetAnalysis.TableAsync(Db, reader, BudgetView.Months, filter, ct);
    }
}
