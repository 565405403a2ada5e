using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Deputies.Pages;

/// <summary>/deputies/opinions — the staff's work list of constituents' opinions, urgent first (overdue referrals, nearest due date, unrouted).</summary>
public class OpinionsModel(RendaDbContext db) : DeputiesPageModel(db)
{
    [BindProperty(SupportsGet = true)] public OpinionStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public OpinionRoute? Route { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public Satisfaction? Satisfaction { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public bool? OnTime { get; set; }
    [BindProperty(SupportsGet = true)] public int? StationId { get; set; }
    public List<OpinionItem> Rows { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
        => Rows = await DeputiesQueries.OpinionsAsync(Db, Actor.CongressId, new OpinionFilter(Status, Route, Year, Satisfaction, Overdue, StationId, OnTime), ct);
}
