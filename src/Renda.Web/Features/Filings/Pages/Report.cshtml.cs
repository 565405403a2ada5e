using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Filings.Pages;

/// <summary>/filings/report — the year's filing and review work from the records, the Word export and its publication.</summary>
public class ReportModel(RendaDbContext db) : FilingPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public FilingStatisticsView S { get; private set; } = null!;
    public string Code { get; private set; } = "";
    public FilingReport? Published { get; private set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Year ??= WorkCalendar.Today(Db.Clock).Year - 1;
        Code = Current.CongressCode ?? "";
        S = await FilingStatistics.ForYearAsync(Db, Actor.CongressId, Year.Value, ct);
        Published = await Db.Set<FilingReport>().AsNoTracking().FirstOrDefaultAsync(r => r.CongressId == Actor.CongressId && r.Year == Year, ct);
    }

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) => StepAsync(async a =>
    {
        var c = await Db.Congresses.AsNoTracking().FirstAsync(x => x.Id == a.CongressId, ct);
        await FilingReportWorkflow.PublishAsync(Db, a, c, Year ?? 0, ct);
    }, "年度报告已公开。", () => $"/filings/report?year={Year}", ct);
}
