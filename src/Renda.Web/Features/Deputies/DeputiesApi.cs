using Microsoft.AspNetCore.Http.HttpResults;
using Renda.Web.Features.Suggestions;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Deputies;

/// <summary>What the constituent keeps: the receipt code to look the opinion up.</summary>
public sealed record OpinionReceipt(int Id, string ReceiptCode, DateOnly ReceivedOn);
public sealed record SuggestionCreated(int SuggestionId, string Href);

/// <summary>Endpoints of deputies' work: liaison stations, their funding, reception days and constituents' opinions.</summary>
public static class DeputiesApi
{
    private const string Tag = "代表联络站";

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/deputies").RequireAuthorization().WithTags(Tag);
        MapStations(g);
        MapReceptions(g);
        MapOpinions(g);
        MapStatistics(g);
        MapPublic(api.MapGroup("/public").AllowAnonymous().WithTags("公开"));
    }

    private static void MapStations(RouteGroupBuilder g)
    {
        g.MapGet("/stations", async Task<Ok<List<StationItem>>> (RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await DeputiesQueries.StationsAsync(db, StaffCongress(user), WorkCalendar.Today(db.Clock), ct))).WithName("Deputies_ListStations").WithSummary("本级代表联络站、代表之家");
        g.MapPost("/stations", async Task<Created<StationView>> (StationInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var s = await StationWorkflow.CreateAsync(db, Actor(user), StaffCongress(user), r, ct);
            return TypedResults.Created($"/api/v1/deputies/stations/{s.Id}", await DeputiesQueries.StationAsync(db, Actor(user), s.Id, ct));
        }).WithName("Deputies_CreateStation").WithSummary("新建代表联络站或代表之家");
        g.MapGet("/stations/{id:int}", async Task<Ok<StationView>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await DeputiesQueries.StationAsync(db, Actor(user), id, ct))).WithName("Deputies_GetStation").WithSummary("联络站详情：进站代表、经费、接待日");
        g.MapPut("/stations/{id:int}", (int id, StationInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(StationWorkflow.UpdateAsync(db, Actor(user), id, r, ct))).WithName("Deputies_UpdateStation").WithSummary("修改联络站信息");
        g.MapPost("/stations/{id:int}/deputies", (int id, StationDeputiesInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(StationWorkflow.AssignDeputiesAsync(db, Actor(user), id, r.DeputyIds, ct))).WithName("Deputies_AssignStationDeputies").WithSummary("安排代表进站（本级及上下级人大代表）");
        g.MapDelete("/stations/{id:int}/deputies/{deputyId:int}", (int id, int deputyId, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(StationWorkflow.RemoveDeputyAsync(db, Actor(user), id, deputyId, ct))).WithName("Deputies_RemoveStationDeputy").WithSummary("代表不再进站");
        g.MapGet("/funding", async Task<Ok<List<FundingView>>> (int? year, string? source, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await DeputiesQueries.FundingAsync(db, StaffCongress(user), year, null, ct, source))).WithName("Deputies_ListFunding").WithSummary("联络站建设经费（按年度、来源）");
        g.MapPost("/funding", async Task<Created<FundingView>> (FundingInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var f = await StationWorkflow.AddFundingAsync(db, Actor(user), StaffCongress(user), r, ct);
            return TypedResults.Created($"/api/v1/deputies/funding?year={f.Year}", (await DeputiesQueries.FundingAsync(db, f.CongressId, f.Year, null, ct)).First(x => x.Id == f.Id));
        }).WithName("Deputies_AddFunding").WithSummary("登记联络站建设经费");
    }

    private static void MapReceptions(RouteGroupBuilder g)
    {
        g.MapGet("/receptions", async Task<Ok<List<ReceptionItem>>> (int? year, int? stationId, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await DeputiesQueries.ReceptionsAsync(db, StaffCongress(user), year, stationId, ct))).WithName("Deputies_ListReceptions").WithSummary("接待日（代表接待日、主任接待日）");
        g.MapGet("/receptions/mine", async Task<Ok<List<ReceptionItem>>> (int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await DeputiesQueries.ReceptionsAsync(db, 0, year, null, ct, user.User.PersonId ?? throw DomainException.Forbidden("本账号未关联代表。"))))
            .WithName("Deputies_ListMyReceptions").WithSummary("本人出席的接待日");
        g.MapGet("/receptions/below-minimum", async Task<Ok<List<DeputyReceptionCount>>> (int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var congressId = StaffCongress(user);
            var settings = await Settings.ForAsync<DeputySettings>(db, congressId, ct);
            return TypedResults.Ok(await ReceptionReminders.BelowMinimumAsync(db, congressId, year ?? WorkCalendar.Today(db.Clock).Year, settings.ReceptionsPerDeputyPerYear, ct));
        }).WithName("Deputies_ListDeputiesBelowReceptionMinimum").WithSummary("本年接待群众次数不足的代表");
        g.MapPost("/stations/{id:int}/receptions", async Task<Created<ReceptionView>> (int id, ReceptionInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var reception = await ReceptionDayWorkflow.ScheduleAsync(db, Actor(user), id, r, ct);
            return TypedResults.Created($"/api/v1/deputies/receptions/{reception.Id}", await DeputiesQueries.ReceptionAsync(db, Actor(user), reception.Id, ct));
        }).WithName("Deputies_ScheduleReception").WithSummary("安排并公告接待日（须提前公告）");
        g.MapGet("/receptions/{id:int}", async Task<Ok<ReceptionView>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await DeputiesQueries.ReceptionAsync(db, Actor(user), id, ct))).WithName("Deputies_GetReception").WithSummary("接待日详情：出席人员、群众意见");
        g.MapPost("/receptions/{id:int}/opinions", async Task<Created<OpinionView>> (int id, OpinionInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var o = await ReceptionDayWorkflow.RecordOpinionAsync(db, Actor(user), id, r, ct);
            return TypedResults.Created($"/api/v1/deputies/opinions/{o.Id}", await DeputiesQueries.OpinionAsync(db, Actor(user), o.Id, ct));
        }).WithName("Deputies_RecordOpinion").WithSummary("登记接待的群众及其意见");
        g.MapPost("/receptions/{id:int}/close", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(ReceptionDayWorkflow.CloseAsync(db, Actor(user), id, ct))).WithName("Deputies_CloseReception").WithSummary("结束接待（记入出席代表的履职档案）");
        g.MapPost("/receptions/{id:int}/cancel", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(ReceptionDayWorkflow.CancelAsync(db, Actor(user), id, ct))).WithName("Deputies_CancelReception").WithSummary("取消接待日");
    }

    private static void MapOpinions(RouteGroupBuilder g)
    {
        g.MapGet("/opinions", async Task<Ok<List<OpinionItem>>> (OpinionStatus? status, OpinionRoute? route, int? year, Satisfaction? satisfaction, bool? overdue, int? stationId, bool? onTime,
            RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await DeputiesQueries.OpinionsAsync(db, StaffCongress(user), new OpinionFilter(status, route, year, satisfaction, overdue, stationId, onTime), ct)))
            .WithName("Deputies_ListOpinions").WithSummary("群众意见（逾期、临近期限的在前）");
        g.MapGet("/opinions/referred", async Task<Ok<List<OpinionItem>>> (OpinionStatus? status, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            if (actor.UnitIds.Count == 0) throw DomainException.Forbidden("只有承办单位经办人可以查看转交本单位的意见。");
            return TypedResults.Ok(await DeputiesQueries.OpinionsAsync(db, actor.CongressId, new OpinionFilter(status), ct, unitIds: actor.UnitIds));
        }).WithName("Deputies_ListReferredOpinions").WithSummary("转交本单位的群众意见");
        g.MapGet("/opinions/{id:int}", async Task<Ok<OpinionView>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await DeputiesQueries.OpinionAsync(db, Actor(user), id, ct))).WithName("Deputies_GetOpinion").WithSummary("群众意见详情与办理过程");
        var o = g.MapGroup("/opinions/{id:int}");
        o.MapPost("/answer-on-the-spot", (int id, AnswerRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(ConstituentOpinionWorkflow.AnswerOnTheSpotAsync(db, Actor(user), id, r.Answer, ct))).WithName("Deputies_AnswerOpinionOnTheSpot").WithSummary("当场答复");
        o.MapPost("/township", (int id, TownshipRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(ConstituentOpinionWorkflow.HandToTownshipAsync(db, Actor(user), id, r.Township, ct))).WithName("Deputies_HandOpinionToTownship").WithSummary("交属地乡镇（街道）办理");
        o.MapPost("/township-result", (int id, AnswerRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(ConstituentOpinionWorkflow.RecordTownshipResultAsync(db, Actor(user), id, r.Answer, ct))).WithName("Deputies_RecordTownshipResult").WithSummary("登记属地办理结果");
        o.MapPost("/refer", (int id, ReferRequest r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(ConstituentOpinionWorkflow.ReferAsync(db, calendar, Actor(user), id, r.HandlingUnitId, ct))).WithName("Deputies_ReferOpinion").WithSummary("转交同级承办单位办理（答复期限计时）");
        o.MapPost("/answer", (int id, AnswerRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(ConstituentOpinionWorkflow.AnswerReferralAsync(db, Actor(user), id, r.Answer, ct))).WithName("Deputies_AnswerReferredOpinion").WithSummary("承办单位答复转交的意见");
        o.MapPost("/suggestion", async Task<Created<SuggestionCreated>> (int id, ToSuggestionRequest r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var sid = await ConstituentOpinionWorkflow.TurnIntoSuggestionAsync(db, calendar, Actor(user), id, r, ct);
            return TypedResults.Created($"/api/v1/suggestions/{sid}", new SuggestionCreated(sid, $"/suggestions/{sid}"));
        }).WithName("Deputies_TurnOpinionIntoSuggestion").WithSummary("转为代表建议（生成代表的建议草稿）");
        o.MapPost("/feedback", (int id, FeedbackRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(ConstituentOpinionWorkflow.RecordFeedbackAsync(db, Actor(user), id, r.Feedback, ct))).WithName("Deputies_RecordOpinionFeedback").WithSummary("登记向群众反馈办理结果");
        o.MapPost("/satisfaction", (int id, SatisfactionRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(ConstituentOpinionWorkflow.RecordSatisfactionAsync(db, Actor(user), id, r.Satisfaction, ct))).WithName("Deputies_RecordOpinionSatisfaction").WithSummary("登记群众满意度（满意、基本满意、不满意）");
    }

    private static void MapStatistics(RouteGroupBuilder g)
    {
        g.MapGet("/statistics/stations", async Task<Ok<StationStatisticsView>> (string? code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await StatisticsAsync(db, user, code, year, ct))).WithName("Deputies_GetStationStatistics").WithSummary("联络站、经费、接待和群众意见统计（本级及下级）");
        g.MapGet("/statistics/stations.xlsx", async Task<FileContentHttpResult> (string? code, int? year, string? table, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var s = await StatisticsAsync(db, user, code, year, ct);
            var funding = table == "funding";
            if (table is not (null or "funding" or "congresses")) throw DomainException.Invalid("table", "table 只能是 congresses 或 funding。");
            var bytes = funding ? Ledgers.Workbook("联络站经费", StationStatistics.FundingColumns, StationStatistics.FundingRows(s))
                : Ledgers.Workbook($"联络站统计{s.Year}", StationStatistics.CongressColumns, StationStatistics.CongressRows(s));
            return TypedResults.File(bytes, Endpoints.Xlsx, funding ? $"{s.Congress}联络站经费.xlsx" : $"{s.Congress}{s.Year}年联络站接待统计.xlsx");
        }).WithName("Deputies_ExportStationStatistics").WithSummary("导出联络站统计（Excel）").ProducesFile(Endpoints.Xlsx);
    }

    public static async Task<StationStatisticsView> StatisticsAsync(RendaDbContext db, CurrentUserAccessor user, string? code, int? year, CancellationToken ct)
    {
        StaffCongress(user);
        var congress = code is { Length: > 0 } ? await CongressScope.OwnOrBelowAsync(db, user.User, code, ct) : await db.Congresses.AsNoTracking().FirstAsync(c => c.Id == user.User.CongressId, ct);
        return await StationStatistics.ForAsync(db, congress.Id, year ?? WorkCalendar.Today(db.Clock).Year, ct);
    }

    private static void MapPublic(RouteGroupBuilder pub)
    {
        pub.MapGet("/stations", async Task<Ok<List<PublicStation>>> (RendaDbContext db, CancellationToken ct)
            => TypedResults.Ok(await DeputiesQueries.PublicStationsAsync(db, WorkCalendar.Today(db.Clock), null, ct))).WithName("Deputies_ListPublicStations").WithSummary("代表联络站及近期接待日（公开）");
        pub.MapGet("/stations/{id:int}", async Task<Results<Ok<PublicStation>, ProblemHttpResult>> (int id, RendaDbContext db, CancellationToken ct)
            => (await DeputiesQueries.PublicStationsAsync(db, WorkCalendar.Today(db.Clock), id, ct)).FirstOrDefault() is { } s ? TypedResults.Ok(s) : TypedResults.Problem("没有找到该联络站。", statusCode: 404, title: "未找到"))
            .WithName("Deputies_GetPublicStation").WithSummary("联络站、进站代表和近期接待日（公开）");
        pub.MapPost("/stations/{id:int}/opinions", async Task<Results<Created<OpinionReceipt>, ProblemHttpResult>> (int id, OpinionInput r, RendaDbContext db, ClientAddress addresses, HttpContext http, CancellationToken ct) =>
        {
            try
            {
                var o = await ConstituentOpinionWorkflow.SubmitOnlineAsync(db, id, r, addresses.Of(http), ct);
                return TypedResults.Created($"/api/v1/public/station-opinions/{o.ReceiptCode}", new OpinionReceipt(o.Id, o.ReceiptCode, o.ReceivedOn));
            }
            catch (RateLimitedException e)
            {
                return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status429TooManyRequests, title: "提交过于频繁");
            }
        }).DisableAntiforgery().RequirePublicRateLimit(PublicRateLimits.StationOpinion).WithName("Deputies_SubmitOnlineOpinion").WithSummary("群众在线向联络站留言（公开，按网络地址限流）");
        pub.MapGet("/station-opinions/{code}", async Task<Results<Ok<PublicOpinionStatus>, ProblemHttpResult>> (string code, RendaDbContext db, CancellationToken ct)
            => await DeputiesQueries.PublicOpinionAsync(db, code, ct) is { } v ? TypedResults.Ok(v) : TypedResults.Problem("没有找到该查询码对应的意见。", statusCode: 404, title: "未找到"))
            .RequirePublicRateLimit(PublicRateLimits.Lookup).WithName("Deputies_GetOnlineOpinionStatus").WithSummary("凭查询码查询意见办理情况（公开）");
    }

    internal static ReceptionActor Actor(CurrentUserAccessor user) => new(user.User);

    /// <summary>The signed-in staff's congress: station work is kept by the committee's staff (and read by the council).</summary>
    internal static int StaffCongress(CurrentUserAccessor user)
    {
        var actor = Actor(user);
        actor.RequireStaffOf(actor.CongressId);
        return actor.CongressId;
    }
}
