using Renda.Web.Features.Meetings;
using Renda.Web.Platform.LegalText;
using Renda.Web.Platform.Modules;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.Web.Shell;

namespace Renda.Web.Features.Legislation;

public sealed record VersionTextRequest(string? Label, string? Text);
public sealed record DeriveRequest(string? Label);
public sealed record InsertArticleRequest(string? AfterNodeId, string? Text, bool First);
public sealed record MoveRequest(string? AfterNodeId, bool First);
public sealed record NodeTextRequest(string? Text);
public sealed record ReasonRequest(string? RowKey, string? Reason);
public sealed record ClauseVoteRequest(string? NodeId);
public sealed record TerminateRequest(string? Reason);
/// <summary>Local regulations exist since the 1979 organic law (地方各级人民代表大会和地方各级人民政府组织法) gave congresses the power.</summary>
public sealed record PromulgateRequest(int AnnouncementNumber, [property: PlausibleDates("1979-07-01", "2100-12-31")] DateOnly PromulgatedOn);
public sealed record SummaryRequest(string? Text);
public sealed record AgendaRequest(int MeetingId);
public sealed record ProjectStatusRequest(PlanProjectStatus Status);
/// <summary>The id of what a request made (a plan project, a contact point, an approval).</summary>
public sealed record CreatedId(int Id);
public sealed record DeputyIdsRequest(int[]? DeputyIds);
public sealed record ArticleInserted(string NodeId);
public sealed record CommentCreated(int Id, string? NodeId, string? ArticleLabel, CommentSource Source);
/// <summary>receiptCode: the citizen keeps it to read the handling later at receiptHref.</summary>
public sealed record GroupHandled(int Handled);
public sealed record PublicCommentCreated(int Id, string? NodeId, string? ArticleLabel, string? ReceiptCode, string ReceiptHref);

/// <summary>/api/v1 for the legislation workflow: plan, bills and versions, comparisons, readings, comment, contact points, promulgation, approval.</summary>
public static class LegislationApi
{
    private const string Tag = "立法工作";

    public static void Map(RouteGroupBuilder api)
    {
        MapCongress(api.MapGroup("/congresses/{code}").RequireAuthorization().WithTags(Tag));
        api.MapPost("/plan-projects/{id:int}/status", (int id, ProjectStatusRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
                => Endpoints.Done(LegislationPlan.SetProjectStatusAsync(db, Actor(user), id, r.Status, ct)))
            .RequireAuthorization().WithTags(Tag).WithName("Legislation_SetPlanProjectStatus").WithSummary("设置立法计划项目的状态");
        var bill = api.MapGroup("/bills/{id:int}").RequireAuthorization().WithTags(Tag);
        MapBill(bill);
        MapVersions(bill);
        MapReadings(bill);
        MapCommentPeriods(api, bill);
        MapPublic(api);
        MapApprovals(api.MapGroup("/approvals/{id:int}").RequireAuthorization().WithTags(Tag));
    }

    private static void MapCongress(RouteGroupBuilder congress)
    {
        congress.MapGet("/legislation/statistics", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            // Counts only, so an upper congress sees those of the congresses below it.
            var c = await CongressScope.OwnOrBelowAsync(db, user.User, code, ct);
            return TypedResults.Ok(await LegislationQueries.StatisticsAsync(db, c.Id, year ?? WorkCalendar.Today(db.Clock).Year, ct));
        }).WithName("Legislation_GetStatistics").WithSummary("立法统计：制定、修改、废止法规件数，审查批准件数（由记录统计）");
        congress.MapGet("/legislation/plan", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await LegislationQueries.PlanAsync(db, (await ReaderAsync(db, user, code, ct)).CongressId, year ?? WorkCalendar.Today(db.Clock).Year, ct)))
            .WithName("Legislation_GetPlan").WithSummary("年度立法工作计划及其完成情况");
        congress.MapPost("/legislation/plan", async (string code, PlanProjectInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var p = await LegislationPlan.AddProjectAsync(db, await ActorAsync(db, user, code, ct), r, ct);
            return TypedResults.Created($"/api/v1/congresses/{code}/legislation/plan?year={p.Year}", new CreatedId(p.Id));
        }).WithName("Legislation_AddPlanProject").WithSummary("在年度立法计划中新增项目");
        congress.MapGet("/bills", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await LegislationQueries.BillsAsync(db, await ActorAsync(db, user, code, ct), year, ct)))
            .WithName("Legislation_ListBills").WithSummary("法规草案列表");
        congress.MapPost("/bills", async (string code, BillInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = await ActorAsync(db, user, code, ct);
            var b = await BillWorkflow.CreateAsync(db, actor, r, ct);
            return TypedResults.Created($"/api/v1/bills/{b.Id}", await LegislationQueries.BillAsync(db, actor, b.Id, ct));
        }).WithName("Legislation_CreateBill").WithSummary("新建法规草案");
        congress.MapGet("/contact-points", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await LegislationQueries.ContactPointsAsync(db, (await ReaderAsync(db, user, code, ct)).CongressId, year, ct)))
            .WithName("Legislation_ListContactPoints").WithSummary("基层立法联系点及其征求意见、提出意见数");
        congress.MapPost("/contact-points", async (string code, ContactPointInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var p = await LegislationPlan.AddContactPointAsync(db, await ActorAsync(db, user, code, ct), r, ct);
            return TypedResults.Created($"/api/v1/congresses/{code}/contact-points", new CreatedId(p.Id));
        }).WithName("Legislation_AddContactPoint").WithSummary("登记基层立法联系点");
        congress.MapPost("/contact-points/{pointId:int}/deputies", async (string code, int pointId, DeputyIdsRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => await Endpoints.Done(LegislationPlan.AssignContactPointDeputiesAsync(db, await ActorAsync(db, user, code, ct), pointId, r.DeputyIds, ct)))
            .WithName("Legislation_AssignContactPointDeputies").WithSummary("安排代表联系基层立法联系点（本级及上下级人大代表）");
        congress.MapDelete("/contact-points/{pointId:int}/deputies/{deputyId:int}", async (string code, int pointId, int deputyId, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => await Endpoints.Done(LegislationPlan.RemoveContactPointDeputyAsync(db, await ActorAsync(db, user, code, ct), pointId, deputyId, ct)))
            .WithName("Legislation_RemoveContactPointDeputy").WithSummary("代表不再联系该基层立法联系点（已参加的征求意见仍在履职档案）");
        congress.MapGet("/approvals", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await LegislationQueries.ApprovalsAsync(db, await ActorAsync(db, user, code, ct), year, ct)))
            .WithName("Legislation_ListApprovals").WithSummary("报请批准的法规（批准机关与报批机关均可查看）");
        congress.MapGet("/comment-periods", async (string code, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await LegislationQueries.CommentPeriodsAsync(db, await ActorAsync(db, user, code, ct), ct)))
            .WithName("Legislation_ListCommentPeriods").WithSummary("征求意见及其收到的意见");
    }

    private static void MapBill(RouteGroupBuilder bill)
    {
        bill.MapGet("/", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => TypedResults.Ok(await LegislationQueries.BillAsync(db, Actor(user), id, ct)))
            .WithName("Legislation_GetBill").WithSummary("法规草案：版本、审议、征求意见、批准、公布与备案");
        bill.MapPost("/terminate", (int id, TerminateRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(BillWorkflow.TerminateAsync(db, Actor(user), id, r.Reason, ct)))
            .WithName("Legislation_TerminateBill").WithSummary("终止审议（不填理由时依立法法第四十五条：搁置审议满两年）");
        bill.MapPost("/promulgate", (int id, PromulgateRequest r, RendaDbContext db, WorkCalendar calendar, IEnumerable<IUpwardFilingReceiver> receivers, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(BillWorkflow.PromulgateAsync(db, calendar, receivers, Actor(user), id, r.AnnouncementNumber, r.PromulgatedOn, ct)))
            .WithName("Legislation_PromulgateBill").WithSummary("以常委会公告公布法规，并报上一级人大常委会备案");
        bill.MapPost("/filing", (int id, RendaDbContext db, IEnumerable<IUpwardFilingReceiver> receivers, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(BillWorkflow.FileUpwardAsync(db, receivers, Actor(user), id, ct)))
            .WithName("Legislation_FileBillUpward").WithSummary("重新报送上一级人大常委会备案");
        bill.MapPost("/approval", async (int id, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = await ApprovalWorkflow.SubmitAsync(db, calendar, Actor(user), id, ct);
            return TypedResults.Created($"/api/v1/approvals/{a.Id}", new CreatedId(a.Id));
        }).WithName("Legislation_SubmitBillForApproval").WithSummary("报请省人大常委会批准");
    }

    private static void MapVersions(RouteGroupBuilder bill)
    {
        bill.MapPost("/versions", async (int id, VersionTextRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var v = await BillWorkflow.AddVersionFromTextAsync(db, actor, id, r.Label, r.Text, ct);
            return TypedResults.Created($"/api/v1/bills/{id}/versions/{v.Id}", await LegislationQueries.VersionAsync(db, actor, id, v.Id, ct));
        }).WithName("Legislation_AddVersionFromText").WithSummary("新增版本：粘贴的法规文本（解析为编、章、节、条、款、项）");
        // Cookie callers are already held to the X-CSRF-TOKEN header (UseApiCsrfProtection); bearer clients need no form token.
        bill.MapPost("/versions/docx", async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Created<VersionView>, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>> (int id, HttpRequest request, RendaDbContext db, Platform.Attachments.AttachmentStore store, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            // Read by UploadedForm, as every upload: a form that breaks off is 400 naming "file" (bound by the framework it was a bare 400).
            var (form, tooLarge) = await UploadedForm.ReadAsync(request, Platform.Attachments.AttachmentStore.TooLargeMessage, ct);
            if (form is null) return tooLarge!;
            var file = form.Files.GetFile("file");
            string? label = form["label"].ToString() is { Length: > 0 } l ? l : null;
            if (file is null || file.Length == 0) throw DomainException.Invalid("file", "请选择要上传的 Word 文档（.docx）。");
            await using var stream = file.OpenReadStream();
            var v = await BillWorkflow.AddVersionFromDocxAsync(db, store, actor, id, label, stream, file.FileName, ct);
            return TypedResults.Created($"/api/v1/bills/{id}/versions/{v.Id}", await LegislationQueries.VersionAsync(db, actor, id, v.Id, ct));
        }).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").WithName("Legislation_AddVersionFromDocx").WithSummary("新增版本：上传 Word 文档（.docx）");
        bill.MapPost("/versions/{v:int}/derive", async (int id, int v, DeriveRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var nv = await BillWorkflow.DeriveVersionAsync(db, actor, id, v, r.Label, ct);
            return TypedResults.Created($"/api/v1/bills/{id}/versions/{nv.Id}", await LegislationQueries.VersionAsync(db, actor, id, nv.Id, ct));
        }).WithName("Legislation_DeriveVersion").WithSummary("由一个版本生成新版本（条文编号不变，供下一次审议修改）");
        bill.MapGet("/versions/{v:int}", async (int id, int v, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await LegislationQueries.VersionAsync(db, Actor(user), id, v, ct)))
            .WithName("Legislation_GetVersion").WithSummary("一个版本的全部条文");
        bill.MapGet("/versions/{v:int}/text", async (int id, int v, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Text(BillText.PlainText(BillText.FromJson((await BillWorkflow.LoadVersionAsync(db, Actor(user), id, v, ct)).Document)), "text/plain; charset=utf-8"))
            .WithName("Legislation_GetVersionText").WithSummary("版本的纯文本").ProducesFile("text/plain");
        bill.MapGet("/versions/{v:int}/akn", async (int id, int v, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var b = await BillWorkflow.LoadAsync(db, actor, id, ct);
            var version = await BillWorkflow.LoadVersionAsync(db, actor, id, v, ct);
            var congress = await db.Congresses.FindAsync([b.CongressId], ct);
            var identity = new AknIdentity($"renda-{congress!.Code}-bill-{b.Id}", DateOnly.FromDateTime(b.CreatedAt), DateOnly.FromDateTime(version.CreatedAt),
                congress.StandingCommitteeName, "cn", "bill");
            var xml = BillText.Akn(BillText.FromJson(version.Document), identity, WorkCalendar.Today(db.Clock));
            return TypedResults.Text(xml.Declaration + "\n" + xml.ToString(), AkomaNtosoWriter.ContentType, System.Text.Encoding.UTF8);
        }).WithName("Legislation_GetVersionAkn").WithSummary("版本的 Akoma Ntoso 3.0 XML").ProducesFile(AkomaNtosoWriter.ContentType);
        bill.MapGet("/versions/{a:int}/compare/{b:int}", async (int id, int a, int b, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await LegislationQueries.CompareAsync(db, Actor(user), id, a, b, ct)))
            .WithName("Legislation_CompareVersions").WithSummary("条文对照表（两个版本逐条对照）");
        bill.MapGet("/versions/{a:int}/compare/{b:int}/docx", async (int id, int a, int b, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var view = await LegislationQueries.CompareAsync(db, actor, id, a, b, ct);
            var bl = await BillWorkflow.LoadAsync(db, actor, id, ct);
            return TypedResults.File(LegislationDocuments.Comparison(bl.Title, view), Platform.Documents.WordDocument.ContentType, $"条文对照表-{bl.Title}.docx");
        }).WithName("Legislation_DownloadComparison").WithSummary("条文对照表 Word 文档").ProducesFile(Endpoints.Docx);
        bill.MapPut("/versions/{a:int}/compare/{b:int}/reasons", (int id, int a, int b, ReasonRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(LegislationQueries.SetReasonAsync(db, Actor(user), id, a, b, r.RowKey, r.Reason, ct)))
            .WithName("Legislation_SetComparisonReason").WithSummary("填写对照表一行的修改理由（为空则删除）");
        MapArticles(bill);
    }

    private static void MapArticles(RouteGroupBuilder bill)
    {
        bill.MapPost("/versions/{v:int}/articles", async (int id, int v, InsertArticleRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var nodeId = await BillWorkflow.InsertArticleAsync(db, Actor(user), id, v, r.AfterNodeId, r.Text, r.First, ct);
            return TypedResults.Created($"/api/v1/bills/{id}/versions/{v}", new ArticleInserted(nodeId));
        }).WithName("Legislation_InsertArticle").WithSummary("插入一条（其后各条自动重新编号）");
        bill.MapPut("/versions/{v:int}/nodes/{nodeId}", (int id, int v, string nodeId, NodeTextRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(BillWorkflow.UpdateArticleAsync(db, Actor(user), id, v, nodeId, r.Text, ct)))
            .WithName("Legislation_UpdateNode").WithSummary("修改一条的文字，或章、节的标题");
        bill.MapDelete("/versions/{v:int}/nodes/{nodeId}", (int id, int v, string nodeId, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(BillWorkflow.DeleteNodeAsync(db, Actor(user), id, v, nodeId, ct)))
            .WithName("Legislation_DeleteNode").WithSummary("删除一条或一章、一节（其后自动重新编号）");
        bill.MapPost("/versions/{v:int}/nodes/{nodeId}/move", (int id, int v, string nodeId, MoveRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(BillWorkflow.MoveNodeAsync(db, Actor(user), id, v, nodeId, r.AfterNodeId, r.First, ct)))
            .WithName("Legislation_MoveNode").WithSummary("移动一条或一章、一节（编号随之重排）");
    }

    private static void MapReadings(RouteGroupBuilder bill)
    {
        bill.MapPost("/readings", async (int id, ReadingInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var reading = await BillWorkflow.ScheduleReadingAsync(db, actor, id, r, ct);
            return TypedResults.Created($"/api/v1/bills/{id}", (await LegislationQueries.BillAsync(db, actor, id, ct)).Readings.Single(x => x.Id == reading.Id));
        }).WithName("Legislation_ScheduleReading").WithSummary("将法规草案列入常委会会议议程（一审、二审、三审或表决稿）");
        bill.MapPut("/readings/{r:int}/reports", (int id, int r, ReadingReports body, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(BillWorkflow.RecordReportsAsync(db, Actor(user), id, r, body, ct)))
            .WithName("Legislation_RecordReadingReports").WithSummary("录入一次审议的说明、修改情况或审议结果的报告");
        bill.MapPost("/vote", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var v = await BillWorkflow.PrepareFinalVoteAsync(db, Actor(user), id, ct);
            return TypedResults.Created($"/api/v1/votes/{v.Id}", await MeetingQueries.VoteAsync(db, Actor(user).ForMeetings(), v.Id, ct));
        }).WithName("Legislation_PrepareBillVote").WithSummary("交付表决（表决稿审议时）：经表决赞成票超过全体组成人员半数通过");
        bill.MapPost("/clause-votes", async (int id, ClauseVoteRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var v = await BillWorkflow.PrepareClauseVoteAsync(db, Actor(user), id, r.NodeId, ct);
            return TypedResults.Created($"/api/v1/votes/{v.Id}", await MeetingQueries.VoteAsync(db, Actor(user).ForMeetings(), v.Id, ct));
        }).WithName("Legislation_PrepareClauseVote").WithSummary("争议较大的条款单独表决（表决稿审议时）");
    }

    private static void MapCommentPeriods(RouteGroupBuilder api, RouteGroupBuilder bill)
    {
        bill.MapPost("/comment-periods", async (int id, CommentPeriodInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var p = await CommentPeriodWorkflow.OpenAsync(db, Actor(user), id, r, ct);
            return TypedResults.Created($"/api/v1/comment-periods/{p.Id}", await LegislationQueries.CommentPeriodAsync(db, p.Id, true, ct));
        }).WithName("Legislation_OpenCommentPeriod").WithSummary("公开征求意见（一般不少于三十日，立法法第四十条）");
        var period = api.MapGroup("/comment-periods/{id:int}").RequireAuthorization().WithTags(Tag);
        period.MapGet("/", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            await CommentPeriodWorkflow.LoadAsync(db, actor, id, ct);
            return TypedResults.Ok(await LegislationQueries.CommentPeriodAsync(db, id, actor.IsStaff, ct));
        }).WithName("Legislation_GetCommentPeriod").WithSummary("一次征求意见及其收到的意见");
        period.MapPost("/close", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Endpoints.Done(CommentPeriodWorkflow.CloseAsync(db, Actor(user), id, ct)))
            .WithName("Legislation_CloseCommentPeriod").WithSummary("截止征求意见（可提前截止）");
        period.MapPost("/comments", async (int id, CommentInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var c = await CommentPeriodWorkflow.CommentSignedInAsync(db, Actor(user), id, r, ct);
            return TypedResults.Created($"/api/v1/comment-periods/{id}", new CommentCreated(c.Id, c.NodeId, c.ArticleLabel, c.Source));
        }).WithName("Legislation_AddComment").WithSummary("代表（本人）或基层立法联系点（工作人员录入）提出意见");
        period.MapPost("/summary", (int id, SummaryRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(CommentPeriodWorkflow.PublishSummaryAsync(db, Actor(user), id, r.Text, ct)))
            .WithName("Legislation_PublishCommentSummary").WithSummary("公布意见采纳情况（征求意见截止、每条意见均已研究处理后）");
        api.MapPut("/comments/{id:int}/deputies", (int id, DeputyIdsRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
                => Endpoints.Done(CommentPeriodWorkflow.SetParticipantsAsync(db, Actor(user), id, r.DeputyIds, ct)))
            .RequireAuthorization().WithTags(Tag).WithName("Legislation_SetCommentDeputies").WithSummary("更正参加联系点征求意见的代表（记入其履职档案）");
        api.MapPost("/comments/{id:int}/handling", (int id, HandlingInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(CommentPeriodWorkflow.HandleAsync(db, Actor(user), id, r, ct)))
            .RequireAuthorization().WithTags(Tag).WithName("Legislation_HandleComment").WithSummary("研究处理一条意见：已整理，或采纳、部分采纳、未采纳（后两者须说明理由）");
        api.MapPost("/comment-periods/{id:int}/handling", async (int id, GroupHandlingInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(new GroupHandled(await CommentPeriodWorkflow.HandleGroupAsync(db, Actor(user), id, r, ct))))
            .RequireAuthorization().WithTags(Tag).WithName("Legislation_HandleCommentGroup").WithSummary("合并研究处理同类意见：一并整理或作出同一处理（全部成功或全部不变）");
    }

    private static void MapPublic(RouteGroupBuilder api)
    {
        api.MapGet("/public/comment-periods", async (RendaDbContext db, CancellationToken ct) => TypedResults.Ok(await PublicComments.ListAsync(db, ct)))
            .AllowAnonymous().WithTags("公开").WithName("Legislation_ListPublicCommentPeriods").WithSummary("正在公开征求意见和已公布采纳情况的法规草案");
        var pub = api.MapGroup("/public/comment-periods/{id:int}").AllowAnonymous().WithTags("公开");
        pub.MapGet("/", async (int id, RendaDbContext db, CancellationToken ct) => TypedResults.Ok(await PublicComments.PageAsync(db, id, ct)))
            .WithName("Legislation_GetPublicCommentPeriod").WithSummary("公开的征求意见稿；公布后另见意见采纳情况（不含姓名）");
        pub.MapPost("/comments", async (int id, CommentInput r, RendaDbContext db, ClientAddress addresses, HttpContext http, CancellationToken ct) =>
        {
            if (r.ContactPointId is not null) throw DomainException.Invalid("contactPointId", "联系点意见由工作人员录入。");
            if (r.DeputyIds is { Length: > 0 }) throw DomainException.Invalid("deputyIds", "参加联系点征求意见的代表由工作人员录入。");
            var c = await CommentPeriodWorkflow.CommentAsPublicAsync(db, id, r, addresses.Of(http), ct);
            var href = ReceiptCodes.Href(PublicSite.CongressOf(http), c.ReceiptCode!);
            await CommentPeriodWorkflow.MailReceiptAsync(http, c, r.Contact, href);
            return TypedResults.Created($"/api/v1/public/comment-periods/{id}", new PublicCommentCreated(c.Id, c.NodeId, c.ArticleLabel, c.ReceiptCode, href));
        }).RequirePublicRateLimit(PublicRateLimits.Comment).WithName("Legislation_AddPublicComment").WithSummary("公众对征求意见稿提出意见（可匿名；每个网络地址每小时限量）");
    }

    private static void MapApprovals(RouteGroupBuilder approval)
    {
        approval.MapGet("/", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok((await LegislationQueries.ApprovalsAsync(db, Actor(user), null, ct)).FirstOrDefault(a => a.Id == id) ?? throw DomainException.NotFound("没有找到该报批事项。")))
            .WithName("Legislation_GetApproval").WithSummary("一件报请批准的法规：审查意见、期限与表决结果");
        approval.MapPost("/findings", (int id, FindingsInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(ApprovalWorkflow.RecordFindingsAsync(db, Actor(user), id, r, ct)))
            .WithName("Legislation_RecordApprovalFindings").WithSummary("记录合法性审查意见（是否同宪法、法律、行政法规抵触）");
        approval.MapPost("/agenda", (int id, AgendaRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(ApprovalWorkflow.PutOnAgendaAsync(db, Actor(user), id, r.MeetingId, ct)))
            .WithName("Legislation_PutApprovalOnAgenda").WithSummary("提请常委会会议审议批准");
        approval.MapPost("/vote", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var v = await ApprovalWorkflow.PrepareVoteAsync(db, Actor(user), id, ct);
            return TypedResults.Created($"/api/v1/votes/{v.Id}", await MeetingQueries.VoteAsync(db, Actor(user).ForMeetings(), v.Id, ct));
        }).WithName("Legislation_PrepareApprovalVote").WithSummary("安排表决关于批准的决定");
    }

    private static LegislationActor Actor(CurrentUserAccessor user) => new(user.User);

    private static async Task<LegislationActor> ActorAsync(RendaDbContext db, CurrentUserAccessor user, string code, CancellationToken ct)
    {
        await CongressScope.RequireOwnAsync(db, user.User, code, ct);
        return Actor(user);
    }

    /// <summary>A member or staff of the congress in the route (the plan and the contact points are theirs to read).</summary>
    private static async Task<LegislationActor> ReaderAsync(RendaDbContext db, CurrentUserAccessor user, string code, CancellationToken ct)
    {
        var actor = await ActorAsync(db, user, code, ct);
        actor.RequireRead();
        return actor;
    }
}
