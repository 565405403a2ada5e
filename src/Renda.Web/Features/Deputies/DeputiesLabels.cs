namespace Renda.Web.Features.Deputies;

/// <summary>Chinese labels of stations, receptions and constituents' opinions; every switch covers every value.</summary>
public static class DeputiesLabels
{
    /// <summary>The categories an opinion is filed under (as the suggestions' default list, so one becomes the other).</summary>
    public static readonly IReadOnlyList<string> OpinionCategories = ["经济发展", "城乡建设", "教育", "医疗卫生", "生态环境", "农业农村", "社会保障", "民族宗教", "政法", "其他"];

    public static string Of(StationKind k) => k switch
    {
        StationKind.Station => "代表联络站",
        StationKind.Home => "代表之家",
        StationKind.Point => "代表联络点",
    };

    public static string Of(ReceptionKind k) => k switch
    {
        ReceptionKind.Deputies => "代表接待日",
        ReceptionKind.Chairpersons => "主任接待日",
    };

    public static string Of(ReceptionStatus s) => s switch
    {
        ReceptionStatus.Published => "已公告",
        ReceptionStatus.Held => "已接待",
        ReceptionStatus.Cancelled => "已取消",
    };

    public static string Of(OpinionSource s) => s switch
    {
        OpinionSource.Reception => "接待日登记",
        OpinionSource.Online => "网上留言",
    };

    public static string Of(OpinionRoute r) => r switch
    {
        OpinionRoute.OnTheSpot => "当场答复",
        OpinionRoute.Township => "属地办理",
        OpinionRoute.Referral => "转交承办单位",
        OpinionRoute.Suggestion => "转为代表建议",
    };

    public static string Of(OpinionStatus s) => s switch
    {
        OpinionStatus.Received => "待处理",
        OpinionStatus.WithTownship => "属地办理中",
        OpinionStatus.Referred => "承办单位办理中",
        OpinionStatus.Suggested => "已转为代表建议",
        OpinionStatus.Answered => "已答复待反馈",
        OpinionStatus.FeedbackGiven => "已反馈待测评",
        OpinionStatus.Closed => "已办结",
    };

    public static string Of(Satisfaction s) => s switch
    {
        Satisfaction.Satisfied => "满意",
        Satisfaction.BasicallySatisfied => "基本满意",
        Satisfaction.Dissatisfied => "不满意",
    };

    public static string Of(OpinionRoute? r) => r is { } v ? Of(v) : "未分流";
}
