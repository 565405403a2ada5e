using Microsoft.Extensions.Options;
using Renda.Web.Data;
using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Calendar;
using Renda.Web.Platform.Identity;
using Renda.Web.Platform.LegalText;
using Renda.Web.Platform.Modules;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.Web;

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

/// <summary>/api/v1 for the legislation workflow: plan, bills and versions, comparisons, readings, comment, contact points, promulgation, approval.</summary>
public static class LegislationApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var congress = api.MapGroup("/congresses/{code}").RequireAuthorization().WithTags("立法工作");
        congress.MapGet("/legislation/statistics", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            // Counts only, so an upper congress sees those of the congresses below it.
            var c = await CongressScope.OwnOrBelowAsync(db, user.User, code, ct);
            return Results.Ok(await LegislationQueries.StatisticsAsync(db, c.Id, year ?? WorkCalendar.Today(db.Clock).Year, ct));
        }).WithSummary("立法统计：制定、修改、废止法规件数，审查批准件数（由记录统计）");
        congress.MapGet("/legislation/plan", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = await ActorAsync(db, user, code, ct);
            actor.RequireRead();
            return Results.Ok(await LegislationQueries.PlanAsync(db, actor.CongressId, year ?? WorkCalendar.Today(db.Clock).Year, ct));
        });
        congress.MapPost("/legislation/plan", async (string code, PlanProjectInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var p = await LegislationPlan.AddProjectAsync(db, await ActorAsync(db, user, code, ct), r, ct);
            return Results.Created($"/api/v1/congresses/{code}/legislation/plan?year={p.Year}", new { p.Id });
        });
        congress.MapGet("/bills", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok(await LegislationQueries.BillsAsync(db, await ActorAsync(db, user, code, ct), year, ct)));
        congress.MapPost("/bills", async (string code, BillInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = await ActorAsync(db, user, code, ct);
            var b = await Bills.CreateAsync(db, actor, r, ct);
            return Results.Created($"/api/v1/bills/{b.Id}", await LegislationQueries.BillAsync(db, actor, b.Id, ct));
        });
        congress.MapGet("/contact-points", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = await ActorAsync(db, user, code, ct);
            actor.RequireRead();
            return Results.Ok(await LegislationQueries.ContactPointsAsync(db, actor.CongressId, year, ct));
        });
        congress.MapPost("/contact-points", async (string code, ContactPointInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var p = await LegislationPlan.AddContactPointAsync(db, await ActorAsync(db, user, code, ct), r, ct);
            return Results.Created($"/api/v1/congresses/{code}/contact-points", new { p.Id });
        });
        congress.MapGet("/approvals", async (string code, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok(await LegislationQueries.ApprovalsAsync(db, await ActorAsync(db, user, code, ct), year, ct)));
        congress.MapGet("/comment-periods", async (string code, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok(await LegislationQueries.CommentPeriodsAsync(db, await ActorAsync(db, user, code, ct), ct)));

        api.MapPost("/plan-projects/{id:int}/status", (int id, ProjectStatusRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Done(LegislationPlan.SetProjectStatusAsync(db, Actor(user), id, r.Status, ct))).RequireAuthorization().WithTags("立法工作");

        var bill = api.MapGroup("/bills/{id:int}").RequireAuthorization().WithTags("立法工作");
        bill.MapGet("/", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Results.Ok(await LegislationQueries.BillAsync(db, Actor(user), id, ct)));
        bill.MapPost("/versions", async (int id, VersionTextRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var v = await Bills.AddVersionFromTextAsync(db, actor, id, r.Label, r.Text, ct);
            return Results.Created($"/api/v1/bills/{id}/versions/{v.Id}", await LegislationQueries.VersionAsync(db, actor, id, v.Id, ct));
        }).WithSummary("新增版本：粘贴的法规文本（解析为编、章、节、条、款、项）");
        // Cookie callers are already held to the X-CSRF-TOKEN header (UseApiCsrfProtection); bearer clients need no form token.
        bill.MapPost("/versions/docx", async (int id, IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm] string? label, RendaDbContext db, Platform.Attachments.AttachmentStore store, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            if (file is null || file.Length == 0) throw DomainException.Invalid("file", "请选择要上传的 Word 文档（.docx）。");
            await using var stream = file.OpenReadStream();
            var v = await Bills.AddVersionFromDocxAsync(db, store, actor, id, label, stream, file.FileName, ct);
            return Results.Created($"/api/v1/bills/{id}/versions/{v.Id}", await LegislationQueries.VersionAsync(db, actor, id, v.Id, ct));
        }).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").WithSummary("新增版本：上传 Word 文档（.docx）");
        bill.MapPost("/versions/{v:int}/derive", async (int id, int v, DeriveRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var nv = await Bills.DeriveVersionAsync(db, actor, id, v, r.Label, ct);
            return Results.Created($"/api/v1/bills/{id}/versions/{nv.Id}", await LegislationQueries.VersionAsync(db, actor, id, nv.Id, ct));
        });
        bill.MapGet("/versions/{v:int}", async (int id, int v, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok(await LegislationQueries.VersionAsync(db, Actor(user), id, v, ct)));
        bill.MapGet("/versions/{v:int}/text", async (int id, int v, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Text(BillText.PlainText(BillText.FromJson((await Bills.LoadVersionAsync(db, Actor(user), id, v, ct)).Document)), "text/plain; charset=utf-8"));
        bill.MapGet("/versions/{v:int}/akn", async (int id, int v, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var b = await Bills.LoadAsync(db, actor, id, ct);
            var version = await Bills.LoadVersionAsync(db, actor, id, v, ct);
            var congress = await db.Congresses.FindAsync([b.CongressId], ct);
            var identity = new AknIdentity($"renda-{congress!.Code}-bill-{b.Id}", DateOnly.FromDateTime(b.CreatedAt), DateOnly.FromDateTime(version.CreatedAt),
                congress.StandingCommitteeName, "cn", "bill");
            var xml = BillText.Akn(BillText.FromJson(version.Document), identity, WorkCalendar.Today(db.Clock));
            return Results.Text(xml.Declaration + "\n" + xml.ToString(), AkomaNtosoWriter.ContentType, System.Text.Encoding.UTF8);
        }).WithSummary("版本的 Akoma Ntoso 3.0 XML");
        bill.MapGet("/versions/{a:int}/compare/{b:int}", async (int id, int a, int b, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok(await LegislationQueries.CompareAsync(db, Actor(user), id, a, b, ct))).WithSummary("条文对照表（两个版本逐条对照）");
        bill.MapGet("/versions/{a:int}/compare/{b:int}/docx", async (int id, int a, int b, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var view = await LegislationQueries.CompareAsync(db, actor, id, a, b, ct);
            var bl = await Bills.LoadAsync(db, actor, id, ct);
            return Results.File(LegislationDocuments.Comparison(bl.Title, view), Platform.Documents.WordDocument.ContentType, $"条文对照表-{bl.Title}.docx");
        });
        bill.MapPut("/versions/{a:int}/compare/{b:int}/reasons", (int id, int a, int b, ReasonRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Done(LegislationQueries.SetReasonAsync(db, Actor(user), id, a, b, r.RowKey, r.Reason, ct)));
        bill.MapPost("/versions/{v:int}/articles", async (int id, int v, InsertArticleRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var nodeId = await Bills.InsertArticleAsync(db, Actor(user), id, v, r.AfterNodeId, r.Text, r.First, ct);
            return Results.Created($"/api/v1/bills/{id}/versions/{v}", new { nodeId });
        });
        bill.MapPut("/versions/{v:int}/nodes/{nodeId}", (int id, int v, string nodeId, NodeTextRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Done(Bills.UpdateArticleAsync(db, Actor(user), id, v, nodeId, r.Text, ct)));
        bill.MapDelete("/versions/{v:int}/nodes/{nodeId}", (int id, int v, string nodeId, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Done(Bills.DeleteNodeAsync(db, Actor(user), id, v, nodeId, ct)));
        bill.MapPost("/versions/{v:int}/nodes/{nodeId}/move", (int id, int v, string nodeId, MoveRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Done(Bills.MoveNodeAsync(db, Actor(user), id, v, nodeId, r.AfterNodeId, r.First, ct)));
        bill.MapPost("/readings", async (int id, ReadingInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var reading = await Bills.ScheduleReadingAsync(db, actor, id, r, ct);
            return Results.Created($"/api/v1/bills/{id}", (await LegislationQueries.BillAsync(db, actor, id, ct)).Readings.Single(x => x.Id == reading.Id));
        });
        bill.MapPut("/readings/{r:int}/reports", (int id, int r, ReadingReports body, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Done(Bills.RecordReportsAsync(db, Actor(user), id, r, body, ct)));
        bill.MapPost("/vote", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var v = await Bills.PrepareFinalVoteAsync(db, Actor(user), id, ct);
            return Results.Created($"/api/v1/votes/{v.Id}", await MeetingQueries.VoteAsync(db, Actor(user).ForMeetings(), v.Id, ct));
        }).WithSummary("交付表决（表决稿审议时）：经表决赞成票超过全体组成人员半数通过");
        bill.MapPost("/clause-votes", async (int id, ClauseVoteRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var v = await Bills.PrepareClauseVoteAsync(db, Actor(user), id, r.NodeId, ct);
            return Results.Created($"/api/v1/votes/{v.Id}", await MeetingQueries.VoteAsync(db, Actor(user).ForMeetings(), v.Id, ct));
        });
        bill.MapPost("/terminate", (int id, TerminateRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Done(Bills.TerminateAsync(db, Actor(user), id, r.Reason, ct)));
        bill.MapPost("/promulgate", (int id, PromulgateRequest r, RendaDbContext db, WorkCalendar calendar, IEnumerable<IUpwardFilingReceiver> receivers, CurrentUserAccessor user, CancellationToken ct)
            => Done(Bills.PromulgateAsync(db, calendar, receivers, Actor(user), id, r.AnnouncementNumber, r.PromulgatedOn, ct)));
        bill.MapPost("/filing", (int id, RendaDbContext db, IEnumerable<IUpwardFilingReceiver> receivers, CurrentUserAccessor user, CancellationToken ct)
            => Done(Bills.FileUpwardAsync(db, receivers, Actor(user), id, ct)));
        bill.MapPost("/approval", async (int id, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = await Approvals.SubmitAsync(db, calendar, Actor(user), id, ct);
            return Results.Created($"/api/v1/approvals/{a.Id}", new { a.Id });
        }).WithSummary("报请省人大常委会批准");
        bill.MapPost("/comment-periods", async (int id, CommentPeriodInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var p = await CommentPeriods.OpenAsync(db, Actor(user), id, r, ct);
            return Results.Created($"/api/v1/comment-periods/{p.Id}", await LegislationQueries.CommentPeriodAsync(db, p.Id, true, ct));
        });

        var period = api.MapGroup("/comment-periods/{id:int}").RequireAuthorization().WithTags("立法工作");
        period.MapGet("/", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            await CommentPeriods.LoadAsync(db, actor, id, ct);
            return Results.Ok(await LegislationQueries.CommentPeriodAsync(db, id, actor.IsStaff, ct));
        });
        period.MapPost("/close", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) => Done(CommentPeriods.CloseAsync(db, Actor(user), id, ct)));
        period.MapPost("/comments", async (int id, CommentInput r, RendaDbContext db, IOptions<CommentSettings> settings, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var c = await CommentPeriods.CommentSignedInAsync(db, settings.Value, Actor(user), id, r, ct);
            return Results.Created($"/api/v1/comment-periods/{id}", new { c.Id, c.NodeId, c.ArticleLabel, c.Source });
        }).WithSummary("代表（本人）或基层立法联系点（工作人员录入）提出意见");
        period.MapPost("/summary", (int id, SummaryRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Done(CommentPeriods.PublishSummaryAsync(db, Actor(user), id, r.Text, ct)));
        api.MapPost("/comments/{id:int}/handling", (int id, HandlingInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Done(CommentPeriods.HandleAsync(db, Actor(user), id, r, ct))).RequireAuthorization().WithTags("立法工作");

        api.MapGet("/public/comment-periods", async (RendaDbContext db, CancellationToken ct) => Results.Ok(await PublicComments.ListAsync(db, ct)))
            .AllowAnonymous().WithTags("公开").WithSummary("正在公开征求意见和已公布采纳情况的法规草案");
        var pub = api.MapGroup("/public/comment-periods/{id:int}").AllowAnonymous().WithTags("公开");
        pub.MapGet("/", async (int id, RendaDbContext db, CancellationToken ct) => Results.Ok(await PublicComments.PageAsync(db, id, ct)));
        pub.MapPost("/comments", async (int id, CommentInput r, RendaDbContext db, IOptions<CommentSettings> settings, ClientAddress addresses, HttpContext http, CancellationToken ct) =>
        {
            if (r.ContactPointId is not null) throw DomainException.Invalid("contactPointId", "联系点意见由工作人员录入。");
            var c = await CommentPeriods.CommentAsPublicAsync(db, settings.Value, id, r, addresses.Of(http), ct);
            return Results.Created($"/api/v1/public/comment-periods/{id}", new { c.Id, c.NodeId, c.ArticleLabel });
        }).WithSummary("公众对征求意见稿提出意见（可匿名；每个网络地址每小时限量）");

        var approval = api.MapGroup("/approvals/{id:int}").RequireAuthorization().WithTags("立法工作");
        approval.MapGet("/", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Results.Ok((await LegislationQueries.ApprovalsAsync(db, Actor(user), null, ct)).FirstOrDefault(a => a.Id == id) ?? throw DomainException.NotFound("没有找到该报批事项。")));
        approval.MapPost("/findings", (int id, FindingsInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Done(Approvals.RecordFindingsAsync(db, Actor(user), id, r, ct)));
        approval.MapPost("/agenda", (int id, AgendaRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Done(Approvals.PutOnAgendaAsync(db, Actor(user), id, r.MeetingId, ct)));
        approval.MapPost("/vote", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var v = await Approvals.PrepareVoteAsync(db, Actor(user), id, ct);
            return Results.Created($"/api/v1/votes/{v.Id}", await MeetingQueries.VoteAsync(db, Actor(user).ForMeetings(), v.Id, ct));
        });
    }

    private static LegislationActor Actor(CurrentUserAccessor user) => LegislationActor.For(user.User);

    private static async Task<LegislationActor> ActorAsync(RendaDbContext db, CurrentUserAccessor user, string code, CancellationToken ct)
    {
        await CongressScope.RequireOwnAsync(db, user.User, code, ct);
        return Actor(user);
    }

    private static async Task<IResult> Done(Task step)
    {
        await step;
        return Results.NoContent();
    }
}
