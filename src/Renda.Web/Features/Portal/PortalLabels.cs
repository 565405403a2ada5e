namespace Renda.Web.Features.Portal;

/// <summary>Chinese labels of the module's enums; every switch covers every value.</summary>
public static class PortalLabels
{
    public static string Of(NewsArticleStatus s) => s switch
    {
        NewsArticleStatus.Draft => "草稿",
        NewsArticleStatus.Published => "已发布",
        NewsArticleStatus.Unpublished => "已撤回",
    };

    public static string Of(ArticleSection s) => s switch
    {
        ArticleSection.News => "工作动态",
        ArticleSection.Announcement => "公告",
    };

    public static string Of(AnnouncementKind k) => k switch
    {
        AnnouncementKind.Regulation => "法规公布",
        AnnouncementKind.Appointment => "人事任免",
        AnnouncementKind.Resolution => "决议决定",
        AnnouncementKind.MeetingNotice => "会议通知",
        AnnouncementKind.Other => "其他",
    };

    /// <summary>The public address segment of a section: /p/{code}/news/…, /p/{code}/announcements/….</summary>
    public static string Segment(ArticleSection s) => s switch
    {
        ArticleSection.News => "news",
        ArticleSection.Announcement => "announcements",
    };

    public static string Of(SubscriptionStatus s) => s switch
    {
        SubscriptionStatus.Requested => "待确认",
        SubscriptionStatus.Confirmed => "已订阅",
        SubscriptionStatus.Ended => "已退订",
    };

    public static string Badge(NewsArticleStatus s) => s switch
    {
        NewsArticleStatus.Draft => "text-bg-secondary",
        NewsArticleStatus.Published => "text-bg-success",
        NewsArticleStatus.Unpublished => "text-bg-warning",
    };
}
