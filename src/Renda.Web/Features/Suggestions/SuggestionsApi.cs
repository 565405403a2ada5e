using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Suggestions;

public sealed record CreateSuggestionRequest(string? Title, string? Content, string? Category, SubmissionPeriod Period = SubmissionPeriod.BetweenSessions, int[]? CoSignerDeputyIds = null, bool Submit = false);
public sealed record InviteRequest(int DeputyId);
public sealed record SimilarRequest(string? Title, string? Content, int? ExcludeId, int? Limit);
public sealed record CoSignatureRequest(bool Confirm);
public sealed record ReturnRequest(InadmissibleReason Reason, string? Note);
public sealed record MergeRequest(int TargetId);
public sealed record UnitChoiceRequest(int UnitId, AssignmentRole Role);
public sealed record AssignRequest(HandlingMode Mode, UnitChoiceRequest[]? Units);
public sealed record ReassignRequest(UnitChoiceRequest[]? Units);
public sealed record UnitReturnRequest(int? UnitId, string? Reason);
public sealed record ContactRequest(int? UnitId, ContactKind Kind, bool FaceToFace, DateOnly On, string? Notes);
public sealed record CoViewsRequest(int? UnitId, string? Views);
public sealed record AnswerRequest(int? UnitId, string? Category, string? Text, string? SignedBy, int? DocumentAttachmentId);
public sealed record ExtensionRequest(int Months, string? Reason);
public sealed record RatingRequest(Satisfaction Result, string? Reason);
public sealed record KeyRequest(string? Leader);
public sealed record PublishRequest(string? Title, string? Content, string? Answer);
public sealed record CommitmentRequest(int? UnitId, string? Promise, DateOnly DueOn);
public sealed record ProgressRequest(string? Text, bool Done);

/// <summary>/api/v1 for deputies' suggestions. Every step is one POST that either happens completely or is refused with a reason.</summary>
public static class SuggestionsApi
{
    private const string Tag = "代表建议";

    public static void Map(RouteGroupBuilder api)
    {
        Pages.SuggestionPages.Map(api);
        MapCongress(api.MapGroup("/congresses/{code}/suggestions").RequireAuthorization().WithTags(Tag));
        var one = api.MapGroup("/suggestions/{id:int}").RequireAuthorization().WithTags(Tag);
        MapDeputies(one);
        MapIntake(one);
        MapHandling(one);
        MapSupervision(one);
        api.MapPost("/commitments/{id:int}/progress", async (int id, ProgressRequest r, Ctx c, CancellationToken ct)
                => await Endpoints.Done(SuggestionWorkflow.ReportCommitmentAsync(c.Db, await c.ActorAsync(ct), id, r.Text ?? "", r.Done, ct)))
            .RequireAuthorization().WithTags(Tag).WithName("Suggestions_ReportCommitmentProgress").WithSummary("承办单位报告承诺事项的落实进展（可同时标记为已落实）");
    }

    private static void MapCongress(RouteGroupBuilder congress)
    {
        congress.MapPost("/", Create).WithName("Suggestions_CreateSuggestion")
            .WithSummary("代表起草建议，可邀请附议并同时提交；重复的 Idempotency-Key 返回首次创建的建议（200）");
        congress.MapGet("/", List).WithName("Suggestions_ListSuggestions").WithSummary("按年度、状态、承办单位、分类、代表、关键词查询可见的建议（分页）");
        congress.MapPost("/similar", async (string code, SimilarRequest r, Ctx c, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var congressRow = await CongressScope.OwnAsync(c.Db, user.User, code, ct);
            var year = WorkCalendar.Today(c.Db.Clock).Year;
            return TypedResults.Ok(await SimilarSuggestions.FindAsync(c.Db, congressRow.Id, $"{r.Title}\n{r.Content}".Trim(), r.ExcludeId, year, r.Limit ?? 10, ct));
        }).WithName("Suggestions_FindSimilar").WithSummary("按标题和内容查找本年及以往的相似建议");
    }

    /// <summary>What deputies do: read, edit the draft, invite co-signers and answer an invitation, submit.</summary>
    private static void MapDeputies(RouteGroupBuilder one)
    {
        one.MapGet("/", async (int id, Ctx c, CancellationToken ct) => TypedResults.Ok(await SuggestionQueries.DetailAsync(c.Db, await c.ActorAsync(ct), id, ct)))
            .WithName("Suggestions_GetSuggestion").WithSummary("建议的全部办理记录：附议、交办、答复、评价、期限和承诺事项");
        one.MapPut("/", async (int id, CreateSuggestionRequest r, Ctx c, CancellationToken ct)
                => await Endpoints.Done(SuggestionWorkflow.UpdateDraftAsync(c.Db, await c.ActorAsync(ct), id, Draft(r), ct)))
            .WithName("Suggestions_UpdateDraft").WithSummary("领衔代表修改草稿");
        one.MapPost("/co-signers", async (int id, InviteRequest r, Ctx c, CancellationToken ct)
                => await Endpoints.Done(SuggestionWorkflow.InviteAsync(c.Db, await c.ActorAsync(ct), id, r.DeputyId, ct)))
            .WithName("Suggestions_InviteCoSigner").WithSummary("领衔代表邀请代表附议");
        one.MapPost("/co-signature", async (int id, CoSignatureRequest r, Ctx c, CancellationToken ct)
                => await Endpoints.Done(SuggestionWorkflow.RespondAsync(c.Db, await c.ActorAsync(ct), id, r.Confirm, ct)))
            .WithName("Suggestions_RespondToInvitation").WithSummary("受邀代表确认或拒绝附议");
        one.MapPost("/submit", async (int id, Ctx c, CancellationToken ct)
                => await Endpoints.Done(SuggestionWorkflow.SubmitAsync(c.Db, c.Calendar, await c.ActorAsync(ct), id, ct)))
            .WithName("Suggestions_SubmitSuggestion").WithSummary("领衔代表提交建议：编号并开始交办期限");
        one.MapPost("/ratings", async (int id, RatingRequest r, Ctx c, CancellationToken ct)
                => await Endpoints.Done(SuggestionWorkflow.RateAsync(c.Db, c.Calendar, await c.ActorAsync(ct), id, r.Result, r.Reason, ct)))
            .WithName("Suggestions_RateAnswer").WithSummary("领衔代表和附议代表评价答复；领衔代表不满意的重新办理");
    }

    /// <summary>What the committee's staff do on receipt: accept, return, merge, assign and reassign.</summary>
    private static void MapIntake(RouteGroupBuilder one)
    {
        one.MapGet("/unit-recommendations", async (int id, Ctx c, CancellationToken ct) =>
        {
            var actor = await c.ActorAsync(ct);
            actor.RequireStaff();
            return TypedResults.Ok(await SimilarSuggestions.RecommendUnitsAsync(c.Db, await SuggestionWorkflow.LoadAsync(c.Db, actor, id, ct), ct));
        }).WithName("Suggestions_RecommendUnits").WithSummary("依相似建议的交办情况推荐承办单位（常委会工作人员）");
        one.MapPost("/accept", async (int id, Ctx c, CancellationToken ct) => await Endpoints.Done(SuggestionWorkflow.AcceptAsync(c.Db, await c.ActorAsync(ct), id, ct)))
            .WithName("Suggestions_AcceptSuggestion").WithSummary("审查受理建议");
        one.MapPost("/return", async (int id, ReturnRequest r, Ctx c, CancellationToken ct)
                => await Endpoints.Done(SuggestionWorkflow.ReturnToDeputyAsync(c.Db, await c.ActorAsync(ct), id, r.Reason, r.Note, ct)))
            .WithName("Suggestions_ReturnToDeputy").WithSummary("不作为代表建议办理，说明理由退回代表");
        one.MapPost("/merge", async (int id, MergeRequest r, Ctx c, CancellationToken ct)
                => await Endpoints.Done(SuggestionWorkflow.MergeAsync(c.Db, await c.ActorAsync(ct), id, r.TargetId, ct)))
            .WithName("Suggestions_MergeSuggestion").WithSummary("将内容相同或相近的建议并入另一件办理");
        one.MapPost("/assign", async (int id, AssignRequest r, Ctx c, CancellationToken ct)
                => await Endpoints.Done(SuggestionWorkflow.AssignAsync(c.Db, c.Calendar, await c.ActorAsync(ct), id, r.Mode, Units(r.Units), ct)))
            .WithName("Suggestions_AssignSuggestion").WithSummary("交办承办单位（主办、协办或分别办理），开始答复期限");
        one.MapPost("/reassign", async (int id, ReassignRequest r, Ctx c, CancellationToken ct)
                => await Endpoints.Done(SuggestionWorkflow.ReassignAsync(c.Db, c.Calendar, await c.ActorAsync(ct), id, Units(r.Units), ct)))
            .WithName("Suggestions_ReassignSuggestion").WithSummary("承办单位退回后重新交办");
        one.MapPost("/extension", async (int id, ExtensionRequest r, Ctx c, CancellationToken ct)
                => await Endpoints.Done(SuggestionWorkflow.ExtendAnswerAsync(c.Db, c.Calendar, await c.ActorAsync(ct), id, r.Months, r.Reason ?? "", ct)))
            .WithName("Suggestions_ExtendAnswer").WithSummary("经批准延长答复期限（最长为交办之日起的法定上限）");
    }

    /// <summary>What the handling units do: return a misdirected part, contact the deputy, give co-views, answer, promise.</summary>
    private static void MapHandling(RouteGroupBuilder one)
    {
        one.MapPost("/unit-return", async (int id, UnitReturnRequest r, Ctx c, CancellationToken ct)
                => await Endpoints.Done(SuggestionWorkflow.UnitReturnAsync(c.Db, c.Calendar, await c.ActorAsync(ct), id, r.UnitId, r.Reason ?? "", ct)))
            .WithName("Suggestions_ReturnAssignment").WithSummary("承办单位认为不属本单位职责，在期限内说明理由退回");
        one.MapPost("/contacts", async (int id, ContactRequest r, Ctx c, CancellationToken ct)
                => await Endpoints.Done((Task)SuggestionWorkflow.RecordContactAsync(c.Db, await c.ActorAsync(ct), id, r.UnitId, r.Kind, r.FaceToFace, r.On, r.Notes, ct)))
            .WithName("Suggestions_RecordContact").WithSummary("承办单位记录与代表的联系沟通");
        one.MapPost("/co-views", async (int id, CoViewsRequest r, Ctx c, CancellationToken ct)
                => await Endpoints.Done(SuggestionWorkflow.SubmitCoViewsAsync(c.Db, await c.ActorAsync(ct), id, r.UnitId, r.Views ?? "", ct)))
            .WithName("Suggestions_SubmitCoViews").WithSummary("协办单位向主办单位提交书面协办意见");
        one.MapPost("/answers", async (int id, AnswerRequest r, Ctx c, CancellationToken ct)
                => await Endpoints.Done(SuggestionWorkflow.AnswerAsync(c.Db, c.Calendar, await c.ActorAsync(ct), id, r.UnitId,
                    new SuggestionWorkflow.AnswerInput(r.Category ?? "", r.Text ?? "", r.SignedBy ?? "", r.DocumentAttachmentId), ct)))
            .WithName("Suggestions_AnswerSuggestion").WithSummary("主办或分办单位正式答复代表（类别、内容、签发人、答复文件）");
        one.MapGet("/answers/{answerId:int}/letter.docx", async Task<FileContentHttpResult> (int id, int answerId, Ctx c, CancellationToken ct) =>
            {
                var (name, bytes) = await SuggestionDocuments.AnswerLetterAsync(c.Db, await c.ActorAsync(ct), id, answerId, ct);
                return TypedResults.File(bytes, Platform.Documents.WordDocument.ContentType, name);
            })
            .ProducesFile(Endpoints.Docx).WithName("Suggestions_DraftAnswerLetter").WithSummary("按答复内容起草承办单位的答复函（Word，供签发、盖章）");
        one.MapPost("/commitments", async (int id, CommitmentRequest r, Ctx c, CancellationToken ct)
                => await Endpoints.Done((Task)SuggestionWorkflow.AddCommitmentAsync(c.Db, await c.ActorAsync(ct), id, r.UnitId, r.Promise ?? "", r.DueOn, ct)))
            .WithName("Suggestions_AddCommitment").WithSummary("承办单位登记答复中的承诺事项及完成时限");
    }

    /// <summary>What the Council of Chairpersons and the staff do besides handling: key suggestions and the public portal.</summary>
    private static void MapSupervision(RouteGroupBuilder one)
    {
        one.MapPost("/key", async (int id, KeyRequest r, Ctx c, CancellationToken ct)
                => await Endpoints.Done(SuggestionWorkflow.DesignateKeyAsync(c.Db, await c.ActorAsync(ct), id, r.Leader ?? "", ct)))
            .WithName("Suggestions_DesignateKey").WithSummary("主任会议确定重点建议及领衔督办的负责同志");
        one.MapPost("/publish", async (int id, PublishRequest r, Ctx c, CancellationToken ct)
                => await Endpoints.Done(SuggestionWorkflow.PublishAsync(c.Db, await c.ActorAsync(ct), id, new(r.Title ?? "", r.Content ?? "", r.Answer), ct)))
            .WithName("Suggestions_PublishSuggestion").WithSummary("在公开平台公开建议及答复（自动隐去身份证号、电话号码）");
        one.MapPost("/unpublish", async (int id, Ctx c, CancellationToken ct) => await Endpoints.Done(SuggestionWorkflow.UnpublishAsync(c.Db, await c.ActorAsync(ct), id, ct)))
            .WithName("Suggestions_UnpublishSuggestion").WithSummary("撤回已公开的建议");
    }

    /// <summary>The request's services and actor, resolved once.</summary>
    public sealed class Ctx(RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user)
    {
        public RendaDbContext Db { get; } = db;
        public WorkCalendar Calendar { get; } = calendar;
        public Task<SuggestionActor> ActorAsync(CancellationToken ct) => SuggestionActor.ForAsync(Db, user.User, ct);
        public Task<SuggestionActor> ReaderAsync(CancellationToken ct) => SuggestionActor.ForReadingAsync(Db, user.User, ct);
    }

    private static SuggestionWorkflow.Draft Draft(CreateSuggestionRequest r)
        => new(r.Title ?? "", r.Content ?? "", r.Category ?? "", r.Period, r.CoSignerDeputyIds, r.Submit);

    private static List<SuggestionWorkflow.UnitChoice> Units(UnitChoiceRequest[]? units)
        => (units ?? []).Select(u => new SuggestionWorkflow.UnitChoice(u.UnitId, u.Role)).ToList();

    /// <summary>201 with the new suggestion; a repeated Idempotency-Key answers 200 with the one it created first.</summary>
    private static async Task<Results<Created<SuggestionDetail>, Ok<SuggestionDetail>>> Create(string code, CreateSuggestionRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, Ctx c, CurrentUserAccessor user, CancellationToken ct)
    {
        await CongressScope.RequireOwnAsync(c.Db, user.User, code, ct);
        var actor = await c.ActorAsync(ct);
        var (s, created) = await SuggestionWorkflow.CreateAsync(c.Db, c.Calendar, actor, Draft(request), idempotencyKey, ct);
        var detail = await SuggestionQueries.DetailAsync(c.Db, actor, s.Id, ct);
        return created ? TypedResults.Created($"/api/v1/suggestions/{s.Id}", detail) : TypedResults.Ok(detail);
    }

    private static async Task<Ok<Page<SuggestionListItem>>> List(string code, int? year, SuggestionStatus? status, int? unit, string? category, int? deputy, string? text, bool? key, string? sort,
        int? page, int? pageSize, Ctx c, CurrentUserAccessor user, SuggestionListCache lists, CancellationToken ct)
    {
        await CongressScope.RequireOwnAsync(c.Db, user.User, code, ct);
        var actor = await c.ReaderAsync(ct);
        return TypedResults.Ok(await lists.ListAsync(c.Db, actor, new SuggestionFilter(year, status, unit, category, deputy, text, key, sort), page, pageSize, ct));
    }
}
