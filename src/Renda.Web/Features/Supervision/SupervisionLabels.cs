namespace Renda.Web.Features.Supervision;

public static class SupervisionLabels
{
    public static string Of(WorkReportKind k) => k switch
    {
        WorkReportKind.Special => "专项工作报告",
        WorkReportKind.PlanExecution => "计划执行情况报告",
        WorkReportKind.BudgetExecution => "预算执行情况报告",
        WorkReportKind.FinalAccounts => "决算报告",
        WorkReportKind.BudgetAdjustment => "预算调整方案",
        WorkReportKind.StateAssets => "国有资产管理情况报告",
        WorkReportKind.GovernmentDebt => "政府债务管理情况报告",
        WorkReportKind.Audit => "审计工作报告",
        WorkReportKind.AuditRectification => "审计查出问题整改情况报告",
        WorkReportKind.InspectionReport => "执法检查报告",
    };

    public static string Of(WorkReportStatus s) => s switch
    {
        WorkReportStatus.Planned => "已列入计划",
        WorkReportStatus.Submitted => "已提交报告",
        WorkReportStatus.Distributed => "已印发组成人员",
        WorkReportStatus.Heard => "已审议",
        WorkReportStatus.OpinionsSent => "审议意见已送交",
        WorkReportStatus.HandlingReported => "已报告研究处理情况",
        WorkReportStatus.FollowingUp => "跟踪监督中",
        WorkReportStatus.Closed => "已办结",
    };

    public static string Of(HandlingJudgement j) => j switch
    {
        HandlingJudgement.Satisfactory => "满意，办结",
        HandlingJudgement.FollowUpRequired => "继续跟踪监督",
    };

    public static string Of(SupervisionKind k) => k switch
    {
        SupervisionKind.WorkReport => "专项工作报告",
        SupervisionKind.FinanceReport => "计划预算报告",
        SupervisionKind.Inspection => "执法检查",
        SupervisionKind.Survey => "专题调研",
        SupervisionKind.Inquiry => "专题询问",
        SupervisionKind.DeputyInspection => "代表视察",
        SupervisionKind.PostAppointment => "任后监督",
    };

    public static string Of(TopicSource s) => s switch
    {
        TopicSource.CommitteeDecision => "常委会确定",
        TopicSource.InspectionFindings => "执法检查发现的问题",
        TopicSource.DeputySuggestions => "代表建议集中反映",
        TopicSource.Petitions => "人民来信来访",
        TopicSource.PublicConcern => "社会普遍关注",
        TopicSource.PartyCommittee => "党委交办",
        TopicSource.Other => "其他",
    };

    public static string Of(InspectionStatus s) => s switch
    {
        InspectionStatus.Planned => "已安排",
        InspectionStatus.UnderWay => "检查中",
        InspectionStatus.Reported => "已形成报告",
    };

    public static string Of(TeamRole r) => r switch
    {
        TeamRole.Leader => "组长",
        TeamRole.Member => "常委会组成人员",
        TeamRole.Deputy => "人大代表",
        TeamRole.Expert => "专家",
    };

    public static string Of(SurveyKind k) => k switch
    {
        SurveyKind.Survey => "专题调研",
        SurveyKind.DeputyInspection => "代表视察",
    };

    public static string Of(InterpellationStatus s) => s switch
    {
        InterpellationStatus.Filed => "已提出",
        InterpellationStatus.Answered => "已答复",
        InterpellationStatus.SecondAnswerRequired => "须再作答复",
        InterpellationStatus.Closed => "已办结",
    };

    public static string Of(PlanStatus s) => s switch
    {
        PlanStatus.Draft => "草案",
        PlanStatus.Published => "已发布",
    };

    public static string Of(PostAppointmentReviewStatus s) => s switch
    {
        PostAppointmentReviewStatus.Reporting => "履职报告",
        PostAppointmentReviewStatus.Appraising => "测评中",
        PostAppointmentReviewStatus.Closed => "已结束",
    };
}
