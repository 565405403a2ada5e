using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Deputies;

public sealed record StationInput(string? Name, StationKind? Kind, string? Address, string? Township, string? OpeningHours, string? ReceptionSchedule, string? Facilities, DateOnly? OpenedOn);
public sealed record StationDeputiesInput(IReadOnlyList<int>? DeputyIds);
public sealed record FundingInput(int? StationId, string? Programme, string? Source, decimal? Amount, string? Purpose, int? Year);

/// <summary>Stations, the deputies assigned to them (四级代表进站) and their funding: kept by the staff of the congress that runs them.</summary>
public static class StationWorkflow
{
    public const string Subject = "LiaisonStation";

    public static async Task<LiaisonStation> CreateAsync(RendaDbContext db, ReceptionActor actor, int congressId, StationInput input, CancellationToken ct)
    {
        actor.RequireStaffOf(congressId);
        var s = new LiaisonStation { CongressId = congressId, Name = "", Address = "", Township = "" };
        Apply(s, input);
        db.Add(s);
        await db.SaveUniqueAsync($"本级已有名为“{s.Name}”的联络站。", ct);
        return s;
    }

    public static async Task UpdateAsync(RendaDbContext db, ReceptionActor actor, int id, StationInput input, CancellationToken ct)
    {
        var s = await LoadAsync(db, actor, id, ct);
        Apply(s, input);
        await db.SaveUniqueAsync($"本级已有名为“{s.Name}”的联络站。", ct);
    }

    private static void Apply(LiaisonStation s, StationInput input)
    {
        s.Name = Text.Required("name", input.Name, "联络站名称", 100);
        s.Kind = input.Kind is { } k && Enum.IsDefined(k) ? k : throw DomainException.Invalid("kind", "请选择类型：代表联络站、代表之家或代表联络点。");
        s.Address = Text.Required("address", input.Address, "地址", 200);
        s.Township = Text.Required("township", input.Township, "所在乡镇（街道）", 100);
        s.OpeningHours = Text.Optional("openingHours", input.OpeningHours, "开放时间", 200);
        s.ReceptionSchedule = Text.Optional("receptionSchedule", input.ReceptionSchedule, "接待安排", 500);
        s.Facilities = Text.Optional("facilities", input.Facilities, "设施", 500);
        s.OpenedOn = input.OpenedOn;
    }

    public static async Task<LiaisonStation> LoadAsync(RendaDbContext db, ReceptionActor actor, int id, CancellationToken ct)
    {
        var s = await db.Set<LiaisonStation>().Include(x => x.Deputies).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound("没有找到该联络站。");
        if (!actor.IsStaffOf(s.CongressId)) throw DomainException.NotFound("没有找到该联络站。");
        return s;
    }

    /// <summary>
    /// Assigns deputies to the station: deputies of its own congress and of the congresses above and below it (四级代表进站:
    /// a township station hosts county, prefecture and provincial deputies who live there). A deputy of another branch is refused.
    /// </summary>
    public static async Task AssignDeputiesAsync(RendaDbContext db, ReceptionActor actor, int id, IReadOnlyList<int>? deputyIds, CancellationToken ct)
    {
        var s = await LoadAsync(db, actor, id, ct);
        if (deputyIds is not { Count: > 0 }) throw DomainException.Invalid("deputyIds", "请选择进站的代表。");
        await RequireDeputiesInTreeAsync(db, s.CongressId, deputyIds, "deputyIds", ct);
        var today = WorkCalendar.Today(db.Clock);
        foreach (var d in deputyIds.Distinct().Where(d => s.Deputies.All(x => x.DeputyId != d)))
            s.Deputies.Add(new StationDeputy { DeputyId = d, AssignedOn = today });
        await db.SaveChangesAsync(ct);
    }

    public static async Task RemoveDeputyAsync(RendaDbContext db, ReceptionActor actor, int id, int deputyId, CancellationToken ct)
    {
        var s = await LoadAsync(db, actor, id, ct);
        var row = s.Deputies.FirstOrDefault(d => d.DeputyId == deputyId) ?? throw DomainException.NotFound("该代表未在本站。");
        s.Deputies.Remove(row);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The congresses whose deputies may sit at a station of this congress: itself, those above it and those below it.</summary>
    public static async Task<HashSet<int>> TreeAsync(RendaDbContext db, int congressId, CancellationToken ct)
    {
        var tree = (await CongressScope.SubtreeAsync(db, congressId, ct)).ToHashSet();
        var parents = await db.Congresses.AsNoTracking().Select(c => new { c.Id, c.ParentId }).ToDictionaryAsync(c => c.Id, c => c.ParentId, ct);
        for (var p = parents.GetValueOrDefault(congressId); p is not null; p = parents.GetValueOrDefault(p.Value)) tree.Add(p.Value);
        return tree;
    }

    /// <summary>Serving deputies of a congress in the tree; the first one that is not is named in the refusal.</summary>
    public static async Task<List<(int DeputyId, int PersonId)>> RequireDeputiesInTreeAsync(RendaDbContext db, int congressId, IReadOnlyList<int> deputyIds, string field, CancellationToken ct)
    {
        var tree = await TreeAsync(db, congressId, ct);
        var ids = deputyIds.Distinct().ToList();
        var found = await db.Deputies.AsNoTracking().Where(d => ids.Contains(d.Id) && d.Status == DeputyStatus.Serving)
            .Select(d => new { d.Id, d.PersonId, d.CongressId }).ToListAsync(ct);
        foreach (var id in ids)
            if (found.FirstOrDefault(d => d.Id == id) is not { } d || !tree.Contains(d.CongressId))
                throw DomainException.Invalid(field, $"代表（编号 {id}）不是本级或上下级人大的在任代表。");
        return found.Select(d => (d.Id, d.PersonId)).ToList();
    }

    public static async Task<StationFunding> AddFundingAsync(RendaDbContext db, ReceptionActor actor, int congressId, FundingInput input, CancellationToken ct)
    {
        actor.RequireStaffOf(congressId);
        if (input.StationId is { } sid && !await db.Set<LiaisonStation>().AnyAsync(s => s.Id == sid && s.CongressId == congressId, ct))
            throw DomainException.Invalid("stationId", "请选择本级的联络站。");
        var programme = Text.Optional("programme", input.Programme, "建设项目", 100);
        if (input.StationId is null && programme is null) throw DomainException.Invalid("stationId", "请选择资金用于的联络站，或填写建设项目（如“三室一站一平台”）。");
        if (input.Amount is not { } amount || amount <= 0 || amount > 1_000_000_000m) throw DomainException.Invalid("amount", "请填写金额（元，大于 0）。");
        if (decimal.Round(amount, 2) != amount) throw DomainException.Invalid("amount", "金额最多保留两位小数（元、角、分）。");
        if (input.Year is not { } year || year < 2000 || year > WorkCalendar.Today(db.Clock).Year + 1) throw DomainException.Invalid("year", "请填写资金所属年度。");
        var f = new StationFunding
        {
            CongressId = congressId, StationId = input.StationId, Programme = programme, Amount = amount, Year = year,
            Source = Text.Required("source", input.Source, "资金来源", 100), Purpose = Text.Required("purpose", input.Purpose, "用途", 300),
        };
        db.Add(f);
        await db.SaveChangesAsync(ct);
        return f;
    }
}
