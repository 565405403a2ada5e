namespace Renda.Web.Platform.Web.Shell;

/// <summary>
/// The left menu, by module. A module adds its entries here when it lands; an entry shows only to
/// the roles that can use it.
/// </summary>
public static class Menu
{
    public sealed record Entry(string Label, string Href, Func<CurrentUser, bool> Visible);
    public sealed record Section(string Label, IReadOnlyList<Entry> Entries);

    private static bool Any(CurrentUser u) => u.IsAuthenticated;
    private static bool Staff(CurrentUser u) => u.Has(Role.CommitteeStaff) || u.Has(Role.ChairpersonsCouncilMember);

    /// <summary>An officer of a filing organ (一府一委两院 of the congress): a department files through its government, not itself.</summary>
    private static bool FilingOrgan(CurrentUser u) => u.Has(Role.HandlingUnitOfficer) && u.HandlingUnitKinds.Any(k => k is Organisations.HandlingUnitKind.Government
        or Organisations.HandlingUnitKind.SupervisoryCommission or Organisations.HandlingUnitKind.Court or Organisations.HandlingUnitKind.Procuratorate);

    public static readonly IReadOnlyList<Section> Sections =
    [
        new("工作台", [new("首页", "/", Any), new("消息", "/inbox", Any), new("期限提醒", "/deadlines", u => Staff(u) || u.Has(Role.HandlingUnitOfficer))]),
        new("代表建议", [
            new("提出建议", "/suggestions/new", u => u.Has(Role.Deputy)),
            new("我的建议", "/suggestions/mine", u => u.Has(Role.Deputy)),
            new("建议办理", "/suggestions", u => Staff(u)),
            new("本单位承办", "/suggestions/unit", u => u.Has(Role.HandlingUnitOfficer)),
            new("承诺事项台账", "/suggestions/commitments", u => Staff(u) || u.Has(Role.HandlingUnitOfficer)),
            new("办理统计", "/suggestions/statistics", u => Staff(u)),
        ]),
        new("会议与表决", [
            new("会议表决", "/votes", u => u.Has(Role.StandingCommitteeMember) || u.Has(Role.ChairpersonsCouncilMember)),
            new("常委会会议", "/meetings", u => Staff(u) || u.Has(Role.StandingCommitteeMember)),
            new("决议决定", "/resolutions", u => Staff(u) || u.Has(Role.StandingCommitteeMember)),
            new("人事任免", "/appointments", u => Staff(u)),
            new("宪法宣誓", "/oaths", u => Staff(u)),
            new("民生实事票决", "/livelihood", u => Staff(u) || u.Has(Role.Deputy) || u.Has(Role.HandlingUnitOfficer)),
        ]),
        new("立法工作", [
            new("立法计划", "/legislation/plan", u => Staff(u) || u.Has(Role.StandingCommitteeMember)),
            new("法规草案", "/legislation/bills", u => Staff(u) || u.Has(Role.StandingCommitteeMember)),
            new("征求意见", "/legislation/comments", u => Staff(u)),
            new("基层立法联系点", "/legislation/contact-points", u => Staff(u)),
            new("审查批准", "/legislation/approvals", u => Staff(u) || u.Has(Role.StandingCommitteeMember)),
            new("立法统计", "/legislation/statistics", u => Staff(u)),
        ]),
        new("备案审查", [
            new("报送备案", "/filings/new", FilingOrgan),
            new("本机关报备", "/filings/mine", u => FilingOrgan(u) || u.Has(Role.CommitteeStaff)),
            new("备案文件", "/filings", u => Staff(u)),
            new("审查建议", "/filings/suggestions", u => Staff(u)),
            new("专项审查和清理", "/filings/campaigns", u => Staff(u)),
            new("年度目录和漏报", "/filings/catalogues", u => Staff(u)),
            new("备案审查年度报告", "/filings/report", u => Staff(u)),
        ]),
        new("监督工作", [
            new("监督计划", "/supervision/plan", u => Staff(u) || u.Has(Role.StandingCommitteeMember)),
            new("工作报告", "/supervision/reports", u => Staff(u) || u.Has(Role.StandingCommitteeMember) || u.Has(Role.HandlingUnitOfficer)),
            new("执法检查", "/supervision/inspections", u => Staff(u) || u.Has(Role.StandingCommitteeMember)),
            new("专题询问", "/supervision/inquiries", u => Staff(u) || u.Has(Role.StandingCommitteeMember)),
            new("调研视察", "/supervision/surveys", u => Staff(u) || u.Has(Role.StandingCommitteeMember)),
            new("质询", "/supervision/interpellations", u => Staff(u) || u.Has(Role.StandingCommitteeMember) || u.Has(Role.HandlingUnitOfficer)),
            new("任后监督测评", "/supervision/appraisals", u => Staff(u) || u.Has(Role.StandingCommitteeMember)),
            new("监督统计", "/supervision/statistics", u => Staff(u)),
        ]),
        new("预算联网监督", [
            new("数据导入", "/budget/import", u => u.Has(Role.CommitteeStaff)),
            new("预警管理", "/budget/warnings", u => u.Has(Role.CommitteeStaff)),
            new("预警规则", "/budget/rules", u => u.Has(Role.CommitteeStaff)),
            new("预警统计", "/budget/warnings/statistics", u => u.Has(Role.CommitteeStaff)),
            new("本单位预警", "/budget/warnings/unit", u => u.Has(Role.HandlingUnitOfficer)),
            new("执行分析", "/budget", u => Staff(u) || u.Has(Role.StandingCommitteeMember) || u.Has(Role.HandlingUnitOfficer)),
            new("支付明细", "/budget/payments", u => Staff(u) || u.Has(Role.HandlingUnitOfficer)),
            new("代表查询", "/budget/service", u => Staff(u) || u.Has(Role.Deputy) || u.Has(Role.StandingCommitteeMember)),
        ]),
        new("法规数据库", [new("法律法规检索", "/laws", Any)]),
        new("代表工作", [
            new("我的履职", "/deputies/me", u => u.Has(Role.Deputy)),
            new("我的履职档案", "/deputies/me/archive", u => u.Has(Role.Deputy)),
            new("我的接待日", "/deputies/my-receptions", u => u.Has(Role.Deputy)),
            new("本单位转办意见", "/deputies/opinions/referred", u => u.Has(Role.HandlingUnitOfficer)),
            new("代表名册", "/deputies", u => Staff(u) || u.Has(Role.SystemAdministrator)),
            new("导入代表", "/deputies/import", u => u.Has(Role.CommitteeStaff)),
            new("联络站", "/deputies/stations", u => Staff(u)),
            new("接待日", "/deputies/receptions", u => Staff(u)),
            new("群众意见", "/deputies/opinions", u => Staff(u)),
            new("履职培训", "/deputies/trainings", u => Staff(u)),
            new("代表论坛", "/deputies/forums", u => Staff(u)),
            new("六联系", "/deputies/contacts", u => Staff(u)),
            new("四级代表视察", "/deputies/joint-inspections", u => Staff(u)),
            new("履职积分", "/deputies/points", u => Staff(u)),
            new("档案更正申请", "/deputies/corrections", u => Staff(u)),
            new("代表述职", "/deputies/duty-reports", u => Staff(u)),
            new("站点统计", "/deputies/statistics/stations", u => Staff(u)),
            new("活动统计", "/deputies/statistics/activities", u => Staff(u)),
            new("档案统计", "/deputies/statistics/archive", u => Staff(u)),
        ]),
        new("门户网站", [new("工作动态和公告", "/portal/articles", u => u.Has(Role.CommitteeStaff)), new("全站检索索引", "/portal/search-health", u => u.Has(Role.CommitteeStaff) || u.Has(Role.SystemAdministrator))]),
        new("组织机构", [new("人大与常委会", "/organisations", Any), new("承办单位", "/organisations/units", u => !u.Has(Role.Deputy) || Staff(u))]),
        new("统计与报告", [new("本级及下级统计", "/statistics", u => Staff(u))]),
        new("系统管理", [
            new("账号管理", "/admin/accounts", u => u.Has(Role.SystemAdministrator) || u.Has(Role.SecurityAdministrator)),
            new("安全策略", "/admin/security-policy", u => u.Has(Role.SecurityAdministrator)),
            new("工作日历", "/admin/calendar", u => u.Has(Role.SystemAdministrator)),
            new("建议办理规则", "/admin/suggestion-settings", u => u.Has(Role.SystemAdministrator)),
            new("备案审查期限", "/admin/filing-settings", u => u.Has(Role.SystemAdministrator)),
            new("监督工作规则", "/admin/supervision-settings", u => u.Has(Role.SystemAdministrator)),
            new("立法工作规则", "/admin/legislation-settings", u => u.Has(Role.SystemAdministrator)),
            new("会议期限规则", "/admin/meeting-settings", u => u.Has(Role.SystemAdministrator)),
            new("代表工作规则", "/admin/deputy-settings", u => u.Has(Role.SystemAdministrator)),
            new("六联系类别", "/admin/contact-kinds", u => u.Has(Role.SystemAdministrator)),
            new("积分规则", "/admin/duty-points", u => u.Has(Role.SystemAdministrator)),
            new("预算联网监督规则", "/admin/budget-settings", u => u.Has(Role.SystemAdministrator)),
            new("审计日志", "/audit", u => u.Has(Role.AuditAdministrator)),
        ]),
    ];
}
