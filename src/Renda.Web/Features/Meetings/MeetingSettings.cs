using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Meetings;

/// <summary>
/// The configurable periods of the meetings module, per congress (DOMAIN.md "configurable"): the defaults are the statutory ones,
/// an administrator changes them where a local rule differs. A change applies to notices, nominations and oath clocks from then on.
/// </summary>
public class MeetingSettings : CongressSettings
{
    /// <summary>
    /// The notice of a meeting reaches the members this many days before it, or a reason for short notice is recorded:
    /// 地方各级人民代表大会和地方各级人民政府组织法第五十一条；常委会议事规则（会议举行七日前通知）.
    /// </summary>
    [Range(1, 30, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int NoticeDays { get; set; } = 7;

    /// <summary>
    /// A nomination (提请任免) reaches the committee this many days before the meeting, or the reason it is late is recorded:
    /// 地方组织法第五十条；人事任免条例（提请任免应当在常委会会议举行十日前提出）.
    /// </summary>
    [Range(1, 30, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int NominationDays { get; set; } = 10;

    /// <summary>
    /// An oath organised by the organ the person serves in is taken within this many working days of the appointment:
    /// 全国人民代表大会常务委员会关于实行宪法宣誓制度的决定（2018年修订）and the local implementing measures (各地实施办法: 15 个工作日).
    /// </summary>
    [Range(1, 60, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int OathOtherOrganWorkingDays { get; set; } = 15;

    // Each clock's legal basis (issue #20): the national law by default; the congress's own regulation where its administrator names it.
    [Required(ErrorMessage = BasisRequired), MaxLength(BasisMaxLength, ErrorMessage = BasisTooLong)] public string OathBasis { get; set; } = "全国人民代表大会常务委员会关于实行宪法宣誓制度的决定（2018年修订）；期限按本级实施办法";

    public override void Check()
    {
        CheckBasis("oathBasis", OathBasis);
    }
}
