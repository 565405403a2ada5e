using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Portal;

/// <summary>Where an article appears on the public site: 工作动态 or 公告.</summary>
public enum ArticleSection { News = 1, Announcement = 2 }

/// <summary>What an announcement (公告) publishes; news items have none.</summary>
public enum AnnouncementKind { Regulation = 1, Appointment = 2, Resolution = 3, MeetingNotice = 4, Other = 5 }

/// <summary>Draft (staff only) → Published (public) → Unpublished (withdrawn, staff only) → Published again.</summary>
public enum NewsArticleStatus { Draft = 1, Published = 2, Unpublished = 3 }

/// <summary>The steps of an article (the rows of <see cref="NewsArticle.Machine"/>).</summary>
public enum NewsArticleAction { Edit = 1, Publish = 2, Unpublish = 3 }

/// <summary>
/// A news item (工作动态) or an announcement (公告) of a congress's public site, written by its staff. Only a published
/// article is public; its first publication day counts it in the year's publicity figures (宣传报道).
/// </summary>
public class NewsArticle
{
    public static readonly StateMachine<NewsArticleStatus, NewsArticleAction> Machine = new("该文章", PortalLabels.Of,
        Allow.Row(NewsArticleAction.Edit, "修改", ActorKinds.Staff, NewsArticleStatus.Draft, NewsArticleStatus.Published, NewsArticleStatus.Unpublished),
        Allow.Row(NewsArticleAction.Publish, "发布", ActorKinds.Staff, NewsArticleStatus.Draft, NewsArticleStatus.Unpublished),
        Allow.Row(NewsArticleAction.Unpublish, "撤回", ActorKinds.Staff, NewsArticleStatus.Published));

    public const int MaxTitle = 120;
    public const int MaxSummary = 300;
    public const int MaxBody = 50_000;

    public int Id { get; set; }
    public int CongressId { get; set; }
    public ArticleSection Section { get; private set; }
    public AnnouncementKind? AnnouncementKind { get; private set; }
    [MaxLength(MaxTitle)] public string Title { get; private set; } = "";
    [MaxLength(MaxSummary)] public string Summary { get; private set; } = "";
    /// <summary>The text as written (paragraphs, "## " headings, "- " lists, **bold**, links): rendered by <see cref="ArticleText"/>, never stored as HTML.</summary>
    [MaxLength(MaxBody)] public string Body { get; private set; } = "";
    /// <summary>An image attachment of this article shown at its head and in link previews.</summary>
    public int? CoverAttachmentId { get; private set; }
    public NewsArticleStatus Status { get; private set; } = NewsArticleStatus.Draft;
    /// <summary>The day it was first published: the date shown and the year it counts in. Kept when it is withdrawn and published again.</summary>
    public DateOnly? PublishedOn { get; private set; }
    public DateTime? UnpublishedAt { get; private set; }
    [MaxLength(300)] public string? UnpublishReason { get; private set; }
    public int? AuthorAccountId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; private set; }

    public bool Can(NewsArticleAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    public static NewsArticle Draft(int congressId, ArticleContent content, int? author, DateTime now)
    {
        var a = new NewsArticle { CongressId = congressId, AuthorAccountId = author, CreatedAt = now };
        a.Write(content, now);
        return a;
    }

    public void Edit(ArticleContent content, DateTime now)
    {
        Machine.Require(Status, NewsArticleAction.Edit);
        Write(content, now);
    }

    private void Write(ArticleContent c, DateTime now)
    {
        Section = c.Section;
        AnnouncementKind = c.Section == ArticleSection.Announcement ? c.AnnouncementKind : null;
        Title = c.Title;
        Summary = c.Summary;
        Body = c.Body;
        UpdatedAt = now;
    }

    public void SetCover(int? attachmentId, DateTime now)
    {
        Machine.Require(Status, NewsArticleAction.Edit);
        CoverAttachmentId = attachmentId;
        UpdatedAt = now;
    }

    /// <summary>Publishes a draft, or publishes again what was withdrawn (keeping its first publication day).</summary>
    public void Publish(DateOnly today, DateTime now)
    {
        Machine.Require(Status, NewsArticleAction.Publish);
        PublishedOn ??= today;
        UnpublishedAt = null;
        UnpublishReason = null;
        Status = NewsArticleStatus.Published;
        UpdatedAt = now;
    }

    public void Unpublish(string reason, DateTime now)
    {
        Machine.Require(Status, NewsArticleAction.Unpublish);
        UnpublishedAt = now;
        UnpublishReason = reason;
        Status = NewsArticleStatus.Unpublished;
        UpdatedAt = now;
    }
}

/// <summary>What staff write: checked by <see cref="Check"/> (every field named in its refusal) before an article holds it.</summary>
public sealed record ArticleContent(ArticleSection Section, AnnouncementKind? AnnouncementKind, string Title, string Summary, string Body)
{
    public static ArticleContent Check(ArticleSection? section, AnnouncementKind? kind, string? title, string? summary, string? body)
    {
        if (section is not { } s || !Enum.IsDefined(s)) throw DomainException.Invalid("section", "请选择栏目：工作动态或公告。");
        if (s == ArticleSection.Announcement && (kind is not { } k || !Enum.IsDefined(k)))
            throw DomainException.Invalid("announcementKind", "公告须选择类别：法规公布、人事任免、决议决定、会议通知或其他。");
        var t = Required("title", title, "标题", NewsArticle.MaxTitle);
        var sm = Required("summary", summary, "摘要", NewsArticle.MaxSummary);
        var b = Required("body", body, "正文", NewsArticle.MaxBody);
        if (ArticleText.HasMarkup(t)) throw DomainException.Invalid("title", "标题不能包含 HTML 标记。");
        if (ArticleText.HasMarkup(sm)) throw DomainException.Invalid("summary", "摘要不能包含 HTML 标记。");
        if (ArticleText.HasMarkup(b)) throw DomainException.Invalid("body", "正文不能包含 HTML 标记或脚本：请用空行分段，“## ”开头为小标题，“- ”开头为列表，**加粗**，[文字](https://链接)。");
        return new ArticleContent(s, s == ArticleSection.Announcement ? kind : null, t, sm, b);
    }

    private static string Required(string field, string? value, string label, int max)
    {
        var v = value?.Trim() ?? "";
        if (v.Length == 0) throw DomainException.Invalid(field, $"请填写{label}。");
        if (v.Length > max) throw DomainException.Invalid(field, $"{label}不能超过 {max} 字（现有 {v.Length} 字）。");
        return v;
    }
}
