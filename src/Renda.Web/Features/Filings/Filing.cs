using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;

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

/// <summary>The steps of a filing: the formal check (receipt, return, referral), resubmission, and what its reviews do to it.</summary>
public enum FilingAction { Receive = 1, Return = 2, Resubmit = 3, Refer = 4, StartReview = 5, MarkProblem = 6, Archive = 7, Annul = 8, OpenReview = 9, Reopen = 10 }

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
    public FilingStatus Status { get; private set; } = FilingStatus.Submitted;
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

    /// <summary>
    /// The kinds a filer may file (立法法 第一百零九条; 监督法 第五章): 法规 and 决议 are a congress's, 规章 and 命令 a government's;
    /// a supervisory commission, court or procuratorate files its decisions and other normative documents.
    /// </summary>
    public static IReadOnlyList<DocumentKind> KindsFor(FilerType filer) => filer switch
    {
        FilerType.LowerCongress => [DocumentKind.Regulation, DocumentKind.Decision, DocumentKind.Resolution, DocumentKind.Other],
        FilerType.Government => [DocumentKind.Rule, DocumentKind.Decision, DocumentKind.Order, DocumentKind.Other],
        _ => [DocumentKind.Decision, DocumentKind.Other],
    };

    public static bool IsLate(DateOnly publishedOn, DateOnly filedOn) => filedOn.DayNumber - publishedOn.DayNumber > FilingDays;

    /// <summary>Which step is allowed in which state (docs/MODULES.md): the formal check on a submitted filing, the reviews' effects after receipt.</summary>
    public static readonly StateMachine<FilingStatus, FilingAction> Machine = new("该备案", FilingLabels.Of,
        Allow.Row(FilingAction.Receive, "登记回执", ActorKinds.Staff, FilingStatus.Submitted),
        Allow.Row(FilingAction.Return, "退回补正", ActorKinds.Staff, FilingStatus.Submitted),
        Allow.Row(FilingAction.Refer, "移交", ActorKinds.Staff, FilingStatus.Submitted),
        Allow.Row(FilingAction.Resubmit, "重新报送", ActorKinds.UnitOfficer | ActorKinds.Staff, FilingStatus.Returned),
        Allow.Row(FilingAction.StartReview, "开始审查", ActorKinds.Staff, FilingStatus.Received, FilingStatus.UnderReview),
        Allow.Row(FilingAction.MarkProblem, "登记存在问题", ActorKinds.Staff, FilingStatus.Received, FilingStatus.UnderReview, FilingStatus.ProblemFound),
        Allow.Row(FilingAction.Archive, "归档", ActorKinds.Staff | ActorKinds.System, FilingStatus.Received, FilingStatus.UnderReview, FilingStatus.ProblemFound),
        Allow.Row(FilingAction.Annul, "撤销", ActorKinds.System, FilingStatus.ProblemFound),
        Allow.Row(FilingAction.OpenReview, "登记审查", ActorKinds.Staff, FilingStatus.Received, FilingStatus.UnderReview, FilingStatus.ProblemFound, FilingStatus.Archived),
        Allow.Row(FilingAction.Reopen, "重新审查", ActorKinds.Staff, FilingStatus.Archived));

    public bool Can(FilingAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    /// <summary>Given its registration number on receipt (every state from Received on).</summary>
    public bool Registered => Serial is not null;

    /// <summary>The filings that count as filed by their filer: all but those referred elsewhere as misaddressed.</summary>
    public static readonly Expression<Func<Filing, bool>> Kept = f => f.Status != FilingStatus.Referred;

    /// <summary>Formal check passed: the electronic receipt (备案回执) with its registration number.</summary>
    public void Receive(DateOnly on, int serial)
    {
        Machine.Require(Status, FilingAction.Receive);
        Status = FilingStatus.Received;
        ReceivedOn = on;
        Year = on.Year;
        Serial = serial;
    }

    /// <summary>Formal check failed: returned for resubmission with the reason.</summary>
    public void ReturnForResubmission(DateOnly on, string reason)
    {
        Machine.Require(Status, FilingAction.Return);
        Status = FilingStatus.Returned;
        ReturnedOn = on;
        ReturnReason = reason;
    }

    public void Resubmit(string? text, string? explanation, string? basis)
    {
        Machine.Require(Status, FilingAction.Resubmit);
        if (text is not null) Text = text;
        if (explanation is not null) Explanation = explanation;
        if (basis is not null) Basis = basis;
        Resubmissions++;
        Status = FilingStatus.Submitted;
    }

    /// <summary>Misaddressed (不属于本机关备案范围): referred to the competent organ.</summary>
    public void Refer(DateOnly on, string to)
    {
        Machine.Require(Status, FilingAction.Refer);
        Status = FilingStatus.Referred;
        ReferredTo = to;
        ClosedOn = on;
    }

    /// <summary>Whether a review may be opened on the filing in this mode (refused before receipt, after annulment, and an active review of an archived one).</summary>
    public void RequireReviewable(ReviewMode mode)
    {
        if (!Can(FilingAction.OpenReview))
            throw DomainException.Conflict(Registered ? "该文件已被常委会撤销，不再审查。" : "备案尚未登记，不能开始审查。");
        if (Can(FilingAction.Reopen) && mode == ReviewMode.Active)
            throw DomainException.Conflict("该备案已审查归档。");
    }

    /// <summary>A review opens on the filing: a later request reopens an archived filing's review.</summary>
    public void OpenReview(ReviewMode mode)
    {
        RequireReviewable(mode);
        if (Can(FilingAction.Reopen)) Status = FilingStatus.UnderReview;
    }

    public void MarkUnderReview()
    {
        Machine.Require(Status, FilingAction.StartReview);
        Status = FilingStatus.UnderReview;
    }

    public void MarkProblem()
    {
        Machine.Require(Status, FilingAction.MarkProblem);
        Status = FilingStatus.ProblemFound;
    }

    public void Archive(DateOnly on)
    {
        Machine.Require(Status, FilingAction.Archive);
        Status = FilingStatus.Archived;
        ClosedOn = on;
    }

    public void Annul(DateOnly on)
    {
        Machine.Require(Status, FilingAction.Annul);
        Status = FilingStatus.Annulled;
        ClosedOn = on;
    }
}
