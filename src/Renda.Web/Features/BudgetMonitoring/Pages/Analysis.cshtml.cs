using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.BudgetMonitoring.Pages;

/// <summary>/budget/analysis/{view} — one analysis table with its filters, chart, drill-down links and Excel export.</summary>
public class AnalysisModel(RendaDbContext db) : BudgetPageModel(db)
{
    [BindProperty(SupportsGet = true)] public string? View { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public FundNature? Fund { get; set; }
    [BindProperty(SupportsGet = true)] public int? Month { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? AsOf { get; set; }
    [BindProperty(SupportsGet = true)] public string? Congress { get; set; }
    public BudgetView Kind { get; private set; }
    public BudgetTable? Table { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];

    protected override async Task ReadAsync(CancellationToken ct)
    {
        Kind = BudgetViews.FromSlug(View) ?? throw DomainException.NotFound("没有这种分析。");
        var reader = await ReaderAsync(Congress, ct);
        var (year, _, years) = await BudgetServiceQueries.DefaultYearAsync(Db, reader.CongressId, Year, ct);
        Year = year;
        Years = years;
        Units = (await Db.Set<BudgetUnit>().AsNoTracking().Where(u => u.CongressId == reader.CongressId).OrderBy(u => u.Code).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Where(u => reader.SeesUnit(u.Id)).Select(u => (u.Id, u.Name)).ToList();
        Table = await BudgetAnalysis.TableAsync(Db, reader, Kind, new BudgetFilter(year, Unit, Fund, Month, AsOf), ct);
    }

    public string Query => string.Join("&", new[]
    {
        $"year={Year}", Unit is { } u ? $"unit={u}" : null, Fund is { } f ? $"fund={f}" : null, Month is { } m ? $"month={m}" : null,
        AsOf is { } d ? $"asOf={d:yyyy-MM-dd}" : null, Congress is { Length: > 0 } c ? $"congress={Uri.EscapeDataString(c)}" : null,
    }.Where(s => s is not null));

    public string Link(BudgetView v) => $"/budget/analysis/{BudgetViews.Slug(v)}?{Query}";
}
