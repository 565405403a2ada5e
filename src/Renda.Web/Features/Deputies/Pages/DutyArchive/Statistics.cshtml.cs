using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Deputies.Pages.DutyArchive;

/// <summary>/deputies/statistics/archive — the year's duty records by kind, this congress and each congress below summed; drill down and to the records.</summary>
public class StatisticsModel(RendaDbContext db) : DutyArchivePageModel(db)
{
    [BindProperty(SupportsGet = true)] public string? Congress { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    public ArchiveStatisticsView View { get; private set; } = null!;

    protected override async Task LoadAsync(CancellationToken ct) => View = await DutyArchiveStatistics.ForAsync(Db, new CurrentUser(User), Congress, Year, Kind, ct);
}
