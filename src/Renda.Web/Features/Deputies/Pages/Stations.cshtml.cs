using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Deputies.Pages;

/// <summary>/deputies/stations — the congress's stations and 代表之家, a new one, and the funding records (by year and source).</summary>
public class StationsModel(RendaDbContext db) : DeputiesPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Source { get; set; }
    [BindProperty] public StationForm S { get; set; } = new();
    [BindProperty] public FundingForm F { get; set; } = new();
    public List<StationItem> Rows { get; private set; } = [];
    public List<FundingView> Funding { get; private set; } = [];

    public sealed class StationForm
    {
        public string? Name { get; set; }
        public StationKind? Kind { get; set; }
        public string? Address { get; set; }
        public string? Township { get; set; }
        public string? OpeningHours { get; set; }
        public string? ReceptionSchedule { get; set; }
        public string? Facilities { get; set; }
    }

    public sealed class FundingForm
    {
        public int? StationId { get; set; }
        public string? Programme { get; set; }
        public string? Source { get; set; }
        public decimal? Amount { get; set; }
        public string? Purpose { get; set; }
        public int? Year { get; set; }
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Rows = await DeputiesQueries.StationsAsync(Db, Actor.CongressId, Today, ct);
        Funding = await DeputiesQueries.FundingAsync(Db, Actor.CongressId, Year, null, ct, Source is { Length: > 0 } ? Source : null);
    }

    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var id = 0;
        return StepAsync(async a => id = (await StationWorkflow.CreateAsync(Db, a, a.CongressId, new StationInput(S.Name, S.Kind, S.Address, S.Township, S.OpeningHours, S.ReceptionSchedule, S.Facilities, null), ct)).Id,
            "已新建联络站。", () => $"/deputies/stations/{id}", ct);
    }

    public Task<IActionResult> OnPostFundingAsync(CancellationToken ct)
        => StepAsync(a => StationWorkflow.AddFundingAsync(Db, a, a.CongressId, new FundingInput(F.StationId, F.Programme, F.Source, F.Amount, F.Purpose, F.Year), ct),
            "已登记经费。", () => "/deputies/stations#funding", ct);
}
