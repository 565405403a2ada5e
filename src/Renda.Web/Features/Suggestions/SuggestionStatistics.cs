using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.Modules;

namespace Renda.Web.Features.Suggestions;

/// <summary>
/// Counts of suggestions, each a conditional count over one population (a congress's suggestions
/// received in a year, drafts excluded). Every property is filled by the same aggregate query from
/// the predicate of the same name in <see cref="SuggestionStatistics.Predicates"/>, and the records
/// behind it are listed by that very predicate: a figure and its list cannot disagree.
/// </summary>
public class SuggestionCounts
{
    public int Received { get; set; }
    public int Returned { get; set; }
    public int Merged { get; set; }
    public int AwaitingAssignment { get; set; }
    public int Assigned { get; set; }
    public int Answered { get; set; }
    public int AnsweredOnTime { get; set; }
    public int AnsweredLate { get; set; }
    public int Rated { get; set; }
    public int Satisfied { get; set; }
    public int BasicallySatisfied { get; set; }
    public int SatisfiedOrBasic { get; set; }
    public int Dissatisfied { get; set; }
    public int Unrated { get; set; }
    public int Resolved { get; set; }
    public int FaceToFace { get; set; }
    public int Closed { get; set; }
    public int OverdueNow { get; set; }
    public int KeySuggestions { get; set; }

    internal void CopyFrom(SuggestionCounts c)
    {
        foreach (var p in SuggestionStatistics.CountProperties)
            p.SetValue(this, p.GetValue(c));
    }

    internal void Add(SuggestionCounts c)
    {
        foreach (var p in SuggestionStatistics.CountProperties)
            p.SetValue(this, (int)p.GetValue(this)! + (int)p.GetValue(c)!);
    }
}

/// <summary>The counts plus the commitment ledger's, and the rates (fractions 0–1, null when the denominator is 0).</summary>
public class SuggestionTally : SuggestionCounts
{
    public int CommitmentsPromised { get; set; }
    public int CommitmentsDone { get; set; }

    /// <summary>办复率 = answered within the deadline ÷ assigned.</summary>
    public double? ReplyRate => SuggestionStatistics.Rate(AnsweredOnTime, Assigned);
    /// <summary>满意率 = 满意 ÷ rated (unrated ones are not counted).</summary>
    public double? SatisfactionRate => SuggestionStatistics.Rate(Satisfied, Rated);
    public double? BasicSatisfactionRate => SuggestionStatistics.Rate(BasicallySatisfied, Rated);
    public double? SatisfiedOrBasicRate => SuggestionStatistics.Rate(SatisfiedOrBasic, Rated);
    /// <summary>解决率 = answer category A ÷ answered.</summary>
    public double? ResolutionRate => SuggestionStatistics.Rate(Resolved, Answered);
    /// <summary>落实率 = ledger items done ÷ promised.</summary>
    public double? ImplementationRate => SuggestionStatistics.Rate(CommitmentsDone, CommitmentsPromised);
    /// <summary>见面率 = assigned with a face-to-face contact ÷ assigned.</summary>
    public double? MeetingRate => SuggestionStatistics.Rate(FaceToFace, Assigned);
}

/// <summary>One row of a breakdown (by unit, category, deputy, or a congress below), with the link to its records.</summary>
public sealed class StatisticsGroup : SuggestionTally
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    /// <summary>The page listing this row's records (its "assigned" ones for a unit, "received" otherwise), or for a congress below its own dashboard.</summary>
    public required string Link { get; init; }
    /// <summary>Depth below the congress viewed (congresses below only): 1 = directly below.</summary>
    public int Depth { get; init; }
}

public enum FigureKind { Count = 1, Rate }

/// <summary>A figure as shown: its value, its definition in Chinese, and where its records are listed.</summary>
public sealed record Figure(string Key, string Label, FigureKind Kind, string Definition, int? Count, double? Rate, int? Numerator, int? Denominator,
    string Records, string RecordsApi, string? DenominatorRecords);

/// <summary>A congress's statistics of deputies' suggestions for one year (year of receipt).</summary>
public sealed class SuggestionStatisticsReport : SuggestionTally
{
    public required string CongressCode { get; init; }
    public required string CongressName { get; init; }
    public required int Year { get; init; }
    /// <summary>The day the figures were computed (overdue-now depends on it).</summary>
    public required DateOnly AsOf { get; init; }
    /// <summary>The answer category counted as solved (A by default).</summary>
    public required string ResolvedCategory { get; init; }
    public required IReadOnlyList<Figure> Figures { get; init; }
    public required IReadOnlyList<StatisticsGroup> ByUnit { get; init; }
    public required IReadOnlyList<StatisticsGroup> ByCategory { get; init; }
    /// <summary>By lead deputy: only for the congress's own staff and council (deputies' names are not shown to an upper congress).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<StatisticsGroup>? ByDeputy { get; init; }
    /// <summary>The congresses below, each with its own figures (statistics only, 省州县乡四级联动); only when asked for.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<StatisticsGroup>? Below { get; init; }
    /// <summary>The sentence for the annual report, e.g. "年内共办结34件，办复率和满意率均达到100%。"</summary>
    public required string Sentence { get; init; }
}

/// <summary>A record behind a figure. For commitment figures one row per ledger item (CommitmentId, Promise).</summary>
public sealed record StatisticsRecord(int Id, string? Number, string Title, string Category, string Status, DateOnly? ReceivedOn, DateOnly? AssignedOn,
    DateOnly? AnswerDueOn, DateOnly? FirstAnsweredOn, string? AnswerCategory, string? Rating, int? CommitmentId, string? Promise, string? Link);

/// <summary>Narrows the records of a figure to one row of a breakdown.</summary>
public sealed record StatisticsFilter(int? Unit = null, string? Category = null, int? Deputy = null);

/// <summary>
/// The statistics of deputies' suggestions (DOMAIN.md §2): queries, never counters. One aggregate
/// query with conditional counts per breakdown (COUNT(CASE WHEN …)), over the covering index
/// IX_Suggestions_Statistics on (CongressId, Year, …) — see docs/BENCHMARKS.md.
/// </summary>
public static class SuggestionStatistics
{
    internal static readonly System.Reflection.PropertyInfo[] CountProperties = typeof(SuggestionCounts).GetProperties();

    public static double? Rate(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;

    public static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>The suggestions a congress received in a year: every state but Draft.</summary>
    public static IQueryable<Suggestion> Population(RendaDbContext db, int congressId, int year)
        => db.Set<Suggestion>().AsNoTracking().Where(s => s.CongressId == congressId && s.Year == year && s.Status != SuggestionStatus.Draft);

    public static IQueryable<Suggestion> Population(RendaDbContext db, IReadOnlyCollection<int> congressIds, int year)
        => db.Set<Suggestion>().AsNoTracking().Where(s => congressIds.Contains(s.CongressId) && s.Year == year && s.Status != SuggestionStatus.Draft);

    /// <summary>
    /// The definition of every counted figure, by property name of <see cref="SuggestionCounts"/>.
    /// <paramref name="today"/> decides "overdue now"; <paramref name="resolved"/> is the answer category counted as solved.
    /// </summary>
    public static IReadOnlyDictionary<string, Expression<Func<Suggestion, bool>>> Predicates(DateOnly today, string resolved) => new Dictionary<string, Expression<Func<Suggestion, bool>>>
    {
        [nameof(SuggestionCounts.Received)] = s => true,
        [nameof(SuggestionCounts.Returned)] = s => s.Status == SuggestionStatus.Returned,
        [nameof(SuggestionCounts.Merged)] = s => s.Status == SuggestionStatus.Merged,
        [nameof(SuggestionCounts.AwaitingAssignment)] = InStates(Suggestion.Machine.StatesFor(SuggestionAction.Assign)),
        // Ever assigned: a unit's return and the re-assignment do not count twice.
        [nameof(SuggestionCounts.Assigned)] = s => s.AssignedOn != null,
        [nameof(SuggestionCounts.Answered)] = s => s.FirstAnsweredOn != null,
        [nameof(SuggestionCounts.AnsweredOnTime)] = s => s.FirstAnsweredOn != null && s.AnswerDueOn != null && s.FirstAnsweredOn <= s.AnswerDueOn,
        [nameof(SuggestionCounts.AnsweredLate)] = s => s.FirstAnsweredOn != null && s.AnswerDueOn != null && s.FirstAnsweredOn > s.AnswerDueOn,
        // The lead deputy's rating of the latest answer; a new answer after 不满意 waits for its own rating.
        [nameof(SuggestionCounts.Rated)] = s => s.Rating != null,
        [nameof(SuggestionCounts.Satisfied)] = s => s.Rating == Satisfaction.Satisfied,
        [nameof(SuggestionCounts.BasicallySatisfied)] = s => s.Rating == Satisfaction.BasicallySatisfied,
        [nameof(SuggestionCounts.SatisfiedOrBasic)] = s => s.Rating == Satisfaction.Satisfied || s.Rating == Satisfaction.BasicallySatisfied,
        [nameof(SuggestionCounts.Dissatisfied)] = s => s.Rating == Satisfaction.Dissatisfied,
        [nameof(SuggestionCounts.Unrated)] = s => s.RatingMissing,
        [nameof(SuggestionCounts.Resolved)] = s => s.FirstAnsweredOn != null && s.AnswerCategory == resolved,
        [nameof(SuggestionCounts.FaceToFace)] = s => s.AssignedOn != null && s.FaceToFaceContact,
        [nameof(SuggestionCounts.Closed)] = s => s.Status == SuggestionStatus.Closed,
        [nameof(SuggestionCounts.OverdueNow)] = InStates(Suggestion.AwaitingAnswer, s => s.AnswerDueOn < today),
        [nameof(SuggestionCounts.KeySuggestions)] = s => s.IsKey,
    };

    /// <summary>
    /// <c>s =&gt; (s.Status == A || s.Status == B …) &amp;&amp; and(s)</c> for the states of a row of Suggestion.Machine: the figure's
    /// states come from the one table, and the database sees the same comparisons it would from a hand-written lambda.
    /// </summary>
    private static Expression<Func<Suggestion, bool>> InStates(IEnumerable<SuggestionStatus> states, Expression<Func<Suggestion, bool>>? and = null)
    {
        var s = and?.Parameters[0] ?? Expression.Parameter(typeof(Suggestion), "s");
        var status = Expression.Property(s, nameof(Suggestion.Status));
        var body = states.Order().Select(st => (Expression)Expression.Equal(status, Expression.Constant(st))).Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<Suggestion, bool>>(and is null ? body : Expression.AndAlso(body, and.Body), s);
    }

    public const string CommitmentsPromised = "commitmentsPromised", CommitmentsDone = "commitmentsDone";

    /// <summary>Key (camelCase, as in the API), label, definition; rates name their numerator and denominator.</summary>
    public sealed record Definition(string Key, string Label, FigureKind Kind, string Text, string? Numerator = null, string? Denominator = null);

    /// <summary>Every figure with its definition in Chinese, in the order the dashboard shows them.</summary>
    public static IReadOnlyList<Definition> Definitions(string resolved = "A", string resolvedLabel = "已解决或采纳") =>
    [
        new("received", "收到建议", FigureKind.Count, "收到建议 = 本年度收到的代表建议件数（按收到日期计年度，不含草稿）"),
        new("assigned", "交办", FigureKind.Count, "交办 = 已交承办单位办理的件数（承办单位退回后重新交办的只计一次）"),
        new("answeredOnTime", "按期答复", FigureKind.Count, "按期答复 = 首次答复日期不晚于答复期限（交办之日起3个月，经批准延期的以延长后的期限为准）的件数"),
        new("replyRate", "办复率", FigureKind.Rate, "办复率 = 在期限内答复的件数 ÷ 交办件数", "answeredOnTime", "assigned"),
        new("satisfactionRate", "满意率", FigureKind.Rate, "满意率 = 领衔代表评价为“满意”的件数 ÷ 已评价件数（逾期未评价的不计入）", "satisfied", "rated"),
        new("basicSatisfactionRate", "基本满意率", FigureKind.Rate, "基本满意率 = 领衔代表评价为“基本满意”的件数 ÷ 已评价件数", "basicallySatisfied", "rated"),
        new("satisfiedOrBasicRate", "满意及基本满意率", FigureKind.Rate, "满意及基本满意率 = 评价为“满意”或“基本满意”的件数 ÷ 已评价件数", "satisfiedOrBasic", "rated"),
        new("resolutionRate", "解决率", FigureKind.Rate, $"解决率 = 答复类别为 {resolved}（{resolvedLabel}）的件数 ÷ 答复件数", "resolved", "answered"),
        new("implementationRate", "落实率", FigureKind.Rate, "落实率 = 承诺事项台账中已落实的事项数 ÷ 承诺事项数", CommitmentsDone, CommitmentsPromised),
        new("meetingRate", "见面率", FigureKind.Rate, "见面率 = 承办单位与代表当面沟通过的件数 ÷ 交办件数", "faceToFace", "assigned"),
        new("closed", "办结", FigureKind.Count, "办结 = 代表已评价满意或基本满意，或评价期限届满未评价而办结的件数"),
        new("overdueNow", "逾期未答复", FigureKind.Count, "逾期未答复 = 截至统计日已超过答复期限仍未答复的件数"),
        new("answered", "已答复", FigureKind.Count, "已答复 = 承办单位已正式答复代表的件数（分别办理的，各单位均答复后计入）"),
        new("answeredLate", "逾期答复", FigureKind.Count, "逾期答复 = 首次答复日期晚于答复期限的件数"),
        new("awaitingAssignment", "待交办", FigureKind.Count, "待交办 = 已收到、正在审查或已受理尚未交办的件数"),
        new("returned", "退回", FigureKind.Count, "退回 = 经审查不作为代表建议办理、退回代表的件数"),
        new("merged", "并案", FigureKind.Count, "并案 = 与其他建议内容相同或相近、并入其他建议办理的件数"),
        new("rated", "已评价", FigureKind.Count, "已评价 = 领衔代表已对最近一次答复作出评价的件数"),
        new("satisfied", "满意", FigureKind.Count, "满意 = 领衔代表对最近一次答复评价为“满意”的件数"),
        new("basicallySatisfied", "基本满意", FigureKind.Count, "基本满意 = 领衔代表对最近一次答复评价为“基本满意”的件数"),
        new("satisfiedOrBasic", "满意及基本满意", FigureKind.Count, "满意及基本满意 = 领衔代表对最近一次答复评价为“满意”或“基本满意”的件数"),
        new("dissatisfied", "不满意", FigureKind.Count, "不满意 = 领衔代表对最近一次答复评价为“不满意”的件数（须重新办理）"),
        new("unrated", "未评价", FigureKind.Count, "未评价 = 评价期限届满仍未评价的件数，按规定不计入满意率"),
        new("resolved", resolvedLabel, FigureKind.Count, $"{resolvedLabel} = 最近一次答复类别为 {resolved} 的件数"),
        new("faceToFace", "见面沟通", FigureKind.Count, "见面沟通 = 承办单位与代表当面沟通（走访、座谈等面商）过的交办件数"),
        new(CommitmentsPromised, "承诺事项", FigureKind.Count, "承诺事项 = 答复中作出承诺、列入承诺事项台账的事项数"),
        new(CommitmentsDone, "已落实承诺", FigureKind.Count, "已落实承诺 = 承诺事项台账中已落实的事项数"),
        new("keySuggestions", "重点建议", FigureKind.Count, "重点建议 = 主任会议确定、由负责同志领衔督办的件数"),
    ];

    public static Definition FindDefinition(string key)
        => Definitions().FirstOrDefault(d => string.Equals(d.Key, key, StringComparison.OrdinalIgnoreCase))
           ?? throw DomainException.Invalid("figure", $"没有名为“{key}”的统计项。");

    /// <summary>The figure whose records a key lists: a rate lists its numerator's records.</summary>
    public static string RecordsFigure(string key) => FindDefinition(key) is { Kind: FigureKind.Rate } d ? d.Numerator! : FindDefinition(key).Key;

    public static string RecordsPage(string code, int year, string figure, StatisticsFilter? f = null) => Query($"/suggestions/statistics/records?code={code}&year={year}&figure={figure}", f);
    public static string RecordsApi(string code, int year, string figure, StatisticsFilter? f = null) => Query($"/api/v1/congresses/{code}/suggestions/statistics/records?year={year}&figure={figure}", f);

    private static string Query(string url, StatisticsFilter? f)
    {
        if (f?.Unit is { } u) url += $"&unit={u}";
        if (f?.Category is { } c) url += "&category=" + Uri.EscapeDataString(c);
        if (f?.Deputy is { } d) url += $"&deputy={d}";
        return url;
    }

    // --- computing --------------------------------------------------------------------------

    /// <summary>
    /// The statistics of <paramref name="congress"/> for <paramref name="year"/> with the breakdowns
    /// by unit, category and (<paramref name="own"/>: the viewer belongs to this congress, so
    /// deputies may be named) by lead deputy; with <paramref name="below"/> also each congress below
    /// it with its own figures (a table of the whole subtree: it costs a count over all of them).
    /// </summary>
    public static async Task<SuggestionStatisticsReport> ComputeAsync(RendaDbContext db, Congress congress, int year, bool own, bool below = false, CancellationToken ct = default)
    {
        var today = WorkCalendar.Today(db.Clock);
        var congresses = below
            ? await db.Congresses.AsNoTracking().Select(c => new { c.Id, c.Code, c.ShortName, c.ParentId }).ToDictionaryAsync(c => c.Id, ct)
            : new() { [congress.Id] = new { congress.Id, congress.Code, congress.ShortName, congress.ParentId } };
        List<int> subtree = [congress.Id];
        for (var i = 0; below && i < subtree.Count; i++)
            subtree.AddRange(congresses.Values.Where(c => c.ParentId == subtree[i]).Select(c => c.Id));
        var settings = await db.Set<SuggestionSettings>().AsNoTracking().Where(s => subtree.Contains(s.CongressId)).ToDictionaryAsync(s => s.CongressId, ct);
        var ownSettings = settings.GetValueOrDefault(congress.Id) ?? new SuggestionSettings { CongressId = congress.Id };
        string ResolvedOf(int id) => (settings.GetValueOrDefault(id) ?? ownSettings).ResolvedCategory;
        var resolved = ownSettings.ResolvedCategory;
        var predicates = Predicates(today, resolved);

        // Per congress below (if asked): one query per distinct "solved" category, normally one. The
        // congress's own totals are the sum of its categories (each suggestion has one): no extra pass.
        var perCongress = new Dictionary<int, SuggestionCounts>();
        foreach (var group in subtree.Skip(1).GroupBy(ResolvedOf))
        {
            var ids = group.ToList();
            var rows = ids.Count == 1 ? Population(db, ids[0], year) : Population(db, ids, year);
            foreach (var row in await Aggregate(rows, s => s.CongressId, s => s, Predicates(today, group.Key)).ToListAsync(ct))
                perCongress[row.Group] = row;
        }
        var commitments = await db.Set<Commitment>().AsNoTracking()
            .Join(subtree.Count == 1 ? Population(db, congress.Id, year) : Population(db, subtree, year), c => c.SuggestionId, s => s.Id, (c, s) => new { s.CongressId, c.HandlingUnitId, c.Status })
            .GroupBy(x => new { x.CongressId, x.HandlingUnitId })
            .Select(g => new { g.Key.CongressId, g.Key.HandlingUnitId, Promised = g.Count(), Done = g.Count(x => x.Status == CommitmentStatus.Done) })
            .ToListAsync(ct);

        SuggestionTally TallyOf(int congressId)
        {
            var t = new SuggestionTally();
            if (perCongress.GetValueOrDefault(congressId) is { } c) t.CopyFrom(c);
            t.CommitmentsPromised = commitments.Where(x => x.CongressId == congressId).Sum(x => x.Promised);
            t.CommitmentsDone = commitments.Where(x => x.CongressId == congressId).Sum(x => x.Done);
            return t;
        }

        var population = Population(db, congress.Id, year);
        var byCategory = await Aggregate(population, s => s.Category, s => s, predicates).ToListAsync(ct);
        var ownCounts = new SuggestionCounts();
        foreach (var c in byCategory)
            ownCounts.Add(c);
        perCongress[congress.Id] = ownCounts;

        var unitRows = await Aggregate(
            population.SelectMany(s => s.Assignments.Where(a => a.Status != AssignmentStatus.Returned && a.Role != AssignmentRole.Co), (s, a) => new UnitRow { UnitId = a.HandlingUnitId, Suggestion = s }),
            x => x.UnitId, x => x.Suggestion, predicates).ToListAsync(ct);
        var unitIds = unitRows.Select(u => u.Group).Concat(commitments.Where(c => c.CongressId == congress.Id).Select(c => c.HandlingUnitId)).Distinct().ToList();
        var unitNames = await db.HandlingUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);

        List<StatisticsGroup>? byDeputy = null;
        if (own)
        {
            var deputyRows = await Aggregate(population, s => s.LeadDeputyId, s => s, predicates).ToListAsync(ct);
            var deputyIds = deputyRows.Select(d => d.Group).ToList();
            var names = await db.Deputies.AsNoTracking().Where(d => deputyIds.Contains(d.Id)).Select(d => new { d.Id, d.Person!.Name }).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
            byDeputy = deputyRows.Select(r => Group(r, r.Group.ToString(CultureInfo.InvariantCulture), names.GetValueOrDefault(r.Group, "（已删除）"),
                    RecordsPage(congress.Code, year, "received", new StatisticsFilter(Deputy: r.Group))))
                .OrderByDescending(g => g.Received).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
        }

        var total = TallyOf(congress.Id);
        var definitions = Definitions(resolved, ownSettings.AnswerCategoryList.FirstOrDefault(c => c.Code == resolved).Label ?? "已解决或采纳");
        var belowRows = new List<StatisticsGroup>();
        void AddBelow(int parentId, int depth)
        {
            foreach (var child in congresses.Values.Where(c => c.ParentId == parentId).OrderBy(c => c.Code, StringComparer.Ordinal))
            {
                belowRows.Add(Group(TallyOf(child.Id), child.Code, child.ShortName, $"/suggestions/statistics?code={child.Code}&year={year}", depth: depth));
                AddBelow(child.Id, depth + 1);
            }
        }
        if (below)
            AddBelow(congress.Id, 1);

        var report = new SuggestionStatisticsReport
        {
            CongressCode = congress.Code, CongressName = congress.StandingCommitteeName, Year = year, AsOf = today, ResolvedCategory = resolved,
            Figures = definitions.Select(d => FigureOf(d, total, congress.Code, year)).ToList(),
            ByUnit = unitRows.Select(r => Group(r, r.Group.ToString(CultureInfo.InvariantCulture), unitNames.GetValueOrDefault(r.Group, ""),
                    RecordsPage(congress.Code, year, "assigned", new StatisticsFilter(Unit: r.Group)), commitments.Where(c => c.CongressId == congress.Id && c.HandlingUnitId == r.Group).Select(c => (c.Promised, c.Done))))
                .OrderByDescending(g => g.Assigned).ThenBy(g => g.Name, StringComparer.Ordinal).ToList(),
            ByCategory = byCategory.Select(r => Group(r, r.Group, r.Group, RecordsPage(congress.Code, year, "received", new StatisticsFilter(Category: r.Group))))
                .OrderByDescending(g => g.Received).ThenBy(g => g.Name, StringComparer.Ordinal).ToList(),
            ByDeputy = byDeputy,
            Below = below ? belowRows : null,
            Sentence = Sentence(total),
        };
        report.CopyFrom(total);
        report.CommitmentsPromised = total.CommitmentsPromised;
        report.CommitmentsDone = total.CommitmentsDone;
        return report;
    }

    private static StatisticsGroup Group(SuggestionCounts counts, string key, string name, string link, IEnumerable<(int Promised, int Done)>? commitments = null, int depth = 0)
    {
        var g = new StatisticsGroup { Key = key, Name = name, Link = link, Depth = depth };
        g.CopyFrom(counts);
        if (counts is SuggestionTally t)
        {
            g.CommitmentsPromised = t.CommitmentsPromised;
            g.CommitmentsDone = t.CommitmentsDone;
        }
        foreach (var (promised, done) in commitments ?? [])
        {
            g.CommitmentsPromised += promised;
            g.CommitmentsDone += done;
        }
        return g;
    }

    private static Figure FigureOf(Definition d, SuggestionTally t, string code, int year)
    {
        int Value(string key) => key switch
        {
            CommitmentsPromised => t.CommitmentsPromised,
            CommitmentsDone => t.CommitmentsDone,
            _ => (int)CountProperties.First(p => CamelCase(p.Name) == key).GetValue(t)!,
        };
        if (d.Kind == FigureKind.Rate)
        {
            int n = Value(d.Numerator!), m = Value(d.Denominator!);
            return new Figure(d.Key, d.Label, d.Kind, d.Text, null, Rate(n, m), n, m, RecordsPage(code, year, d.Numerator!), RecordsApi(code, year, d.Numerator!), RecordsPage(code, year, d.Denominator!));
        }
        return new Figure(d.Key, d.Label, d.Kind, d.Text, Value(d.Key), null, null, null, RecordsPage(code, year, d.Key), RecordsApi(code, year, d.Key), null);
    }

    /// <summary>A row of a join: the unit a suggestion is assigned to (lead or separately handling), and the suggestion.</summary>
    private sealed class UnitRow
    {
        public int UnitId { get; init; }
        public Suggestion Suggestion { get; init; } = null!;
    }

    internal sealed class Grouped<TKey> : SuggestionCounts
    {
        public TKey Group { get; set; } = default!;
    }

    /// <summary>
    /// GROUP BY <paramref name="key"/> with one conditional count per predicate, in a single query:
    /// g => new Grouped { Group = g.Key, Received = g.Count(), Returned = g.Count(r => …), … }.
    /// </summary>
    private static IQueryable<Grouped<TKey>> Aggregate<TRow, TKey>(IQueryable<TRow> rows, Expression<Func<TRow, TKey>> key, Expression<Func<TRow, Suggestion>> suggestion,
        IReadOnlyDictionary<string, Expression<Func<Suggestion, bool>>> predicates)
    {
        var g = Expression.Parameter(typeof(IGrouping<TKey, TRow>), "g");
        var bindings = new List<MemberBinding> { Expression.Bind(typeof(Grouped<TKey>).GetProperty(nameof(Grouped<TKey>.Group))!, Expression.Property(g, "Key")) };
        foreach (var property in CountProperties)
        {
            var predicate = predicates[property.Name];
            Expression count;
            if (predicate.Body is ConstantExpression { Value: true })
                count = Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(TRow)], g);
            else
            {
                var row = Expression.Parameter(typeof(TRow), "r");
                var subject = new Replace(suggestion.Parameters[0], row).Visit(suggestion.Body);
                var body = new Replace(predicate.Parameters[0], subject).Visit(predicate.Body);
                count = Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(TRow)], g, Expression.Lambda<Func<TRow, bool>>(body, row));
            }
            bindings.Add(Expression.Bind(property, count));
        }
        var projection = Expression.Lambda<Func<IGrouping<TKey, TRow>, Grouped<TKey>>>(Expression.MemberInit(Expression.New(typeof(Grouped<TKey>)), bindings), g);
        return rows.GroupBy(key).Select(projection);
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    // --- the records behind a figure ------------------------------------------------------------

    /// <summary>
    /// The records behind a figure (a rate: its numerator's), narrowed to a breakdown row by
    /// <paramref name="filter"/>; ordered by registration number. Links to the records only for the own congress.
    /// </summary>
    public static async Task<Page<StatisticsRecord>> RecordsAsync(RendaDbContext db, Congress congress, int year, string figure, StatisticsFilter filter, bool own,
        int? page, int? pageSize, CancellationToken ct = default)
    {
        var key = RecordsFigure(figure);
        var (p, size) = Paging.Normalise(page, pageSize);
        var population = Population(db, congress.Id, year);
        if (filter.Category is { Length: > 0 } category) population = population.Where(s => s.Category == category);
        if (filter.Deputy is { } deputy) population = population.Where(s => s.LeadDeputyId == deputy);

        if (key is CommitmentsPromised or CommitmentsDone)
        {
            var items = db.Set<Commitment>().AsNoTracking().Join(population, c => c.SuggestionId, s => s.Id, (c, s) => new { c, s });
            if (key == CommitmentsDone) items = items.Where(x => x.c.Status == CommitmentStatus.Done);
            if (filter.Unit is { } unit) items = items.Where(x => x.c.HandlingUnitId == unit);
            var total = await items.CountAsync(ct);
            var rows = await items.OrderBy(x => x.s.Number).ThenBy(x => x.c.Id).Skip((p - 1) * size).Take(size)
                .Select(x => new { x.s.Id, x.s.Number, x.s.Title, x.s.Category, x.s.Status, x.s.ReceivedOn, x.s.AssignedOn, x.s.AnswerDueOn, x.s.FirstAnsweredOn, x.s.AnswerCategory, x.s.Rating, x.s.RatingMissing, CommitmentId = x.c.Id, x.c.Promise })
                .ToListAsync(ct);
            return new Page<StatisticsRecord>(rows.Select(r => new StatisticsRecord(r.Id, r.Number, r.Title, r.Category, SuggestionLabels.Of(r.Status), r.ReceivedOn, r.AssignedOn, r.AnswerDueOn,
                r.FirstAnsweredOn, r.AnswerCategory, RatingLabel(r.Rating, r.RatingMissing), r.CommitmentId, r.Promise, own ? $"/suggestions/{r.Id}" : null)).ToList(), p, size, total);
        }

        var settings = await Settings.ForAsync<SuggestionSettings>(db, congress.Id, ct);
        var property = CountProperties.First(x => CamelCase(x.Name) == key);
        var q = population.Where(Predicates(WorkCalendar.Today(db.Clock), settings.ResolvedCategory)[property.Name]);
        if (filter.Unit is { } u)
            q = q.Where(s => s.Assignments.Any(a => a.HandlingUnitId == u && a.Status != AssignmentStatus.Returned && a.Role != AssignmentRole.Co));
        var count = await q.CountAsync(ct);
        var list = await q.OrderBy(s => s.Number).ThenBy(s => s.Id).Skip((p - 1) * size).Take(size)
            .Select(s => new { s.Id, s.Number, s.Title, s.Category, s.Status, s.ReceivedOn, s.AssignedOn, s.AnswerDueOn, s.FirstAnsweredOn, s.AnswerCategory, s.Rating, s.RatingMissing })
            .ToListAsync(ct);
        return new Page<StatisticsRecord>(list.Select(r => new StatisticsRecord(r.Id, r.Number, r.Title, r.Category, SuggestionLabels.Of(r.Status), r.ReceivedOn, r.AssignedOn, r.AnswerDueOn,
            r.FirstAnsweredOn, r.AnswerCategory, RatingLabel(r.Rating, r.RatingMissing), null, null, own ? $"/suggestions/{r.Id}" : null)).ToList(), p, size, count);
    }

    public static string? RatingLabel(Satisfaction? rating, bool missing) => rating is { } r ? SuggestionLabels.Of(r) : missing ? "未评价（不计入满意率）" : null;

    // --- sentences for the annual report -------------------------------------------------------

    /// <summary>
    /// The sentence the annual report quotes, from the figures: "年内共办结34件，办复率和满意率均达到100%。"
    /// When not everything admissible is closed yet it says how many were received and closed.
    /// </summary>
    public static string Sentence(SuggestionTally t)
    {
        if (t.Received == 0)
            return "年内未收到代表建议。";
        var handled = t.Received - t.Returned - t.Merged;
        var parts = new List<string> { t.Closed == handled ? $"年内共办结{t.Closed}件" : $"年内共收到代表建议{t.Received}件，已办结{t.Closed}件" };
        var reply = t.ReplyRate;
        var satisfaction = t.SatisfactionRate;
        if (reply is { } r && satisfaction is { } s && Percent(r) == Percent(s))
            parts.Add($"办复率和满意率均{Reached(r)}");
        else
        {
            if (reply is { } r1) parts.Add($"办复率{Reached(r1)}");
            if (satisfaction is { } s1) parts.Add($"满意率{Reached(s1)}");
        }
        return string.Join("，", parts) + "。";
    }

    /// <summary>A fuller paragraph: the sentence, then the other rates the report may quote.</summary>
    public static string Summary(SuggestionTally t)
    {
        var more = new List<string>();
        if (t.KeySuggestions > 0) more.Add($"其中重点督办建议{t.KeySuggestions}件");
        if (t.SatisfiedOrBasicRate is { } sb) more.Add($"满意及基本满意率{Reached(sb)}");
        if (t.ResolutionRate is { } rr) more.Add($"解决率{Reached(rr)}");
        if (t.MeetingRate is { } mr) more.Add($"见面率{Reached(mr)}");
        if (t.ImplementationRate is { } ir) more.Add($"承诺事项{t.CommitmentsPromised}项、已落实{t.CommitmentsDone}项，落实率{Reached(ir)}");
        return more.Count == 0 ? Sentence(t) : Sentence(t) + string.Join("，", more) + "。";
    }

    private static string Reached(double rate) => rate >= 1 ? "达到100%" : $"为{Percent(rate)}";

    /// <summary>One decimal at most, never rounding a rate below 100% up to "100%".</summary>
    public static string Percent(double? rate)
    {
        if (rate is not { } r) return "—";
        var value = Math.Round(r * 100, 1, MidpointRounding.AwayFromZero);
        if (r < 1 && value >= 100) value = 99.9;
        return value.ToString("0.#", CultureInfo.InvariantCulture) + "%";
    }
}
