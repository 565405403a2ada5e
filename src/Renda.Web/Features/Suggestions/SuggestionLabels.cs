namespace Renda.Web.Features.Suggestions;

public static class SuggestionLabels
{
    public static string Of(SuggestionStatus s) => s switch
    {
        SuggestionStatus.Draft => "草稿",
        SuggestionStatus.Submitted => "已提交待审查",
        SuggestionStatus.Accepted => "已受理待交办",
        SuggestionStatus.Returned => "已退回代表",
        SuggestionStatus.Merged => "已并案",
        SuggestionStatus.Assigned => "办理中",
        SuggestionStatus.UnitReturned => "承办单位退回待重新交办",
        SuggestionStatus.Answered => "已答复待评价",
        SuggestionStatus.Rehandling => "重新办理中",
        SuggestionStatus.Closed => "已办结",
    };

    public static string Of(InadmissibleReason r) => r switch
    {
        InadmissibleReason.PersonalMatter => "涉及代表本人及其亲属个人事务",
        InadmissibleReason.LegalConsultation => "属于法律咨询或宣传",
        InadmissibleReason.ForwardedLetter => "转交来信",
        InadmissibleReason.Petition => "属于信访或申诉事项",
        InadmissibleReason.PendingLitigation => "涉及正在诉讼中的案件",
        InadmissibleReason.OngoingTender => "涉及正在进行的招投标",
        InadmissibleReason.ConflictOfInterest => "涉及利益冲突",
        InadmissibleReason.NotSpecific => "内容不够明确具体",
    };

    public static string Of(SubmissionPeriod p) => p switch
    {
        SubmissionPeriod.BetweenSessions => "闭会期间",
        SubmissionPeriod.DuringSession => "大会期间",
    };

    public static string Of(HandlingMode m) => m switch
    {
        HandlingMode.LeadAndCo => "主办、协办",
        HandlingMode.Separately => "分别办理",
    };

    public static string Of(AssignmentRole r) => r switch
    {
        AssignmentRole.Lead => "主办",
        AssignmentRole.Co => "协办",
        AssignmentRole.Separate => "分办",
    };

    public static string Of(AssignmentStatus s) => s switch
    {
        AssignmentStatus.Handling => "办理中",
        AssignmentStatus.Returned => "已退回",
        AssignmentStatus.Answered => "已答复",
    };

    public static string Of(ContactKind k) => k switch
    {
        ContactKind.Phone => "电话",
        ContactKind.Visit => "走访",
        ContactKind.Meeting => "座谈",
        ContactKind.Other => "其他",
    };

    public static string Of(Satisfaction s) => s switch
    {
        Satisfaction.Satisfied => "满意",
        Satisfaction.BasicallySatisfied => "基本满意",
        Satisfaction.Dissatisfied => "不满意",
    };

    public static string Of(CoSignerStatus s) => s switch
    {
        CoSignerStatus.Invited => "待确认",
        CoSignerStatus.Confirmed => "已附议",
        CoSignerStatus.Declined => "已拒绝",
    };

    public static string Of(CommitmentStatus s) => s switch
    {
        CommitmentStatus.Open => "落实中",
        CommitmentStatus.Done => "已落实",
    };
}
