using System.ComponentModel.DataAnnotations;
using Renda.Web.Platform.Web;

namespace Renda.Web.Features.Filings;

/// <summary>报备机关: the 一府一委两院 of the same level, or the standing committee of a congress one level below.</summary>
public enum FilerType { Government = 1, SupervisoryCommission = 2, Court = 3, Procuratorate = 4, LowerCongress = 5 }

/// <summary>规范性文件 kinds (法规、规章、决定、决议、命令 …).</summary>
public enum DocumentKind { Regulation = 1, Rule = 2, Decision = 3, Resolution = 4, Order = 5, Other = 6 }

/// <summary>
/// Submitted (待形式审查) → Received (登记回执, its active review opens) | Returned (退回补正 → Submitted again) | Referred (误报移交).
/// After receipt the review drives it: UnderReview → Archived (no problem, or corrected) | ProblemFound (纠正中) → Archived | Annulled (撤销).
/// </summary>
public enum FilingStatus { Submitted = 1, Returned = 2, Referred = 3, Received = 4, UnderReview = 5, ProblemFound = 6, Archived = 7, Annulled = 8 }

/// <summary>A normative document filed with the standing committee (备案), and its intake.</summary>
public class Filing
{
    public const int MaxText = 200_000;
    /// <summary>立法法 第一百零九条: filed within 30 days of publication.</summary>
    public const int FilingDays = 30;
    public const string FilingSource = "立法法第一百零九条；监督法第三十八条";

    public int Id { get; set; }
    /// <summary>The congress filed with (接受备案的常委会).</summary>
    public int CongressId { get; set; }
    public FilerType FilerType { get; set; } = FilerType.Government;
    public int? FilerHandlingUnitId { get; set; }
    public int? FilerCongressId { get; set; }
    [MaxLength(100)] public required string FilerName { get; set; }
    public DocumentKind Kind { get; set; } = DocumentKind.Regulation;
    [MaxLength(200)] public required string Title { get; set; }
    [MaxLength(100)] public string? DocumentNumber { get; set; }
    [MaxLength(100)] public required string IssuingOrgan { get; set; }
    public DateOnly PublishedOn { get; set; }
    public DateOnly FiledOn { get; set; }
    /// <summary>Filed more than 30 days after publication (逾期报备): flagged and counted.</summary>
    public bool Late { get; set; }
    [MaxLength(MaxText)] public required string Text { get; set; }
    /// <summary>起草说明.</summary>
    [MaxLength(10_000)] public string? Explanation { get; set; }
    /// <summary>制定依据.</summary>
    [MaxLength(2000)] public string? Basis { get; set; }
    public int? AttachmentId { get; set; }
    public FilingStatus Status { get; set; } = FilingStatus.Submitted;
    /// <summary>备案登记号 given on receipt: year and serial.</summary>
    public int? Year { get; set; }
    public int? Serial { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public DateOnly? ReturnedOn { get; set; }
    [MaxLength(1000)] public string? ReturnReason { get; set; }
    public int Resubmissions { get; set; }
    [MaxLength(200)] public string? ReferredTo { get; set; }
    public DateOnly? ClosedOn { get; set; }
    /// <summary>Where the filing came from when another module handed it over (legislation: "Regulation" 12).</summary>
    [MaxLength(50)] public string? SourceType { get; set; }
    public int? SourceId { get; set; }
    public int? SubmittedByAccountId { get; set; }
    public DateTime CreatedAt { get; set; }

    public string? RegistrationNumber => Serial is { } s ? $"备〔{Year}〕{s}号" : null;

    public static bool IsLate(DateOnly publishedOn, DateOnly filedOn) => filedOn.DayNumber - publishedOn.DayNumber > FilingDays;

    private void Require(string action, params FilingStatus[] allowed)
    {
        if (!allowed.Contains(Status))
            throw DomainException.Conflict($"该备案当前状态为“{FilingLabels.Of(Status)}”，不能{action}。");
    }

    /// <summary>Formal check passed: the electronic receipt (备案回执) with its registration number.</summary>
    public void Receive(DateOnly on, int serial)
    {
        Require("登记回执", FilingStatus.Submitted);
        Status = FilingStatus.Received;
        ReceivedOn = on;
        Year = on.Year;
        Serial = serial;
    }

    /// <summary>Formal check failed: returned for resubmission with the reason.</summary>
    public void ReturnForResubmission(DateOnly on, string reason)
    {
        Require("退回补正", FilingStatus.Submitted);
        Status = FilingStatus.Returned;
        ReturnedOn = on;
        ReturnReason = reason;
    }

    public void Resubmit(string? text, string? explanation, string? basis)
    {
        Require("重新报送", FilingStatus.Returned);
        if (text is not null) Text = text;
        if (explanation is not null) Explanation = explanation;
        if (basis is not null) Basis = basis;
        Resubmissions++;
        Status = FilingStatus.Submitted;
    }

    /// <summary>Misaddressed (不属于本机关备案范围): referred to the competent organ.</summary>
    public void Refer(DateOnly on, string to)
    {
        Require("移交", FilingStatus.Submitted);
        Status = FilingStatus.Referred;
        ReferredTo = to;
        ClosedOn = on;
    }

    public void MarkUnderReview()
    {
        Require("开始审查", FilingStatus.Received, FilingStatus.UnderReview);
        Status = FilingStatus.UnderReview;
    }

    public void MarkProblem()
    {
        Require("登记存在问题", FilingStatus.Received, FilingStatus.UnderReview, FilingStatus.ProblemFound);
        Status = FilingStatus.ProblemFound;
    }

    public void Archive(DateOnly on)
    {
        Require("归档", FilingStatus.Received, FilingStatus.UnderReview, FilingStatus.ProblemFound);
        Status = FilingStatus.Archived;
        ClosedOn = on;
    }

    public void Annul(DateOnly on)
    {
        Require("撤销", FilingStatus.ProblemFound);
        Status = FilingStatus.Annulled;
        ClosedOn = on;
    }
}
