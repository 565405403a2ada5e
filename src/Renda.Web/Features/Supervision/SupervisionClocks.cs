using System.Globalization;
using Renda.Web.Platform.Deadlines;

namespace Renda.Web.Features.Supervision;

/// <summary>
/// The clocks of a work report in one place (DOMAIN.md §5), with periods from the congress's <see cref="SupervisionSettings"/>, so the
/// workflow, the vote on an approval and the demo history start exactly the same ones.
/// </summary>
public static class SupervisionClocks
{
    public const string FollowUpSource = "监督法第十七条";

    /// <summary>What each clock of a report is for.</summary>
    public static class Purposes
    {
        public static readonly ClockPurpose LeadCommittee = new("lead:committee");
        public static readonly ClockPurpose LeadStandingCommittee = new("lead:standing-committee");
        public static readonly ClockPurpose LeadMembers = new("lead:members");
        public static readonly ClockPurpose Opinions = new("opinions");
        public static readonly ClockPurpose Handling = new("handling");
        public static readonly ClockPurpose Rectification = new("rectification");
        public static readonly ClockPurpose FollowUp = new("follow-up");
        public static readonly ClockPurpose Resolution = new("resolution");

        public static readonly ClockPurpose[] Lead = [LeadCommittee, LeadStandingCommittee, LeadMembers];
    }

    /// <summary>One of the three lead times of 第十五条: the report is due somewhere N days before the meeting.</summary>
    public sealed record LeadStage(ClockPurpose Purpose, int Days, string What);

    public static IReadOnlyList<LeadStage> LeadStages(SupervisionSettings st) =>
    [
        new(Purposes.LeadCommittee, st.CommitteeLeadDays, "报告送交有关专门委员会或常委会工作机构"),
        new(Purposes.LeadStandingCommittee, st.StandingCommitteeLeadDays, "报告送交常委会办事机构"),
        new(Purposes.LeadMembers, st.MembersLeadDays, "报告印发常委会组成人员"),
    ];

    /// <summary>Due by the N-th day before the meeting, moved back to a working day (started on the meeting's first day).</summary>
    public static ClockSpec Lead(SupervisionSettings st, LeadStage stage, string title) => new($"{stage.What}：{Short(title)}",
        $"专项工作报告应当在常委会会议举行{stage.Days}日前{stage.What}（遇节假日提前至此前最后一个工作日）", st.LeadBasis, PeriodUnit.CalendarDaysBefore, stage.Days, stage.Purpose);

    /// <summary>Who answers for a lead stage: the organ sends the report to the committee; the committee sends it on.</summary>
    public static ClockOwner LeadOwner(LeadStage stage, WorkReport r)
        => stage.Purpose == Purposes.LeadCommittee ? ClockOwner.Unit(r.OrganId) : new ClockOwner(CommitteeId: r.CommitteeId);

    public static ClockSpec Opinions(SupervisionSettings st, string title) => new($"送交审议意见：{Short(title)}",
        $"常委会组成人员的审议意见应当在会议闭会后{st.OpinionsSendDays}日内送交报告机关", st.OpinionsBasis, PeriodUnit.CalendarDays, st.OpinionsSendDays, Purposes.Opinions);

    public static ClockSpec Rectification(SupervisionSettings st, string title) => new($"审计查出问题整改情况报告：{Short(title)}",
        $"审计查出问题的整改情况应当在审计工作报告审议后{st.AuditRectificationMonths}个月内向常委会报告", st.AuditBasis, PeriodUnit.Months, st.AuditRectificationMonths, Purposes.Rectification);

    public static ClockSpec Handling(SupervisionSettings st, string title) => new($"书面报告审议意见研究处理情况：{Short(title)}",
        $"报告机关应当在收到审议意见后{st.HandlingReportMonths}个月内书面报告研究处理情况", st.OpinionsBasis, PeriodUnit.Months, st.HandlingReportMonths, Purposes.Handling);

    /// <summary>跟踪监督: the committee sets the day of the further report.</summary>
    public static ClockSpec FollowUp(string title, int days) => new($"跟踪监督落实情况报告：{Short(title)}",
        "常委会对研究处理情况不满意的，报告机关应当在规定期限内再次报告落实情况（跟踪监督）", FollowUpSource, PeriodUnit.CalendarDays, days, Purposes.FollowUp);

    /// <summary>A resolution on a report sets its own deadline.</summary>
    public static ClockSpec Resolution(string itemTitle, int days) => new($"落实常委会决议：{itemTitle}",
        "常委会就专项工作报告作出决议的，报告机关应当在决议规定的期限内报告执行情况", FollowUpSource, PeriodUnit.CalendarDays, days, Purposes.Resolution);

    public static ClockSubject Subject(WorkReport r) => Subject(r.Id);
    public static ClockSubject Subject(int reportId) => new(WorkReport.Subject, reportId.ToString(CultureInfo.InvariantCulture));

    public static Deadline Start(RendaDbContext db, WorkCalendar calendar, WorkReport r, ClockSpec clock, DateOnly from, ClockOwner owner)
        => Deadlines.Start(db, calendar, new ClockStart(r.CongressId, Subject(r), clock, from, owner));

    /// <summary>Completes the report's running clocks of these purposes (in the same save as the step).</summary>
    public static async Task CompleteAsync(RendaDbContext db, int reportId, CancellationToken ct, params ClockPurpose[] purposes)
    {
        var subject = Subject(reportId);
        foreach (var d in await Deadlines.RunningForAsync(db, subject.Type, subject.Id, ct))
            if (purposes.Any(p => p.Matches(d.Purpose))) Deadlines.Complete(db, d);
    }

    private static string Short(string s) => s.Length > 120 ? s[..120] : s;
}
