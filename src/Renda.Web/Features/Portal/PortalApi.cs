using Microsoft.AspNetCore.Http.HttpResults;
using Renda.Web.Platform.Attachments;

namespace Renda.Web.Features.Portal;

public sealed record ArticleRequest(ArticleSection? Section, AnnouncementKind? AnnouncementKind, string? Title, string? Summary, string? Body)
{
    public ArticleContent Checked() => ArticleContent.Check(Section, AnnouncementKind, Title, Summary, Body);
}

public sealed record UnpublishRequest(string? Reason);

/// <summary>The portal's API: staff write and publish articles; anyone reads the published ones and the publicity figures.</summary>
public static class PortalApi
{
    private const string Tag = "门户网站";

    public static void Map(RouteGroupBuilder api)
    {
        MapArticles(api.MapGroup("/portal/articles").RequireAuthorization().WithTags(Tag));
        MapPublic(api.MapGroup("/public/congresses/{code}").AllowAnonymous().WithTags("公开"));
    }

    private static void MapArticles(RouteGroupBuilder g)
    {
        g.MapGet("", async (NewsArticleStatus? status, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
                => TypedResults.Ok(await PortalQueries.ForStaffAsync(db, Actor(user), status, ct)))
            .WithName("Portal_ListArticles").WithSummary("本级门户网站的工作动态和公告（含草稿和已撤回的）");
        g.MapPost("", async Task<Created<ArticleView>> (ArticleRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
            {
                var actor = Actor(user);
                var a = await NewsArticleWorkflow.CreateAsync(db, actor, r.Checked(), ct);
                var view = await PortalQueries.ArticleAsync(db, await OwnCongressAsync(db, actor, ct), a.Id, actor, ct);
                return TypedResults.Created($"/api/v1/portal/articles/{a.Id}", view);
            })
            .WithName("Portal_CreateArticle").WithSummary("撰写工作动态或公告（保存为草稿）");
        g.MapGet("/{id:int}", async (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
            {
                var actor = Actor(user);
                actor.RequireEditor(actor.CongressId);
                return TypedResults.Ok(await PortalQueries.ArticleAsync(db, await OwnCongressAsync(db, actor, ct), id, actor, ct));
            })
            .WithName("Portal_GetArticle").WithSummary("一篇文章（任何状态，供工作人员预览）");
        g.MapPut("/{id:int}", (int id, ArticleRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
                => Endpoints.Done(NewsArticleWorkflow.EditAsync(db, Actor(user), id, r.Checked(), ct)))
            .WithName("Portal_EditArticle").WithSummary("修改文章");
        g.MapPost("/{id:int}/publish", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
                => Endpoints.Done(NewsArticleWorkflow.PublishAsync(db, Actor(user), id, ct)))
            .WithName("Portal_PublishArticle").WithSummary("发布文章（草稿或已撤回的）");
        g.MapPost("/{id:int}/unpublish", (int id, UnpublishRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
                => Endpoints.Done(NewsArticleWorkflow.UnpublishAsync(db, Actor(user), id, r.Reason, ct)))
            .WithName("Portal_UnpublishArticle").WithSummary("撤回已发布的文章（须说明理由）");
        g.MapPost("/{id:int}/files", async Task<Results<Created<AttachmentView>, ProblemHttpResult>> (int id, HttpRequest request, RendaDbContext db, AttachmentStore store, CurrentUserAccessor user, CancellationToken ct) =>
            {
                var (form, tooLarge) = await UploadedForm.ReadAsync(request, AttachmentStore.TooLargeMessage, ct);
                if (form is null) return tooLarge!;
                var file = form.Files.GetFile("file") ?? throw DomainException.Invalid("file", "请选择要上传的文件。");
                await using var content = file.OpenReadStream();
                var a = await NewsArticleWorkflow.AttachAsync(db, store, Actor(user), id, content, file.FileName, form["cover"] == "true", ct);
                return TypedResults.Created($"/api/v1/attachments/{a.Id}", AttachmentsApi.View(a));
            })
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").ProducesProblem(413)
            .WithName("Portal_AttachFile").WithSummary("为文章上传封面图片或附件（multipart：file，cover=true 作为封面）");
    }

    private static void MapPublic(RouteGroupBuilder g)
    {
        g.MapGet("/articles", async (string code, ArticleSection? section, int? page, int? pageSize, RendaDbContext db, CancellationToken ct)
                => TypedResults.Ok(await PortalQueries.PublishedAsync(db, await PortalQueries.CongressAsync(db, code, ct), section, page, pageSize, ct)))
            .WithName("Portal_ListPublishedArticles").WithSummary("已发布的工作动态和公告（公开）");
        g.MapGet("/articles/{id:int}", async (string code, int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
                => TypedResults.Ok(await PortalQueries.ArticleAsync(db, await PortalQueries.CongressAsync(db, code, ct), id, OptionalActor(user), ct)))
            .WithName("Portal_GetPublishedArticle").WithSummary("一篇已发布的文章（公开；未发布的对公众为 404）");
        g.MapGet("/publicity", async (string code, RendaDbContext db, CancellationToken ct)
                => TypedResults.Ok(await PortalQueries.PublicityAsync(db, await PortalQueries.CongressAsync(db, code, ct), ct)))
            .WithName("Portal_GetPublicityFigures").WithSummary("各年度已发布的工作动态和公告篇数（宣传报道统计）");
    }

    internal static PortalActor Actor(CurrentUserAccessor user) => new(user.User);

    /// <summary>The signed-in reader as an actor (staff may preview), or nobody for a citizen.</summary>
    internal static PortalActor? OptionalActor(CurrentUserAccessor user) => OptionalActor(user.User);

    internal static PortalActor? OptionalActor(CurrentUser user) => user.AccountId is not null && user.CongressId is not null ? new PortalActor(user) : null;

    private static Task<Platform.Organisations.Congress> OwnCongressAsync(RendaDbContext db, PortalActor actor, CancellationToken ct)
        => db.Congresses.AsNoTracking().FirstAsync(c => c.Id == actor.CongressId, ct);
}
