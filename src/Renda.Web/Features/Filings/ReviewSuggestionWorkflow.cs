using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Modules;

namespace Renda.Web.Features.Filings;

public sealed record ReviewSuggestionInput(string? ProposerName, string? Organisation, string? Contact, string? DocumentTitle, string? IssuingOrgan, string? Content);

/// <summary>The proposer's view through the tracking code: no contact details, no staff names.</summary>
public sealed record ReviewSuggestionStatusView(string TrackingCode, string Congress, string DocumentTitle, DateOnly ReceivedOn, ReviewSuggestionStatus Status, string StatusLabel, string? Reply, DateOnly? RepliedOn);

/// <summary>
/// Citizens' and organisations' review suggestions (审查建议, 立法法 第一百一十条第二款), anonymous through the public form.
/// Feedback clocks: incomplete → told within 5 working days; not taken up → told within 10 days (第二十四、二十五条).
/// </summary>
public static partial class ReviewSuggestionWorkflow
{
    public const string Subject = "ReviewSuggestion";
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>Public input is text: markup is refused when it carries script, and stripped otherwise.</summary>
    public static string? Clean(string field, string? value, string label, int max, bool required)
    {
        if (value is not null && ScriptPattern().IsMatch(value))
            throw DomainException.Invalid(field, $"{label}含有脚本或网页代码，未予接收，请只填写文字。");
        var stripped = value is null ? null : TagPattern().Replace(value, "");
        return required ? Text.Required(field, stripped, label, max) : Text.Optional(field, stripped, label, max);
    }

    [GeneratedRegex(@"<\s*/?\s*(script|iframe|object|embed|style|svg)|javascript\s*:|\bon[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptPattern();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();

    /// <summary>
    /// Receives a suggestion from the public form or the API. <paramref name="addressHash"/> is the sender's network address as
    /// <see cref="ClientAddress"/> keeps it: one address may send SuggestionsPerAddressPerHour an hour (configurable), more are
    /// refused, so a flood cannot bury the others.
    /// </summary>
    public static async Task<ReviewSuggestion> SubmitAsync(RendaDbContext db, WorkCalendar calendar, string code, ReviewSuggestionInput input, string addressHash, CancellationToken ct)
    {
        var congress = await db.Congresses.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct) ?? throw DomainException.NotFound($"行政区划代码 {code} 没有对应的人大。");
        var s = new ReviewSuggestion
        {
            CongressId = congress.Id, TrackingCode = NewCode(),
            ProposerName = Clean("proposerName", input.ProposerName, "姓名或单位名称", 50, true)!,
            Organisation = Clean("organisation", input.Organisation, "所在单位", 100, false),
            Contact = Clean("contact", input.Contact, "联系方式", 100, true)!,
            DocumentTitle = Clean("documentTitle", input.DocumentTitle, "建议审查的文件名称", 200, true)!,
            IssuingOrgan = Clean("issuingOrgan", input.IssuingOrgan, "制定机关", 100, false),
            Content = Clean("content", input.Content, "审查建议的理由", ReviewSuggestion.MaxContent, true)!,
            ReceivedAt = db.Clock.GetUtcNow().UtcDateTime, ReceivedOn = WorkCalendar.Today(db.Clock),
            AddressHash = addressHash,
        };
        if (s.Content.Length < 10) throw DomainException.Invalid("content", "请写明建议审查的理由（至少 10 字）。");
        var settings = await Settings.ForAsync<FilingSettings>(db, congress.Id, ct);
        var since = s.ReceivedAt.AddHours(-1);
        if (await db.Set<ReviewSuggestion>().CountAsync(x => x.AddressHash == s.AddressHash && x.ReceivedAt > since, ct) >= settings.SuggestionsPerAddressPerHour)
            throw DomainException.Conflict($"同一网络地址每小时最多提交 {settings.SuggestionsPerAddressPerHour} 件审查建议，请稍后再提交。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(s);
        await db.SaveUniqueAsync("请重新提交。", ct);
        FilingClocks.Start(db, calendar, congress.Id, FilingClocks.Of(s), FilingClocks.SuggestionComplete(settings, s.DocumentTitle), s.ReceivedOn);
        FilingClocks.Start(db, calendar, congress.Id, FilingClocks.Of(s), FilingClocks.SuggestionTakeUp(settings, s.DocumentTitle), s.ReceivedOn);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return s;
    }

    private static string NewCode() => string.Create(10, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++) span[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
    });

    public static async Task<ReviewSuggestionStatusView?> StatusAsync(RendaDbContext db, string? code, CancellationToken ct)
    {
        var c = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(c) || c.Length > 20) return null;
        return await db.Set<ReviewSuggestion>().AsNoTracking().Where(s => s.TrackingCode == c)
            .Join(db.Congresses, s => s.CongressId, x => x.Id, (s, x) => new { s, x.ShortName })
            .Select(v => new ReviewSuggestionStatusView(v.s.TrackingCode, v.ShortName + "人大常委会", v.s.DocumentTitle, v.s.ReceivedOn, v.s.Status, "", v.s.Reply, v.s.RepliedOn))
            .FirstOrDefaultAsync(ct) is { } view ? view with { StatusLabel = FilingLabels.Of(view.Status) } : null;
    }

    private static async Task<ReviewSuggestion> LoadAsync(RendaDbContext db, FilingActor actor, int id, CancellationToken ct)
    {
        var s = await db.Set<ReviewSuggestion>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null || !actor.MayRead(s.CongressId)) throw DomainException.NotFound("没有找到该审查建议。");
        actor.RequireStaff(s.CongressId);
        return s;
    }

    public static async Task MarkIncompleteAsync(RendaDbContext db, FilingActor actor, int id, string? reply, CancellationToken ct)
    {
        var s = await LoadAsync(db, actor, id, ct);
        s.MarkIncomplete(WorkCalendar.Today(db.Clock), Text.Required("reply", reply, "需补充的材料", 2000));
        await FilingClocks.CompleteAsync(db, FilingClocks.Of(s), FilingClocks.Purposes.Complete, ct);
        await FilingClocks.CancelAsync(db, FilingClocks.Of(s), FilingClocks.Purposes.TakeUp, ct);
        await db.SaveChangesAsync(ct);
    }

    public static async Task DeclineAsync(RendaDbContext db, FilingActor actor, int id, string? reply, CancellationToken ct)
    {
        var s = await LoadAsync(db, actor, id, ct);
        s.Decline(WorkCalendar.Today(db.Clock), Text.Required("reply", reply, "不予审查的理由", 2000));
        await CompleteFeedbackAsync(db, s, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Taken up: a review of the named filing starts, or the suggestion joins the review already running on it.</summary>
    public static async Task<int> TakeUpAsync(RendaDbContext db, WorkCalendar calendar, FilingActor actor, int id, int? filingId, CancellationToken ct)
    {
        var s = await LoadAsync(db, actor, id, ct);
        Filing? filing = null;
        if (filingId is { } fid)
        {
            filing = await db.Set<Filing>().FirstOrDefaultAsync(f => f.Id == fid && f.CongressId == s.CongressId, ct) ?? throw DomainException.Invalid("filingId", "请选择本级的备案记录。");
            if (!filing.Registered) throw DomainException.Invalid("filingId", "该备案尚未登记。");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var running = filing is null ? null : await ReviewWorkflow.RunningAsync(db, filing, ct);
        var review = running ?? await ReviewWorkflow.OpenAsync(db, calendar, s.CongressId, filing, filing?.Title ?? s.DocumentTitle, ReviewMode.Suggestion, null, ct);
        s.TakeUp(review.Id);
        await CompleteFeedbackAsync(db, s, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return review.Id;
    }

    /// <summary>Declined or taken up: the proposer is answered, both feedback clocks are met.</summary>
    private static async Task CompleteFeedbackAsync(RendaDbContext db, ReviewSuggestion s, CancellationToken ct)
    {
        await FilingClocks.CompleteAsync(db, FilingClocks.Of(s), FilingClocks.Purposes.Complete, ct);
        await FilingClocks.CompleteAsync(db, FilingClocks.Of(s), FilingClocks.Purposes.TakeUp, ct);
    }
}
