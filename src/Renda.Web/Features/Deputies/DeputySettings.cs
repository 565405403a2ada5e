using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Deputies;

/// <summary>
/// The configurable rules of deputies' work per congress (DOMAIN.md §7). Defaults follow the public station rules cited in
/// issue 18: reception notice three days ahead, each deputy receives constituents at least twice a year, a referred opinion
/// answered within 15 working days.
/// </summary>
public class DeputySettings : CongressSettings
{
    /// <summary>A reception day is published at least this many days before it takes place.</summary>
    [Range(0, 30, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int ReceptionNoticeDays { get; set; } = 3;
    /// <summary>A constituent's opinion referred to a handling unit is answered within this many working days.</summary>
    [Range(1, 90, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int ReferralReplyWorkingDays { get; set; } = 15;
    /// <summary>Each deputy receives constituents at least this many times a year; fewer gets a reminder.</summary>
    [Range(0, 52, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int ReceptionsPerDeputyPerYear { get; set; } = 2;
    /// <summary>Opinions accepted through the public form from one network address within an hour.</summary>
    [Range(1, 1000, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int OpinionsPerAddressPerHour { get; set; } = 5;
    /// <summary>From the first day of this month on, deputies below ReceptionsPerDeputyPerYear are reminded (default 10: from 10-01, a quarter left).</summary>
    [Range(1, 12, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int ReceptionReminderMonth { get; set; } = 10;

    // Each clock's legal basis (issue #20): the national law by default; the congress's own regulation where its administrator names it.
    [Required(ErrorMessage = BasisRequired), MaxLength(BasisMaxLength, ErrorMessage = BasisTooLong)] public string ReceptionBasis { get; set; } = "代表法 第四条第六项；期限按本级人大常委会规定";

    public override void Check()
    {
        CheckBasis("receptionBasis", ReceptionBasis);
    }
}
