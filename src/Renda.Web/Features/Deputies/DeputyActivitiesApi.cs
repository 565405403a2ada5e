using Microsoft.AspNetCore.Http.HttpResults;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Deputies;

public sealed record TraineesRequest(TraineeInput[]? Trainees);
public sealed record AttendanceRequest(AttendanceMark[]? Marks);
public sealed record FindingsInput(string? Findings);
/// <summary>The id of what was added (an opinion raised at a forum).</summary>
public sealed record ActivityItemId(int Id);

/// <summary>Endpoints of deputies' work: trainings, forums, 六联系 contact records and four-level joint inspections.</summary>
public static class DeputyActivitiesApi
{
    private const string Tag = "代表工作";

    public static void Map(RouteGroupBuilder api)
    {
        var deputies = api.MapGroup("/deputies").RequireAuthorization().WithTags(Tag);
        MapTrainings(deputies);
        MapForums(deputies);
        MapContacts(deputies);
        MapJointInspections(deputies);
        MapStatistics(deputies);
    }

    private static DeputyActivitiesActor Actor(CurrentUserAccessor user) => new(user.User);

    private static int YearOr(int? year, RendaDbContext db) => year ?? WorkCalendar.Today(db.Clock).Year;

    private static void MapTrainings(RouteGroupBuilder g)
    {
        g.MapGet("/trainings", async Task<Ok<List<TrainingItem>>> (int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await DeputyActivitiesQueries.TrainingsAsync(db, Actor(user), YearOr(year, db), ct))).WithName("Deputies_ListTrainings").WithSummary("年度履职能力提升培训班及培训人次");
        g.MapPost("/trainings", async Task<Created<TrainingView>> (TrainingInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var t = await TrainingWorkflow.CreateAsync(db, actor, r, ct);
            return TypedResults.Created($"/api/v1/deputies/trainings/{t.Id}", await DeputyActivitiesQueries.TrainingAsync(db, actor, t.Id, ct));
        }).WithName("Deputies_CreateTraining").WithSummary("登记培训班（可同时添加学员：代表按编号，人大干部和其他人员按姓名）");
        g.MapGet("/trainings/{id:int}", async Task<Ok<TrainingView>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await DeputyActivitiesQueries.TrainingAsync(db, Actor(user), id, ct))).WithName("Deputies_GetTraining").WithSummary("培训班详情：学员及出勤");
        g.MapPost("/trainings/{id:int}/trainees", (int id, TraineesRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(TrainingWorkflow.EnrolAsync(db, Actor(user), id, r.Trainees, ct))).WithName("Deputies_EnrolTrainees").WithSummary("添加学员");
        g.MapPost("/trainings/{id:int}/attendance", (int id, AttendanceRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(TrainingWorkflow.MarkAttendanceAsync(db, Actor(user), id, r.Marks, ct))).WithName("Deputies_MarkAttendance").WithSummary("登记学员出勤（出席的代表记入履职档案）");
        g.MapPost("/trainings/{id:int}/complete", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(TrainingWorkflow.CompleteAsync(db, Actor(user), id, ct))).WithName("Deputies_CompleteTraining").WithSummary("结束培训班（全部学员已登记出勤）");
    }

    private static void MapForums(RouteGroupBuilder g)
    {
        g.MapGet("/forums", async Task<Ok<List<ForumItem>>> (int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await DeputyActivitiesQueries.ForumsAsync(db, Actor(user), YearOr(year, db), ct))).WithName("Deputies_ListForums").WithSummary("年度代表论坛");
        g.MapPost("/forums", async Task<Created<ForumView>> (ForumInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var f = await ForumWorkflow.CreateAsync(db, actor, r, ct);
            return TypedResults.Created($"/api/v1/deputies/forums/{f.Id}", await DeputyActivitiesQueries.ForumAsync(db, actor, f.Id, ct));
        }).WithName("Deputies_CreateForum").WithSummary("登记代表论坛及参加的代表、专家和部门");
        g.MapGet("/forums/{id:int}", async Task<Ok<ForumView>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await DeputyActivitiesQueries.ForumAsync(db, Actor(user), id, ct))).WithName("Deputies_GetForum").WithSummary("代表论坛详情：参加者、意见及其去向");
        g.MapPost("/forums/{id:int}/opinions", async Task<Created<ActivityItemId>> (int id, ForumOpinionInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var o = await ForumWorkflow.AddOpinionAsync(db, Actor(user), id, r, ct);
            return TypedResults.Created($"/api/v1/deputies/forums/{id}", new ActivityItemId(o.Id));
        }).WithName("Deputies_AddForumOpinion").WithSummary("登记论坛上提出的意见");
        g.MapPost("/forums/{id:int}/opinions/{opinionId:int}/route", (int id, int opinionId, OpinionRouteInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(ForumWorkflow.RouteOpinionAsync(db, Actor(user), id, opinionId, r, ct))).WithName("Deputies_RouteForumOpinion").WithSummary("登记意见去向（转交承办单位、形成建议、吸收进决议决定或留存参考）");
    }

    private static void MapContacts(RouteGroupBuilder g)
    {
        g.MapGet("/contact-kinds", async Task<Ok<List<ContactKindView>>> (RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            if (!actor.MayRead && !actor.IsAdministrator) throw DomainException.Forbidden("无权查看六联系类别。");
            return TypedResults.Ok(await DeputyActivitiesQueries.ContactKindsAsync(db, actor.CongressId, ct));
        }).WithName("Deputies_ListContactKinds").WithSummary("本级人大的六联系类别及每人每年最少联系次数");
        g.MapPost("/contact-kinds", async Task<Created<ContactKindView>> (ContactKindInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var k = await ContactRecordWorkflow.AddKindAsync(db, Actor(user), r, ct);
            return TypedResults.Created("/api/v1/deputies/contact-kinds", new ContactKindView(k.Id, k.Name, k.Contactors, DeputyActivitiesLabels.Of(k.Contactors), k.YearlyMinimum, k.Active));
        }).WithName("Deputies_AddContactKind").WithSummary("增加六联系类别（系统管理员）");
        g.MapPut("/contact-kinds/{id:int}", async Task<Ok<ContactKindView>> (int id, ContactKindInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var k = await ContactRecordWorkflow.UpdateKindAsync(db, Actor(user), id, r, ct);
            return TypedResults.Ok(new ContactKindView(k.Id, k.Name, k.Contactors, DeputyActivitiesLabels.Of(k.Contactors), k.YearlyMinimum, k.Active));
        }).WithName("Deputies_UpdateContactKind").WithSummary("修改六联系类别的名称、最少联系次数或停用（系统管理员）");
        g.MapGet("/contacts", async Task<Ok<Page<ContactItem>>> (int? year, int? kindId, int? page, int? pageSize, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await DeputyActivitiesQueries.ContactsAsync(db, Actor(user), YearOr(year, db), kindId, page, pageSize, ct))).WithName("Deputies_ListContacts").WithSummary("六联系记录");
        g.MapPost("/contacts", async Task<Created<ActivityItemId>> (ContactInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var c = await ContactRecordWorkflow.RecordAsync(db, Actor(user), r, ct);
            return TypedResults.Created($"/api/v1/deputies/contacts?year={c.Year}", new ActivityItemId(c.Id));
        }).WithName("Deputies_RecordContact").WithSummary("登记一次六联系（涉及的代表记入履职档案）");
        g.MapGet("/contacts/below-minimum", async Task<Ok<List<BelowMinimum>>> (int? year, int? kindId, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            actor.RequireReader();
            return TypedResults.Ok(await DeputyActivitiesQueries.BelowMinimumAsync(db, actor.CongressId, YearOr(year, db), kindId, ct));
        }).WithName("Deputies_ListBelowMinimum").WithSummary("年度联系次数低于最少次数的人员");
    }

    private static void MapJointInspections(RouteGroupBuilder g)
    {
        g.MapGet("/joint-inspections", async Task<Ok<List<JointInspectionItem>>> (int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await DeputyActivitiesQueries.JointInspectionsAsync(db, Actor(user), YearOr(year, db), ct))).WithName("Deputies_ListJointInspections").WithSummary("年度四级人大代表集中视察");
        g.MapPost("/joint-inspections", async Task<Created<JointInspectionView>> (JointInspectionInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var j = await JointInspectionWorkflow.CreateAsync(db, actor, r, ct);
            return TypedResults.Created($"/api/v1/deputies/joint-inspections/{j.Id}", await DeputyActivitiesQueries.JointInspectionAsync(db, actor, j.Id, ct));
        }).WithName("Deputies_CreateJointInspection").WithSummary("登记四级人大代表集中视察（须有省、州、县、乡四级代表）");
        g.MapGet("/joint-inspections/{id:int}", async Task<Ok<JointInspectionView>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await DeputyActivitiesQueries.JointInspectionAsync(db, Actor(user), id, ct))).WithName("Deputies_GetJointInspection").WithSummary("集中视察详情：各级参加代表");
        g.MapPost("/joint-inspections/{id:int}/findings", (int id, FindingsInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(JointInspectionWorkflow.RecordFindingsAsync(db, Actor(user), id, r.Findings, ct))).WithName("Deputies_RecordJointInspectionFindings").WithSummary("登记视察发现的问题和建议");
    }

    private static void MapStatistics(RouteGroupBuilder g)
    {
        g.MapGet("/statistics/activities", async Task<Ok<ActivityStatisticsView>> (string? code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await DeputyActivitiesStatistics.ForYearAsync(db, await StatisticsCongressAsync(db, user, code, ct), YearOr(year, db), ct)))
            .WithName("Deputies_GetActivityStatistics").WithSummary("代表活动统计：培训、论坛、六联系、四级代表集中视察（本级及下级合计）");
        g.MapGet("/statistics/activities.xlsx", async Task<FileContentHttpResult> (string? code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var s = await DeputyActivitiesStatistics.ForYearAsync(db, await StatisticsCongressAsync(db, user, code, ct), YearOr(year, db), ct);
            return TypedResults.File(DeputyActivitiesStatistics.Workbook(s), Endpoints.Xlsx, $"{s.CongressName}{s.Year}年代表活动统计.xlsx");
        }).WithName("Deputies_ExportActivityStatistics").WithSummary("导出代表活动统计（Excel）").ProducesFile(Endpoints.Xlsx);
    }

    /// <summary>The user's own congress, or one below it (figures only, 省州县乡四级联动); staff and council only.</summary>
    public static async Task<Congress> StatisticsCongressAsync(RendaDbContext db, CurrentUserAccessor user, string? code, CancellationToken ct)
    {
        Actor(user).RequireReader();
        return await CongressScope.OwnOrBelowAsync(db, user.User, code ?? user.User.CongressCode ?? "", ct);
    }
}
