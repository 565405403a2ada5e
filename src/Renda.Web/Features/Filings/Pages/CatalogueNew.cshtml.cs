using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Filings.Pages;

/// <summary>/filings/catalogue-new — the filer submits last year's catalogue, one document per line: 名称 | 文号 | 公布日期.</summary>
public class CatalogueNewModel(RendaDbContext db) : FilingPageModel(db)
{
    [BindProperty] public string? CongressCode { get; set; }
    [BindProperty] public int Year { get; set; }
    [BindProperty] public string? Lines { get; set; }
    public CatalogueComparison? Result { get; private set; }

    protected override bool Allowed => Actor.UnitIds.Count > 0 || Actor.IsStaff;

    protected override Task LoadAsync(CancellationToken ct)
    {
        if (Year == 0) Year = WorkCalendar.Today(Db.Clock).Year - 1;
        return Task.CompletedTask;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => StepAsync(async a =>
    {
        var own = await Db.Congresses.AsNoTracking().FirstAsync(c => c.Id == a.CongressId, ct);
        var target = CongressCode == "parent" && own.ParentId is { } p ? await Db.Congresses.AsNoTracking().FirstAsync(c => c.Id == p, ct) : own;
        var entries = new List<CatalogueEntryInput>();
        foreach (var (line, i) in (Lines ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((l, i) => (l, i)))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length != 3 || !DateOnly.TryParse(parts[2], CultureInfo.InvariantCulture, out var on))
                throw DomainException.Invalid("lines", $"第 {i + 1} 行应写成“名称 | 文号 | 公布日期（yyyy-MM-dd）”。");
            entries.Add(new CatalogueEntryInput(parts[0], parts[1].Length == 0 ? null : parts[1], on));
        }
        await CatalogueWorkflow.SubmitAsync(Db, a, target, new CatalogueInput(Year, [.. entries]), ct);
    }, "年度目录已报送。", () => "/filings/mine", ct);
}
