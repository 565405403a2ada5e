using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Attachments;

namespace Renda.Web.Features.Portal.Pages;

/// <summary>
/// /portal/articles/edit/{id?} — write an article (a new one is saved as a draft), upload its cover image and files, publish,
/// withdraw with a reason, publish again. Every form is checked on the server, each refusal names its field.
/// </summary>
public class EditorModel(RendaDbContext db, AttachmentStore store) : PortalPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public ArticleSection? Section { get; set; }
    [BindProperty] public AnnouncementKind? AnnouncementKind { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public bool AsCover { get; set; }
    public ArticleView? Article { get; private set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        if (Id is not { } id) return;
        var congress = await Db.Congresses.AsNoTracking().FirstAsync(c => c.Id == Actor.CongressId, ct);
        Article = await PortalQueries.ArticleAsync(Db, congress, id, Actor, ct);
        // A refused form shows what was typed; a fresh page shows what is stored.
        if (Request.Method != HttpMethods.Post)
        {
            (Section, AnnouncementKind, Title, Summary, Body) = (Article.Section, Article.AnnouncementKind, Article.Title, Article.Summary, Article.Body);
        }
    }

    private string Here(int id) => $"/portal/articles/edit/{id}";

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var newId = Id;
        return await StepAsync(async a =>
        {
            var content = ArticleContent.Check(Section, AnnouncementKind, Title, Summary, Body);
            if (Id is { } id) await NewsArticleWorkflow.EditAsync(Db, a, id, content, ct);
            else newId = (await NewsArticleWorkflow.CreateAsync(Db, a, content, ct)).Id;
        }, Id is null ? "已保存为草稿。" : "已保存。", () => Here(newId!.Value), ct);
    }

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
        => StepAsync(a => NewsArticleWorkflow.PublishAsync(Db, a, Id ?? 0, ct), "已发布，公众可以看到。", () => Here(Id!.Value), ct);

    public Task<IActionResult> OnPostUnpublishAsync(CancellationToken ct)
        => StepAsync(a => NewsArticleWorkflow.UnpublishAsync(Db, a, Id ?? 0, Reason, ct), "已撤回，公众不再能看到。", () => Here(Id!.Value), ct);

    public Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
        => StepAsync(async a =>
        {
            if (Upload is null) throw DomainException.Invalid("file", "请选择要上传的文件。");
            await using var content = Upload.OpenReadStream();
            await NewsArticleWorkflow.AttachAsync(Db, store, a, Id ?? 0, content, Upload.FileName, AsCover, ct);
        }, AsCover ? "封面图片已上传。" : "附件已上传。", () => Here(Id!.Value), ct);
}
