using Renda.Web.Platform.Deadlines;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>The clocks of budget online supervision: the finance bureau's monthly data, and a warning's answer.</summary>
public static class BudgetClocks
{
    public const string DataSubject = "budget-month";
    public const string WarningSubject = "budget-warning";

    public static class Purposes
    {
        public static readonly ClockPurpose Data = new("data");
        public static readonly ClockPurpose Reply = new("reply");
    }

    /// <summary>The month's data (year-month) is due DataDueWorkingDays working days after the month ends.</summary>
    public static ClockSpec Data(BudgetSettings s, int year, int month) => new($"财政部门报送{year}年{month}月预算执行数据",
        $"每月结束后{s.DataDueWorkingDays}个工作日内报送当月预算指标和国库集中支付数据", s.DataBasis, PeriodUnit.WorkingDays, s.DataDueWorkingDays, Purposes.Data);

    public static ClockSpec Reply(BudgetSettings s, string title) => new(title.Length > 80 ? $"答复预警：{title[..80]}…" : $"答复预警：{title}",
        $"收到预警后{s.WarningReplyWorkingDays}个工作日内在系统中说明情况、反馈整改", s.ReplyBasis, PeriodUnit.WorkingDays, s.WarningReplyWorkingDays, Purposes.Reply);

    public static ClockSubject OfMonth(int year, int month) => new(DataSubject, $"{year:D4}-{month:D2}");
    public static ClockSubject Of(BudgetWarning w) => new(WarningSubject, w.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
