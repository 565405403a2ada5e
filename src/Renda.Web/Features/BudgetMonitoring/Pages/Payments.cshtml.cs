using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.BudgetMonitoring.Pages;

/// <summary>/budget/payments — the payments behind a figure (the analysis tables' links), filtered the same way, in date order, paged by cursor.</summary>
public class PaymentsModel(RendaDbContext db) : BudgetPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public FundNature? Fund { get; set; }
    [BindProperty(SupportsGet = true)] public string? Function { get; set; }
    [BindProperty(SupportsGet = true)] public string? Economic { get; set; }
    [BindProperty(SupportsGet = true)] public int? Project { get; set; }
    [BindProperty(SupportsGet = true)] public string? Payee { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty(SupportsGet = true)] public string? Congress { get; set; }
    public PaymentPage Result { get; private set; } = new([], 0, false, null, 0);
    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];
    public string? ProjectName { get; private set; }

    protected override async Task ReadAsync(CancellationToken ct)
    {
        var reader = await ReaderAsync(Congress, ct);
        reader.RequirePaymentRows();
        Year ??= (await BudgetServiceQueries.DefaultYearAsync(Db, reader.CongressId, null, ct)).Year;
        Units = (await Db.Set<BudgetUnit>().AsNoTracking().Where(u => u.CongressId == reader.CongressId).OrderBy(u => u.Code).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Where(u => reader.SeesUnit(u.Id)).Select(u => (u.Id, u.Name)).ToList();
        if (Project is > 0) ProjectName = await Db.Set<BudgetProject>().Where(p => p.Id == Project && p.CongressId == reader.CongressId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        Result = await BudgetPayments.PageAsync(Db, reader, Filter, ct);
    }

    private PaymentFilter Filter => new(Year!.Value, Unit, Fund, Function, Economic, Project, Payee, From, To, After);

    /// <summary>The filters as a query string (without the cursor), for the next page and the export.</summary>
    public string Query => string.Join("&", new[]
    {
        $"year={Year}", Unit is { } u ? $"unit={u}" : null, Fund is { } f ? $"fund={f}" : null, Function is { Length: > 0 } fn ? $"function={fn}" : null,
        Economic is { Length: > 0 } e ? $"economic={e}" : null, Project is { } p ? $"project={p}" : null, Payee is { Length: > 0 } py ? $"payee={Uri.EscapeDataString(py)}" : null,
        From is { } fr ? $"from={fr:yyyy-MM-dd}" : null, To is { } to ? $"to={to:yyyy-MM-dd}" : null,
    }.Where(s => s is not null));
}
