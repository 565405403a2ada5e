using Renda.Web.Platform.Attachments;
using Renda.Web.Platform.Deadlines;

namespace Renda.Web.Features.Filings;

public sealed record FilingItem(int Id, string? RegistrationNumber, string Title, string? DocumentNumber, string FilerName, FilerType FilerType, string FilerTypeLabel,
    DocumentKind Kind, DateOnly PublishedOn, DateOnly FiledOn, bool Late, FilingStatus Status, string StatusLabel, string? SourceType, bool CanResubmit);

public sealed record ClockView(int Id, string Title, string Rule, string Source, DateOnly StartsOn, DateOnly DueOn, DeadlineStatus Status, string StatusLabel, int Extensions, string? Purpose);
public sealed record FindingView(ReviewStandard Standard, string StandardLabel, bool Problem, string? Ground, string? Note);
public sealed record CommunicationView(int Id, CommunicationKind Kind, string KindLabel, DateOnly On, string Text, string? By);
public sealed record ReviewView(int Id, int? FilingId, string DocumentTitle, ReviewMode Mode, string ModeLabel, string? RequestedBy, ReviewStatus Status, string StatusLabel,
    ReviewOutcome? Outcome, string? OutcomeLabel, string? OutcomeNote, string? CommitteeName, DateOnly RegisteredOn, DateOnly? PassedOn, bool Extended, DateOnly? ClosedOn,
    int? CorrectionFilingId, string? CorrectionDocument, string? ReferredTo, int? MeetingId, IReadOnlyList<FindingView> Findings, IReadOnlyList<CommunicationView> Communications,
    IReadOnlyList<ClockView> Clocks, IReadOnlyList<int> SuggestionIds, IReadOnlyList<ReviewAction> Actions);

public sealed record FilingView(int Id, int CongressId, string? RegistrationNumber, string Title, string? DocumentNumber, string IssuingOrgan, string FilerName, FilerType FilerType,
    string FilerTypeLabel, DocumentKind Kind, string KindLabel, DateOnly PublishedOn, DateOnly FiledOn, bool Late, string Text, string? Explanation, string? Basis,
    FilingStatus Status, string StatusLabel, DateOnly? ReceivedOn, DateOnly? ReturnedOn, string? ReturnReason, int Resubmissions, string? ReferredTo, DateOnly? ClosedOn,
    string? SourceType, int? SourceId, IReadOnlyList<ClockView> Clocks, IReadOnlyList<ReviewView> Reviews, IReadOnlyList<AttachmentView> Attachments, IReadOnlyList<FilingAction> Actions);

public sealed record FilingFilter(int? Year, FilingStatus? Status, FilerType? FilerType, bool? Late, string? Q, int? Page, int? PageSize);

public sealed record ReviewSuggestionItem(int Id, string TrackingCode, string ProposerName, string? Organisation, string Contact, string DocumentTitle, string? IssuingOrgan,
    string Content, DateOnly ReceivedOn, ReviewSuggestionStatus Status, string StatusLabel, int? ReviewId, string? Reply, DateOnly? RepliedOn, IReadOnlyList<ClockView> Clocks,
    IReadOnlyList<ReviewSuggestionAction> Actions);

public sealed record CampaignView(int Id, CampaignKind Kind, string KindLabel, string Theme, string Scope, int Year, DateOnly StartedOn, CampaignStatus Status, string StatusLabel,
    DateOnly? ClosedOn, string? Summary, IReadOnlyList<CampaignDocumentView> Documents, IReadOnlyList<CampaignAction> Actions);
public sealed record CampaignDocumentView(int Id, string Title, string? DocumentNumber, string IssuingOrgan, int? FilingId, CampaignResult Result, string ResultLabel, string? Note, bool CanDecide);
public sealed record CatalogueItem(int Id, string FilerName, FilerType FilerType, int Year, DateOnly SubmittedOn, bool Late, int Entries);

public static class FilingQueries
{
    public static IQueryable<Filing> Filtered(RendaDbContext db, int congressId, FilingFilter f)
    {
        var q = db.Set<Filing>().AsNoTracking().Where(x => x.CongressId == congressId);
        if (f.Year is { } y) q = q.Where(x => x.FiledOn >= new DateOnly(y, 1, 1) && x.FiledOn <= new DateOnly(y, 12, 31));
        if (f.Status is { } s) q = q.Where(x => x.Status == s);
        if (f.FilerType is { } t) q = q.Where(x => x.FilerType == t);
        if (f.Late is { } l) q = q.Where(x => x.Late == l);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim();
            if (text.Length > 100) throw DomainException.Invalid("q", "检索词不超过 100 字。");
            q = q.Where(x => x.Title.Contains(text) || (x.DocumentNumber != null && x.DocumentNumber.Contains(text)) || x.FilerName.Contains(text));
        }
        return q;
    }

    public static Task<Page<FilingItem>> ListAsync(RendaDbContext db, int congressId, FilingFilter f, CancellationToken ct)
        => Items(Filtered(db, congressId, f).OrderByDescending(x => x.FiledOn).ThenByDescending(x => x.Id)).ToPageAsync(f.Page, f.PageSize, ct);

    /// <summary>The filer's own filings (receipts, returns) across the congresses it files with.</summary>
    public static Task<Page<FilingItem>> MineAsync(RendaDbContext db, FilingActor actor, int? page, CancellationToken ct)
    {
        var units = actor.UnitIds.ToList();
        var q = db.Set<Filing>().AsNoTracking().Where(x => (x.FilerHandlingUnitId != null && units.Contains(x.FilerHandlingUnitId.Value)) || (actor.IsStaff && x.FilerCongressId == actor.CongressId));
        return Items(q.OrderByDescending(x => x.FiledOn).ThenByDescending(x => x.Id)).ToPageAsync(page, 20, ct);
    }

    private static IQueryable<FilingItem> Items(IQueryable<Filing> q)
        => q.Select(x => new FilingItem(x.Id, x.Serial == null ? null : "备〔" + x.Year + "〕" + x.Serial + "号", x.Title, x.DocumentNumber, x.FilerName, x.FilerType, "",
            x.Kind, x.PublishedOn, x.FiledOn, x.Late, x.Status, "", x.SourceType, false));

    public static FilingItem Labelled(FilingItem i)
        => i with { FilerTypeLabel = FilingLabels.Of(i.FilerType), StatusLabel = FilingLabels.Of(i.Status), CanResubmit = Filing.Machine.Can(i.Status, FilingAction.Resubmit) };

    public static Page<FilingItem> Labelled(Page<FilingItem> p) => p with { Items = p.Items.Select(Labelled).ToList() };

    public static async Task<FilingView> DetailAsync(RendaDbContext db, FilingActor actor, int id, CancellationToken ct)
    {
        var f = await FilingWorkflow.LoadAsync(db, actor, id, ct);
        var staff = actor.MayRead(f.CongressId);
        var reviews = new List<ReviewView>();
        if (staff)
            foreach (var rid in await db.Set<Review>().AsNoTracking().Where(r => r.FilingId == id).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct))
                reviews.Add(await ReviewAsync(db, actor, rid, ct));
        var attachments = staff ? await Platform.Attachments.AttachmentsApi.ListForOwnerAsync(db, f.CongressId, FilingWorkflow.Subject, FilingClocks.Key(id), ct) : [];
        return new FilingView(f.Id, f.CongressId, f.RegistrationNumber, f.Title, f.DocumentNumber, f.IssuingOrgan, f.FilerName, f.FilerType, FilingLabels.Of(f.FilerType), f.Kind, FilingLabels.Of(f.Kind),
            f.PublishedOn, f.FiledOn, f.Late, f.Text, f.Explanation, f.Basis, f.Status, FilingLabels.Of(f.Status), f.ReceivedOn, f.ReturnedOn, f.ReturnReason, f.Resubmissions,
            f.ReferredTo, f.ClosedOn, f.SourceType, f.SourceId, await ClocksAsync(db, FilingWorkflow.Subject, id, ct), reviews, attachments, Allowed<FilingAction>(f.Can));
    }

    public static async Task<ReviewView> ReviewAsync(RendaDbContext db, FilingActor actor, int id, CancellationToken ct)
    {
        var r = await ReviewWorkflow.LoadAsync(db, actor, id, ct);
        var suggestions = await db.Set<ReviewSuggestion>().AsNoTracking().Where(s => s.ReviewId == id).Select(s => s.Id).ToListAsync(ct);
        return new ReviewView(r.Id, r.FilingId, r.DocumentTitle, r.Mode, FilingLabels.Of(r.Mode), r.RequestedBy, r.Status, FilingLabels.Of(r.Status), r.Outcome,
            r.Outcome is { } o ? FilingLabels.Of(o) : null, r.OutcomeNote, r.CommitteeName, r.RegisteredOn, r.PassedOn, r.Extended, r.ClosedOn, r.CorrectionFilingId, r.CorrectionDocument,
            r.ReferredTo, r.MeetingId,
            r.Findings.OrderBy(x => x.Standard).Select(x => new FindingView(x.Standard, FilingLabels.Of(x.Standard), x.Problem, x.Ground, x.Note)).ToList(),
            r.Communications.OrderBy(x => x.On).ThenBy(x => x.Id).Select(x => new CommunicationView(x.Id, x.Kind, FilingLabels.Of(x.Kind), x.On, x.Text, x.By)).ToList(),
            await ClocksAsync(db, ReviewWorkflow.Subject, id, ct), suggestions, Allowed<ReviewAction>(r.Can));
    }

    public static async Task<List<ClockView>> ClocksAsync(RendaDbContext db, string subject, int id, CancellationToken ct)
    {
        var key = FilingClocks.Key(id);
        return (await db.Deadlines.AsNoTracking().Where(d => d.SubjectType == subject && d.SubjectId == key).OrderBy(d => d.Id)
                .Select(d => new { d.Id, d.Title, d.Rule, d.Source, d.StartsOn, d.DueOn, d.Status, Extensions = d.Extensions.Count, d.Purpose }).ToListAsync(ct))
            .Select(d => new ClockView(d.Id, d.Title, d.Rule, d.Source, d.StartsOn, d.DueOn, d.Status, Deadlines.StatusLabel(d.Status), d.Extensions, d.Purpose)).ToList();
    }

    public static async Task<List<ReviewSuggestionItem>> SuggestionsAsync(RendaDbContext db, int congressId, ReviewSuggestionStatus? status, CancellationToken ct)
    {
        var q = db.Set<ReviewSuggestion>().AsNoTracking().Where(s => s.CongressId == congressId);
        if (status is { } st) q = q.Where(s => s.Status == st);
        var rows = await q.OrderByDescending(s => s.ReceivedAt).Take(200).ToListAsync(ct);
        var list = new List<ReviewSuggestionItem>();
        foreach (var s in rows)
            list.Add(new ReviewSuggestionItem(s.Id, s.TrackingCode, s.ProposerName, s.Organisation, s.Contact, s.DocumentTitle, s.IssuingOrgan, s.Content, s.ReceivedOn, s.Status,
                FilingLabels.Of(s.Status), s.ReviewId, s.Reply, s.RepliedOn, await ClocksAsync(db, ReviewSuggestionWorkflow.Subject, s.Id, ct), Allowed<ReviewSuggestionAction>(s.Can)));
        return list;
    }

    public static async Task<List<CampaignView>> CampaignsAsync(RendaDbContext db, int congressId, int? year, CancellationToken ct)
    {
        var q = db.Set<ReviewCampaign>().AsNoTracking().Include(c => c.Documents).Where(c => c.CongressId == congressId);
        if (year is { } y) q = q.Where(c => c.Year == y);
        return (await q.OrderByDescending(c => c.Year).ThenBy(c => c.Id).ToListAsync(ct)).Select(Campaign).ToList();
    }

    public static CampaignView Campaign(ReviewCampaign c)
        => new(c.Id, c.Kind, FilingLabels.Of(c.Kind), c.Theme, c.Scope, c.Year, c.StartedOn, c.Status, FilingLabels.Of(c.Status), c.ClosedOn, c.Summary,
            c.Documents.OrderBy(d => d.Id).Select(d => new CampaignDocumentView(d.Id, d.Title, d.DocumentNumber, d.IssuingOrgan, d.FilingId, d.Result, FilingLabels.Of(d.Result), d.Note,
                d.Pending && c.Can(CampaignAction.Decide))).ToList(), Allowed<CampaignAction>(c.Can));

    /// <summary>The steps the record's state allows now, for the page's buttons (the state machine decides, not the page).</summary>
    private static List<TAction> Allowed<TAction>(Func<TAction, Actor?, bool> can) where TAction : struct, Enum
        => Enum.GetValues<TAction>().Where(a => can(a, null)).ToList();

    public static Task<List<CatalogueItem>> CataloguesAsync(RendaDbContext db, int congressId, int? year, CancellationToken ct)
    {
        var q = db.Set<FilingCatalogue>().AsNoTracking().Where(c => c.CongressId == congressId);
        if (year is { } y) q = q.Where(c => c.Year == y);
        return q.OrderByDescending(c => c.Year).ThenBy(c => c.FilerName)
            .Select(c => new CatalogueItem(c.Id, c.FilerName, c.FilerType, c.Year, c.SubmittedOn, c.Late, c.Entries.Count)).ToListAsync(ct);
    }
}
