using Renda.Web.Features.Deputies;
using Renda.Web.Features.Filings;
using Renda.Web.Features.Legislation;

namespace Renda.Web.Features.Portal;

/// <summary>One step of a receipt's handling, in order; Done when it has been reached.</summary>
public sealed record ReceiptStep(string Label, bool Done);

/// <summary>
/// What the receipt page shows for a code, whichever form issued it: what kind of thing, to which congress, about what, when it
/// came in, its steps, and the outcome with the text staff wrote for the sender (reason, answer). Never the sender's name,
/// contact or address: each module's query selects none of them.
/// </summary>
public sealed record ReceiptView(string Code, string Kind, string Congress, string Subject, DateOnly ReceivedOn, string StatusLabel,
    IReadOnlyList<ReceiptStep> Steps, string? OutcomeLabel, string? OutcomeText, DateOnly? OutcomeOn, string? Href);

/// <summary>
/// The one receipt lookup of the public site (/p/{code}/receipt and GET /api/v1/public/receipts/{code}) for the three forms
/// that issue codes: a comment on a draft, a review suggestion (审查建议) and an opinion left at a liaison station. The codes
/// are random and unique per module; the three tables are asked in turn (each by a unique index).
/// </summary>
public static class ReceiptLookup
{
    public static async Task<ReceiptView?> FindAsync(RendaDbContext db, string? typed, CancellationToken ct)
    {
        if (ReceiptCodes.Normalise(typed) is not { } code) return null;
        if (await CommentReceipts.FindAsync(db, code, ct) is { } c) return Of(c);
        if (code.Length <= 20 && await ReviewSuggestionWorkflow.StatusAsync(db, code, ct) is { } r) return Of(r);
        if (code.Length <= 12 && await DeputiesQueries.PublicOpinionAsync(db, code, ct) is { } o) return Of(o);
        return null;
    }

    /// <summary>已收到 → 已整理 → 采纳 / 部分采纳 / 未采纳 (with the reason).</summary>
    private static ReceiptView Of(CommentReceipt c)
    {
        var decided = c.Handling is CommentHandling.Adopted or CommentHandling.PartlyAdopted or CommentHandling.NotAdopted;
        var sorted = decided || c.Handling == CommentHandling.Sorted;
        return new ReceiptView(c.Code, "法规草案征求意见", c.Congress, $"《{c.BillTitle}》{c.ArticleLabel ?? "（总体意见）"}", c.ReceivedOn, c.HandlingLabel,
            [new("已收到", true), new("已整理", sorted), new(decided ? c.HandlingLabel : "采纳 / 部分采纳 / 未采纳", decided)],
            decided ? c.HandlingLabel : null, decided ? c.Reason : null, decided ? c.HandledOn : null, $"/legislation/public/comments/{c.PeriodId}");
    }

    /// <summary>已收到 → 审查 (or 不予审查, or 需补充材料) → 已答复.</summary>
    private static ReceiptView Of(ReviewSuggestionStatusView r)
    {
        var examined = r.Status is ReviewSuggestionStatus.TakenUp or ReviewSuggestionStatus.Answered or ReviewSuggestionStatus.NotTakenUp;
        var answered = r.Status is ReviewSuggestionStatus.Answered or ReviewSuggestionStatus.NotTakenUp;
        return new ReceiptView(r.TrackingCode, "审查建议", r.Congress, r.DocumentTitle, r.ReceivedOn, r.StatusLabel,
            [new("已收到", true), new(r.Status == ReviewSuggestionStatus.Incomplete ? r.StatusLabel : "研究审查", examined || r.Status == ReviewSuggestionStatus.Incomplete),
                new(r.Status == ReviewSuggestionStatus.NotTakenUp ? r.StatusLabel : "答复", answered)],
            answered ? r.StatusLabel : null, r.Reply, r.RepliedOn, null);
    }

    /// <summary>已收到 → 已答复 → 已反馈 (the station's feedback to the constituent).</summary>
    private static ReceiptView Of(PublicOpinionStatus o)
        => new(o.ReceiptCode, "联络站留言", o.StationName, o.StationName, o.ReceivedOn, o.StatusLabel,
            [new("已收到", true), new("已答复", o.Answer is not null), new("已反馈", o.Feedback is not null)],
            o.Answer is null ? null : o.StatusLabel, o.Feedback ?? o.Answer, o.FeedbackOn ?? o.AnsweredOn, null);
}
