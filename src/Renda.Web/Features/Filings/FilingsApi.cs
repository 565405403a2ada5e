using Microsoft.AspNetCore.Http.HttpResults;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Filings;

public sealed record ReasonRequest(string? Reason);
public sealed record ReferRequest(string? ReferredTo);
public sealed record PassRequest(int? CommitteeId);
public sealed record AgendaRequest(int MeetingId);
public sealed record ReplyRequest(string? Reply);
public sealed record TakeUpRequest(int? FilingId);
public sealed record SummaryRequest(string? Summary);
public sealed record NoteRequest(string? Note);
/// <summary>The review a taken-up suggestion started or joined.</summary>
public sealed record TakeUpResult(int ReviewId);
/// <summary>What the proposer keeps to follow the suggestion: the tracking code.</summary>
public sealed record ReviewSuggestionReceipt(string TrackingCode, DateOnly ReceivedOn);
public sealed record CampaignDocumentCreated(int Id);

/// <summary>/api/v1 for filing and review (备案审查).</summary>
public static class FilingsApi
{
    private const string Tag = "备案审查";

    public static void Map(RouteGroupBuilder api)
    {
        var congress = api.MapGroup("/congresses/{code}").RequireAuthorization().WithTags(Tag);
        MapFilings(congress, api.MapGroup("/filings").RequireAuthorization().WithTags(Tag));
        MapReports(congress);
        MapReviews(api.MapGroup("/reviews/{id:int}").RequireAuthorization().WithTags(Tag));
        MapSuggestions(congress, api.MapGroup("/review-suggestions/{id:int}").RequireAuthorization().WithTags(Tag));
        MapCampaigns(congress, api.MapGroup("").RequireAuthorization().WithTags(Tag));
        MapCatalogues(congress, api.MapGroup("").RequireAuthorization().WithTags(Tag));
        MapPublic(api.MapGroup("/public").AllowAnonymous().WithTags("公开"));
    }

    private static void MapFilings(RouteGroupBuilder congress, RouteGroupBuilder filings)
    {
        congress.MapPost("/filings", async Task<Created<FilingView>> (string code, FilingInput r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var f = await FilingWorkflow.SubmitAsync(db, calendar, actor, await CongressAsync(db, code, ct), r, ct);
            return TypedResults.Created($"/api/v1/filings/{f.Id}", await FilingQueries.DetailAsync(db, actor, f.Id, ct));
        }).WithName("Filings_SubmitFiling").WithSummary("报备规范性文件");
        congress.MapGet("/filings", async Task<Ok<Page<FilingItem>>> (string code, int? year, FilingStatus? status, FilerType? filerType, bool? late, string? q, int? page, int? pageSize,
            RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var c = await StaffCongressAsync(db, user, code, ct);
            return TypedResults.Ok(FilingQueries.Labelled(await FilingQueries.ListAsync(db, c.Id, new FilingFilter(year, status, filerType, late, q, page, pageSize), ct)));
        }).WithName("Filings_ListFilings").WithSummary("备案文件列表（按年度、状态、报备机关类型检索）");

        filings.MapGet("/mine", async Task<Ok<Page<FilingItem>>> (int? page, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(FilingQueries.Labelled(await FilingQueries.MineAsync(db, Actor(user), page, ct)))).WithName("Filings_ListMyFilings").WithSummary("本机关报备的文件");
        filings.MapGet("/{id:int}", async Task<Ok<FilingView>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await FilingQueries.DetailAsync(db, Actor(user), id, ct))).WithName("Filings_GetFiling").WithSummary("备案文件详情：正文、期限、审查");
        filings.MapPost("/{id:int}/receive", (int id, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(FilingWorkflow.ReceiveAsync(db, calendar, Actor(user), id, ct))).WithName("Filings_ReceiveFiling").WithSummary("形式审查通过：登记并发出备案回执");
        filings.MapPost("/{id:int}/return", (int id, ReasonRequest r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(FilingWorkflow.ReturnAsync(db, calendar, Actor(user), id, r.Reason, ct))).WithName("Filings_ReturnFiling").WithSummary("退回报备机关补正");
        filings.MapPost("/{id:int}/resubmit", (int id, FilingInput r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(FilingWorkflow.ResubmitAsync(db, calendar, Actor(user), id, r, ct))).WithName("Filings_ResubmitFiling").WithSummary("补正后重新报送");
        filings.MapPost("/{id:int}/refer", (int id, ReferRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(FilingWorkflow.ReferAsync(db, Actor(user), id, r.ReferredTo, ct))).WithName("Filings_ReferFiling").WithSummary("不属本机关备案范围，移交有权机关");
        filings.MapPost("/{id:int}/reviews", async Task<Created<ReviewView>> (int id, ReviewInput r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var review = await ReviewWorkflow.StartAsync(db, calendar, actor, id, r, ct);
            return TypedResults.Created($"/api/v1/reviews/{review.Id}", await FilingQueries.ReviewAsync(db, actor, review.Id, ct));
        }).WithName("Filings_StartReview").WithSummary("登记依申请审查、联合审查或专项审查");
    }

    private static void MapReports(RouteGroupBuilder congress)
    {
        congress.MapGet("/filings/statistics", async Task<Ok<FilingStatisticsView>> (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var c = await CongressScope.OwnOrBelowAsync(db, user.User, code, ct);
            return TypedResults.Ok(await FilingStatistics.ForYearAsync(db, c.Id, year ?? WorkCalendar.Today(db.Clock).Year, ct));
        }).WithName("Filings_GetStatistics").WithSummary("年度备案审查统计");
        congress.MapGet("/filings/report.docx", async Task<FileContentHttpResult> (string code, int year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var c = await StaffCongressAsync(db, user, code, ct);
            var s = await FilingStatistics.ForYearAsync(db, c.Id, year, ct);
            return TypedResults.File(FilingStatistics.Word(c.StandingCommitteeName, s), Endpoints.Docx, $"{c.ShortName}{year}年度备案审查工作情况报告.docx");
        }).WithName("Filings_DownloadReport").WithSummary("下载年度备案审查工作情况报告（Word）").ProducesFile(Endpoints.Docx);
        congress.MapPost("/filings/reports/{year:int}/publish", async Task<Ok<PublishedReport>> (string code, int year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var c = await StaffCongressAsync(db, user, code, ct);
            return TypedResults.Ok(await FilingReportWorkflow.PublishAsync(db, Actor(user), c, year, ct));
        }).WithName("Filings_PublishReport").WithSummary("公开年度备案审查工作报告并抄送上一级人大常委会");
    }

    private static void MapReviews(RouteGroupBuilder reviews)
    {
        reviews.MapGet("/", async Task<Ok<ReviewView>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await FilingQueries.ReviewAsync(db, Actor(user), id, ct))).WithName("Filings_GetReview").WithSummary("审查详情：审查意见、沟通记录、期限");
        reviews.MapPost("/pass", (int id, PassRequest r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(ReviewWorkflow.PassAsync(db, calendar, Actor(user), id, r.CommitteeId, ct))).WithName("Filings_PassReview").WithSummary("移交专门委员会审查");
        reviews.MapPost("/extend", (int id, ReasonRequest r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(ReviewWorkflow.ExtendAsync(db, calendar, Actor(user), id, r.Reason, ct))).WithName("Filings_ExtendReview").WithSummary("延长审查期限（一次，不超过三个月）");
        reviews.MapPost("/findings", (int id, FindingInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(ReviewWorkflow.RecordFindingAsync(db, Actor(user), id, r, ct))).WithName("Filings_RecordFinding").WithSummary("登记一项审查标准的审查意见");
        reviews.MapPost("/communications", (int id, CommunicationInput r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(ReviewWorkflow.CommunicateAsync(db, calendar, Actor(user), id, r, ct))).WithName("Filings_RecordCommunication").WithSummary("记入沟通记录（沟通、专门委员会意见、书面审查意见、回复、提请主任会议）");
        reviews.MapPost("/close", (int id, CloseInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(ReviewWorkflow.CloseAsync(db, Actor(user), id, r, ct))).WithName("Filings_CloseReview").WithSummary("结束审查并归档");
        reviews.MapPost("/refer", (int id, ReferRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(ReviewWorkflow.ReferAsync(db, Actor(user), id, r.ReferredTo, ct))).WithName("Filings_ReferReview").WithSummary("移送其他审查机关");
        reviews.MapPost("/agenda", (int id, AgendaRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(ReviewWorkflow.PutOnAgendaAsync(db, Actor(user), user.User, id, r.MeetingId, ct))).WithName("Filings_PutAnnulmentOnAgenda").WithSummary("提请常委会会议审议撤销");
    }

    private static void MapSuggestions(RouteGroupBuilder congress, RouteGroupBuilder suggestion)
    {
        congress.MapGet("/review-suggestions", async Task<Ok<List<ReviewSuggestionItem>>> (string code, ReviewSuggestionStatus? status, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await FilingQueries.SuggestionsAsync(db, (await StaffCongressAsync(db, user, code, ct)).Id, status, ct)))
            .WithName("Filings_ListReviewSuggestions").WithSummary("公民和组织提出的审查建议");
        suggestion.MapPost("/incomplete", (int id, ReplyRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(ReviewSuggestionWorkflow.MarkIncompleteAsync(db, Actor(user), id, r.Reply, ct))).WithName("Filings_MarkSuggestionIncomplete").WithSummary("告知建议人补充材料");
        suggestion.MapPost("/decline", (int id, ReplyRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(ReviewSuggestionWorkflow.DeclineAsync(db, Actor(user), id, r.Reply, ct))).WithName("Filings_DeclineSuggestion").WithSummary("不予审查并告知理由");
        suggestion.MapPost("/take-up", async Task<Ok<TakeUpResult>> (int id, TakeUpRequest r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(new TakeUpResult(await ReviewSuggestionWorkflow.TakeUpAsync(db, calendar, Actor(user), id, r.FilingId, ct))))
            .WithName("Filings_TakeUpSuggestion").WithSummary("依审查建议启动审查，或并入正在进行的审查");
    }

    private static void MapCampaigns(RouteGroupBuilder congress, RouteGroupBuilder api)
    {
        congress.MapGet("/review-campaigns", async Task<Ok<List<CampaignView>>> (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await FilingQueries.CampaignsAsync(db, (await StaffCongressAsync(db, user, code, ct)).Id, year, ct))).WithName("Filings_ListCampaigns").WithSummary("专项审查和专项清理");
        congress.MapPost("/review-campaigns", async Task<Created<CampaignView>> (string code, CampaignInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            await StaffCongressAsync(db, user, code, ct);
            var c = await CampaignWorkflow.CreateAsync(db, Actor(user), r, ct);
            return TypedResults.Created($"/api/v1/review-campaigns/{c.Id}", FilingQueries.Campaign(c));
        }).WithName("Filings_CreateCampaign").WithSummary("开展专项审查或专项清理");
        api.MapGet("/review-campaigns/{id:int}", async Task<Ok<CampaignView>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(FilingQueries.Campaign(await CampaignWorkflow.LoadAsync(db, Actor(user), id, ct)))).WithName("Filings_GetCampaign").WithSummary("专项工作详情及文件清单");
        api.MapPost("/review-campaigns/{id:int}/documents", async Task<Created<CampaignDocumentCreated>> (int id, CampaignDocumentInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var d = await CampaignWorkflow.AddDocumentAsync(db, Actor(user), id, r, ct);
            return TypedResults.Created($"/api/v1/review-campaigns/{id}", new CampaignDocumentCreated(d.Id));
        }).WithName("Filings_AddCampaignDocument").WithSummary("将文件列入专项工作清单");
        api.MapPost("/review-campaigns/{id:int}/close", (int id, SummaryRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(CampaignWorkflow.CloseAsync(db, Actor(user), id, r.Summary, ct))).WithName("Filings_CloseCampaign").WithSummary("结束专项工作");
        api.MapPost("/campaign-documents/{id:int}/result", (int id, CampaignResultInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(CampaignWorkflow.SetResultAsync(db, Actor(user), id, r, ct))).WithName("Filings_DecideCampaignDocument").WithSummary("登记清单文件的处理结果（保留、修改或废止）");
    }

    private static void MapCatalogues(RouteGroupBuilder congress, RouteGroupBuilder api)
    {
        congress.MapPost("/filing-catalogues", async Task<Created<CatalogueComparison>> (string code, CatalogueInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var cat = await CatalogueWorkflow.SubmitAsync(db, actor, await CongressAsync(db, code, ct), r, ct);
            return TypedResults.Created($"/api/v1/filing-catalogues/{cat.Id}/comparison", await CatalogueWorkflow.CompareAsync(db, actor, cat.Id, ct));
        }).WithName("Filings_SubmitCatalogue").WithSummary("报送上一年度规范性文件目录");
        congress.MapGet("/filing-catalogues", async Task<Ok<List<CatalogueItem>>> (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await FilingQueries.CataloguesAsync(db, (await StaffCongressAsync(db, user, code, ct)).Id, year, ct))).WithName("Filings_ListCatalogues").WithSummary("报备机关报送的年度目录");
        congress.MapGet("/filing-catalogues/missing", async Task<Ok<List<string>>> (string code, int year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await CatalogueWorkflow.MissingAsync(db, (await StaffCongressAsync(db, user, code, ct)).Id, year, ct))).WithName("Filings_ListMissingCatalogues").WithSummary("应报未报年度目录的机关");
        api.MapGet("/filing-catalogues/{id:int}/comparison", async Task<Ok<CatalogueComparison>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await CatalogueWorkflow.CompareAsync(db, Actor(user), id, ct))).WithName("Filings_CompareCatalogue").WithSummary("目录与备案比对：列出漏报的文件");
        api.MapPost("/catalogue-entries/{id:int}/follow-up", (int id, NoteRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(CatalogueWorkflow.FollowUpAsync(db, Actor(user), id, r.Note, ct))).WithName("Filings_FollowUpCatalogueEntry").WithSummary("登记漏报文件的督促报备情况");
    }

    private static void MapPublic(RouteGroupBuilder pub)
    {
        pub.MapPost("/congresses/{code}/review-suggestions", async Task<Created<ReviewSuggestionReceipt>> (string code, ReviewSuggestionInput r, RendaDbContext db, WorkCalendar calendar,
            ClientAddress addresses, HttpContext http, CancellationToken ct) =>
        {
            var s = await ReviewSuggestionWorkflow.SubmitAsync(db, calendar, code, r, addresses.Of(http), ct);
            return TypedResults.Created($"/api/v1/public/review-suggestions/{s.TrackingCode}", new ReviewSuggestionReceipt(s.TrackingCode, s.ReceivedOn));
        }).DisableAntiforgery().RequirePublicRateLimit(PublicRateLimits.ReviewSuggestion).WithName("Filings_SubmitReviewSuggestion").WithSummary("公民、组织提出审查建议（公开）");
        pub.MapGet("/review-suggestions/{trackingCode}", async Task<Results<Ok<ReviewSuggestionStatusView>, ProblemHttpResult>> (string trackingCode, RendaDbContext db, CancellationToken ct)
            => await ReviewSuggestionWorkflow.StatusAsync(db, trackingCode, ct) is { } v ? TypedResults.Ok(v) : TypedResults.Problem("没有找到该查询码对应的审查建议。", statusCode: 404, title: "未找到"))
            .RequirePublicRateLimit(PublicRateLimits.Lookup).WithName("Filings_GetReviewSuggestionStatus").WithSummary("凭查询码查询审查建议办理情况（公开）");
        pub.MapGet("/congresses/{code}/filing-reports/{year:int}", async Task<Results<Ok<PublishedReport>, ProblemHttpResult>> (string code, int year, RendaDbContext db, CancellationToken ct)
            => await FilingReportWorkflow.PublishedAsync(db, code, year, ct) is { } p ? TypedResults.Ok(p) : TypedResults.Problem("该年度备案审查工作报告尚未公开。", statusCode: 404, title: "未找到"))
            .WithName("Filings_GetPublishedReport").WithSummary("公开的年度备案审查工作报告");
    }

    internal static FilingActor Actor(CurrentUserAccessor user) => new(user.User);

    internal static async Task<Congress> CongressAsync(RendaDbContext db, string code, CancellationToken ct)
        => await db.Congresses.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct) ?? throw DomainException.NotFound($"行政区划代码 {code} 没有对应的人大。");

    private static async Task<Congress> StaffCongressAsync(RendaDbContext db, CurrentUserAccessor user, string code, CancellationToken ct)
    {
        var c = await CongressScope.OwnAsync(db, user.User, code, ct);
        if (!Actor(user).MayRead(c.Id)) throw DomainException.Forbidden("只有常委会工作人员可以查看备案审查工作。");
        return c;
    }
}
