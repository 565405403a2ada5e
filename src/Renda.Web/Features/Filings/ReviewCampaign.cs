using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Filings;

public enum CampaignKind { SpecialReview = 1, Cleanup = 2 }

public enum CampaignStatus { Open = 1, Closed = 2 }

public enum CampaignAction { AddDocument = 1, Decide = 2, Close = 3 }

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
    public CampaignStatus Status { get; private set; } = CampaignStatus.Open;
    public DateOnly? ClosedOn { get; set; }
    [MaxLength(2000)] public string? Summary { get; set; }
    public List<CampaignDocument> Documents { get; set; } = [];

    /// <summary>Which step is allowed in which state (docs/MODULES.md): everything while the campaign is open.</summary>
    public static readonly StateMachine<CampaignStatus, CampaignAction> Machine = new("该专项工作", FilingLabels.Of,
        Allow.Row(CampaignAction.AddDocument, "列入清单", ActorKinds.Staff, CampaignStatus.Open),
        Allow.Row(CampaignAction.Decide, "登记处理结果", ActorKinds.Staff, CampaignStatus.Open),
        Allow.Row(CampaignAction.Close, "结束", ActorKinds.Staff, CampaignStatus.Open));

    public bool Can(CampaignAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    public CampaignDocument AddDocument(CampaignDocument d)
    {
        Machine.Require(Status, CampaignAction.AddDocument);
        if (d.FilingId is { } fid && Documents.Any(x => x.FilingId == fid)) throw DomainException.Conflict("该文件已在清单中。");
        Documents.Add(d);
        return d;
    }

    /// <summary>Keep, amend or repeal one listed document; amending and repealing need the reason.</summary>
    public void Decide(CampaignDocument d, CampaignResult result, string? note)
    {
        Machine.Require(Status, CampaignAction.Decide);
        if (!Enum.IsDefined(result) || result == CampaignResult.Pending) throw DomainException.Invalid("result", "处理结果应为保留、修改或废止。");
        if (result != CampaignResult.Keep && note is null) throw DomainException.Invalid("note", "修改或废止须写明理由。");
        d.Decide(result, note);
    }

    public void Close(DateOnly on, string? summary)
    {
        Machine.Require(Status, CampaignAction.Close);
        if (Documents.Count == 0) throw DomainException.Conflict("清单中还没有文件，不能结束。");
        var pending = Documents.Count(d => d.Pending);
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
    public CampaignResult Result { get; private set; } = CampaignResult.Pending;
    [MaxLength(1000)] public string? Note { get; private set; }

    public bool Pending => Result == CampaignResult.Pending;

    internal void Decide(CampaignResult result, string? note)
    {
        Result = result;
        Note = note;
    }
}
