namespace Renda.Web.Platform.Audit;

/// <summary>
/// The audit trail in Chinese (issue #20 item 4). The chain stores English codes — roles, entity types, actions — because they
/// are hashed into it and must never change; they are translated here, at display, in one table: the audit page and anything
/// that shows or exports records use these labels. An unknown code is shown as "其他记录" rather than as the code.
/// </summary>
public static class AuditLabels
{
    public static string Roles(string? roles) => string.IsNullOrEmpty(roles) ? "" : string.Join("、",
        roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => Enum.TryParse<Role>(r, out var role) && Enum.IsDefined(role) ? role.Label() : "其他角色"));

    public static string Action(string action) => Actions.GetValueOrDefault(action, "其他操作");

    /// <summary>"账号 3": the record's kind in Chinese and its key (a number or code, not a word).</summary>
    public static string Entity(string entityType, string? entityId) => entityId is null ? EntityType(entityType) : $"{EntityType(entityType)} {entityId}";

    public static string EntityType(string entityType) => EntityTypes.GetValueOrDefault(entityType, "其他记录");

    /// <summary>What a filter typed in Chinese ("登录", "代表建议") means as a stored code; a code is kept as typed.</summary>
    public static string? ActionCode(string? typed) => Code(Actions, typed);
    public static string? EntityTypeCode(string? typed) => Code(EntityTypes, typed);

    private static string? Code(Dictionary<string, string> labels, string? typed)
        => string.IsNullOrWhiteSpace(typed) ? typed : labels.FirstOrDefault(l => l.Value == typed.Trim()).Key ?? typed.Trim();

    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        ["create"] = "新建", ["update"] = "修改", ["delete"] = "删除", ["transition"] = "状态变更",
        ["login"] = "登录", ["login-failed"] = "登录失败", ["logout"] = "退出登录", ["logout-idle"] = "超时退出", ["account-locked"] = "账号锁定",
        ["password-changed"] = "修改密码", ["token-issued"] = "签发接口令牌", ["export"] = "导出", ["verify"] = "校验审计链",
    };

    /// <summary>Entity types by their stored name (the EF entity's class name, or the name an event was recorded under).</summary>
    private static readonly Dictionary<string, string> EntityTypes = new(StringComparer.Ordinal)
    {
        // Platform
        ["Account"] = "账号", ["ApiToken"] = "接口令牌", ["Attachment"] = "附件", ["AuditRecord"] = "审计记录", ["AuditTrail"] = "审计日志",
        ["CalendarDay"] = "日历日", ["CalendarYear"] = "年度日历", ["Committee"] = "委员会", ["Congress"] = "人大", ["Deadline"] = "期限",
        ["Delegation"] = "代表团", ["Deputy"] = "代表", ["DeputyGroup"] = "代表小组", ["DutyRecord"] = "履职记录", ["HandlingUnit"] = "承办单位",
        ["LoginAttempt"] = "登录尝试", ["LoginSession"] = "登录会话", ["Notification"] = "通知", ["PasswordHistoryEntry"] = "历史密码",
        ["Person"] = "人员", ["SecurityPolicy"] = "安全策略", ["StandingCommitteeMember"] = "常委会组成人员", ["Term"] = "届次",
        // Suggestions
        ["Suggestion"] = "代表建议", ["SuggestionAnswer"] = "建议答复", ["SuggestionAssignment"] = "建议交办", ["SuggestionContact"] = "联系代表记录",
        ["SuggestionEvent"] = "建议办理记录", ["SuggestionRating"] = "答复评价", ["SuggestionSigner"] = "附议代表", ["SuggestionSettings"] = "代表建议办理规则",
        ["SuggestionLedger"] = "代表建议台账", ["Commitment"] = "承诺事项", ["CommitmentProgress"] = "承诺事项进展",
        // Meetings
        ["Meeting"] = "会议", ["AgendaItem"] = "会议议题", ["MeetingAttendance"] = "出席记录", ["MeetingAttendee"] = "列席人员", ["MeetingSettings"] = "会议规则",
        ["Vote"] = "表决", ["VoteBallot"] = "表决票", ["VoteMember"] = "表决人员", ["SecretBallotPaper"] = "无记名选票", ["Appointment"] = "任免事项",
        ["Oath"] = "宪法宣誓", ["OathTaker"] = "宣誓人", ["Resolution"] = "决议决定", ["ResolutionTask"] = "决议落实事项",
        ["LivelihoodProject"] = "民生实事项目", ["LivelihoodProjectBallot"] = "民生实事票决", ["LivelihoodBallotPaper"] = "民生实事选票",
        ["LivelihoodBallotReceipt"] = "投票记录", ["LivelihoodEvaluation"] = "民生实事测评", ["LivelihoodProgress"] = "民生实事进展",
        // Legislation and laws
        ["Bill"] = "法规草案", ["BillVersion"] = "草案文本", ["BillReading"] = "审议", ["BillComment"] = "草案意见", ["BillCommentDeputy"] = "提出意见的代表",
        ["CommentPeriod"] = "征求意见", ["CommentPeriodPoint"] = "征求意见的联系点", ["ComparisonReason"] = "修改理由", ["Approval"] = "报请批准",
        ["FilingHandover"] = "报送备案", ["LegislationSettings"] = "立法工作规则", ["LegislativeContactPoint"] = "基层立法联系点",
        ["ContactPointDeputy"] = "联系点代表", ["PlanProject"] = "立法计划项目", ["Law"] = "法律法规", ["NewsArticle"] = "新闻公告",
        // Filings
        ["Filing"] = "备案文件", ["FilingCatalogue"] = "备案目录", ["CatalogueEntry"] = "目录条目", ["FilingReport"] = "备案审查工作报告",
        ["FilingSettings"] = "备案审查规则", ["Review"] = "备案审查", ["ReviewCampaign"] = "专项审查", ["CampaignDocument"] = "专项审查文件",
        ["ReviewCommunication"] = "审查沟通", ["ReviewFinding"] = "审查意见", ["ReviewSuggestion"] = "审查建议",
        // Supervision
        ["SupervisionPlan"] = "监督工作计划", ["PlanTopic"] = "监督议题", ["WorkReport"] = "工作报告", ["SupervisionSettings"] = "监督工作规则",
        ["LawEnforcementInspection"] = "执法检查", ["InspectionTeamMember"] = "检查组成员", ["SpecialInquiry"] = "专题询问", ["InquiryQuestion"] = "询问问题",
        ["Interpellation"] = "质询", ["InterpellationProposer"] = "质询提议人", ["Survey"] = "专题调研", ["SurveyDeputy"] = "调研代表",
        ["PostAppointmentReview"] = "任后监督测评", ["AppraisalPaper"] = "测评票", ["AppraisalReceipt"] = "测评记录",
        // Budget
        ["BudgetBatch"] = "预算数据批次", ["BudgetClassification"] = "预算科目", ["BudgetExecutionMonthly"] = "月度执行数据",
        ["BudgetExecutionUnitDaily"] = "单位日执行数据", ["BudgetExecutionUnitMonthly"] = "单位月执行数据", ["BudgetIndicator"] = "预算指标",
        ["BudgetProject"] = "预算项目", ["BudgetSettings"] = "预算联网监督规则", ["BudgetUnit"] = "预算单位", ["BudgetWarning"] = "预算预警",
        ["BudgetWarningCitation"] = "预警依据", ["BudgetWarningEvidence"] = "预警证据", ["BudgetWarningReply"] = "预警答复", ["BudgetWarnings"] = "预算预警",
        ["BudgetAnalysis"] = "预算分析", ["DebtRepayment"] = "债务还本付息", ["GovernmentDebt"] = "政府债务", ["TreasuryPayment"] = "国库集中支付",
        ["WarningRule"] = "预警规则",
        // Deputies
        ["ConstituentOpinion"] = "群众意见", ["ContactRecord"] = "联系群众记录", ["DeputySettings"] = "代表工作规则", ["DutyCorrectionRequest"] = "履职记录更正申请",
        ["DutyPointWeight"] = "履职积分权重", ["DutyReport"] = "述职报告", ["Forum"] = "座谈会", ["ForumOpinion"] = "座谈意见", ["ForumParticipant"] = "座谈参加人",
        ["JointInspection"] = "联合视察", ["JointInspectionDeputy"] = "视察代表", ["LiaisonStation"] = "代表联络站", ["ReceptionAttendee"] = "接待代表",
        ["ReceptionDay"] = "接待日", ["StationDeputy"] = "进站代表", ["StationFunding"] = "联络站经费", ["Training"] = "代表培训", ["TrainingTrainee"] = "培训学员",
    };
}
