using Renda.Web.Platform.Attachments;

namespace Renda.Web.Features.Portal;

/// <summary>The steps of an article: load, ask the article to change, save (the save pipeline audits every change).</summary>
public static class NewsArticleWorkflow
{
    /// <summary>The owner type of an article's attachments (cover image, files).</summary>
    public const string Subject = "NewsArticle";

    public static async Task<NewsArticle> CreateAsync(RendaDbContext db, PortalActor actor, ArticleContent content, CancellationToken ct)
    {
        actor.RequireEditor(actor.CongressId);
        var article = NewsArticle.Draft(actor.CongressId, content, actor.AccountId, db.Clock.GetUtcNow().UtcDateTime);
        db.Add(article);
        await db.SaveChangesAsync(ct);
        return article;
    }

    public static async Task EditAsync(RendaDbContext db, PortalActor actor, int id, ArticleContent content, CancellationToken ct)
    {
        var article = await LoadAsync(db, actor, id, ct);
        article.Edit(content, db.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    public static async Task PublishAsync(RendaDbContext db, PortalActor actor, int id, CancellationToken ct)
    {
        var article = await LoadAsync(db, actor, id, ct);
        article.Publish(WorkCalendar.Today(db.Clock), db.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    public static async Task UnpublishAsync(RendaDbContext db, PortalActor actor, int id, string? reason, CancellationToken ct)
    {
        var article = await LoadAsync(db, actor, id, ct);
        var r = reason?.Trim() ?? "";
        if (r.Length == 0) throw DomainException.Invalid("reason", "请填写撤回的理由。");
        if (r.Length > 300) throw DomainException.Invalid("reason", "撤回的理由不能超过 300 字。");
        article.Unpublish(r, db.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Stores an uploaded file as the article's attachment; an image may become its cover.</summary>
    public static async Task<Attachment> AttachAsync(RendaDbContext db, AttachmentStore store, PortalActor actor, int id, Stream content, string fileName, bool asCover, CancellationToken ct)
    {
        var article = await LoadAsync(db, actor, id, ct);
        NewsArticle.Machine.Require(article.Status, NewsArticleAction.Edit);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var attachment = await store.SaveAsync(content, fileName, article.CongressId, Subject, article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), actor.AccountId, ct);
        if (asCover)
        {
            if (!attachment.ContentType.StartsWith("image/", StringComparison.Ordinal))
                throw DomainException.Invalid("file", "封面须为图片（PNG、JPEG、GIF 或 WebP）。");
            article.SetCover(attachment.Id, db.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return attachment;
    }

    private static async Task<NewsArticle> LoadAsync(RendaDbContext db, PortalActor actor, int id, CancellationToken ct)
    {
        var article = await db.Set<NewsArticle>().FirstOrDefaultAsync(a => a.Id == id, ct);
        // Another congress's article does not exist as far as this user is concerned.
        if (article is null || article.CongressId != actor.CongressId) throw DomainException.NotFound("没有这篇文章。");
        actor.RequireEditor(article.CongressId);
        return article;
    }
}
