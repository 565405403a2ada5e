using Renda.Web.Features.Meetings;
using Renda.Web.Features.Suggestions;

namespace Renda.Web.Features.Supervision;

public sealed record TopicInput(string? Title, SupervisionKind Kind, TopicSource Source, string? SourceNote, int? SuggestionId, int? CommitteeId, int? OrganId, int? PlannedMonth);
/// <summary>The records that carry out a plan topic (and can be linked to one).</summary>
public enum SupervisionRecord { Report = 1, Inspection, Inquiry, Survey }

/// <summary>The annual plan: its topics, publishing it, and linking the records that carry its topics out. One SaveChanges per step.</summary>
public static class SupervisionPlanWorkflow
{
    public static async Task<SupervisionPlan> PlanAsync(RendaDbContext db, SupervisionActor actor, int year, CancellationToken ct)
    {
        actor.RequireStaff();
        if (year is < 1979 or > 2100) throw DomainException.Invalid("year", "年度无效。");
        var plan = await db.Set<SupervisionPlan>().Include(p => p.Topics).FirstOrDefaultAsync(p => p.CongressId == actor.CongressId && p.Year == year, ct);
        if (plan is not null) return plan;
        var congress = await db.Congresses.FirstAsync(c => c.Id == actor.CongressId, ct);
        plan = new SupervisionPlan { CongressId = actor.CongressId, Year = year, Title = $"{congress.StandingCommitteeName}{year}年度监督工作计划" };
        db.Add(plan);
        await db.SaveUniqueAsync("该年度的监督工作计划已存在。", ct);
        return plan;
    }

    public static async Task<PlanTopic> AddTopicAsync(RendaDbContext db, SupervisionActor actor, int year, TopicInput input, CancellationToken ct)
    {
        var plan = await PlanAsync(db, actor, year, ct);
        var topic = new PlanTopic { Title = "" };
        await ApplyTopicAsync(db, actor, topic, input, ct);
        plan.Topics.Add(topic);
        await db.SaveChangesAsync(ct);
        return topic;
    }

    /// <summary>Changes a topic, also of a published plan (the plan is adjusted during the year; the audit trail keeps what it was).</summary>
    public static async Task<PlanTopic> UpdateTopicAsync(RendaDbContext db, SupervisionActor actor, int topicId, TopicInput input, CancellationToken ct)
    {
        var (_, topic) = await LoadTopicAsync(db, actor, topicId, ct);
        await ApplyTopicAsync(db, actor, topic, input, ct);
        await db.SaveChangesAsync(ct);
        return topic;
    }

    /// <summary>Removes a topic of a draft plan that no record carries out yet; a published plan keeps its topics (they can be changed).</summary>
    public static async Task DeleteTopicAsync(RendaDbContext db, SupervisionActor actor, int topicId, CancellationToken ct)
    {
        var (plan, topic) = await LoadTopicAsync(db, actor, topicId, ct);
        plan.RemoveTopic(topic);
        if (await db.Set<WorkReport>().AnyAsync(r => r.TopicId == topicId, ct) || await db.Set<LawEnforcementInspection>().AnyAsync(r => r.TopicId == topicId, ct)
            || await db.Set<SpecialInquiry>().AnyAsync(r => r.TopicId == topicId, ct) || await db.Set<Survey>().AnyAsync(r => r.TopicId == topicId, ct))
            throw DomainException.Conflict("已有监督工作记录关联该议题，不能删除；请先改关联其他议题。");
        db.Remove(topic);
        await db.SaveChangesAsync(ct);
    }

    public static async Task<(SupervisionPlan Plan, PlanTopic Topic)> LoadTopicAsync(RendaDbContext db, SupervisionActor actor, int topicId, CancellationToken ct)
    {
        actor.RequireStaff();
        var topic = await db.Set<PlanTopic>().FirstOrDefaultAsync(t => t.Id == topicId, ct);
        var plan = topic is null ? null : await db.Set<SupervisionPlan>().Include(p => p.Topics).FirstOrDefaultAsync(p => p.Id == topic.PlanId && p.CongressId == actor.CongressId, ct);
        if (plan is null) throw DomainException.NotFound("没有找到该监督计划议题。");
        return (plan, topic!);
    }

    private static async Task ApplyTopicAsync(RendaDbContext db, SupervisionActor actor, PlanTopic topic, TopicInput input, CancellationToken ct)
    {
        if (!Enum.IsDefined(input.Kind)) throw DomainException.Invalid("kind", "监督形式无效。");
        if (!Enum.IsDefined(input.Source)) throw DomainException.Invalid("source", "议题来源无效。");
        if (input.PlannedMonth is { } month && month is < 1 or > 12) throw DomainException.Invalid("plannedMonth", "计划月份为 1–12。");
        if (input.SuggestionId is { } s)
        {
            if (!await db.Set<Suggestion>().AnyAsync(x => x.Id == s && x.CongressId == actor.CongressId, ct))
                throw DomainException.Invalid("suggestionId", "关联的代表建议不存在。");
        }
        else if (input.Source == TopicSource.DeputySuggestions)
            throw DomainException.Invalid("suggestionId", "来源为代表建议集中反映的议题，须关联代表建议。");
        if (input.CommitteeId is { } c && !await db.Committees.AnyAsync(x => x.Id == c && x.CongressId == actor.CongressId, ct))
            throw DomainException.Invalid("committeeId", "请选择本级常委会的专门委员会或工作机构。");
        if (input.OrganId is { } o && !await db.HandlingUnits.AnyAsync(x => x.Id == o && x.CongressId == actor.CongressId, ct))
            throw DomainException.Invalid("organId", "请选择本级的报告机关。");
        topic.Title = Text.Required("title", input.Title, "议题", 300);
        topic.Kind = input.Kind;
        topic.Source = input.Source;
        topic.SourceNote = Text.Optional("sourceNote", input.SourceNote, "来源说明", 500);
        topic.SuggestionId = input.SuggestionId;
        topic.CommitteeId = input.CommitteeId;
        topic.OrganId = input.OrganId;
        topic.PlannedMonth = input.PlannedMonth;
    }

    /// <summary>
    /// Links a record to the plan topic it carries out, or unlinks it (null): the plan's progress counts it under the new topic.
    /// A record made before the plan had the topic, or linked to the wrong one, is put right this way.
    /// </summary>
    public static async Task LinkTopicAsync(RendaDbContext db, SupervisionActor actor, SupervisionRecord record, int id, int? topicId, CancellationToken ct)
    {
        actor.RequireStaff();
        await RequireOwnTopicAsync(db, actor, topicId, ct);
        switch (record)
        {
            case SupervisionRecord.Report:
                (await WorkReportWorkflow.LoadAsync(db, actor, id, ct)).TopicId = topicId;
                break;
            case SupervisionRecord.Inspection:
                (await InspectionWorkflow.LoadInspectionAsync(db, actor, id, ct)).TopicId = topicId;
                break;
            case SupervisionRecord.Inquiry:
                (await InquiryWorkflow.LoadInquiryAsync(db, actor, id, ct)).TopicId = topicId;
                break;
            case SupervisionRecord.Survey:
                (await SurveyWorkflow.LoadSurveyAsync(db, actor, id, ct)).TopicId = topicId;
                break;
            default:
                throw DomainException.NotFound("没有这类监督工作记录。");
        }
        await db.SaveChangesAsync(ct);
    }

    public static async Task PublishPlanAsync(RendaDbContext db, SupervisionActor actor, int year, CancellationToken ct)
    {
        actor.RequireStaff();
        var plan = await db.Set<SupervisionPlan>().Include(p => p.Topics).FirstOrDefaultAsync(p => p.CongressId == actor.CongressId && p.Year == year, ct)
            ?? throw DomainException.NotFound("该年度还没有监督工作计划。");
        plan.Publish(WorkCalendar.Today(db.Clock));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A record serves a topic of this congress's plan only (the plan's progress counts it).</summary>
    internal static async Task RequireOwnTopicAsync(RendaDbContext db, SupervisionActor actor, int? topicId, CancellationToken ct)
    {
        if (topicId is { } t && !await db.Set<PlanTopic>().AnyAsync(x => x.Id == t && db.Set<SupervisionPlan>().Any(p => p.Id == x.PlanId && p.CongressId == actor.CongressId), ct))
            throw DomainException.Invalid("topicId", "监督计划议题不存在。");
    }
}
