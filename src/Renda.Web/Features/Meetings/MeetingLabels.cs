namespace Renda.Web.Features.Meetings;

/// <summary>Chinese labels of the module's enums, for pages, documents and error messages.</summary>
public static class MeetingLabels
{
    public static string Of(MeetingStatus s) => s switch
    {
        MeetingStatus.Scheduled => "已安排",
        MeetingStatus.Notified => "已通知",
        MeetingStatus.InSession => "会议中",
        MeetingStatus.Closed => "已闭会",
        MeetingStatus.Cancelled => "已取消",
    };

    public static string Of(AgendaItemKind k) => k switch
    {
        AgendaItemKind.BillReading => "法规案审议",
        AgendaItemKind.WorkReport => "工作报告",
        AgendaItemKind.Appointment => "人事任免",
        AgendaItemKind.Resolution => "决议决定",
        AgendaItemKind.RegulationApproval => "批准下级法规",
        AgendaItemKind.FilingReview => "备案审查",
        AgendaItemKind.Other => "其他",
    };

    public static string Of(AgendaOutcome o) => o switch
    {
        AgendaOutcome.Pending => "待审议",
        AgendaOutcome.Adopted => "通过",
        AgendaOutcome.Rejected => "未通过",
        AgendaOutcome.Deliberated => "已审议",
        AgendaOutcome.Withdrawn => "撤回",
    };

    public static string Of(AttendanceStatus s) => s switch
    {
        AttendanceStatus.Present => "出席",
        AttendanceStatus.OnLeave => "请假",
        AttendanceStatus.Absent => "缺席",
    };

    public static string Of(AttendeeKind k) => k switch
    {
        AttendeeKind.OrganHead => "“一府一委两院”负责人",
        AttendeeKind.InvitedDeputy => "应邀列席代表",
        AttendeeKind.Other => "其他列席人员",
    };

    public static string Of(VoteStatus s) => s switch
    {
        VoteStatus.Prepared => "待表决",
        VoteStatus.Open => "表决中",
        VoteStatus.Closed => "已结束",
        VoteStatus.Cancelled => "已取消",
    };

    public static string Of(VoteKind k) => k switch
    {
        VoteKind.Whole => "整体表决",
        VoteKind.Clause => "分项表决",
        VoteKind.Appointment => "任免表决",
    };

    public static string Of(BallotChoice c) => c switch
    {
        BallotChoice.Yes => "赞成",
        BallotChoice.No => "反对",
        BallotChoice.Abstain => "弃权",
    };

    public static string Of(MemberVoteResult r) => r switch
    {
        MemberVoteResult.Yes => "赞成",
        MemberVoteResult.No => "反对",
        MemberVoteResult.Abstain => "弃权",
        MemberVoteResult.PresentNotVoting => "出席未按表决器",
        MemberVoteResult.Absent => "未出席",
        MemberVoteResult.Voted => "已投票（无记名）",
    };

    public static string Of(ResolutionKind k) => k switch
    {
        ResolutionKind.Resolution => "决议",
        ResolutionKind.Decision => "决定",
    };

    public static string Of(ResolutionStatus s) => s switch
    {
        ResolutionStatus.Draft => "草案",
        ResolutionStatus.Adopted => "已通过",
        ResolutionStatus.Rejected => "未通过",
        ResolutionStatus.Withdrawn => "已撤回",
    };

    public static string Of(FollowUpStatus s) => s switch
    {
        FollowUpStatus.Open => "落实中",
        FollowUpStatus.Done => "已办结",
    };

    public static string Of(AppointmentKind k) => k switch
    {
        AppointmentKind.Election => "选举",
        AppointmentKind.Appointment => "任命",
        AppointmentKind.Removal => "免职",
        AppointmentKind.Dismissal => "撤职",
        AppointmentKind.AcceptResignation => "接受辞职",
    };

    public static string Of(AppointmentStatus s) => s switch
    {
        AppointmentStatus.Nominated => "已提请",
        AppointmentStatus.Approved => "已通过",
        AppointmentStatus.Rejected => "未通过",
        AppointmentStatus.Withdrawn => "已撤回",
    };

    public static string Of(OathOrganiser o) => o switch
    {
        OathOrganiser.StandingCommittee => "常委会组织（本次会议）",
        OathOrganiser.OtherOrgan => "任职机关组织（15个工作日内）",
    };

    public static string Of(OathKind k) => k switch
    {
        OathKind.Individual => "单独宣誓",
        OathKind.Collective => "集体宣誓",
    };

    public static string Of(LivelihoodBallotStatus s) => s switch
    {
        LivelihoodBallotStatus.Draft => "候选项目征集",
        LivelihoodBallotStatus.Open => "投票中",
        LivelihoodBallotStatus.Closed => "已票决",
    };

    public static string Of(TieRule r) => r switch
    {
        TieRule.SubmissionOrder => "得票相同按政府提交顺序",
        TieRule.LowerBudget => "得票相同按预算较少优先",
        TieRule.Runoff => "得票相同另行投票",
    };

    public static string Of(Satisfaction e) => e switch
    {
        Satisfaction.Satisfied => "满意",
        Satisfaction.BasicallySatisfied => "基本满意",
        Satisfaction.Dissatisfied => "不满意",
    };
}
