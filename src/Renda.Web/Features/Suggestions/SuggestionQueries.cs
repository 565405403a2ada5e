using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Search;
using Renda.Web.Platform.Modules;

namespace Renda.Web.Features.Suggestions;

public sealed record SuggestionListItem(int Id, string? Number, int Year, string Title, string Category, SuggestionStatus Status, string StatusLabel,
    string LeadDeputy, bool IsKey, DateOnly? ReceivedOn, DateOnly? AnswerDueOn, DateOnly? AnsweredOn, Satisfaction? Rating, string? Units);

public sealed record SuggestionFilter(int? Year = null, SuggestionStatus? Status = null, int? Unit = null, string? Category = null, int? Deputy = null, string? Text = null, bool? Key = null, string? Sort = null,
    IReadOnlyList<SuggestionStatus>? Statuses = null);

public sealed record SignerView(int DeputyId, string Name, bool IsLead, CoSignerStatus Status, string StatusLabel)
{
    public bool Can(CoSignerAction action) => SuggestionSigner.Machine.Can(Status, action);
    public bool Signed => SuggestionSigner.Signs(Status);
    public bool Stands => SuggestionSigner.Standing(Status);
}
public sealed record AssignmentView(int Id, int UnitId, string Unit, AssignmentRole Role, string RoleLabel, AssignmentStatus Status, string StatusLabel, DateOnly AssignedOn, DateOnly? FirstContactOn, DateOnly? ReturnedOn, string? ReturnReason, string? CoViews)
{
    public bool Can(AssignmentAction action) => SuggestionAssignment.Machine.Can(Status, action);
    public bool IsActive => SuggestionAssignment.InForce(Status);
}
public sealed record AnswerView(int Id, int Round, string Unit, string Category, string CategoryLabel, string Text, string SignedBy, DateOnly AnsweredOn, int? DocumentAttachmentId);
public sealed record ContactView(string Unit, ContactKind Kind, string KindLabel, bool FaceToFace, DateOnly On, string? Notes);
public sealed record RatingView(int Round, string Deputy, Satisfaction Result, string ResultLabel, string? Reason, DateOnly RatedOn);
public sealed record EventView(DateTime At, int Round, string? Actor, string Action, string? Note);
public sealed record ClockView(int Id, string Title, string Rule, string Source, DateOnly StartsOn, DateOnly DueOn, DeadlineStatus Status, string StatusLabel, int Extensions, bool Provisional);
public sealed record ProgressView(DateOnly On, string Text);
public sealed record CommitmentView(int Id, string Unit, string Promise, DateOnly DueOn, CommitmentStatus Status, DateOnly? DoneOn, IReadOnlyList<ProgressView> Progress)
{
    public bool Can(CommitmentAction action) => Commitment.Machine.Can(Status, action);
    /// <summary>Still to be kept, and its time is up.</summary>
    public bool IsLate(DateOnly today) => Commitment.Late(Status, DueOn, today);
}

public sealed record SuggestionDetail(int Id, string CongressCode, string? Number, int Year, string Title, string Content, string Category, SubmissionPeriod Period, string PeriodLabel,
    SuggestionStatus Status, string StatusLabel, int Round, DateOnly? ReceivedOn, DateOnly? AssignedOn, HandlingMode? Mode, DateOnly? AnswerDueOn, DateOnly? AnsweredOn,
    string? AnswerCategory, Satisfaction? Rating, bool RatingMissing, bool IsKey, string? KeyLeader, string? ReturnReason, string? ReturnNote, int? MergedIntoId,
    bool Published, IReadOnlyList<SignerView> Signers, IReadOnlyList<AssignmentView> Assignments, IReadOnlyList<AnswerView> Answers, IReadOnlyList<ContactView> Contacts,
    IReadOnlyList<RatingView> Ratings, IReadOnlyList<EventView> History, IReadOnlyList<ClockView> Clocks, IReadOnlyList<CommitmentView> Commitments)
{
    /// <summary>Whether the step is allowed now, and — given an actor — to that kind of actor (Suggestion.Machine).</summary>
    public bool Can(SuggestionAction action, Actor? actor = null) => Suggestion.Machine.Can(Status, action, actor);
    public bool AnswerOverdue(DateOnly today) => Suggestion.AnswerOverdue(Status, AnswerDueOn, today);
}

/// <summary>Renda:Suggestions in the configuration.</summary>
public sealed class SuggestionListOptions
{
    /// <summary>The list counts its matches exactly up to this many; above it the total is a lower bound (see <see cref="SuggestionQueries.ListAsync"/>).</summary>
    public int ExactCountLimit { get; set; } = SuggestionQueries.DefaultExactCountLimit;

    /// <summary>
    /// How long a page of the list may be served from <see cref="SuggestionListCache"/> without reading the database again,
    /// in seconds: the bound for writes this process does not see (another instance, a tool). 0 turns the cache off.
    /// </summary>
    public int ListCacheSeconds { get; set; } = 5;
}

/// <summary>Reading suggestions: what each role may list, and the full record of one.</summary>
public static class SuggestionQueries
{
    /// <summary>
    /// Up to this many matches the list's total is exact; beyond, it says "more than 10,000"
    /// (<see cref="Page{T}.TotalIsLowerBound"/>). Counting every match of a congress's
    /// 200,000 suggestions was most of a list request's cost. See docs/decisions/0009-suggestion-list-totals-and-text.md.
    /// </summary>
    public const int DefaultExactCountLimit = 10_000;

    /// <summary>Staff and the council see the congress's suggestions; a unit those assigned to it; a deputy those they signed.</summary>
    public static IQueryable<Suggestion> Visible(RendaDbContext db, SuggestionActor actor)
    {
        var q = db.Set<Suggestion>().AsNoTracking().Where(s => s.CongressId == actor.CongressId);
        if (actor.IsStaff || actor.IsCouncil)
            return q.Where(s => s.Status != SuggestionStatus.Draft);
        var units = actor.UnitIds;
        var deputy = actor.DeputyId ?? -1;
        return q.Where(s => s.LeadDeputyId == deputy
            || s.Signers.Any(x => x.DeputyId == deputy && x.Status != CoSignerStatus.Declined)
            || (s.Status != SuggestionStatus.Draft && s.Assignments.Any(a => units.Contains(a.HandlingUnitId))));
    }

    /// <summary>
    /// A page of the suggestions the actor may see under the filter, newest first unless sorted otherwise. The total is
    /// exact up to <paramref name="exactCountLimit"/> matches (or up to the end of the page asked for, if that lies
    /// further); beyond, it is that number with <see cref="Page{T}.TotalIsLowerBound"/> set.
    /// </summary>
    public static async Task<Page<SuggestionListItem>> ListAsync(RendaDbContext db, SuggestionActor actor, SuggestionFilter f, int? page, int? pageSize, CancellationToken ct,
        int exactCountLimit = DefaultExactCountLimit)
    {
        var q = Visible(db, actor);
        if (f.Year is { } y) q = q.Where(s => s.Year == y);
        if (f.Status is { } st) q = q.Where(s => s.Status == st);
        if (f.Statuses is { Count: > 0 } any) q = q.Where(s => any.Contains(s.Status));
        if (f.Unit is { } u) q = q.Where(s => s.Assignments.Any(a => a.HandlingUnitId == u && a.Status != AssignmentStatus.Returned));
        if (!string.IsNullOrWhiteSpace(f.Category)) q = q.Where(s => s.Category == f.Category);
        if (f.Deputy is { } d) q = q.Where(s => s.LeadDeputyId == d || s.Signers.Any(x => x.DeputyId == d && x.Status == CoSignerStatus.Confirmed));
        if (f.Key is true) q = q.Where(s => s.IsKey);
        if (!string.IsNullOrWhiteSpace(f.Text))
            q = await ContainingAsync(db, actor, q, f.Text.Trim(), f.Year, ct);
        var (p, size) = Paging.Normalise(page, pageSize);
        // Counting stops one past the limit: "more than 10,000" is all a person paging through a list can use, and an
        // index scan that stops at 10,001 entries costs a twentieth of one over a congress's 200,000. The page asked for
        // always lies within what is counted, so its rows and "next" agree with the total.
        var limit = (int)Math.Min(int.MaxValue - 1, Math.Max(Math.Max(1, exactCountLimit), (long)p * size));
        // In Id order, as the indexes (congress[, year][, status], id) hold them: a bounded walk of one index, and a query
        // whose rows are defined (EF refuses Take without an order in development, issue #20).
        var counting = q.OrderByDescending(s => s.Id).Select(s => s.Id).Take(limit + 1);
        // The page's ids first, then its rows, in one statement: under the plain filters the ids come from an index
        // alone (SuggestionsModel), where PostgreSQL would otherwise page an earlier year by walking the primary key
        // back through every newer row. Names and units come along (units ordered by role in memory: roles are stored by
        // name), and so does the count, a subquery the database runs once: one round trip instead of two.
        var ids = Sorted(q, f.Sort).Skip((p - 1) * size).Take(size).Select(s => s.Id);
        var rows = await Sorted(db.Set<Suggestion>().AsNoTracking().Where(s => ids.Contains(s.Id)), f.Sort).Select(s => new
        {
            s.Id, s.Number, s.Year, s.Title, s.Category, s.Status, s.IsKey, s.ReceivedOn, s.AnswerDueOn, s.AnsweredOn, s.Rating,
            LeadDeputy = db.Deputies.Where(d => d.Id == s.LeadDeputyId).Select(d => d.Person!.Name).FirstOrDefault(),
            Units = s.Assignments.Where(a => a.Status != AssignmentStatus.Returned)
                .Join(db.HandlingUnits, a => a.HandlingUnitId, h => h.Id, (a, h) => new { a.Role, h.Name }).ToList(),
            Counted = counting.Count(),
        }).ToListAsync(ct);
        // A page past the end has no row to carry the count (on the first page that means none at all).
        var counted = rows.Count > 0 ? rows[0].Counted : p == 1 ? 0 : await counting.CountAsync(ct);
        var total = Math.Min(counted, limit);
        var items = rows.Select(r => new SuggestionListItem(r.Id, r.Number, r.Year, r.Title, r.Category, r.Status, SuggestionLabels.Of(r.Status),
            r.LeadDeputy ?? "", r.IsKey, r.ReceivedOn, r.AnswerDueOn, r.AnsweredOn, r.Rating,
            r.Units.Count == 0 ? null : string.Join("、", r.Units.OrderBy(x => x.Role).Select(x => x.Name)))).ToList();
        return new Page<SuggestionListItem>(items, p, size, total, TotalIsLowerBound: counted > limit);
    }

    /// <summary>
    /// The text filter: suggestions whose title, number or content contains the text, exactly as LIKE '%…%' (case and
    /// all). The bigram index of similar suggestions (Platform/Search) narrows the rows first when it can: every
    /// submitted suggestion is indexed (title and content) in the transaction that submits it, and neither changes
    /// after that. The exact condition is then checked on those candidates only. Without the index: a text without
    /// a token that must be in every text containing it (one character), a text that may be part of a number
    /// (numbers are not indexed), or a text that most suggestions of the congress contain — there the count's limit
    /// already ends the scan early. See docs/decisions/0009-suggestion-list-totals-and-text.md.
    /// </summary>
    private static async Task<IQueryable<Suggestion>> ContainingAsync(RendaDbContext db, SuggestionActor actor, IQueryable<Suggestion> q, string text, int? year, CancellationToken ct)
    {
        if (text.Length > 100) throw DomainException.Invalid("text", "检索词不超过 100 字。");
        var exact = q.Where(s => s.Title.Contains(text) || (s.Number != null && s.Number.Contains(text)) || s.Content.Contains(text));
        var tokens = ChineseText.ContainedTokens(text);
        if (tokens.Count == 0 || MayBeInNumber(text))
            return exact;
        var found = await SearchIndex.HavingAllAsync(db, SimilarSuggestions.Kind, actor.CongressId, tokens, IndexCandidateLimit, ct);
        if (found is null)
            return exact;
        // The index holds each suggestion's year (fixed on submission): candidates of other years need no lookup here.
        var candidates = found.Where(c => year is not { } y || c.Year == y).Select(c => (int)c.Id).ToList();
        // Drafts are not indexed until they are submitted; only their authors and co-signers see them, a handful each.
        return actor.IsStaff || actor.IsCouncil
            ? exact.Where(s => candidates.Contains(s.Id))
            : exact.Where(s => s.Status == SuggestionStatus.Draft || candidates.Contains(s.Id));
    }

    /// <summary>
    /// At most this many index candidates are checked exactly (each costs a row read in the index and one here): more,
    /// and the text is common in the congress, so checking the filtered rows in list order until the count's limit is
    /// reached costs less than reading them all.
    /// </summary>
    internal const int IndexCandidateLimit = 2_000;

    /// <summary>Numbers are "2026-017" (Suggestion.Submit): only a text of digits and '-' can be part of one.</summary>
    private static bool MayBeInNumber(string text) => text.All(c => char.IsAsciiDigit(c) || c == '-');

    /// <summary>
    /// The orders of the list, each total (Id last, so pages never overlap or skip). Default: newest first (the order of
    /// submission). "urgent" (a unit's queue): what still waits for an answer first, overdue and soonest due first, then
    /// the rest newest first — finished items of past years must not bury today's work.
    /// </summary>
    private static IQueryable<Suggestion> Sorted(IQueryable<Suggestion> q, string? sort)
    {
        switch (sort)
        {
            case "due":
                return q.OrderBy(s => s.AnswerDueOn == null).ThenBy(s => s.AnswerDueOn).ThenBy(s => s.Id);
            case "number":
                return q.OrderBy(s => s.Number).ThenBy(s => s.Id);
            case "urgent":
                var waiting = Suggestion.Machine.StatesFor(SuggestionAction.Answer).ToList();
                // A constant for "no date" instead of NULL: SQLite sorts NULL first and PostgreSQL last.
                var never = DateOnly.MaxValue;
                return q.OrderBy(s => waiting.Contains(s.Status) ? 0 : 1)
                    .ThenBy(s => waiting.Contains(s.Status) && s.AnswerDueOn != null ? s.AnswerDueOn.Value : never)
                    .ThenByDescending(s => s.Id);
            default:
                return q.OrderByDescending(s => s.Id);
        }
    }

    public static async Task<SuggestionDetail> DetailAsync(RendaDbContext db, SuggestionActor actor, int id, CancellationToken ct)
    {
        var s = await SuggestionWorkflow.LoadAsync(db, actor, id, ct);
        var settings = await Settings.ForAsync<SuggestionSettings>(db, s.CongressId, ct);
        var code = await db.Congresses.Where(c => c.Id == s.CongressId).Select(c => c.Code).FirstAsync(ct);
        var deputyIds = s.Signers.Select(x => x.DeputyId).Append(s.LeadDeputyId).Concat(s.Ratings.Select(r => r.DeputyId)).Distinct().ToList();
        var deputies = await db.Deputies.AsNoTracking().Where(d => deputyIds.Contains(d.Id)).Select(d => new { d.Id, d.Person!.Name }).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var unitIds = s.Assignments.Select(a => a.HandlingUnitId).Distinct().ToList();
        var unitNames = await db.HandlingUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var categories = settings.AnswerCategoryList.ToDictionary(c => c.Code, c => c.Label);
        var clocks = await db.Deadlines.AsNoTracking().Include(d => d.Extensions).Where(d => d.SubjectType == SuggestionWorkflow.Subject && d.SubjectId == SuggestionWorkflow.Id(s))
            .OrderBy(d => d.Id).ToListAsync(ct);
        var commitments = await db.Set<Commitment>().AsNoTracking().Include(c => c.Progress).Where(c => c.SuggestionId == s.Id).OrderBy(c => c.Id).ToListAsync(ct);
        var signers = s.Signers.Select(x => new SignerView(x.DeputyId, deputies.GetValueOrDefault(x.DeputyId, ""), false, x.Status, SuggestionLabels.Of(x.Status)))
            .Prepend(new SignerView(s.LeadDeputyId, deputies.GetValueOrDefault(s.LeadDeputyId, ""), true, CoSignerStatus.Confirmed, "领衔")).ToList();
        string Unit(int unitId) => unitNames.GetValueOrDefault(unitId, "");
        return new SuggestionDetail(s.Id, code, s.Number, s.Year, s.Title, s.Content, s.Category, s.Period, SuggestionLabels.Of(s.Period), s.Status, SuggestionLabels.Of(s.Status), s.Round,
            s.ReceivedOn, s.AssignedOn, s.Mode, s.AnswerDueOn, s.AnsweredOn, s.AnswerCategory, s.Rating, s.RatingMissing, s.IsKey, s.KeyLeader,
            s.ReturnReason is { } rr ? SuggestionLabels.Of(rr) : null, s.ReturnNote, s.MergedIntoId, s.Published, signers,
            s.Assignments.OrderBy(a => a.Id).Select(a => new AssignmentView(a.Id, a.HandlingUnitId, Unit(a.HandlingUnitId), a.Role, SuggestionLabels.Of(a.Role), a.Status, SuggestionLabels.Of(a.Status),
                a.AssignedOn, a.FirstContactOn, a.ReturnedOn, a.ReturnReason, a.CoViews)).ToList(),
            s.Answers.OrderBy(a => a.Round).ThenBy(a => a.Id).Select(a => new AnswerView(a.Id, a.Round, Unit(a.HandlingUnitId), a.Category, categories.GetValueOrDefault(a.Category, a.Category),
                a.Text, a.SignedBy, a.AnsweredOn, a.DocumentAttachmentId)).ToList(),
            s.Contacts.OrderBy(c => c.On).Select(c => new ContactView(Unit(c.HandlingUnitId), c.Kind, SuggestionLabels.Of(c.Kind), c.FaceToFace, c.On, c.Notes)).ToList(),
            s.Ratings.OrderBy(r => r.Round).ThenBy(r => r.Id).Select(r => new RatingView(r.Round, deputies.GetValueOrDefault(r.DeputyId, ""), r.Result, SuggestionLabels.Of(r.Result), r.Reason, r.RatedOn)).ToList(),
            s.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new EventView(h.At, h.Round, h.ActorName, h.Action, h.Note)).ToList(),
            clocks.Select(d => new ClockView(d.Id, d.Title, d.Rule, d.Source, d.StartsOn, d.DueOn, d.Status, Deadlines.StatusLabel(d.Status), d.Extensions.Count, d.CalendarProvisional)).ToList(),
            commitments.Select(c => new CommitmentView(c.Id, Unit(c.HandlingUnitId), c.Promise, c.DueOn, c.Status, c.DoneOn, c.Progress.OrderBy(p => p.Id).Select(p => new ProgressView(p.On, p.Text)).ToList())).ToList());
    }
}
