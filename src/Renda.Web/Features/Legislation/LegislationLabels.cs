namespace Renda.Web.Features.Legislation;

/// <summary>Chinese labels of the module's states and kinds: one switch per enum, covering every value.</summary>
public static class LegislationLabels
{
    public static string Of(BillKind k) => k switch
    {
        BillKind.New => "制定",
        BillKind.Amendment => "修改",
        BillKind.Repeal => "废止",
    };

    public static string Of(BillStatus s) => s switch
    {
        BillStatus.Drafting => "起草中",
        BillStatus.UnderReview => "审议中",
        BillStatus.Adopted => "已通过",
        BillStatus.Rejected => "未通过",
        BillStatus.AwaitingApproval => "报请批准中",
        BillStatus.Approved => "已批准",
        BillStatus.Promulgated => "已公布",
        BillStatus.Terminated => "已终止审议",
    };

    public static string Of(ReadingStage s) => s switch
    {
        ReadingStage.First => "一审",
        ReadingStage.Second => "二审",
        ReadingStage.Third => "三审",
    };

    public static string Of(PlanCategory c) => c switch
    {
        PlanCategory.Formal => "正式项目",
        PlanCategory.Preparatory => "预备项目",
        PlanCategory.Research => "调研项目",
    };

    public static string Of(PlanProjectStatus s) => s switch
    {
        PlanProjectStatus.Planned => "未启动",
        PlanProjectStatus.InProgress => "推进中",
        PlanProjectStatus.Done => "已完成",
        PlanProjectStatus.Postponed => "已延后",
    };

    public static string Of(CommentSource s) => s switch
    {
        CommentSource.Citizen => "社会公众",
        CommentSource.Deputy => "人大代表",
        CommentSource.ContactPoint => "基层立法联系点",
        CommentSource.Expert => "专家",
    };

    public static string Of(CommentHandling h) => h switch
    {
        CommentHandling.Pending => "待研究",
        CommentHandling.Sorted => "已整理",
        CommentHandling.Adopted => "采纳",
        CommentHandling.PartlyAdopted => "部分采纳",
        CommentHandling.NotAdopted => "未采纳",
    };

    public static string Of(CommentPeriodStatus s) => s switch
    {
        CommentPeriodStatus.Open => "征求意见中",
        CommentPeriodStatus.Closed => "已截止",
        CommentPeriodStatus.SummaryPublished => "已公布采纳情况",
    };

    public static string Of(ApprovalStatus s) => s switch
    {
        ApprovalStatus.Submitted => "已报送",
        ApprovalStatus.Reviewed => "已审查",
        ApprovalStatus.OnAgenda => "已提请会议审议",
        ApprovalStatus.Approved => "已批准",
        ApprovalStatus.Refused => "未批准",
    };

    public static string Of(ChangeKind k) => k switch
    {
        ChangeKind.Unchanged => "未修改",
        ChangeKind.Changed => "修改",
        ChangeKind.Inserted => "新增",
        ChangeKind.Deleted => "删除",
        ChangeKind.Moved => "移动",
    };

    /// <summary>"修改 3 条，新增 1 条，删除 0 条，移动 0 条" over the articles; changed division headings (章节标题) counted apart.</summary>
    public static string ChangeSummary(IReadOnlyList<ComparisonRow> rows)
    {
        var articles = rows.Where(r => !r.Division).ToList();
        var headings = rows.Count(r => r.Division && r.Kind != ChangeKind.Unchanged);
        return $"修改 {articles.Count(r => r.Kind == ChangeKind.Changed)} 条，新增 {articles.Count(r => r.Kind == ChangeKind.Inserted)} 条，删除 {articles.Count(r => r.Kind == ChangeKind.Deleted)} 条，"
            + $"移动 {articles.Count(r => r.Kind == ChangeKind.Moved)} 条" + (headings > 0 ? $"；章节标题变动 {headings} 处" : "");
    }
}
