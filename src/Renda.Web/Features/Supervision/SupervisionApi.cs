using Microsoft.AspNetCore.Http.HttpResults;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Supervision;

public sealed record ScheduleReportRequest(int MeetingId, string? LateReason);
public sealed record TextRequest(string? Text);
public sealed record OpinionsRequest(string? Opinions);
public sealed record JudgeRequest(HandlingJudgement Judgement, string? Note, DateOnly? FollowUpDueOn);
public sealed record ResolutionRequest(int MeetingId, string? Title, DateOnly DueOn);
public sealed record FindingsRequest(string? Findings);
public sealed record InspectionReportRequest(string? Report, int OrganId, int? MeetingId, string? LateReason);
public sealed record SurveyReportRequest(string? Findings, string? Report);
public sealed record AnswerRequest(string? AnsweredBy, string? Answer);
public sealed record SatisfactionRequest(int? PersonId, bool Satisfied);
public sealed record AppraisalRequest(string? Choice);
/// <summary>topicId null unlinks; it must be sent all the same, so that an empty body is not read as "unlink".</summary>
public sealed record TopicLinkRequest([property: System.Text.Json.Serialization.JsonRequired] int? TopicId);
/// <summary>The id of what was added (a plan topic, an inquiry question).</summary>
public sealed record SupervisionItemId(int Id);

/// <summary>/api/v1 for supervision: plan, reports and their loop, inspections, inquiries, surveys, interpellations, appraisals, statistics.</summary>
public static class SupervisionApi
{
    private const string Tag = "监督工作";

    public static void Map(RouteGroupBuilder api)
    {
        var congress = api.MapGroup("/congresses/{code}/supervision").RequireAuthorization().WithTags(Tag);
        MapPlan(congress);
        MapRecords(congress);
        MapReports(api.MapGroup("/supervision/reports/{id:int}").RequireAuthorization().WithTags(Tag));
        MapInspections(api.MapGroup("/supervision/inspections/{id:int}").RequireAuthorization().WithTags(Tag));
        MapInquiriesAndSurveys(api.MapGroup("/supervision").RequireAuthorization().WithTags(Tag));
        MapTopicLinks(api.MapGroup("/supervision").RequireAuthorization().WithTags(Tag));
        MapInterpellations(api.MapGroup("/supervision/interpellations/{id:int}").RequireAuthorization().WithTags(Tag));
        MapAppraisals(api.MapGroup("/supervision/appraisals/{id:int}").RequireAuthorization().WithTags(Tag));
    }

    private static void MapPlan(RouteGroupBuilder congress)
    {
        congress.MapGet("/statistics", async Task<Ok<SupervisionStatisticsView>> (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            // An upper congress sees the figures of those below it (counts only).
            var c = await CongressScope.OwnOrBelowAsync(db, user.User, code, ct);
            return TypedResults.Ok(await SupervisionStatistics.ForAsync(db, c.Id, year ?? WorkCalendar.Today(db.Clock).Year, ct));
        }).WithName("Supervision_GetStatistics").WithSummary("年度监督工作统计（上级人大可查看下级的数字）");
        congress.MapGet("/plan", async Task<Ok<PlanView>> (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = await ActorAsync(db, user, code, ct);
            return TypedResults.Ok(await SupervisionQueries.PlanAsync(db, a.CongressId, year ?? WorkCalendar.Today(db.Clock).Year, ct)
                ?? throw DomainException.NotFound("该年度还没有监督工作计划。"));
        }).WithName("Supervision_GetPlan").WithSummary("年度监督工作计划及其议题和完成情况");
        congress.MapPost("/plan/topics", async Task<Created<SupervisionItemId>> (string code, int year, TopicInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var t = await SupervisionPlanWorkflow.AddTopicAsync(db, await ActorAsync(db, user, code, ct), year, r, ct);
            return TypedResults.Created($"/api/v1/congresses/{code}/supervision/plan?year={year}", new SupervisionItemId(t.Id));
        }).WithName("Supervision_AddTopic").WithSummary("为年度监督工作计划增加议题");
        congress.MapPut("/plan/topics/{topicId:int}", async (string code, int topicId, TopicInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => await Endpoints.Done((Task)SupervisionPlanWorkflow.UpdateTopicAsync(db, await ActorAsync(db, user, code, ct), topicId, r, ct)))
            .WithName("Supervision_UpdateTopic").WithSummary("修改监督计划议题");
        congress.MapDelete("/plan/topics/{topicId:int}", async (string code, int topicId, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => await Endpoints.Done(SupervisionPlanWorkflow.DeleteTopicAsync(db, await ActorAsync(db, user, code, ct), topicId, ct)))
            .WithName("Supervision_DeleteTopic").WithSummary("删除草案计划中尚无记录关联的议题");
        congress.MapPost("/plan/publish", async (string code, int year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => await Endpoints.Done(SupervisionPlanWorkflow.PublishPlanAsync(db, await ActorAsync(db, user, code, ct), year, ct)))
            .WithName("Supervision_PublishPlan").WithSummary("发布年度监督工作计划");
        congress.MapGet("/plan.docx", async Task<FileContentHttpResult> (string code, int year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var (name, bytes) = await SupervisionDocuments.PlanAsync(db, await ActorAsync(db, user, code, ct), year, ct);
            return TypedResults.File(bytes, SupervisionDocuments.ContentType, name);
        }).WithName("Supervision_DownloadPlan").WithSummary("下载年度监督工作计划（Word）").ProducesFile(Endpoints.Docx);
    }

    private static void MapRecords(RouteGroupBuilder congress)
    {
        congress.MapGet("/reports", async Task<Ok<List<WorkReportRow>>> (string code, int? year, string? group, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await SupervisionQueries.ReportsAsync(db, await ActorAsync(db, user, code, ct), year, group, ct)))
            .WithName("Supervision_ListReports").WithSummary("工作报告和计划预算报告列表（group：special、finance、inspection）");
        congress.MapPost("/reports", async Task<Created<WorkReportView>> (string code, WorkReportInput r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = await ActorAsync(db, user, code, ct);
            var report = await WorkReportWorkflow.RegisterAsync(db, calendar, a, r, ct);
            return TypedResults.Created($"/api/v1/supervision/reports/{report.Id}", await SupervisionQueries.ReportAsync(db, a, report.Id, ct));
        }).WithName("Supervision_RegisterReport").WithSummary("登记报告（可同时列入会议议程并开始送交期限计时）");
        congress.MapGet("/inspections", async Task<Ok<List<InspectionView>>> (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await SupervisionQueries.InspectionsAsync(db, await ActorAsync(db, user, code, ct), year, ct)))
            .WithName("Supervision_ListInspections").WithSummary("执法检查列表");
        congress.MapPost("/inspections", async Task<Created<InspectionView>> (string code, InspectionInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = await ActorAsync(db, user, code, ct);
            var i = await InspectionWorkflow.CreateInspectionAsync(db, a, r, ct);
            return TypedResults.Created($"/api/v1/supervision/inspections/{i.Id}", await SupervisionQueries.InspectionAsync(db, a, i.Id, ct));
        }).WithName("Supervision_CreateInspection").WithSummary("安排执法检查（可联动下级人大）");
        congress.MapGet("/inquiries", async Task<Ok<List<InquiryView>>> (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await SupervisionQueries.InquiriesAsync(db, await ActorAsync(db, user, code, ct), year, ct)))
            .WithName("Supervision_ListInquiries").WithSummary("专题询问列表");
        congress.MapPost("/inquiries", async Task<Created<InquiryView>> (string code, InquiryInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = await ActorAsync(db, user, code, ct);
            var q = await InquiryWorkflow.CreateInquiryAsync(db, a, r, ct);
            return TypedResults.Created($"/api/v1/supervision/inquiries/{q.Id}", await SupervisionQueries.InquiryAsync(db, a, q.Id, ct));
        }).WithName("Supervision_CreateInquiry").WithSummary("登记专题询问");
        congress.MapGet("/surveys", async Task<Ok<List<SurveyView>>> (string code, int? year, SurveyKind? kind, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await SupervisionQueries.SurveysAsync(db, await ActorAsync(db, user, code, ct), year, kind, ct)))
            .WithName("Supervision_ListSurveys").WithSummary("专题调研和代表视察列表");
        congress.MapPost("/surveys", async Task<Created<SurveyView>> (string code, SurveyInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = await ActorAsync(db, user, code, ct);
            var s = await SurveyWorkflow.CreateSurveyAsync(db, a, r, ct);
            return TypedResults.Created($"/api/v1/supervision/surveys/{s.Id}", await SupervisionQueries.SurveyAsync(db, a, s.Id, ct));
        }).WithName("Supervision_CreateSurvey").WithSummary("登记专题调研或代表视察");
        congress.MapGet("/interpellations", async Task<Ok<List<InterpellationView>>> (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await SupervisionQueries.InterpellationsAsync(db, await ActorAsync(db, user, code, ct), year, ct)))
            .WithName("Supervision_ListInterpellations").WithSummary("质询案列表");
        congress.MapPost("/interpellations", async Task<Created<InterpellationView>> (string code, InterpellationInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = await ActorAsync(db, user, code, ct);
            var i = await InterpellationWorkflow.FileInterpellationAsync(db, a, r, ct);
            return TypedResults.Created($"/api/v1/supervision/interpellations/{i.Id}", await SupervisionQueries.InterpellationAsync(db, a, i.Id, ct));
        }).WithName("Supervision_FileInterpellation").WithSummary("提出质询案（组成人员联名）");
        congress.MapGet("/appraisals", async Task<Ok<List<ReviewView>>> (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await SupervisionQueries.ReviewsAsync(db, await ActorAsync(db, user, code, ct), year, ct)))
            .WithName("Supervision_ListAppraisals").WithSummary("任后监督（履职报告和满意度测评）列表");
        congress.MapPost("/appraisals", async Task<Created<ReviewView>> (string code, ReviewInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = await ActorAsync(db, user, code, ct);
            var v = await AppraisalWorkflow.CreateAsync(db, a, r, ct);
            return TypedResults.Created($"/api/v1/supervision/appraisals/{v.Id}", await SupervisionQueries.ReviewAsync(db, a, v.Id, ct));
        }).WithName("Supervision_CreateAppraisal").WithSummary("安排任命人员的履职报告和测评");
    }

    private static void MapReports(RouteGroupBuilder report)
    {
        report.MapGet("/", async Task<Ok<WorkReportView>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await SupervisionQueries.ReportAsync(db, Actor(user), id, ct))).WithName("Supervision_GetReport").WithSummary("报告及其办理环节和期限");
        report.MapPost("/schedule", (int id, ScheduleReportRequest r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(WorkReportWorkflow.ScheduleAsync(db, calendar, Actor(user), id, r.MeetingId, r.LateReason, ct))).WithName("Supervision_ScheduleReport").WithSummary("将报告列入常委会会议议程");
        report.MapPost("/submit", (int id, TextRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(WorkReportWorkflow.SubmitAsync(db, Actor(user), id, r.Text, ct))).WithName("Supervision_SubmitReport").WithSummary("报告机关提交报告");
        report.MapPost("/distribute", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(WorkReportWorkflow.DistributeAsync(db, Actor(user), id, ct))).WithName("Supervision_DistributeReport").WithSummary("报告送常委会并印发组成人员");
        report.MapPost("/heard", (int id, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(WorkReportWorkflow.HearAsync(db, calendar, Actor(user), id, ct))).WithName("Supervision_HearReport").WithSummary("记录会议已听取审议报告");
        report.MapPost("/opinions", (int id, OpinionsRequest r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(WorkReportWorkflow.SendOpinionsAsync(db, calendar, Actor(user), id, r.Opinions, ct))).WithName("Supervision_SendOpinions").WithSummary("向报告机关送交审议意见");
        report.MapPost("/handling", (int id, TextRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(WorkReportWorkflow.ReportHandlingAsync(db, Actor(user), id, r.Text, ct))).WithName("Supervision_ReportHandling").WithSummary("报告机关书面报告审议意见研究处理情况");
        report.MapPost("/judgement", (int id, JudgeRequest r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(WorkReportWorkflow.JudgeAsync(db, calendar, Actor(user), id, r.Judgement, r.Note, r.FollowUpDueOn, ct))).WithName("Supervision_JudgeHandling").WithSummary("对研究处理情况作出测评结论");
        report.MapPost("/follow-up", (int id, TextRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(WorkReportWorkflow.ReportFollowUpAsync(db, Actor(user), id, r.Text, ct))).WithName("Supervision_ReportFollowUp").WithSummary("报告机关报告跟踪落实情况");
        report.MapPost("/close", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(WorkReportWorkflow.CloseFollowUpAsync(db, Actor(user), id, ct))).WithName("Supervision_CloseReport").WithSummary("结束跟踪监督，报告办结");
        report.MapPost("/resolution", (int id, ResolutionRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(WorkReportWorkflow.RequestResolutionAsync(db, Actor(user), id, r.MeetingId, r.Title, r.DueOn, ct))).WithName("Supervision_RequestResolution").WithSummary("就报告提请常委会作出决议");
        report.MapGet("/opinions.docx", async Task<FileContentHttpResult> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var (name, bytes) = await SupervisionDocuments.OpinionsAsync(db, Actor(user), id, ct);
            return TypedResults.File(bytes, SupervisionDocuments.ContentType, name);
        }).WithName("Supervision_DownloadOpinions").WithSummary("下载审议意见（Word）").ProducesFile(Endpoints.Docx);
    }

    private static void MapInspections(RouteGroupBuilder inspection)
    {
        inspection.MapGet("/", async Task<Ok<InspectionView>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await SupervisionQueries.InspectionAsync(db, Actor(user), id, ct))).WithName("Supervision_GetInspection").WithSummary("执法检查及其检查组和联动检查");
        inspection.MapPost("/findings", (int id, FindingsRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(InspectionWorkflow.RecordFindingsAsync(db, Actor(user), id, r.Findings, ct))).WithName("Supervision_RecordFindings").WithSummary("记录执法检查发现的问题");
        inspection.MapPost("/report", async Task<Created<WorkReportView>> (int id, InspectionReportRequest r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = Actor(user);
            var w = await InspectionWorkflow.ReportInspectionAsync(db, calendar, a, id, r.Report, r.OrganId, r.MeetingId, r.LateReason, ct);
            return TypedResults.Created($"/api/v1/supervision/reports/{w.Id}", await SupervisionQueries.ReportAsync(db, a, w.Id, ct));
        }).WithName("Supervision_ReportInspection").WithSummary("形成执法检查报告（进入报告审议环节）");
    }

    private static void MapInquiriesAndSurveys(RouteGroupBuilder supervision)
    {
        supervision.MapGet("/inquiries/{id:int}", async Task<Ok<InquiryView>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await SupervisionQueries.InquiryAsync(db, Actor(user), id, ct))).WithName("Supervision_GetInquiry").WithSummary("专题询问及其问答和承诺事项");
        supervision.MapPost("/inquiries/{id:int}/questions", async Task<Created<SupervisionItemId>> (int id, QuestionInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var q = await InquiryWorkflow.AddQuestionAsync(db, Actor(user), id, r, ct);
            return TypedResults.Created($"/api/v1/supervision/inquiries/{id}", new SupervisionItemId(q.Id));
        }).WithName("Supervision_AddQuestion").WithSummary("记录询问问题和答复");
        supervision.MapPut("/inquiry-questions/{id:int}", (int id, QuestionInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(InquiryWorkflow.UpdateQuestionAsync(db, Actor(user), id, r, ct))).WithName("Supervision_UpdateQuestion").WithSummary("更正询问问题（询问人、问题、答复）");
        supervision.MapDelete("/inquiry-questions/{id:int}", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(InquiryWorkflow.RemoveQuestionAsync(db, Actor(user), id, ct))).WithName("Supervision_RemoveQuestion").WithSummary("删除误记的询问问题");
        supervision.MapPost("/inquiry-questions/{id:int}/done", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(InquiryWorkflow.CompleteCommitmentAsync(db, Actor(user), id, ct))).WithName("Supervision_CompleteCommitment").WithSummary("记录承诺事项已落实");
        supervision.MapGet("/surveys/{id:int}", async Task<Ok<SurveyView>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await SupervisionQueries.SurveyAsync(db, Actor(user), id, ct))).WithName("Supervision_GetSurvey").WithSummary("专题调研或代表视察");
        supervision.MapPost("/surveys/{id:int}/report", (int id, SurveyReportRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(SurveyWorkflow.ReportSurveyAsync(db, Actor(user), id, r.Findings, r.Report, ct))).WithName("Supervision_ReportSurvey").WithSummary("记录调研发现的问题和调研报告");
    }

    /// <summary>A record is linked to the plan topic it carries out, or unlinked (topicId null), after it was made.</summary>
    private static void MapTopicLinks(RouteGroupBuilder supervision)
    {
        foreach (var (path, record, name, what) in new[]
                 {
                     ("reports", SupervisionRecord.Report, "Report", "报告"), ("inspections", SupervisionRecord.Inspection, "Inspection", "执法检查"),
                     ("inquiries", SupervisionRecord.Inquiry, "Inquiry", "专题询问"), ("surveys", SupervisionRecord.Survey, "Survey", "调研视察"),
                 })
            supervision.MapPut($"/{path}/{{id:int}}/topic", (int id, TopicLinkRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
                    => Endpoints.Done(SupervisionPlanWorkflow.LinkTopicAsync(db, Actor(user), record, id, r.TopicId, ct)))
                .WithName($"Supervision_Link{name}Topic").WithSummary($"将{what}关联到年度监督计划议题（topicId 为 null 时取消关联）");
    }

    private static void MapInterpellations(RouteGroupBuilder interpellation)
    {
        interpellation.MapGet("/", async Task<Ok<InterpellationView>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await SupervisionQueries.InterpellationAsync(db, Actor(user), id, ct))).WithName("Supervision_GetInterpellation").WithSummary("质询案及其答复和提议人意见");
        interpellation.MapPost("/answer", (int id, AnswerRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(InterpellationWorkflow.AnswerInterpellationAsync(db, Actor(user), id, r.AnsweredBy, r.Answer, ct))).WithName("Supervision_AnswerInterpellation").WithSummary("被质询机关答复（或再次答复）");
        interpellation.MapPost("/satisfaction", (int id, SatisfactionRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = Actor(user);
            return Endpoints.Done(InterpellationWorkflow.RateInterpellationAsync(db, a, id, r.PersonId ?? a.PersonId ?? 0, r.Satisfied, ct));
        }).WithName("Supervision_RateInterpellation").WithSummary("提议人表明对答复是否满意");
    }

    private static void MapAppraisals(RouteGroupBuilder review)
    {
        review.MapGet("/", async Task<Ok<ReviewView>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await SupervisionQueries.ReviewAsync(db, Actor(user), id, ct))).WithName("Supervision_GetAppraisal").WithSummary("任后监督事项及测评情况（结束后含结果）");
        review.MapPost("/report", (int id, TextRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(AppraisalWorkflow.ReportAsync(db, Actor(user), id, r.Text, ct))).WithName("Supervision_ReportPerformance").WithSummary("记录履职情况报告");
        review.MapPost("/open", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(AppraisalWorkflow.OpenAsync(db, Actor(user), id, ct))).WithName("Supervision_OpenAppraisal").WithSummary("开始满意度测评");
        review.MapPost("/ballots", async Task<Created<ReviewView>> (int id, AppraisalRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = Actor(user);
            await AppraisalWorkflow.CastAsync(db, a, id, r.Choice, ct);
            return TypedResults.Created($"/api/v1/supervision/appraisals/{id}", await SupervisionQueries.ReviewAsync(db, a, id, ct));
        }).WithName("Supervision_CastAppraisal").WithSummary("常委会组成人员进行测评（无记名）");
        review.MapPost("/close", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(AppraisalWorkflow.CloseAsync(db, Actor(user), id, ct))).WithName("Supervision_CloseAppraisal").WithSummary("结束测评并封存测评结果");
    }

    private static SupervisionActor Actor(CurrentUserAccessor user) => new(user.User);

    private static async Task<SupervisionActor> ActorAsync(RendaDbContext db, CurrentUserAccessor user, string code, CancellationToken ct)
    {
        await CongressScope.RequireOwnAsync(db, user.User, code, ct);
        return SupervisionQueries.Require(Actor(user));
    }
}
