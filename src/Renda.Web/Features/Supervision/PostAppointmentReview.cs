using System.ComponentModel.DataAnnotations;
using Renda.Web.Platform.Audit;

namespace Renda.Web.Features.Supervision;

/// <summary>Reporting (the official's performance report) → Appraising (members appraise) → Closed (sealed with a digest).</summary>
public enum PostAppointmentReviewStatus { Reporting = 1, Appraising = 2, Closed = 3 }

public enum PostAppointmentReviewAction { Report = 1, Open = 2, Appraise = 3, Close = 4 }

/// <summary>任后监督: one official appointed by the standing committee reports on their performance in a year; members appraise.</summary>
public class PostAppointmentReview
{
    public const string Subject = "PostAppointmentReview";

    public static readonly StateMachine<PostAppointmentReviewStatus, PostAppointmentReviewAction> Machine = new("任后监督", SupervisionLabels.Of,
        Allow.Row(PostAppointmentReviewAction.Report, "修改履职报告", ActorKinds.Staff, PostAppointmentReviewStatus.Reporting),
        Allow.Row(PostAppointmentReviewAction.Open, "开始测评", ActorKinds.Staff, PostAppointmentReviewStatus.Reporting),
        Allow.Row(PostAppointmentReviewAction.Appraise, "参加测评", ActorKinds.Member, PostAppointmentReviewStatus.Appraising),
        Allow.Row(PostAppointmentReviewAction.Close, "结束测评", ActorKinds.Staff, PostAppointmentReviewStatus.Appraising));

    public int Id { get; set; }
    public int CongressId { get; set; }
    public int Year { get; set; }
    public int AppointmentId { get; set; }
    [MaxLength(50)] public required string OfficialName { get; set; }
    [MaxLength(100)] public required string Post { get; set; }
    public int? MeetingId { get; set; }
    /// <summary>Oral at the meeting or written (会议报告与书面报告相结合, seed 004).</summary>
    public bool WrittenReport { get; set; }
    [MaxLength(50_000)] public string? PerformanceReport { get; set; }
    public PostAppointmentReviewStatus Status { get; private set; } = PostAppointmentReviewStatus.Reporting;
    /// <summary>The choices offered, copied from the settings when appraisal opens, so a later change does not alter this round.</summary>
    [MaxLength(200)] public string? Choices { get; private set; }
    /// <summary>The day whose seated members may appraise (the meeting's first day).</summary>
    public DateOnly? AppraisalOn { get; private set; }
    /// <summary>SHA-256 over the receipts and the sorted papers, written through the audited path at closing (as a vote's digest).</summary>
    [MaxLength(64)] public string? BallotDigest { get; private set; }
    public DateTime CreatedAt { get; set; }

    public IReadOnlyList<string> ChoiceList => (Choices ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool Can(PostAppointmentReviewAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    public void WriteReport(string text)
    {
        Machine.Require(Status, PostAppointmentReviewAction.Report);
        PerformanceReport = text;
    }

    /// <summary>Opens the appraisal with the choices of the day; the members seated on <paramref name="on"/> may appraise.</summary>
    public void Open(IEnumerable<string> choices, DateOnly on)
    {
        Machine.Require(Status, PostAppointmentReviewAction.Open);
        if (string.IsNullOrEmpty(PerformanceReport)) throw DomainException.Conflict("尚未提交履职情况报告，不能开始测评。");
        Choices = string.Join('|', choices);
        AppraisalOn = on;
        Status = PostAppointmentReviewStatus.Appraising;
    }

    /// <summary>A member's choice is one of those offered, while the appraisal is open.</summary>
    public string RequireChoice(string? choice)
    {
        Machine.Require(Status, PostAppointmentReviewAction.Appraise);
        var value = choice?.Trim();
        if (value is null || !ChoiceList.Contains(value)) throw DomainException.Invalid("choice", $"请选择{string.Join("、", ChoiceList)}之一。");
        return value;
    }

    /// <summary>Closing seals the receipts and papers with their digest, which goes into the audit chain.</summary>
    public void Close(string digest)
    {
        Machine.Require(Status, PostAppointmentReviewAction.Close);
        BallotDigest = digest;
        Status = PostAppointmentReviewStatus.Closed;
    }
}

/// <summary>That a member appraised (one per member per review; the unique index refuses a second). Carries no choice.</summary>
public class AppraisalReceipt : INotAudited
{
    public int Id { get; set; }
    public int ReviewId { get; set; }
    public int PersonId { get; set; }
    public DateTime At { get; set; }
}

/// <summary>The choice, on a paper with a random key and no link to the member (as SecretBallotPaper).</summary>
public class AppraisalPaper : INotAudited
{
    public Guid Id { get; set; }
    public int ReviewId { get; set; }
    [MaxLength(20)] public required string Choice { get; set; }
}
