using Microsoft.AspNetCore.Mvc;
using Renda.Web.Features.Filings;

namespace Renda.Web.Features.Portal.Pages.Public;

/// <summary>/p/{congress}/filings — the annual filing and review report once published (last year's by default), and how to file a review suggestion.</summary>
public class FilingsModel(RendaDbContext db) : PublicPageModel(db)
{
    [FromQuery(Name = "year")] public int? Year { get; set; }
    public int ShownYear { get; private set; }
    public PublishedReport? Report { get; private set; }
    public List<int> Years { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var thisYear = WorkCalendar.Today(Db.Clock).Year;
        Years = await Db.Set<FilingReport>().AsNoTracking().Where(r => r.CongressId == Congress.Id).Select(r => r.Year).OrderByDescending(y => y).ToListAsync(ct);
        ShownYear = Year ?? (Years.Count > 0 ? Years[0] : thisYear - 1);
        Report = await FilingReportWorkflow.PublishedAsync(Db, CongressCode, ShownYear, ct);
    }
}
