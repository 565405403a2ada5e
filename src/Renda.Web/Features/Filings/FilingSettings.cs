using System.ComponentModel.DataAnnotations;
using Renda.Web.Platform.Modules;

namespace Renda.Web.Features.Filings;

/// <summary>
/// The configurable periods of DOMAIN.md §4, per congress. Defaults are the national law and the Beijing practice cited
/// there; an administrator changes them (e.g. Beijing: review opinion answered within 30 days instead of 2 months).
/// </summary>
public class FilingSettings : CongressSettings
{
    /// <summary>Formal check, return, referral of a misaddressed filing (北京 第十一—十三条).</summary>
    [Range(1, 60, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int FormalCheckDays { get; set; } = 10;
    [Range(1, 60, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int ResubmitDays { get; set; } = 10;
    /// <summary>Passed to the committees (北京 第二十二条).</summary>
    [Range(1, 30, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int PassWorkingDays { get; set; } = 5;
    [Range(1, 90, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int CommitteeViewDays { get; set; } = 30;
    [Range(1, 12, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int ReviewMonths { get; set; } = 3;
    [Range(1, 12, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int ReviewExtensionMonths { get; set; } = 3;
    /// <summary>立法法 第一百一十二条: 2 months; Beijing 30 days — expressed in days here (60 by default).</summary>
    [Range(1, 180, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int OpinionReplyDays { get; set; } = 60;
    /// <summary>An incomplete suggestion: proposer told within 5 working days (第二十四条).</summary>
    [Range(1, 30, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int SuggestionIncompleteWorkingDays { get; set; } = 5;
    /// <summary>Not taken up: told within 10 days (第二十五条).</summary>
    [Range(1, 60, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int SuggestionNotTakenUpDays { get; set; } = 10;
    /// <summary>Review suggestions accepted through the public form from one network address within an hour; more are refused.</summary>
    [Range(1, 1000, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int SuggestionsPerAddressPerHour { get; set; } = 5;

    public override void Check()
    {
        CheckBasis("intakeBasis", IntakeBasis);
        CheckBasis("reviewBasis", ReviewBasis);
        CheckBasis("committeeViewBasis", CommitteeViewBasis);
        CheckBasis("opinionBasis", OpinionBasis);
        CheckBasis("feedbackBasis", FeedbackBasis);
        if (FormalCheckDays < 1 || OpinionReplyDays < 1) throw DomainException.Invalid("formalCheckDays", "期限须为正数。");
    }

    // Each clock's legal basis (issue #20): the national law by default; the congress's own regulation where its administrator names it.
    [Required(ErrorMessage = BasisRequired), MaxLength(BasisMaxLength, ErrorMessage = BasisTooLong)] public string IntakeBasis { get; set; } = "监督法 第三十九条；期限按本级人大常委会规定";
    [Required(ErrorMessage = BasisRequired), MaxLength(BasisMaxLength, ErrorMessage = BasisTooLong)] public string ReviewBasis { get; set; } = "监督法 第三十九、四十条；立法法 第一百一十至一百一十三条";
    [Required(ErrorMessage = BasisRequired), MaxLength(BasisMaxLength, ErrorMessage = BasisTooLong)] public string CommitteeViewBasis { get; set; } = "监督法 第三十九条；期限按本级人大常委会规定";
    [Required(ErrorMessage = BasisRequired), MaxLength(BasisMaxLength, ErrorMessage = BasisTooLong)] public string OpinionBasis { get; set; } = "立法法 第一百一十二条";
    [Required(ErrorMessage = BasisRequired), MaxLength(BasisMaxLength, ErrorMessage = BasisTooLong)] public string FeedbackBasis { get; set; } = "立法法 第一百一十三条；期限按本级人大常委会规定";
}
