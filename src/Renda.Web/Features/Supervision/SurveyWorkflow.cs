using Renda.Web.Features.Meetings;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Supervision;

public sealed record SurveyInput(SurveyKind Kind, string? Topic, DateOnly StartsOn, DateOnly EndsOn, string? Places, string? Participants, int[]? DeputyIds, int? TopicId);

/// <summary>Special surveys and deputies' inspections, with the deputies' duty records.</summary>
public static class SurveyWorkflow
{
    public static async Task<Survey> CreateSurveyAsync(RendaDbContext db, SupervisionActor actor, SurveyInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        await SupervisionPlanWorkflow.RequireOwnTopicAsync(db, actor, input.TopicId, ct);
        if (!Enum.IsDefined(input.Kind)) throw DomainException.Invalid("kind", "类型无效。");
        if (input.EndsOn < input.StartsOn) throw DomainException.Invalid("endsOn", "结束日期不能早于开始日期。");
        var ids = (input.DeputyIds ?? []).Distinct().ToList();
        if (ids.Count > 0 && await db.Deputies.CountAsync(d => ids.Contains(d.Id) && d.CongressId == actor.CongressId && d.Status == DeputyStatus.Serving, ct) != ids.Count)
            throw DomainException.Invalid("deputyIds", "参加的代表须是本级人大的在任代表。");
        if (input.Kind == SurveyKind.DeputyInspection && ids.Count == 0) throw DomainException.Invalid("deputyIds", "代表视察须有参加的代表。");
        var s = new Survey
        {
            CongressId = actor.CongressId, Year = input.StartsOn.Year, Kind = input.Kind, Topic = Text.Required("topic", input.Topic, "调研主题", 300), StartsOn = input.StartsOn, EndsOn = input.EndsOn,
            Places = Text.Optional("places", input.Places, "地点", 1000), Participants = Text.Optional("participants", input.Participants, "参加人员", 1000), TopicId = input.TopicId,
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime, Deputies = ids.Select(d => new SurveyDeputy { DeputyId = d }).ToList(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(s);
        await db.SaveChangesAsync(ct);
        foreach (var d in ids)
            db.Add(new DutyRecord { DeputyId = d, On = s.StartsOn, Kind = input.Kind == SurveyKind.DeputyInspection ? "参加代表视察" : "参加专题调研", Title = s.Topic, SourceType = Survey.Subject, SourceId = s.Id });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return s;
    }

    public static async Task<Survey> LoadSurveyAsync(RendaDbContext db, SupervisionActor actor, int id, CancellationToken ct)
    {
        var s = await db.Set<Survey>().Include(x => x.Deputies).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null || s.CongressId != actor.CongressId || !actor.MayRead) throw DomainException.NotFound("没有找到该调研视察。");
        return s;
    }

    public static async Task ReportSurveyAsync(RendaDbContext db, SupervisionActor actor, int id, string? findings, string? report, CancellationToken ct)
    {
        actor.RequireStaff();
        var s = await LoadSurveyAsync(db, actor, id, ct);
        s.Findings = Text.Required("findings", findings, "发现的问题", 20_000);
        s.Report = Text.Required("report", report, "调研报告", 50_000);
        await db.SaveChangesAsync(ct);
    }
}
