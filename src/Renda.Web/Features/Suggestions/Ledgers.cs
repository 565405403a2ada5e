using System.Globalization;
using Renda.Web.Platform.Modules;

namespace Renda.Web.Features.Suggestions;

public enum CommitmentFilter { All = 1, Open = 2, Overdue = 3, Done = 4 }

/// <summary>One line of the 承诺事项台账: what a unit promised in an answer, by when, and the latest progress reported to the deputy.</summary>
public sealed record CommitmentLedgerRow(int Id, int SuggestionId, string? Number, string Title, int Year, int UnitId, string Unit, string Promise, DateOnly DueOn,
    CommitmentStatus Status, bool Overdue, string StatusLabel, DateOnly? DoneOn, DateOnly? LatestProgressOn, string? LatestProgress);

/// <summary>Who reads the commitment ledger: the congress's staff and council all of it, a unit officer their unit's lines only.</summary>
public sealed record LedgerReader(int CongressId, bool All, IReadOnlyList<int> UnitIds);

/// <summary>
/// The ledgers (台账) of deputies' suggestions as spreadsheets: 交办台账, 答复台账 and 承诺事项台账.
/// Chinese headers, fixed column widths, the header row frozen, A4 landscape — what a congress office prints and files.
/// </summary>
public static class Ledgers
{
    public sealed record Column(string Header, double Width);

    public static readonly IReadOnlyList<Column> AssignmentColumns =
    [
        new("序号", 6), new("建议编号", 11), new("标题", 40), new("领衔代表", 10), new("附议代表", 18), new("分类", 10), new("提出时间", 10),
        new("收到日期", 12), new("交办日期", 12), new("办理方式", 10), new("主办单位", 24), new("协办单位", 24), new("答复期限", 12), new("重点建议", 16),
    ];

    public static readonly IReadOnlyList<Column> AnswerColumns =
    [
        new("序号", 6), new("建议编号", 11), new("标题", 40), new("承办单位", 24), new("答复轮次", 10), new("答复日期", 12), new("答复期限", 12),
        new("是否按期", 9), new("答复类别", 22), new("签发人", 10), new("代表评价", 14),
    ];

    public static readonly IReadOnlyList<Column> CommitmentColumns =
    [
        new("序号", 6), new("承办单位", 24), new("建议编号", 11), new("建议标题", 36), new("承诺事项", 40), new("完成时限", 12), new("状态", 9),
        new("落实日期", 12), new("最新进展", 48),
    ];

    // --- 交办台账 -------------------------------------------------------------------------------

    /// <summary>Every suggestion of the congress's year that was assigned, by number.</summary>
    public static async Task<List<object?[]>> AssignmentRowsAsync(RendaDbContext db, int congressId, int year, CancellationToken ct = default)
    {
        var suggestions = await SuggestionWorkflow.WithDetails(db).AsNoTracking()
            .Where(s => s.CongressId == congressId && s.Year == year && s.AssignedOn != null).OrderBy(s => s.Number).ThenBy(s => s.Id).ToListAsync(ct);
        var (deputies, units) = await NamesAsync(db, suggestions, ct);
        return suggestions.Select((s, i) =>
        {
            var active = s.ActiveAssignments.OrderBy(a => a.Id).ToList();
            var lead = s.Mode == HandlingMode.Separately
                ? active.Where(a => a.Role == AssignmentRole.Separate).Select(a => units.GetValueOrDefault(a.HandlingUnitId))
                : active.Where(a => a.Role == AssignmentRole.Lead).Select(a => units.GetValueOrDefault(a.HandlingUnitId));
            var co = active.Where(a => a.Role == AssignmentRole.Co).Select(a => units.GetValueOrDefault(a.HandlingUnitId));
            var coSigners = s.Signers.Where(x => x.Signed).Select(x => deputies.GetValueOrDefault(x.DeputyId));
            return new object?[]
            {
                i + 1, s.Number, s.Title, deputies.GetValueOrDefault(s.LeadDeputyId), string.Join("、", coSigners), s.Category, SuggestionLabels.Of(s.Period),
                s.ReceivedOn, s.AssignedOn, s.Mode is { } m ? SuggestionLabels.Of(m) : null, string.Join("、", lead), string.Join("、", co), s.AnswerDueOn,
                s.IsKey ? $"是（{s.KeyLeader}领衔督办）" : "",
            };
        }).ToList();
    }

    // --- 答复台账 -------------------------------------------------------------------------------

    /// <summary>
    /// Every answer given to a suggestion of the congress's year, one line per unit and round: the
    /// first answer against the answer period, a new answer after 不满意 against its re-handling clock.
    /// </summary>
    public static async Task<List<object?[]>> AnswerRowsAsync(RendaDbContext db, int congressId, int year, CancellationToken ct = default)
    {
        var suggestions = await SuggestionWorkflow.WithDetails(db).AsNoTracking()
            .Where(s => s.CongressId == congressId && s.Year == year && s.FirstAnsweredOn != null).OrderBy(s => s.Number).ThenBy(s => s.Id).ToListAsync(ct);
        var (_, units) = await NamesAsync(db, suggestions, ct);
        var settings = await Settings.ForAsync<SuggestionSettings>(db, congressId, ct);
        var categories = settings.AnswerCategoryList.ToDictionary(c => c.Code, c => c.Label);
        var ids = suggestions.Select(SuggestionWorkflow.Id).ToList();
        var rehandle = SuggestionClocks.Purposes.Rehandle().AnyQualifier;
        var rehandling = (await db.Deadlines.AsNoTracking()
                .Where(d => d.SubjectType == SuggestionWorkflow.Subject && ids.Contains(d.SubjectId) && d.Purpose != null && d.Purpose.StartsWith(rehandle))
                .Select(d => new { d.Id, d.SubjectId, d.Purpose, d.DueOn }).ToListAsync(ct))
            .GroupBy(d => (d.SubjectId, d.Purpose)).ToDictionary(g => g.Key, g => g.OrderBy(d => d.Id).Select(d => d.DueOn).ToList());
        var rows = new List<object?[]>();
        foreach (var s in suggestions)
            foreach (var a in s.Answers.OrderBy(a => a.Round).ThenBy(a => a.AnsweredOn).ThenBy(a => a.Id))
            {
                DateOnly? due = a.Round == 1 ? s.AnswerDueOn
                    : rehandling.GetValueOrDefault((SuggestionWorkflow.Id(s), SuggestionClocks.Purposes.Rehandle(a.HandlingUnitId).Key)) is { } list && list.Count >= a.Round - 1 ? list[a.Round - 2] : null;
                var rating = s.Ratings.FirstOrDefault(r => r.DeputyId == s.LeadDeputyId && r.Round == a.Round);
                var ratingText = rating is not null ? SuggestionLabels.Of(rating.Result)
                    : a.Round != s.Round ? ""
                    : s.RatingMissing ? "未评价（不计入满意率）"
                    : s.Can(SuggestionAction.Rate) ? "待评价" : "";
                rows.Add(
                [
                    rows.Count + 1, s.Number, s.Title, units.GetValueOrDefault(a.HandlingUnitId), a.Round == 1 ? "首次答复" : $"重新办理（第{a.Round}轮）",
                    a.AnsweredOn, due, due is { } d ? a.AnsweredOn <= d ? "是" : "否" : "", $"{a.Category} {categories.GetValueOrDefault(a.Category, "")}".Trim(), a.SignedBy, ratingText,
                ]);
            }
        return rows;
    }

    private static async Task<(Dictionary<int, string> Deputies, Dictionary<int, string> Units)> NamesAsync(RendaDbContext db, List<Suggestion> suggestions, CancellationToken ct)
    {
        var deputyIds = suggestions.SelectMany(s => s.Signers.Select(x => x.DeputyId).Append(s.LeadDeputyId)).Distinct().ToList();
        var unitIds = suggestions.SelectMany(s => s.Assignments.Select(a => a.HandlingUnitId)).Distinct().ToList();
        var deputies = await db.Deputies.AsNoTracking().Where(d => deputyIds.Contains(d.Id)).Select(d => new { d.Id, d.Person!.Name }).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var units = await db.HandlingUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return (deputies, units);
    }

    // --- 承诺事项台账 ---------------------------------------------------------------------------

    public static string Label(CommitmentStatus status, bool overdue) => status switch
    {
        CommitmentStatus.Done => "已落实",
        CommitmentStatus.Open => overdue ? "已逾期" : "未落实",
    };

    /// <summary>The commitment ledger as <paramref name="reader"/> may see it, by unit then due date; <paramref name="year"/> is the suggestions' year.</summary>
    public static IQueryable<Commitment> Commitments(RendaDbContext db, LedgerReader reader, CommitmentFilter filter, int? year, int? unit, DateOnly today)
    {
        var q = db.Set<Commitment>().AsNoTracking().Where(c => c.Suggestion!.CongressId == reader.CongressId);
        if (!reader.All)
        {
            var units = reader.UnitIds;
            q = q.Where(c => units.Contains(c.HandlingUnitId));
        }
        if (unit is { } u) q = q.Where(c => c.HandlingUnitId == u);
        if (year is { } y) q = q.Where(c => c.Suggestion!.Year == y);
        return filter switch
        {
            CommitmentFilter.All => q,
            CommitmentFilter.Open => q.Where(c => c.Status == CommitmentStatus.Open),
            CommitmentFilter.Overdue => q.Where(c => c.Status == CommitmentStatus.Open && c.DueOn < today),
            CommitmentFilter.Done => q.Where(c => c.Status == CommitmentStatus.Done),
        };
    }

    public static async Task<Page<CommitmentLedgerRow>> CommitmentPageAsync(RendaDbContext db, LedgerReader reader, CommitmentFilter filter, int? year, int? unit, int? page, int? pageSize, CancellationToken ct = default)
    {
        var today = WorkCalendar.Today(db.Clock);
        var q = Commitments(db, reader, filter, year, unit, today);
        var (p, size) = Paging.Normalise(page, pageSize);
        var total = await q.CountAsync(ct);
        var rows = await RowsAsync(db, q.OrderBy(c => c.HandlingUnitId).ThenBy(c => c.DueOn).ThenBy(c => c.Id).Skip((p - 1) * size).Take(size), today, ct);
        return new Page<CommitmentLedgerRow>(rows, p, size, total);
    }

    public static async Task<List<CommitmentLedgerRow>> CommitmentRowsAsync(RendaDbContext db, LedgerReader reader, CommitmentFilter filter, int? year, int? unit, CancellationToken ct = default)
    {
        var today = WorkCalendar.Today(db.Clock);
        return await RowsAsync(db, Commitments(db, reader, filter, year, unit, today).OrderBy(c => c.HandlingUnitId).ThenBy(c => c.DueOn).ThenBy(c => c.Id), today, ct);
    }

    private static async Task<List<CommitmentLedgerRow>> RowsAsync(RendaDbContext db, IQueryable<Commitment> q, DateOnly today, CancellationToken ct)
    {
        var items = await q.Select(c => new
        {
            c.Id, c.SuggestionId, c.Suggestion!.Number, c.Suggestion.Title, c.Suggestion.Year, c.HandlingUnitId, c.Promise, c.DueOn, c.Status, c.DoneOn,
            Latest = c.Progress.OrderByDescending(x => x.On).ThenByDescending(x => x.Id).Select(x => new { x.On, x.Text }).FirstOrDefault(),
        }).ToListAsync(ct);
        var unitIds = items.Select(i => i.HandlingUnitId).Distinct().ToList();
        var units = await db.HandlingUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return items.Select(i =>
        {
            var overdue = Commitment.Late(i.Status, i.DueOn, today);
            return new CommitmentLedgerRow(i.Id, i.SuggestionId, i.Number, i.Title, i.Year, i.HandlingUnitId, units.GetValueOrDefault(i.HandlingUnitId, ""), i.Promise, i.DueOn,
                i.Status, overdue, Label(i.Status, overdue), i.DoneOn, i.Latest?.On, i.Latest?.Text);
        }).ToList();
    }

    public static List<object?[]> CommitmentCells(IEnumerable<CommitmentLedgerRow> rows)
        => rows.Select((r, i) => new object?[] { i + 1, r.Unit, r.Number, r.Title, r.Promise, r.DueOn, r.StatusLabel, r.DoneOn, r.LatestProgressOn is { } on ? $"{on:yyyy-MM-dd} {r.LatestProgress}" : "" }).ToList();

    // --- the workbook ---------------------------------------------------------------------------

    /// <summary>
    /// One sheet titled <paramref name="title"/> (the sheet's name where none is given): the shared ledger layout of
    /// <see cref="Platform.Documents.ExcelWorkbook"/> — title row, frozen header, landscape, one page wide, header repeated.
    /// </summary>
    public static byte[] Workbook(string sheetName, IReadOnlyList<Column> columns, IEnumerable<object?[]> rows, string? title = null, string? subtitle = null)
        => Platform.Documents.ExcelWorkbook.Create(title ?? sheetName, subtitle, columns.Select(c => new Platform.Documents.ExcelColumn(c.Header, c.Width)).ToList(), rows, sheetName);

    /// <summary>A file name that browsers keep in Chinese (RFC 5987 via Results.File).</summary>
    public static string FileName(string congressShortName, string ledger, int? year) => year is { } y ? $"{congressShortName}{y}年代表建议{ledger}.xlsx" : $"{congressShortName}代表建议{ledger}.xlsx";

    public const string ContentType = Endpoints.Xlsx;
}
