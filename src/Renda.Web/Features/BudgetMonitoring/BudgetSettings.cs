using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>
/// The configurable periods of budget online supervision per congress (issue 17). The warning rules' thresholds are per rule
/// (WarningRule), not here.
/// </summary>
public class BudgetSettings : CongressSettings
{
    /// <summary>The finance bureau's data for a month is due within this many working days after the month ends.</summary>
    [Range(1, 30, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int DataDueWorkingDays { get; set; } = 7;
    /// <summary>A warning sent to the government is answered within this many working days (上海预算审查监督条例 第二十一条 practice).</summary>
    [Range(1, 60, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int WarningReplyWorkingDays { get; set; } = 10;
    /// <summary>The finance bureau as a handling unit: it receives warnings about a budget unit that has no officers of its own.</summary>
    public int? FinanceBureauUnitId { get; set; }
    /// <summary>The largest upload accepted, in megabytes.</summary>
    [Range(1, 500, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int MaxUploadMegabytes { get; set; } = 100;

    // Each clock's legal basis (issue #20): the national law by default; the congress's own regulation where its administrator names it.
    [Required(ErrorMessage = BasisRequired), MaxLength(BasisMaxLength, ErrorMessage = BasisTooLong)] public string DataBasis { get; set; } = "监督法 第三十条；全国人大常委会办公厅关于推进地方人大预算联网监督工作的指导意见（2017）";
    [Required(ErrorMessage = BasisRequired), MaxLength(BasisMaxLength, ErrorMessage = BasisTooLong)] public string ReplyBasis { get; set; } = "监督法 第三十条；期限按本级人大常委会规定";

    public override void Check()
    {
        CheckBasis("dataBasis", DataBasis);
        CheckBasis("replyBasis", ReplyBasis);
    }
}
