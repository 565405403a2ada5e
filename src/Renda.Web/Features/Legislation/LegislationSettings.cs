using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Legislation;

/// <summary>
/// The configurable rules of the legislation work, per congress (DOMAIN.md "configurable"): the periods of the 立法法 (public
/// comment at least 30 days, 第四十条; filing within 30 days of promulgation, 第一百零九条; approval within four months,
/// 第八十一条) and the public comment form's limits (local practice).
/// </summary>
public class LegislationSettings : CongressSettings
{
    /// <summary>Shortest public comment period without a recorded reason (立法法 第四十条: 一般不少于三十日).</summary>
    [Range(1, 90, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int CommentMinDays { get; set; } = 30;
    /// <summary>Days after promulgation within which the regulation is filed with the congress above (立法法 第一百零九条).</summary>
    [Range(1, 90, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int FilingDays { get; set; } = 30;
    /// <summary>Months within which the province reviews and approves a prefecture's regulation (立法法 第八十一条).</summary>
    [Range(1, 12, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int ApprovalMonths { get; set; } = 4;
    /// <summary>Comments accepted from one address within an hour on the public page; more are refused.</summary>
    [Range(1, 1000, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int CommentsPerAddressPerHour { get; set; } = 5;
    /// <summary>Longest comment, in characters (the column holds 2000).</summary>
    [Range(50, 2000, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int CommentMaxLength { get; set; } = 2000;

    // Each clock's legal basis (issue #20): the national law by default; the congress's own regulation where its administrator names it.
    [Required(ErrorMessage = BasisRequired), MaxLength(BasisMaxLength, ErrorMessage = BasisTooLong)] public string FilingBasis { get; set; } = "立法法 第一百零九条";
    [Required(ErrorMessage = BasisRequired), MaxLength(BasisMaxLength, ErrorMessage = BasisTooLong)] public string ApprovalBasis { get; set; } = "立法法 第八十一条";

    public override void Check()
    {
        CheckBasis("filingBasis", FilingBasis);
        CheckBasis("approvalBasis", ApprovalBasis);
    }
}
