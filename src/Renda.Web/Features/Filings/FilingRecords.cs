using System.ComponentModel.DataAnnotations;
using Renda.Web.Platform.Web;

namespace Renda.Web.Features.Filings;

/// <summary>Received → Incomplete (proposer told within 5 working days) | NotTakenUp (told within 10 days) | TakenUp → Answered (result told).</summary>
public enum ReviewSuggestionStatus { Received = 1, Incomplete = 2, NotTakenUp = 3, TakenUp = 4, Answered = 5 }

/// <summary>A citizen's or organisation's review suggestion (审查建议), sent through the public form.</summary>
public class ReviewSuggestion
{
    public const int MaxContent = 5000;

    public int Id { get; set; }
    public int CongressId { get; set; }
    /// <summary>The proposer's lookup code: the public page shows the status and the result to whoever holds it.</summary>
    [MaxLength(20)] public required string TrackingCode { get; set; }
    [MaxLength(50)] public required string ProposerName { get; set; }
    [MaxLength(100)] public string? Organisation { get; set; }
    /// <summary>How to tell the proposer (phone, e-mail, address); seen by staff only.</summary>
    [MaxLength(100)] public required string Contact { get; set; }
    [MaxLength(200)] public required string DocumentTitle { get; set; }
    [MaxLength(100)] public string? IssuingOrgan { get; set; }
    [MaxLength(MaxContent)] public required string Content { get; set; }
    /// <summary>The sender's network address as a hash (ClientAddress), to limit submissions per address and hour.</summary>
    [MaxLength(64)] public string? AddressHash { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public ReviewSuggestionStatus Status { get; set; } = ReviewSuggestionStatus.Received;
    public int? ReviewId { get; set; }
    /// <summary>What the proposer is told: what is missing, why it is not taken up, or the result.</summary>
    [MaxLength(2000)] public string? Reply { get; set; }
    public DateOnly? RepliedOn { get; set; }

    private void Require(string action, params ReviewSuggestionStatus[] allowed)
    {
        if (!allowed.Contains(Status))
            throw DomainException.Conflict($"该审查建议当前状态为“{FilingLabels.Of(Status)}”，不能{action}。");
    }

    public void MarkIncomplete(DateOnly on, string reply)
    {
        Require("告知补充材料", ReviewSuggestionStatus.Received);
        Status = ReviewSuggestionStatus.Incomplete;
        Reply = reply;
        RepliedOn = on;
    }

    public void Decline(DateOnly on, string reply)
    {
        Require("不予审查", ReviewSuggestionStatus.Received);
        Status = ReviewSuggestionStatus.NotTakenUp;
        Reply = reply;
        RepliedOn = on;
    }

    public void TakeUp(int reviewId)
    {
        Require("启动审查", ReviewSuggestionStatus.Received);
        Status = ReviewSuggestionStatus.TakenUp;
        ReviewId = reviewId;
    }

    public void Answer(DateOnly on, string reply)
    {
        Require("反馈审查结果", ReviewSuggestionStatus.TakenUp);
        Status = ReviewSuggestionStatus.Answered;
        Reply = reply;
        RepliedOn = on;
    }
}

public enum CampaignKind { SpecialReview = 1, Cleanup = 2 }

public enum CampaignStatus { Open = 1, Closed = 2 }

/// <summary>Keep, amend, repeal: the result per document of a cleanup (专项清理).</summary>
public enum CampaignResult { Pending = 1, Keep = 2, Amend = 3, Repeal = 4 }

/// <summary>A special review or a cleanup campaign (专项审查, 专项清理): theme, scope, its list of documents and a result for each.</summary>
public class ReviewCampaign
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    public CampaignKind Kind { get; set; } = CampaignKind.SpecialReview;
    [MaxLength(200)] public required string Theme { get; set; }
    /// <summary>Which documents: e.g. 州人大及各市人大决议决定.</summary>
    [MaxLength(500)] public required string Scope { get; set; }
    public int Year { get; set; }
    public DateOnly StartedOn { get; set; }
    public CampaignStatus Status { get; set; } = CampaignStatus.Open;
    public DateOnly? ClosedOn { get; set; }
    [MaxLength(2000)] public string? Summary { get; set; }
    public List<CampaignDocument> Documents { get; set; } = [];

    public void Close(DateOnly on, string? summary)
    {
        if (Status != CampaignStatus.Open) throw DomainException.Conflict("该专项工作已结束。");
        if (Documents.Count == 0) throw DomainException.Conflict("清单中还没有文件，不能结束。");
        var pending = Documents.Count(d => d.Result == CampaignResult.Pending);
        if (pending > 0) throw DomainException.Conflict($"还有 {pending} 件文件没有处理结果（保留、修改或废止），不能结束。");
        Status = CampaignStatus.Closed;
        ClosedOn = on;
        Summary = summary;
    }
}

public class CampaignDocument
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    [MaxLength(200)] public required string Title { get; set; }
    [MaxLength(100)] public string? DocumentNumber { get; set; }
    [MaxLength(100)] public required string IssuingOrgan { get; set; }
    public int? FilingId { get; set; }
    public CampaignResult Result { get; set; } = CampaignResult.Pending;
    [MaxLength(1000)] public string? Note { get; set; }
}

/// <summary>A filer's annual catalogue (年度目录) of the normative documents it issued; due by the end of January.</summary>
public class FilingCatalogue
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    public FilerType FilerType { get; set; } = FilerType.Government;
    public int? FilerHandlingUnitId { get; set; }
    public int? FilerCongressId { get; set; }
    [MaxLength(100)] public required string FilerName { get; set; }
    /// <summary>The year the listed documents were issued in.</summary>
    public int Year { get; set; }
    public DateOnly SubmittedOn { get; set; }
    public bool Late { get; set; }
    public List<CatalogueEntry> Entries { get; set; } = [];

    /// <summary>北京 第十七条: the catalogue of the previous year by 31 January.</summary>
    public static DateOnly DueOn(int year) => new(year + 1, 1, 31);
}

public class CatalogueEntry
{
    public int Id { get; set; }
    public int CatalogueId { get; set; }
    [MaxLength(200)] public required string Title { get; set; }
    [MaxLength(100)] public string? DocumentNumber { get; set; }
    public DateOnly PublishedOn { get; set; }
    /// <summary>Follow-up of an unfiled document (催报): when and what was done.</summary>
    public DateOnly? FollowedUpOn { get; set; }
    [MaxLength(500)] public string? FollowUpNote { get; set; }
}

/// <summary>The published annual report on filing and review work (北京 第四十条): figures are computed, the publication is recorded.</summary>
public class FilingReport
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    public int Year { get; set; }
    public DateOnly PublishedOn { get; set; }
    [MaxLength(20_000)] public required string Text { get; set; }
}
