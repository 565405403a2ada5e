namespace Renda.Web.Features.Filings;

/// <summary>Chinese labels of the module's enums; every switch covers every value.</summary>
public static class FilingLabels
{
    public static string Of(FilerType t) => t switch
    {
        FilerType.Government => "人民政府",
        FilerType.SupervisoryCommission => "监察委员会",
        FilerType.Court => "人民法院",
        FilerType.Procuratorate => "人民检察院",
        FilerType.LowerCongress => "下一级人大常委会",
    };

    public static string Of(DocumentKind k) => k switch
    {
        DocumentKind.Regulation => "法规",
        DocumentKind.Rule => "规章",
        DocumentKind.Decision => "决定",
        DocumentKind.Resolution => "决议",
        DocumentKind.Order => "命令",
        DocumentKind.Other => "其他规范性文件",
    };

    public static string Of(FilingStatus s) => s switch
    {
        FilingStatus.Submitted => "待形式审查",
        FilingStatus.Returned => "退回补正",
        FilingStatus.Referred => "已移交",
        FilingStatus.Received => "已登记",
        FilingStatus.UnderReview => "审查中",
        FilingStatus.ProblemFound => "存在问题纠正中",
        FilingStatus.Archived => "已归档",
        FilingStatus.Annulled => "已撤销",
    };

    public static string Of(ReviewMode m) => m switch
    {
        ReviewMode.Active => "主动审查",
        ReviewMode.Request => "依申请审查（审查要求）",
        ReviewMode.Suggestion => "依审查建议审查",
        ReviewMode.Special => "专项审查",
        ReviewMode.Joint => "联合审查",
    };

    public static string Of(ReviewStatus s) => s switch
    {
        ReviewStatus.Registered => "待移交专门委员会",
        ReviewStatus.InReview => "审查中",
        ReviewStatus.Communicating => "沟通纠正中",
        ReviewStatus.OpinionIssued => "已发审查意见",
        ReviewStatus.Escalated => "已提请主任会议",
        ReviewStatus.Closed => "已结束",
        ReviewStatus.Referred => "已移送",
    };

    public static string Of(ReviewOutcome o) => o switch
    {
        ReviewOutcome.NoProblem => "未发现问题",
        ReviewOutcome.CorrectionPlan => "制定机关提出纠正计划",
        ReviewOutcome.Corrected => "已修改纠正",
        ReviewOutcome.Repealed => "已废止",
        ReviewOutcome.Annulled => "常委会决定撤销",
    };

    public static string Of(ReviewStandard s) => s switch
    {
        ReviewStandard.Constitutionality => "合宪性",
        ReviewStandard.Political => "政治性",
        ReviewStandard.Legality => "合法性",
        ReviewStandard.Appropriateness => "适当性",
    };

    public static string Of(CommunicationKind k) => k switch
    {
        CommunicationKind.Communication => "沟通",
        CommunicationKind.CommitteeView => "专门委员会意见",
        CommunicationKind.CorrectionPlan => "纠正计划",
        CommunicationKind.Opinion => "书面审查意见",
        CommunicationKind.Reply => "制定机关回复",
        CommunicationKind.Correction => "纠正核实",
        CommunicationKind.Escalation => "提请主任会议",
    };

    public static string Of(ReviewSuggestionStatus s) => s switch
    {
        ReviewSuggestionStatus.Received => "已收到",
        ReviewSuggestionStatus.Incomplete => "材料不全，已告知补充",
        ReviewSuggestionStatus.NotTakenUp => "不予审查，已告知",
        ReviewSuggestionStatus.TakenUp => "审查中",
        ReviewSuggestionStatus.Answered => "已反馈审查结果",
    };

    public static string Of(CampaignKind k) => k switch
    {
        CampaignKind.SpecialReview => "专项审查",
        CampaignKind.Cleanup => "专项清理",
    };

    public static string Of(CampaignStatus s) => s switch
    {
        CampaignStatus.Open => "进行中",
        CampaignStatus.Closed => "已结束",
    };

    public static string Of(CampaignResult r) => r switch
    {
        CampaignResult.Pending => "待处理",
        CampaignResult.Keep => "保留",
        CampaignResult.Amend => "修改",
        CampaignResult.Repeal => "废止",
    };
}
