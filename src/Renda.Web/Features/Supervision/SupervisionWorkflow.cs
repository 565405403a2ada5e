using Microsoft.EntityFrameworkCore;
using Renda.Web.Data;
using Renda.Web.Features.Meetings;
using Renda.Web.Features.Suggestions;
using Renda.Web.Platform.Calendar;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;
using Renda.Web.Platform.Web;

namespace Renda.Web.Features.Supervision;

public sealed record TopicInput(string? Title, SupervisionKind Kind, TopicSource Source, string? SourceNote, int? SuggestionId, int? CommitteeId, int? OrganId, int? PlannedMonth);
public sealed record TeamInput(TeamRole Role, string? Name, int? PersonId, int? DeputyId);
public sealed record InspectionInput(string? Law, string? Title, DateOnly StartsOn, DateOnly EndsOn, string? Places, bool UsesQuestionnaire, bool UsesSpotCheck,
    bool UsesThirdPartyAssessment, int? TopicId, TeamInput[]? Team, string[]? JointCongressCodes);
public sealed record InquiryInput(string? Title, DateOnly HeldOn, int? MeetingId, int? WorkReportId, int? TopicId);
public sealed record QuestionInput(string? Asker, string? AddressedOrgan, string? Question, string? AnsweredBy, string? Answer, string? Commitment);
public sealed record SurveyInput(SurveyKind Kind, string? Topic, DateOnly StartsOn, DateOnly EndsOn, string? Places, string? Participants, int[]? DeputyIds, int? TopicId);
public sealed record InterpellationInput(string? Title, string? Questions, int OrganId, int? MeetingId, int[]? ProposerPersonIds);
/// <summary>The records that carry out a plan topic (and can be linked to one).</summary>
public enum SupervisionRecord { Report = 1, Inspection, Inquiry, Survey }
public sealed record ReviewInput(int AppointmentId, int? MeetingId, bool WrittenReport, string? PerformanceReport);

/// <summary>Plan, inspections, inquiries, surveys, interpellations and post-appointment appraisal. One SaveChanges per step.</summary>
public static class SupervisionWorkflow
{
    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // ---- plan ----

    public static async Task<SupervisionPlan> PlanAsync(RendaDbContext db, SupervisionActor actor, int year, CancellationToken ct)
    {
        actor.RequireStaff();
        if (year is < 1979 or > 2100) throw DomainException.Invalid("year", "年度无效。");
        var plan = await db.Set<SupervisionPlan>().Include(p => p.Topics).FirstOrDefaultAsync(p => p.CongressId == actor.CongressId && p.Year == year, ct);
        if (plan is not null) return plan;
        var congress = await db.Congresses.FirstAsync(c => c.Id == actor.CongressId, ct);
        plan = new SupervisionPlan { CongressId = actor.CongressId, Year = year, Title = $"{congress.StandingCommitteeName}{year}年度监督工作计划", Status = PlanStatus.Draft };
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
        if (plan.Status == PlanStatus.Published) throw DomainException.Conflict("计划已发布，不能删除议题；可修改议题内容。");
        if (await db.Set<WorkReport>().AnyAsync(r => r.TopicId == topicId, ct) || await db.Set<LawEnforcementInspection>().AnyAsync(r => r.TopicId == topicId, ct)
            || await db.Set<SpecialInquiry>().AnyAsync(r => r.TopicId == topicId, ct) || await db.Set<Survey>().AnyAsync(r => r.TopicId == topicId, ct))
            throw DomainException.Conflict("已有监督工作记录关联该议题，不能删除；请先改关联其他议题。");
        plan.Topics.Remove(topic);
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
                (await WorkReports.LoadAsync(db, actor, id, ct)).TopicId = topicId;
                break;
            case SupervisionRecord.Inspection:
                (await LoadInspectionAsync(db, actor, id, ct)).TopicId = topicId;
                break;
            case SupervisionRecord.Inquiry:
                (await LoadInquiryAsync(db, actor, id, ct)).TopicId = topicId;
                break;
            case SupervisionRecord.Survey:
                (await LoadSurveyAsync(db, actor, id, ct)).TopicId = topicId;
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

    // ---- inspections ----

    /// <summary>A record serves a topic of this congress's plan only (the plan's progress counts it).</summary>
    internal static async Task RequireOwnTopicAsync(RendaDbContext db, SupervisionActor actor, int? topicId, CancellationToken ct)
    {
        if (topicId is { } t && !await db.Set<PlanTopic>().AnyAsync(x => x.Id == t && db.Set<SupervisionPlan>().Any(p => p.Id == x.PlanId && p.CongressId == actor.CongressId), ct))
            throw DomainException.Invalid("topicId", "监督计划议题不存在。");
    }

    public static async Task<LawEnforcementInspection> CreateInspectionAsync(RendaDbContext db, SupervisionActor actor, InspectionInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        await RequireOwnTopicAsync(db, actor, input.TopicId, ct);
        if (input.EndsOn < input.StartsOn) throw DomainException.Invalid("endsOn", "结束日期不能早于开始日期。");
        var i = new LawEnforcementInspection
        {
            CongressId = actor.CongressId, Year = input.StartsOn.Year, Law = Text.Required("law", input.Law, "检查的法律法规", 200),
            Title = Text.Optional("title", input.Title, "名称", 300) ?? $"{Text.Required("law", input.Law, "检查的法律法规", 200)}执法检查",
            StartsOn = input.StartsOn, EndsOn = input.EndsOn, Places = Text.Optional("places", input.Places, "检查地点", 1000),
            UsesQuestionnaire = input.UsesQuestionnaire, UsesSpotCheck = input.UsesSpotCheck, UsesThirdPartyAssessment = input.UsesThirdPartyAssessment,
            TopicId = input.TopicId, Status = InspectionStatus.Planned, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        foreach (var t in input.Team ?? [])
            i.Team.Add(await TeamMemberAsync(db, actor.CongressId, t, ct));
        if (i.Team.Count == 0) throw DomainException.Invalid("team", "请组成执法检查组。");
        if (!i.Team.Any(t => t.Role == TeamRole.Leader)) throw DomainException.Invalid("team", "执法检查组须有组长。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(i);
        await db.SaveChangesAsync(ct);
        // Joint inspection (联动): each lower congress gets its own part, which it sees and fills in.
        var below = await db.Congresses.Where(c => c.ParentId == actor.CongressId).ToListAsync(ct);
        foreach (var code in (input.JointCongressCodes ?? []).Distinct())
        {
            var lower = below.FirstOrDefault(c => c.Code == code) ?? throw DomainException.Invalid("jointCongressCodes", $"{code} 不是本级的下一级人大。");
            db.Add(new LawEnforcementInspection
            {
                CongressId = lower.Id, Year = i.Year, ParentId = i.Id, Law = i.Law, Title = $"{i.Title}（{lower.ShortName}联动检查）", StartsOn = i.StartsOn, EndsOn = i.EndsOn,
                Status = InspectionStatus.Planned, CreatedAt = i.CreatedAt,
            });
        }
        AddDutyRecords(db, i);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return i;
    }

    private static void AddDutyRecords(RendaDbContext db, LawEnforcementInspection i)
    {
        foreach (var d in i.Team.Where(t => t.DeputyId is not null))
            db.Add(new DutyRecord { DeputyId = d.DeputyId!.Value, On = i.StartsOn, Kind = "参加执法检查", Title = i.Title, SourceType = LawEnforcementInspection.Subject, SourceId = i.Id });
    }

    private static async Task<InspectionTeamMember> TeamMemberAsync(RendaDbContext db, int congressId, TeamInput t, CancellationToken ct)
    {
        if (!Enum.IsDefined(t.Role)) throw DomainException.Invalid("team", "检查组成员身份无效。");
        if (t.DeputyId is { } deputyId)
        {
            var name = await db.Deputies.Where(d => d.Id == deputyId && d.CongressId == congressId && d.Status == DeputyStatus.Serving).Select(d => d.Person!.Name).FirstOrDefaultAsync(ct)
                ?? throw DomainException.Invalid("team", "检查组中的代表须是本级人大的在任代表。");
            return new InspectionTeamMember { Role = TeamRole.Deputy, DeputyId = deputyId, Name = name };
        }
        if (t.Role == TeamRole.Deputy) throw DomainException.Invalid("team", "代表须从代表名册中选择。");
        if (t.PersonId is { } personId)
        {
            var name = await db.StandingCommitteeMembers.Where(m => m.PersonId == personId && m.CongressId == congressId).Select(m => m.Person!.Name).FirstOrDefaultAsync(ct)
                ?? throw DomainException.Invalid("team", "该人员不是本级常委会组成人员。");
            return new InspectionTeamMember { Role = t.Role, PersonId = personId, Name = name };
        }
        return new InspectionTeamMember { Role = t.Role, Name = Text.Required("team", t.Name, "检查组成员姓名", 50) };
    }

    public static async Task<LawEnforcementInspection> LoadInspectionAsync(RendaDbContext db, SupervisionActor actor, int id, CancellationToken ct)
    {
        var i = await db.Set<LawEnforcementInspection>().Include(x => x.Team).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null || i.CongressId != actor.CongressId || !actor.MayRead) throw DomainException.NotFound("没有找到该执法检查。");
        return i;
    }

    public static async Task RecordFindingsAsync(RendaDbContext db, SupervisionActor actor, int id, string? findings, CancellationToken ct)
    {
        actor.RequireStaff();
        var i = await LoadInspectionAsync(db, actor, id, ct);
        if (i.Status == InspectionStatus.Reported) throw DomainException.Conflict("执法检查报告已形成，不能再修改检查发现。");
        i.Findings = Text.Required("findings", findings, "检查发现的问题", 20_000);
        i.Status = InspectionStatus.UnderWay;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The report (assessment of implementation and proposals) enters the work-report loop, heard at the meeting chosen.</summary>
    public static async Task<WorkReport> ReportInspectionAsync(RendaDbContext db, WorkCalendar calendar, SupervisionActor actor, int id, string? report, int organId, int? meetingId, string? lateReason, CancellationToken ct)
    {
        actor.RequireStaff();
        var i = await LoadInspectionAsync(db, actor, id, ct);
        if (i.Status == InspectionStatus.Reported) throw DomainException.Conflict("该执法检查已形成报告。");
        if (i.Findings is null) throw DomainException.Conflict("请先记录检查发现的问题，再形成执法检查报告。");
        var text = Text.Required("report", report, "执法检查报告", 50_000);
        var congress = await db.Congresses.FirstAsync(c => c.Id == i.CongressId, ct);
        var r = await WorkReports.RegisterAsync(db, calendar, actor, new WorkReportInput(WorkReportKind.InspectionReport,
            $"{congress.StandingCommitteeName}执法检查组关于检查{i.Law}实施情况的报告", organId, null, i.TopicId, meetingId, null, lateReason), ct);
        r.InspectionId = i.Id;
        r.Submit(text, WorkCalendar.Today(db.Clock));
        i.ReportId = r.Id;
        i.Status = InspectionStatus.Reported;
        await db.SaveChangesAsync(ct);
        return r;
    }

    // ---- inquiries ----

    public static async Task<SpecialInquiry> CreateInquiryAsync(RendaDbContext db, SupervisionActor actor, InquiryInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        await RequireOwnTopicAsync(db, actor, input.TopicId, ct);
        if (input.MeetingId is { } m && !await db.Set<Meeting>().AnyAsync(x => x.Id == m && x.CongressId == actor.CongressId, ct))
            throw DomainException.Invalid("meetingId", "会议不存在。");
        if (input.WorkReportId is { } w && !await db.Set<WorkReport>().AnyAsync(x => x.Id == w && x.CongressId == actor.CongressId, ct))
            throw DomainException.Invalid("workReportId", "报告不存在。");
        var q = new SpecialInquiry
        {
            CongressId = actor.CongressId, Year = input.HeldOn.Year, Title = Text.Required("title", input.Title, "询问主题", 300), HeldOn = input.HeldOn,
            MeetingId = input.MeetingId, WorkReportId = input.WorkReportId, TopicId = input.TopicId, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.Add(q);
        await db.SaveChangesAsync(ct);
        return q;
    }

    public static async Task<SpecialInquiry> LoadInquiryAsync(RendaDbContext db, SupervisionActor actor, int id, CancellationToken ct)
    {
        var q = await db.Set<SpecialInquiry>().Include(x => x.Questions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (q is null || q.CongressId != actor.CongressId || !actor.MayRead) throw DomainException.NotFound("没有找到该专题询问。");
        return q;
    }

    public static async Task<InquiryQuestion> AddQuestionAsync(RendaDbContext db, SupervisionActor actor, int id, QuestionInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        var q = await LoadInquiryAsync(db, actor, id, ct);
        var answer = Text.Optional("answer", input.Answer, "答复", 5000);
        var answeredBy = Text.Optional("answeredBy", input.AnsweredBy, "应询人", 50);
        if ((answer is null) != (answeredBy is null)) throw DomainException.Invalid("answeredBy", "答复须写明应询人。");
        var question = new InquiryQuestion
        {
            Asker = Text.Required("asker", input.Asker, "询问人", 50), AddressedOrgan = Text.Required("addressedOrgan", input.AddressedOrgan, "应询机关", 100),
            Question = Text.Required("question", input.Question, "询问问题", 2000), AnsweredBy = answeredBy, Answer = answer, Commitment = Text.Optional("commitment", input.Commitment, "承诺事项", 1000),
        };
        q.Questions.Add(question);
        await db.SaveChangesAsync(ct);
        return question;
    }

    public static async Task CompleteCommitmentAsync(RendaDbContext db, SupervisionActor actor, int questionId, CancellationToken ct)
    {
        actor.RequireStaff();
        var question = await db.Set<InquiryQuestion>().FirstOrDefaultAsync(x => x.Id == questionId, ct) ?? throw DomainException.NotFound("没有找到该询问问题。");
        await LoadInquiryAsync(db, actor, question.InquiryId, ct);
        if (question.Commitment is null) throw DomainException.Conflict("该问题的答复没有承诺事项。");
        if (question.CommitmentDoneOn is not null) throw DomainException.Conflict("该承诺事项已落实。");
        question.CommitmentDoneOn = WorkCalendar.Today(db.Clock);
        await db.SaveChangesAsync(ct);
    }

    // ---- surveys and deputies' inspections ----

    public static async Task<Survey> CreateSurveyAsync(RendaDbContext db, SupervisionActor actor, SurveyInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        await RequireOwnTopicAsync(db, actor, input.TopicId, ct);
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

    // ---- interpellation ----

    /// <summary>The proposer minimum of 第五十一条 by the congress's level: national 10, province and prefecture 5, county 3.</summary>
    public static int MinimumProposers(RegionLevel level) => level switch
    {
        RegionLevel.National => 10,
        RegionLevel.Province or RegionLevel.Prefecture => 5,
        RegionLevel.County => 3,
        RegionLevel.Township => int.MaxValue,
    };

    public static async Task<Interpellation> FileInterpellationAsync(RendaDbContext db, SupervisionActor actor, InterpellationInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        var congress = await db.Congresses.FirstAsync(c => c.Id == actor.CongressId, ct);
        var min = MinimumProposers(congress.Level);
        if (min == int.MaxValue) throw DomainException.Conflict("乡镇人大不设常委会，不能提出质询案。");
        var today = WorkCalendar.Today(db.Clock);
        var ids = (input.ProposerPersonIds ?? []).Distinct().ToList();
        var seated = (await Members.SeatedOnAsync(db, actor.CongressId, today, ct)).Where(m => ids.Contains(m.PersonId)).ToList();
        if (seated.Count != ids.Count) throw DomainException.Invalid("proposerPersonIds", "提议人须是本级常委会在任的组成人员。");
        if (ids.Count < min)
            throw DomainException.Invalid("proposerPersonIds", $"{congress.StandingCommitteeName}组成人员{min}人以上联名，方可提出质询案（监督法第五十一条）；现有 {ids.Count} 人。");
        if (!await db.HandlingUnits.AnyAsync(u => u.Id == input.OrganId && u.CongressId == actor.CongressId, ct))
            throw DomainException.Invalid("organId", "请选择被质询机关。");
        var i = new Interpellation
        {
            CongressId = actor.CongressId, Year = today.Year, MeetingId = input.MeetingId, OrganId = input.OrganId, Title = Text.Required("title", input.Title, "质询案案由", 300),
            Questions = Text.Required("questions", input.Questions, "质询的问题和内容", 10_000), FiledOn = today, Status = InterpellationStatus.Filed, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
            Proposers = seated.Select(s => new InterpellationProposer { PersonId = s.PersonId, Name = s.Name }).ToList(),
        };
        db.Add(i);
        await db.SaveChangesAsync(ct);
        return i;
    }

    public static async Task<Interpellation> LoadInterpellationAsync(RendaDbContext db, SupervisionActor actor, int id, CancellationToken ct)
    {
        var i = await db.Set<Interpellation>().Include(x => x.Proposers).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null || i.CongressId != actor.CongressId || !actor.MayRead) throw DomainException.NotFound("没有找到该质询案。");
        return i;
    }

    public static async Task AnswerInterpellationAsync(RendaDbContext db, SupervisionActor actor, int id, string? answeredBy, string? answer, CancellationToken ct)
    {
        var i = await LoadInterpellationAsync(db, actor, id, ct);
        actor.RequireOrganOrStaff(i.OrganId);
        var text = Text.Required("answer", answer, "答复", 20_000);
        var by = Text.Required("answeredBy", answeredBy, "答复人", 50);
        var today = WorkCalendar.Today(db.Clock);
        switch (i.Status)
        {
            case InterpellationStatus.Filed:
                (i.Answer, i.AnsweredBy, i.AnsweredOn) = (text, by, today);
                break;
            case InterpellationStatus.SecondAnswerRequired:
                (i.SecondAnswer, i.AnsweredBy, i.SecondAnsweredOn) = (text, by, today);
                foreach (var p in i.Proposers) p.Satisfied = null;
                break;
            case InterpellationStatus.Answered:
            case InterpellationStatus.Closed:
                throw DomainException.Conflict($"质询案当前状态为“{SupervisionLabels.Of(i.Status)}”，不能答复。");
        }
        i.Status = InterpellationStatus.Answered;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Each proposer states satisfaction; when all have, more than half dissatisfied asks for a second answer (第五十三条), otherwise it closes.</summary>
    public static async Task RateInterpellationAsync(RendaDbContext db, SupervisionActor actor, int id, int personId, bool satisfied, CancellationToken ct)
    {
        var i = await LoadInterpellationAsync(db, actor, id, ct);
        if (!actor.IsStaff && actor.PersonId != personId) throw DomainException.Forbidden("只能表明本人的满意程度。");
        if (i.Status != InterpellationStatus.Answered) throw DomainException.Conflict($"质询案当前状态为“{SupervisionLabels.Of(i.Status)}”，不能表明满意程度。");
        var p = i.Proposers.FirstOrDefault(x => x.PersonId == personId) ?? throw DomainException.Forbidden("只有质询案的提议人可以表明满意程度。");
        p.Satisfied = satisfied;
        if (i.Proposers.All(x => x.Satisfied is not null))
        {
            var dissatisfied = i.Proposers.Count(x => x.Satisfied == false);
            i.Status = dissatisfied * 2 > i.Proposers.Count && i.SecondAnswer is null ? InterpellationStatus.SecondAnswerRequired : InterpellationStatus.Closed;
        }
        await db.SaveChangesAsync(ct);
    }
}
