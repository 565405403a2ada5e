using System.ComponentModel.DataAnnotations;
using Renda.Web.Platform.Modules;

namespace Renda.Web.Features.Supervision;

/// <summary>
/// The configurable rules of DOMAIN.md §5, per congress. Lead times are 监督法第十五条 (fixed by law, shown for reference but kept
/// configurable where a local rule is stricter); opinions within 7 days and the handling report in 3 months are local practice
/// (浙江、河南); audit rectification within 6 months is 第二十七条.
/// </summary>
public class SupervisionSettings : CongressSettings
{
    [Range(1, 60, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int CommitteeLeadDays { get; set; } = 20;
    [Range(1, 60, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int StandingCommitteeLeadDays { get; set; } = 10;
    [Range(1, 60, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int MembersLeadDays { get; set; } = 7;
    [Range(1, 60, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int OpinionsSendDays { get; set; } = 7;
    [Range(1, 12, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int HandlingReportMonths { get; set; } = 3;
    [Range(1, 12, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int AuditRectificationMonths { get; set; } = 6;
    /// <summary>The appraisal choices, best first, separated by '|'.</summary>
    [MaxLength(200)] public string AppraisalChoices { get; set; } = DefaultAppraisalChoices;

    public const string DefaultAppraisalChoices = "满意|基本满意|不满意";

    public IReadOnlyList<string> AppraisalChoiceList => (AppraisalChoices ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override void Check()
    {
        CheckBasis("leadBasis", LeadBasis);
        CheckBasis("opinionsBasis", OpinionsBasis);
        CheckBasis("auditBasis", AuditBasis);
        var choices = AppraisalChoiceList;
        if (choices.Count < 2 || choices.Any(c => c.Length > 20) || choices.Distinct().Count() != choices.Count)
            throw Platform.Web.DomainException.Invalid("appraisalChoices", "测评等次至少两项、不能重复，每项不超过 20 字。");
        if (!(CommitteeLeadDays >= StandingCommitteeLeadDays && StandingCommitteeLeadDays >= MembersLeadDays))
            throw Platform.Web.DomainException.Invalid("standingCommitteeLeadDays", "送专门委员会、送常委会、印发组成人员的提前天数应依次不增。");
    }

    // Each clock's legal basis (issue #20): the national law by default; the congress's own regulation where its administrator names it.
    [Required(ErrorMessage = BasisRequired), MaxLength(BasisMaxLength, ErrorMessage = BasisTooLong)] public string LeadBasis { get; set; } = "监督法第十五条";
    [Required(ErrorMessage = BasisRequired), MaxLength(BasisMaxLength, ErrorMessage = BasisTooLong)] public string OpinionsBasis { get; set; } = "监督法第十七条；期限按本级人大常委会规定";
    [Required(ErrorMessage = BasisRequired), MaxLength(BasisMaxLength, ErrorMessage = BasisTooLong)] public string AuditBasis { get; set; } = "监督法第二十七条";
}
