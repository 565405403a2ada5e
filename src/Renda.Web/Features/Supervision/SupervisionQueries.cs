using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Deadlines;

namespace Renda.Web.Features.Supervision;

public sealed record ClockView(string Purpose, string Title, string Rule, string Source, string Period, DateOnly DueOn, DeadlineStatus Status, string StatusLabel);
public sealed record WorkReportRow(int Id, WorkReportKind Kind, string KindLabel, string Title, string Organ, string? MeetingTitle, DateOnly? HeardOn, WorkReportStatus Status, string StatusLabel);
public sealed record WorkReportView(int Id, int Year, WorkReportKind Kind, string KindLabel, string Title, int OrganId, string Organ, string? Committee, int? TopicId, int? InspectionId,
    int? AuditReportId, int? MeetingId, string? MeetingTitle, DateOnly? MeetingStartsOn, WorkReportStatus Status, string StatusLabel, string? LateReason, string? ReportText,
    DateOnly? SubmittedOn, DateOnly? DistributedOn, DateOnly? HeardOn, string? Opinions, DateOnly? OpinionsSentOn, string? HandlingReport, DateOnly? HandlingReportedOn,
    HandlingJudgement? Judgement, string? JudgementLabel, string? JudgementNote, DateOnly? FollowUpDueOn, string? FollowUpReport, DateOnly? FollowUpReportedOn,
    int? ResolutionAgendaItemId, bool? ResolutionAdopted, DateOnly? ResolutionDueOn, DateOnly? ClosedOn, IReadOnlyList<ClockView> Clocks, bool NeedsApproval, bool? Approved, DateOnly? ApprovedOn,
    IReadOnlyList<WorkReportAction> Allowed)
{
    /// <summary>Whether the report's state allows the step (who may take it is the page's and the workflow's question).</summary>
    public bool Can(WorkReportAction action) => Allowed.Contains(action);
}
public sealed record TopicView(int Id, string Title, SupervisionKind Kind, string KindLabel, TopicSource Source, string SourceLabel, string? SourceNote, int? SuggestionId,
    string? SuggestionTitle, string? Committee, string? Organ, int? PlannedMonth, string? DoneAs, string? DoneLink);
public sealed record PlanView(int Id, int Year, string Title, PlanStatus Status, DateOnly? PublishedOn, IReadOnlyList<TopicView> Topics, int Done, IReadOnlyList<PlanAction> Allowed)
{
    public bool Can(PlanAction action) => Allowed.Contains(action);
}
public sealed record InspectionView(int Id, int Year, string Law, string Title, DateOnly StartsOn, DateOnly EndsOn, string? Places, IReadOnlyList<string> Methods, string? Findings,
    InspectionStatus Status, string StatusLabel, int? ReportId, int? ParentId, string? ParentCongress, IReadOnlyList<TeamView> Team, IReadOnlyList<PartView> Parts, int? TopicId,
    IReadOnlyList<InspectionAction> Allowed)
{
    public bool Can(InspectionAction action) => Allowed.Contains(action);
}
public sealed record TeamView(string Role, string Name);
/// <summary>A lower congress's part of a joint inspection, as the upper congress sees it: how far it is, what it found and its own report.</summary>
public sealed record PartView(string Congress, int Id, string Status, string? Findings, string? Report);
public sealed record SurveyView(int Id, int Year, SurveyKind Kind, string KindLabel, string Topic, DateOnly StartsOn, DateOnly EndsOn, string? Places, string? Participants, IReadOnlyList<string> Deputies,
    string? Findings, string? Report, int? TopicId);
public sealed record QuestionView(int Id, string Asker, string AddressedOrgan, string Question, string? AnsweredBy, string? Answer, string? Commitment, DateOnly? CommitmentDoneOn, int? AskerDeputyId);
public sealed record InquiryView(int Id, int Year, string Title, DateOnly HeldOn, int? MeetingId, int? WorkReportId, IReadOnlyList<QuestionView> Questions, int? TopicId);
public sealed record ProposerView(int PersonId, string Name, bool? Satisfied);
public sealed record InterpellationView(int Id, int Year, string Title, string Questions, int OrganId, string Organ, DateOnly FiledOn, InterpellationStatus Status, string StatusLabel,
    string? Answer, string? AnsweredBy, DateOnly? AnsweredOn, string? SecondAnswer, IReadOnlyList<ProposerView> Proposers, int Minimum, IReadOnlyList<InterpellationAction> Allowed)
{
    public bool Can(InterpellationAction action) => Allowed.Contains(action);

    /// <summary>A proposer who has not yet said whether the answer satisfies them, while proposers are asked.</summary>
    public bool AwaitsRatingFrom(int? personId) => Can(InterpellationAction.Rate) && personId is { } me && Proposers.Any(p => p.PersonId == me && p.Satisfied is null);
}
public sealed record ReviewView(int Id, int Year, int AppointmentId, string OfficialName, string Post, int? MeetingId, bool WrittenReport, string? PerformanceReport, PostAppointmentReviewStatus Status,
    string StatusLabel, IReadOnlyList<string> Choices, int Appraised, bool HasAppraised, bool MayAppraise, IReadOnlyList<AppraisalResult>? Results, IReadOnlyList<PostAppointmentReviewAction> Allowed)
{
    public bool Can(PostAppointmentReviewAction action) => Allowed.Contains(action);
}

public static class SupervisionQueries
{
    public static async Task<List<WorkReportRow>> ReportsAsync(RendaDbContext db, SupervisionActor actor, int? year, string? group, CancellationToken ct)
    {
        var q = db.Set<WorkReport>().AsNoTracking().Where(r => r.CongressId == actor.CongressId);
        if (!(actor.IsStaff || actor.IsCouncil || actor.IsMember)) q = q.Where(r => actor.UnitIds.Contains(r.OrganId));
        if (year is { } y) q = q.Where(r => r.Year == y);
        q = group switch
        {
            "special" => q.Where(r => r.Kind == WorkReportKind.Special),
            "finance" => q.Where(r => r.Kind != WorkReportKind.Special && r.Kind != WorkReportKind.InspectionReport),
            "inspection" => q.Where(r => r.Kind == WorkReportKind.InspectionReport),
            _ => q,
        };
        var rows = await q.OrderByDescending(r => r.Year).ThenBy(r => r.HeardOn).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.Kind, r.Title, Organ = db.HandlingUnits.Where(u => u.Id == r.OrganId).Select(u => u.Name).FirstOrDefault(),
                Meeting = db.Set<Meeting>().Where(m => m.Id == r.MeetingId).Select(m => m.Title).FirstOrDefault(), r.HeardOn, r.Status,
            }).ToListAsync(ct);
        return rows.Select(r => new WorkReportRow(r.Id, r.Kind, SupervisionLabels.Of(r.Kind), r.Title, r.Organ ?? "", r.Meeting, r.HeardOn, r.Status, SupervisionLabels.Of(r.Status))).ToList();
    }

    public static async Task<WorkReportView> ReportAsync(RendaDbContext db, SupervisionActor actor, int id, CancellationToken ct)
    {
        var r = await WorkReportWorkflow.LoadAsync(db, actor, id, ct);
        var organ = await db.HandlingUnits.Where(u => u.Id == r.OrganId).Select(u => u.Name).FirstAsync(ct);
        var committee = r.CommitteeId is { } c ? await db.Committees.Where(x => x.Id == c).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var meeting = r.MeetingId is { } m ? await db.Set<Meeting>().Where(x => x.Id == m).Select(x => new { x.Title, x.StartsOn }).FirstOrDefaultAsync(ct) : null;
        var sid = r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var clocks = await db.Deadlines.AsNoTracking().Where(d => d.SubjectType == WorkReport.Subject && d.SubjectId == sid).OrderBy(d => d.Id).ToListAsync(ct);
        return new WorkReportView(r.Id, r.Year, r.Kind, SupervisionLabels.Of(r.Kind), r.Title, r.OrganId, organ, committee, r.TopicId, r.InspectionId, r.AuditReportId, r.MeetingId,
            meeting?.Title, meeting?.StartsOn, r.Status, SupervisionLabels.Of(r.Status), r.LateReason, r.ReportText, r.SubmittedOn, r.DistributedOn, r.HeardOn, r.Opinions, r.OpinionsSentOn,
            r.HandlingReport, r.HandlingReportedOn, r.Judgement, r.Judgement is { } j ? SupervisionLabels.Of(j) : null, r.JudgementNote, r.FollowUpDueOn, r.FollowUpReport,
            r.FollowUpReportedOn, r.ResolutionAgendaItemId, r.ResolutionAdopted, r.ResolutionDueOn, r.ClosedOn,
            clocks.Select(d => new ClockView(d.Purpose ?? "", d.Title, d.Rule, d.Source, WorkCalendar.Describe(d.Unit, d.Amount), d.DueOn, d.Status, Deadlines.StatusLabel(d.Status))).ToList(),
            WorkReport.NeedsApproval(r.Kind), r.Approved, r.ApprovedOn, Allowed<WorkReportAction>(r.Can));
    }

    public static async Task<PlanView?> PlanAsync(RendaDbContext db, int congressId, int year, CancellationToken ct)
    {
        var plan = await db.Set<SupervisionPlan>().AsNoTracking().Include(p => p.Topics).FirstOrDefaultAsync(p => p.CongressId == congressId && p.Year == year, ct);
        if (plan is null) return null;
        var topicIds = plan.Topics.Select(t => t.Id).ToList();
        // Progress against the plan: a topic is done when a record of the right kind was made from it.
        var done = new Dictionary<int, (string, string)>();
        foreach (var r in await db.Set<WorkReport>().Where(r => r.TopicId != null && topicIds.Contains(r.TopicId.Value) && r.HeardOn != null).Select(r => new { r.TopicId, r.Id }).ToListAsync(ct))
            done.TryAdd(r.TopicId!.Value, ("已听取审议", $"/supervision/reports/{r.Id}"));
        foreach (var r in await db.Set<LawEnforcementInspection>().Where(r => r.TopicId != null && topicIds.Contains(r.TopicId.Value)).Select(r => new { r.TopicId, r.Id }).ToListAsync(ct))
            done.TryAdd(r.TopicId!.Value, ("已开展执法检查", $"/supervision/inspections/{r.Id}"));
        foreach (var r in await db.Set<Survey>().Where(r => r.TopicId != null && topicIds.Contains(r.TopicId.Value)).Select(r => new { r.TopicId, r.Id }).ToListAsync(ct))
            done.TryAdd(r.TopicId!.Value, ("已开展", $"/supervision/surveys/{r.Id}"));
        foreach (var r in await db.Set<SpecialInquiry>().Where(r => r.TopicId != null && topicIds.Contains(r.TopicId.Value)).Select(r => new { r.TopicId, r.Id }).ToListAsync(ct))
            done.TryAdd(r.TopicId!.Value, ("已开展专题询问", $"/supervision/inquiries/{r.Id}"));
        var suggestionIds = plan.Topics.Where(t => t.SuggestionId != null).Select(t => t.SuggestionId!.Value).ToList();
        var suggestions = await db.Set<Suggestions.Suggestion>().Where(s => suggestionIds.Contains(s.Id)).Select(s => new { s.Id, s.Title, s.Number }).ToDictionaryAsync(s => s.Id, ct);
        var committees = await db.Committees.Where(x => x.CongressId == congressId).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var organs = await db.HandlingUnits.Where(x => x.CongressId == congressId).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var topics = plan.Topics.OrderBy(t => t.PlannedMonth ?? 13).ThenBy(t => t.Id).Select(t => new TopicView(t.Id, t.Title, t.Kind, SupervisionLabels.Of(t.Kind), t.Source, SupervisionLabels.Of(t.Source),
            t.SourceNote, t.SuggestionId, t.SuggestionId is { } s && suggestions.TryGetValue(s, out var sg) ? $"{sg.Number} {sg.Title}" : null,
            t.CommitteeId is { } c && committees.TryGetValue(c, out var cn) ? cn : null, t.OrganId is { } o && organs.TryGetValue(o, out var on) ? on : null, t.PlannedMonth,
            done.TryGetValue(t.Id, out var d) ? d.Item1 : null, done.TryGetValue(t.Id, out var d2) ? d2.Item2 : null)).ToList();
        return new PlanView(plan.Id, plan.Year, plan.Title, plan.Status, plan.PublishedOn, topics, topics.Count(t => t.DoneAs is not null), Allowed<PlanAction>(plan.Can));
    }

    public static async Task<List<InspectionView>> InspectionsAsync(RendaDbContext db, SupervisionActor actor, int? year, CancellationToken ct)
    {
        var ids = await db.Set<LawEnforcementInspection>().Where(i => i.CongressId == actor.CongressId && (year == null || i.Year == year)).OrderBy(i => i.StartsOn).Select(i => i.Id).ToListAsync(ct);
        var list = new List<InspectionView>();
        foreach (var id in ids) list.Add(await InspectionAsync(db, actor, id, ct));
        return list;
    }

    public static async Task<InspectionView> InspectionAsync(RendaDbContext db, SupervisionActor actor, int id, CancellationToken ct)
    {
        var i = await InspectionWorkflow.LoadInspectionAsync(db, actor, id, ct);
        List<string> methods = ["实地检查"];
        if (i.UsesQuestionnaire) methods.Add("问卷调查");
        if (i.UsesSpotCheck) methods.Add("随机抽查");
        if (i.UsesThirdPartyAssessment) methods.Add("第三方评估");
        // The upper congress sees which lower congresses carry parts and how far they are; the lower one sees its part and who asked.
        var parts = await db.Set<LawEnforcementInspection>().Where(x => x.ParentId == i.Id).Join(db.Congresses, x => x.CongressId, c => c.Id, (x, c) => new
        {
            c.ShortName, x.Id, x.Status, x.Findings, Report = db.Set<WorkReport>().Where(r => r.Id == x.ReportId).Select(r => r.ReportText).FirstOrDefault(),
        }).ToListAsync(ct);
        var parent = i.ParentId is { } p ? await db.Set<LawEnforcementInspection>().Where(x => x.Id == p).Join(db.Congresses, x => x.CongressId, c => c.Id, (x, c) => c.StandingCommitteeName).FirstOrDefaultAsync(ct) : null;
        return new InspectionView(i.Id, i.Year, i.Law, i.Title, i.StartsOn, i.EndsOn, i.Places, methods, i.Findings, i.Status, SupervisionLabels.Of(i.Status), i.ReportId, i.ParentId, parent,
            i.Team.OrderBy(t => t.Role).ThenBy(t => t.Id).Select(t => new TeamView(SupervisionLabels.Of(t.Role), t.Name)).ToList(), parts.Select(x => new PartView(x.ShortName, x.Id, SupervisionLabels.Of(x.Status), x.Findings, x.Report)).ToList(), i.TopicId,
            Allowed<InspectionAction>(i.Can));
    }

    public static async Task<List<SurveyView>> SurveysAsync(RendaDbContext db, SupervisionActor actor, int? year, SurveyKind? kind, CancellationToken ct)
    {
        var ids = await db.Set<Survey>().Where(s => s.CongressId == actor.CongressId && (year == null || s.Year == year) && (kind == null || s.Kind == kind)).OrderBy(s => s.StartsOn).Select(s => s.Id).ToListAsync(ct);
        var list = new List<SurveyView>();
        foreach (var id in ids) list.Add(await SurveyAsync(db, actor, id, ct));
        return list;
    }

    public static async Task<SurveyView> SurveyAsync(RendaDbContext db, SupervisionActor actor, int id, CancellationToken ct)
    {
        var s = await SurveyWorkflow.LoadSurveyAsync(db, actor, id, ct);
        var deputyIds = s.Deputies.Select(d => d.DeputyId).ToList();
        var names = await db.Deputies.Where(d => deputyIds.Contains(d.Id)).Select(d => d.Person!.Name).ToListAsync(ct);
        return new SurveyView(s.Id, s.Year, s.Kind, SupervisionLabels.Of(s.Kind), s.Topic, s.StartsOn, s.EndsOn, s.Places, s.Participants, names, s.Findings, s.Report, s.TopicId);
    }

    public static async Task<List<InquiryView>> InquiriesAsync(RendaDbContext db, SupervisionActor actor, int? year, CancellationToken ct)
    {
        var ids = await db.Set<SpecialInquiry>().Where(s => s.CongressId == actor.CongressId && (year == null || s.Year == year)).OrderBy(s => s.HeldOn).Select(s => s.Id).ToListAsync(ct);
        var list = new List<InquiryView>();
        foreach (var id in ids) list.Add(await InquiryAsync(db, actor, id, ct));
        return list;
    }

    public static async Task<InquiryView> InquiryAsync(RendaDbContext db, SupervisionActor actor, int id, CancellationToken ct)
    {
        var q = await InquiryWorkflow.LoadInquiryAsync(db, actor, id, ct);
        return new InquiryView(q.Id, q.Year, q.Title, q.HeldOn, q.MeetingId, q.WorkReportId, q.Questions.OrderBy(x => x.Id)
            .Select(x => new QuestionView(x.Id, x.Asker, x.AddressedOrgan, x.Question, x.AnsweredBy, x.Answer, x.Commitment, x.CommitmentDoneOn, x.AskerDeputyId)).ToList(), q.TopicId);
    }

    public static async Task<List<InterpellationView>> InterpellationsAsync(RendaDbContext db, SupervisionActor actor, int? year, CancellationToken ct)
    {
        var ids = await db.Set<Interpellation>().Where(s => s.CongressId == actor.CongressId && (year == null || s.Year == year)).OrderBy(s => s.FiledOn).Select(s => s.Id).ToListAsync(ct);
        var list = new List<InterpellationView>();
        foreach (var id in ids) list.Add(await InterpellationAsync(db, actor, id, ct));
        return list;
    }

    public static async Task<InterpellationView> InterpellationAsync(RendaDbContext db, SupervisionActor actor, int id, CancellationToken ct)
    {
        var i = await InterpellationWorkflow.LoadInterpellationAsync(db, actor, id, ct);
        var organ = await db.HandlingUnits.Where(u => u.Id == i.OrganId).Select(u => u.Name).FirstAsync(ct);
        var level = await db.Congresses.Where(c => c.Id == i.CongressId).Select(c => c.Level).FirstAsync(ct);
        return new InterpellationView(i.Id, i.Year, i.Title, i.Questions, i.OrganId, organ, i.FiledOn, i.Status, SupervisionLabels.Of(i.Status), i.Answer, i.AnsweredBy, i.AnsweredOn,
            i.SecondAnswer, i.Proposers.OrderBy(p => p.Id).Select(p => new ProposerView(p.PersonId, p.Name, p.Satisfied)).ToList(), InterpellationWorkflow.MinimumProposers(level),
            Allowed<InterpellationAction>(i.Can));
    }

    public static async Task<List<ReviewView>> ReviewsAsync(RendaDbContext db, SupervisionActor actor, int? year, CancellationToken ct)
    {
        var ids = await db.Set<PostAppointmentReview>().Where(s => s.CongressId == actor.CongressId && (year == null || s.Year == year)).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        var list = new List<ReviewView>();
        foreach (var id in ids) list.Add(await ReviewAsync(db, actor, id, ct));
        return list;
    }

    public static async Task<ReviewView> ReviewAsync(RendaDbContext db, SupervisionActor actor, int id, CancellationToken ct)
    {
        var r = await AppraisalWorkflow.LoadAsync(db, actor, id, ct);
        var appraised = await db.Set<AppraisalReceipt>().CountAsync(x => x.ReviewId == r.Id, ct);
        var has = actor.PersonId is { } p && await db.Set<AppraisalReceipt>().AnyAsync(x => x.ReviewId == r.Id && x.PersonId == p, ct);
        var may = !has && r.Can(PostAppointmentReviewAction.Appraise) && actor.PersonId is { } q && r.AppraisalOn is { } day
            && await db.StandingCommitteeMembers.AnyAsync(m => m.CongressId == r.CongressId && m.PersonId == q && m.SeatedOn <= day && (m.LeftOn == null || m.LeftOn > day), ct);
        // Results are shown once the round is closed, so a running count cannot sway the members still to appraise.
        var results = r.Status == PostAppointmentReviewStatus.Closed ? await AppraisalWorkflow.ResultsAsync(db, r, ct) : null;
        return new ReviewView(r.Id, r.Year, r.AppointmentId, r.OfficialName, r.Post, r.MeetingId, r.WrittenReport, r.PerformanceReport, r.Status, SupervisionLabels.Of(r.Status),
            r.ChoiceList, appraised, has, may, results, Allowed<PostAppointmentReviewAction>(r.Can));
    }

    /// <summary>The actions the entity's state allows, asked of its state machine (never listed here).</summary>
    private static List<TAction> Allowed<TAction>(Func<TAction, Actor?, bool> can) where TAction : struct, Enum
        => Enum.GetValues<TAction>().Where(a => can(a, null)).ToList();

    public static SupervisionActor Require(SupervisionActor actor)
    {
        if (!actor.MayRead) throw DomainException.Forbidden("没有查看监督工作记录的权限。");
        return actor;
    }
}
