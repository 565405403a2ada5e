using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Deputies;

public sealed record JointInspectionInput(string? Topic, DateOnly? StartsOn, DateOnly? EndsOn, string? Places, int[]? DeputyIds, string? Findings);

/// <summary>Four-level joint inspections: registered with their deputies of all four levels (each gets the duty record), findings added after.</summary>
public static class JointInspectionWorkflow
{
    /// <summary>省、州、县、乡: the four levels that must all take part; the point of the event.</summary>
    public static readonly RegionLevel[] Levels = [RegionLevel.Province, RegionLevel.Prefecture, RegionLevel.County, RegionLevel.Township];

    public static async Task<JointInspection> CreateAsync(RendaDbContext db, DeputyActivitiesActor actor, JointInspectionInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        var startsOn = input.StartsOn ?? throw DomainException.Invalid("startsOn", "请填写视察开始日期。");
        var endsOn = input.EndsOn ?? throw DomainException.Invalid("endsOn", "请填写视察结束日期。");
        if (endsOn < startsOn) throw DomainException.Invalid("endsOn", "结束日期不能早于开始日期。");
        var ids = (input.DeputyIds ?? []).ToList();
        if (ids.Distinct().Count() != ids.Count) throw DomainException.Invalid("deputyIds", "同一名代表不能重复添加。");
        var deputies = await CongressLine.DeputiesAsync(db, actor.CongressId, ids, "deputyIds", ct);
        if (deputies.FirstOrDefault(d => !Levels.Contains(d.Level)) is { } other)
            throw DomainException.Invalid("deputyIds", $"代表“{other.Name}”是{other.CongressName}人大代表，集中视察的代表须是省、州、县、乡四级人大的代表。");
        // Refused rather than flagged: an inspection without all four levels is not a 四级人大代表集中视察 and would be counted as one.
        var missing = Levels.Where(l => deputies.All(d => d.Level != l)).ToList();
        if (missing.Count > 0)
            throw DomainException.Invalid("deputyIds", $"四级人大代表集中视察须有省、州、县、乡四级人大代表参加，缺少{string.Join("、", missing.Select(DeputyActivitiesLabels.LevelOf))}级代表。");
        var j = new JointInspection
        {
            CongressId = actor.CongressId, Year = startsOn.Year, Topic = Text.Required("topic", input.Topic, "视察主题", 300), StartsOn = startsOn, EndsOn = endsOn,
            Places = Text.Optional("places", input.Places, "视察地点", 1000), Findings = Text.Optional("findings", input.Findings, "视察发现的问题和建议", 20_000),
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime, Deputies = deputies.Select(d => new JointInspectionDeputy { DeputyId = d.Id, Level = d.Level }).ToList(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(j);
        await db.SaveChangesAsync(ct);
        // Each in the archive of the deputy's own congress: the record hangs on the deputy's mandate there.
        foreach (var d in deputies)
            db.Add(new DutyRecord { DeputyId = d.Id, On = j.StartsOn, Kind = DutyKinds.JointInspection, Title = j.Topic, SourceType = JointInspection.Subject, SourceId = j.Id });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return j;
    }

    public static async Task RecordFindingsAsync(RendaDbContext db, DeputyActivitiesActor actor, int id, string? findings, CancellationToken ct)
    {
        actor.RequireStaff();
        var j = await LoadAsync(db, actor, id, ct);
        j.Findings = Text.Required("findings", findings, "视察发现的问题和建议", 20_000);
        await db.SaveChangesAsync(ct);
    }

    public static async Task<JointInspection> LoadAsync(RendaDbContext db, DeputyActivitiesActor actor, int id, CancellationToken ct)
    {
        var j = await db.Set<JointInspection>().Include(x => x.Deputies).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (j is null || j.CongressId != actor.CongressId || !actor.MayRead) throw DomainException.NotFound("没有找到该集中视察。");
        return j;
    }
}
