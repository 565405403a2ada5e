using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Supervision;

/// <summary>专题询问 (第四十七—五十条), usually on a report heard at the same meeting.</summary>
public class SpecialInquiry
{
    public const string Subject = "SpecialInquiry";
    public int Id { get; set; }
    public int CongressId { get; set; }
    public int Year { get; set; }
    public int? TopicId { get; set; }
    [MaxLength(300)] public required string Title { get; set; }
    public int? MeetingId { get; set; }
    public int? WorkReportId { get; set; }
    public DateOnly HeldOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<InquiryQuestion> Questions { get; set; } = [];
}

public class InquiryQuestion
{
    public int Id { get; set; }
    public int InquiryId { get; set; }
    /// <summary>The asker's name as read out: a member, a deputy, or someone invited who holds no mandate.</summary>
    [MaxLength(50)] public required string Asker { get; set; }
    /// <summary>The asker's deputy mandate in the inquiry's congress, when the asker holds one: the question enters the duty archive.</summary>
    public int? AskerDeputyId { get; set; }
    [MaxLength(100)] public required string AddressedOrgan { get; set; }
    [MaxLength(2000)] public required string Question { get; set; }
    [MaxLength(50)] public string? AnsweredBy { get; set; }
    [MaxLength(5000)] public string? Answer { get; set; }
    /// <summary>What the answerer committed to, followed up until done.</summary>
    [MaxLength(1000)] public string? Commitment { get; set; }
    public DateOnly? CommitmentDoneOn { get; set; }

    public void CompleteCommitment(DateOnly on)
    {
        if (Commitment is null) throw DomainException.Conflict("该问题的答复没有承诺事项。");
        if (CommitmentDoneOn is not null) throw DomainException.Conflict("该承诺事项已落实。");
        CommitmentDoneOn = on;
    }
}
