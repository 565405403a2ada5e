using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Meetings;

/// <summary>Local standing committees exist since the 1979 organic law; a meeting before it is a typing error.</summary>
public sealed record ScheduleRequest([property: PlausibleDates("1979-07-01", "2100-12-31")] DateOnly StartsOn, [property: PlausibleDates("1979-07-01", "2100-12-31")] DateOnly EndsOn, string? Place);
public sealed record NoticeRequest(string? ShortNoticeReason);
public sealed record AgendaItemRequest(AgendaItemKind Kind, string? Title, string? SubjectType, int? SubjectId);
public sealed record OutcomeRequest(AgendaOutcome Outcome, string? Note);
public sealed record AttendanceRequest(AttendanceEntry[]? Entries);
public sealed record AttendeeRequest(AttendeeKind Kind, string? Name, string? Organisation, int? DeputyId);
public sealed record MinutesRequest(string? Minutes);
public sealed record PrepareVoteRequest(int AgendaItemId, VoteKind Kind, string? Title, int[]? AppointmentIds);
public sealed record BallotRequest(BallotChoice Choice);
/// <summary>Closing a vote: while present members have not voted, why it closes now (stored on the vote and audited).</summary>
public sealed record CloseVoteRequest(string? EarlyCloseReason);
public sealed record TaskRequest(string? Description, int? UnitId, string? Responsible, DateOnly DueOn);
public sealed record TaskDoneRequest(string? Report);
public sealed record LawExamRequest(string? Result);
public sealed record CertificateRequest(string? Number, DateOnly IssuedOn);
public sealed record LivelihoodCastRequest(int[]? ProjectIds);
public sealed record ProgressReportRequest(int PercentDone, string? Text);
public sealed record EvaluationRequest(Satisfaction Result);

public sealed record AgendaItemCreated(int Id, int Order);
public sealed record AttendeeCreated(int Id);
public sealed record ResolutionTaskCreated(int Id);
public sealed record LivelihoodProjectCreated(int Id, int Order);
/// <summary>That a ballot was received: the vote (or livelihood ballot) it was cast in, never what was chosen.</summary>
public sealed record BallotReceived(int Id);

/// <summary>/api/v1 for meetings, votes, resolutions, appointments, oaths and the livelihood-projects ballot.</summary>
public static class MeetingsApi
{
    private const string MeetingsTag = "会议与表决";

    public static void Map(RouteGroupBuilder api)
    {
        MapMeetings(api);
        MapVotes(api);
        MapResolutions(api);
        MapAppointments(api);
        MapLivelihood(api);
        api.MapGet("/deputies/{id:int}/duty-records", async Task<Ok<List<DutyRecordView>>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
                => TypedResults.Ok(await DutyRecords.ForDeputyAsync(db, user.User, id, ct)))
            .RequireAuthorization().WithTags("代表").WithName("Meetings_ListDutyRecords").WithSummary("代表的履职记录（列席常委会会议等）");
    }

    private static void MapMeetings(RouteGroupBuilder api)
    {
        var congress = api.MapGroup("/congresses/{code}").RequireAuthorization().WithTags(MeetingsTag);
        congress.MapGet("/meetings", async Task<Ok<List<MeetingListItem>>> (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await MeetingQueries.ListAsync(db, (await OwnAsync(db, user, code, ct)).Id, year, ct)))
            .WithName("Meetings_ListMeetings").WithSummary("本级常委会会议列表（可按年度）");
        congress.MapPost("/meetings", async Task<Created<MeetingDetail>> (string code, ScheduleRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = await ActorAsync(db, user, code, ct);
            var m = await MeetingWorkflow.ScheduleAsync(db, actor, r.StartsOn, r.EndsOn, r.Place ?? "", ct);
            return TypedResults.Created($"/api/v1/meetings/{m.Id}", await MeetingQueries.DetailAsync(db, actor, m.Id, ct));
        }).WithName("Meetings_ScheduleMeeting").WithSummary("安排常委会会议");

        var meeting = api.MapGroup("/meetings/{id:int}").RequireAuthorization().WithTags(MeetingsTag);
        meeting.MapGet("/", async Task<Ok<MeetingDetail>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await MeetingQueries.DetailAsync(db, Actor(user), id, ct))).WithName("Meetings_GetMeeting").WithSummary("会议详情：议程、出席、列席、表决");
        meeting.MapPut("/", (int id, ScheduleRequest r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(MeetingWorkflow.RescheduleAsync(db, calendar, Actor(user), id, r.StartsOn, r.EndsOn, r.Place ?? "", ct)))
            .WithName("Meetings_RescheduleMeeting").WithSummary("调整会议日期和地点");
        meeting.MapPost("/notice", (int id, NoticeRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(MeetingWorkflow.SendNoticeAsync(db, Actor(user), id, r.ShortNoticeReason, ct))).WithName("Meetings_SendNotice").WithSummary("发出会议通知");
        meeting.MapPost("/agenda", async Task<Created<AgendaItemCreated>> (int id, AgendaItemRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var item = await MeetingWorkflow.AddAgendaItemAsync(db, Actor(user), id, r.Kind, r.Title ?? "", r.SubjectType, r.SubjectId, ct);
            return TypedResults.Created($"/api/v1/meetings/{id}", new AgendaItemCreated(item.Id, item.Order));
        }).WithName("Meetings_AddAgendaItem").WithSummary("列入议程");
        meeting.MapPost("/agenda/{itemId:int}/outcome", (int id, int itemId, OutcomeRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(MeetingWorkflow.RecordOutcomeAsync(db, Actor(user), id, itemId, r.Outcome, r.Note, ct)))
            .WithName("Meetings_RecordAgendaOutcome").WithSummary("记录议题已审议或撤回");
        meeting.MapPost("/attendance", (int id, AttendanceRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(MeetingWorkflow.RecordAttendanceAsync(db, Actor(user), id, r.Entries ?? [], ct))).WithName("Meetings_RecordAttendance").WithSummary("登记组成人员出席情况");
        meeting.MapPost("/attendees", async Task<Created<AttendeeCreated>> (int id, AttendeeRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = await MeetingWorkflow.AddAttendeeAsync(db, Actor(user), id, r.Kind, r.Name, r.Organisation, r.DeputyId, ct);
            return TypedResults.Created($"/api/v1/meetings/{id}", new AttendeeCreated(a.Id));
        }).WithName("Meetings_AddAttendee").WithSummary("登记列席人员");
        meeting.MapPost("/open", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Endpoints.Done(MeetingWorkflow.OpenAsync(db, Actor(user), id, ct)))
            .WithName("Meetings_OpenMeeting").WithSummary("开会");
        meeting.MapPost("/close", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Endpoints.Done(MeetingWorkflow.CloseAsync(db, Actor(user), id, ct)))
            .WithName("Meetings_CloseMeeting").WithSummary("闭会");
        meeting.MapPost("/cancel", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Endpoints.Done(MeetingWorkflow.CancelAsync(db, Actor(user), id, ct)))
            .WithName("Meetings_CancelMeeting").WithSummary("取消会议");
        meeting.MapPost("/minutes", (int id, MinutesRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(MeetingWorkflow.RecordMinutesAsync(db, Actor(user), id, r.Minutes, ct))).WithName("Meetings_RecordMinutes").WithSummary("记录会议纪要");
        meeting.MapPost("/votes", async Task<Created<VoteView>> (int id, PrepareVoteRequest r, RendaDbContext db, IEnumerable<IAgendaSubject> subjects, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var v = await VoteWorkflow.PrepareAsync(db, actor, id, r.AgendaItemId, r.Kind, r.Title, r.AppointmentIds, ct, subjects);
            return TypedResults.Created($"/api/v1/votes/{v.Id}", await MeetingQueries.VoteAsync(db, actor, v.Id, ct));
        }).WithName("Meetings_PrepareVote").WithSummary("安排表决（整体、分项或任免）");
        meeting.MapGet("/documents/{document}.docx", async Task<FileContentHttpResult> (int id, string document, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var (name, bytes) = await MeetingDocuments.MeetingAsync(db, Actor(user), id, document, ct);
            return TypedResults.File(bytes, MeetingDocuments.ContentType, name);
        }).ProducesFile(Endpoints.Docx).WithName("Meetings_DownloadMeetingDocument").WithSummary("下载会议文件（议程、出席情况、表决结果、纪要）");
    }

    private static void MapVotes(RouteGroupBuilder api)
    {
        var vote = api.MapGroup("/votes/{id:int}").RequireAuthorization().WithTags(MeetingsTag);
        vote.MapGet("/", async Task<Ok<VoteView>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => TypedResults.Ok(await MeetingQueries.VoteAsync(db, Actor(user), id, ct)))
            .WithName("Meetings_GetVote").WithSummary("表决详情与结果");
        vote.MapPost("/open", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Endpoints.Done(VoteWorkflow.OpenAsync(db, Actor(user), id, ct)))
            .WithName("Meetings_OpenVote").WithSummary("开始表决");
        vote.MapPost("/ballots", async Task<Created<BallotReceived>> (int id, BallotRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            await VoteWorkflow.CastAsync(db, Actor(user), id, r.Choice, ct);
            return TypedResults.Created($"/api/v1/votes/{id}", new BallotReceived(id));
        }).WithName("Meetings_CastBallot").WithSummary("组成人员投票");
        vote.MapPost("/close", async Task<Ok<VoteView>> (int id, CloseVoteRequest? r, RendaDbContext db, WorkCalendar calendar, IEnumerable<IAgendaSubject> subjects, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            await VoteWorkflow.CloseAsync(db, calendar, subjects, actor, id, r?.EarlyCloseReason, ct);
            return TypedResults.Ok(await MeetingQueries.VoteAsync(db, actor, id, ct));
        }).WithName("Meetings_CloseVote").WithSummary("结束表决并产生结果（出席人员未全部投票时须填写提前结束理由 earlyCloseReason）");
        vote.MapPost("/cancel", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Endpoints.Done(VoteWorkflow.CancelAsync(db, Actor(user), id, ct)))
            .WithName("Meetings_CancelVote").WithSummary("取消表决");
        vote.MapGet("/result.docx", async Task<FileContentHttpResult> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var (name, bytes) = await MeetingDocuments.VoteResultAsync(db, Actor(user), id, ct);
            return TypedResults.File(bytes, MeetingDocuments.ContentType, name);
        }).ProducesFile(Endpoints.Docx).WithName("Meetings_DownloadVoteResult").WithSummary("下载表决结果单");
    }

    private static void MapResolutions(RouteGroupBuilder api)
    {
        const string tag = "决议决定";
        var congress = api.MapGroup("/congresses/{code}").RequireAuthorization().WithTags(MeetingsTag);
        congress.MapGet("/resolutions", async Task<Ok<List<ResolutionView>>> (string code, int? year, string? status, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await MeetingQueries.ResolutionsAsync(db, (await OwnAsync(db, user, code, ct)).Id, year, status == "all", ct)))
            .WithName("Meetings_ListResolutions").WithSummary("决议决定登记簿（status=all 含草案）");
        congress.MapPost("/resolutions", async Task<Created<ResolutionView>> (string code, ResolutionInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = await ActorAsync(db, user, code, ct);
            var res = await ResolutionWorkflow.DraftAsync(db, actor, r, ct);
            return TypedResults.Created($"/api/v1/resolutions/{res.Id}", await MeetingQueries.ResolutionAsync(db, actor, res.Id, ct));
        }).WithName("Meetings_DraftResolution").WithSummary("提请审议决议决定草案");

        var resolution = api.MapGroup("/resolutions/{id:int}").RequireAuthorization().WithTags(tag);
        resolution.MapGet("/", async Task<Ok<ResolutionView>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await MeetingQueries.ResolutionAsync(db, Actor(user), id, ct))).WithName("Meetings_GetResolution").WithSummary("决议决定详情与落实任务");
        resolution.MapPost("/withdraw", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Endpoints.Done(ResolutionWorkflow.WithdrawAsync(db, Actor(user), id, ct)))
            .WithName("Meetings_WithdrawResolution").WithSummary("撤回决议决定草案");
        resolution.MapPost("/tasks", async Task<Created<ResolutionTaskCreated>> (int id, TaskRequest r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var t = await ResolutionWorkflow.AddTaskAsync(db, calendar, Actor(user), id, r.Description, r.UnitId, r.Responsible, r.DueOn, ct);
            return TypedResults.Created($"/api/v1/resolutions/{id}", new ResolutionTaskCreated(t.Id));
        }).WithName("Meetings_AddResolutionTask").WithSummary("登记决议决定的落实任务");
        api.MapPost("/resolution-tasks/{id:int}/done", (int id, TaskDoneRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(ResolutionWorkflow.CompleteTaskAsync(db, Actor(user), id, r.Report, ct))).RequireAuthorization().WithTags(tag)
            .WithName("Meetings_CompleteResolutionTask").WithSummary("报告落实任务的落实情况");
    }

    private static void MapAppointments(RouteGroupBuilder api)
    {
        const string tag = "人事任免";
        var congress = api.MapGroup("/congresses/{code}").RequireAuthorization().WithTags(MeetingsTag);
        congress.MapGet("/appointments", async Task<Ok<List<AppointmentView>>> (string code, int? year, int? meeting, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await MeetingQueries.AppointmentsAsync(db, (await OwnAsync(db, user, code, ct)).Id, year, meeting, ct)))
            .WithName("Meetings_ListAppointments").WithSummary("人事任免事项列表（可按年度、会议）");
        congress.MapPost("/appointments", async Task<Created<AppointmentView>> (string code, NominationInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = await ActorAsync(db, user, code, ct);
            var a = await AppointmentWorkflow.NominateAsync(db, actor, r, ct);
            return TypedResults.Created($"/api/v1/appointments/{a.Id}", (await MeetingQueries.AppointmentsAsync(db, actor.CongressId, null, a.MeetingId, ct)).First(x => x.Id == a.Id));
        }).WithName("Meetings_Nominate").WithSummary("提请任免");
        congress.MapGet("/appointments/statistics", async Task<Ok<AppointmentStatistics>> (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var c = await CongressScope.OwnOrBelowAsync(db, user.User, code, ct);
            return TypedResults.Ok(await AppointmentWorkflow.StatisticsAsync(db, c.Id, c.Code, year ?? WorkCalendar.Today(db.Clock).Year, ct));
        }).WithName("Meetings_AppointmentStatistics").WithSummary("任免人次与宪法宣誓统计");
        congress.MapGet("/oaths", async Task<Ok<List<OathView>>> (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await MeetingQueries.OathsAsync(db, (await OwnAsync(db, user, code, ct)).Id, year, ct))).WithName("Meetings_ListOaths").WithSummary("宪法宣誓记录");
        congress.MapPost("/oaths", async Task<Created<OathView>> (string code, OathInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = await ActorAsync(db, user, code, ct);
            var o = await AppointmentWorkflow.RecordOathAsync(db, actor, r, ct);
            return TypedResults.Created($"/api/v1/congresses/{code}/oaths", (await MeetingQueries.OathsAsync(db, actor.CongressId, null, ct)).First(x => x.Id == o.Id));
        }).WithName("Meetings_RecordOath").WithSummary("登记宪法宣誓");

        var appointment = api.MapGroup("/appointments/{id:int}").RequireAuthorization().WithTags(tag);
        appointment.MapPost("/law-exam", (int id, LawExamRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(AppointmentWorkflow.RecordLawExamAsync(db, Actor(user), id, r.Result, ct))).WithName("Meetings_RecordLawExam").WithSummary("登记法律职业资格考试结果");
        appointment.MapPost("/withdraw", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Endpoints.Done(AppointmentWorkflow.WithdrawAsync(db, Actor(user), id, ct)))
            .WithName("Meetings_WithdrawNomination").WithSummary("撤回任免事项");
        appointment.MapPost("/certificate", (int id, CertificateRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(AppointmentWorkflow.IssueCertificateAsync(db, Actor(user), id, r.Number, r.IssuedOn, ct))).WithName("Meetings_IssueCertificate").WithSummary("颁发任命书");
    }

    private static void MapLivelihood(RouteGroupBuilder api)
    {
        const string tag = "民生实事项目票决";
        var congress = api.MapGroup("/congresses/{code}").RequireAuthorization().WithTags(MeetingsTag);
        congress.MapGet("/livelihood-ballots", async Task<Ok<List<LivelihoodBallotView>>> (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = await ActorAsync(db, user, code, ct);
            var list = await MeetingQueries.LivelihoodBallotsAsync(db, actor.CongressId, year, ct);
            var views = new List<LivelihoodBallotView>();
            foreach (var b in list) views.Add(await MeetingQueries.LivelihoodAsync(db, actor, b.Id, ct));
            return TypedResults.Ok(views);
        }).WithName("Meetings_ListLivelihoodBallots").WithSummary("民生实事项目票决列表");
        congress.MapPost("/livelihood-ballots", async Task<Created<LivelihoodBallotView>> (string code, LivelihoodBallotInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = await ActorAsync(db, user, code, ct);
            var b = await LivelihoodBallotWorkflow.CreateAsync(db, actor, r, ct);
            return TypedResults.Created($"/api/v1/livelihood-ballots/{b.Id}", await MeetingQueries.LivelihoodAsync(db, actor, b.Id, ct));
        }).WithName("Meetings_CreateLivelihoodBallot").WithSummary("创建民生实事项目票决");

        var ballot = api.MapGroup("/livelihood-ballots/{id:int}").RequireAuthorization().WithTags(tag);
        ballot.MapGet("/", async Task<Ok<LivelihoodBallotView>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await MeetingQueries.LivelihoodAsync(db, Actor(user), id, ct))).WithName("Meetings_GetLivelihoodBallot").WithSummary("票决详情、结果、进度与测评");
        ballot.MapPost("/projects", async Task<Created<LivelihoodProjectCreated>> (int id, LivelihoodProjectInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var p = await LivelihoodBallotWorkflow.AddProjectAsync(db, Actor(user), id, r, ct);
            return TypedResults.Created($"/api/v1/livelihood-ballots/{id}", new LivelihoodProjectCreated(p.Id, p.Order));
        }).WithName("Meetings_AddLivelihoodProject").WithSummary("增加候选项目");
        ballot.MapPost("/open", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Endpoints.Done(LivelihoodBallotWorkflow.OpenAsync(db, Actor(user), id, ct)))
            .WithName("Meetings_OpenLivelihoodBallot").WithSummary("开始票决投票");
        ballot.MapPost("/ballots", async Task<Created<BallotReceived>> (int id, LivelihoodCastRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            await LivelihoodBallotWorkflow.CastAsync(db, Actor(user), id, r.ProjectIds, ct);
            return TypedResults.Created($"/api/v1/livelihood-ballots/{id}", new BallotReceived(id));
        }).WithName("Meetings_CastLivelihoodBallot").WithSummary("代表投票（无记名）");
        ballot.MapPost("/close", async Task<Ok<LivelihoodBallotView>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            await LivelihoodBallotWorkflow.CloseAsync(db, actor, id, ct);
            return TypedResults.Ok(await MeetingQueries.LivelihoodAsync(db, actor, id, ct));
        }).WithName("Meetings_CloseLivelihoodBallot").WithSummary("结束投票并产生票决结果");
        ballot.MapPost("/evaluation", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Endpoints.Done(LivelihoodBallotWorkflow.OpenEvaluationAsync(db, Actor(user), id, ct)))
            .WithName("Meetings_OpenLivelihoodEvaluation").WithSummary("开始年终满意度测评");
        var project = api.MapGroup("/livelihood-projects/{id:int}").RequireAuthorization().WithTags(tag);
        project.MapPost("/progress", (int id, ProgressReportRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(LivelihoodBallotWorkflow.ReportProgressAsync(db, Actor(user), id, r.PercentDone, r.Text, ct))).WithName("Meetings_ReportLivelihoodProgress").WithSummary("报告项目实施进度");
        project.MapPost("/evaluations", (int id, EvaluationRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(LivelihoodBallotWorkflow.EvaluateAsync(db, Actor(user), id, r.Result, ct))).WithName("Meetings_EvaluateLivelihoodProject").WithSummary("代表对项目进行满意度测评");
    }

    private static MeetingActor Actor(CurrentUserAccessor user) => MeetingActor.For(user.User);

    private static async Task<Congress> OwnAsync(RendaDbContext db, CurrentUserAccessor user, string code, CancellationToken ct)
    {
        var c = await CongressScope.OwnAsync(db, user.User, code, ct);
        if (!Actor(user).MayRead) throw Platform.Web.DomainException.Forbidden("没有查看会议记录的权限。");
        return c;
    }

    private static async Task<MeetingActor> ActorAsync(RendaDbContext db, CurrentUserAccessor user, string code, CancellationToken ct)
    {
        await CongressScope.RequireOwnAsync(db, user.User, code, ct);
        return Actor(user);
    }
}
