namespace Renda.Web.Features.BudgetMonitoring;

public sealed record ServiceUnit(int Id, string Code, string Name, decimal Indicator, decimal Paid, decimal? Rate, decimal? Gap, int OpenWarnings, string Drill);
public sealed record ServiceProject(int UnitId, int ProjectId, string Code, string Name, string Unit, string Kind, decimal Indicator, decimal Paid, decimal? Rate, decimal? Gap, string Drill);
public sealed record ServiceWarning(int Id, string Title, WarningRuleKind Rule, string RuleLabel, BudgetWarningStatus Status, string StatusLabel, DateOnly RaisedOn, string? Unit);

/// <summary>
/// The deputies' service (代表服务): the year's units with their execution, the projects found by name, and the warnings as
/// they stand — read-only, for deputies and members on a phone. Q finds units and projects by name (or code).
/// </summary>
/// Units come a page at a time (UnitPageSize, in code order): a prefecture has about sixty, too many cards to scroll on a phone;
/// UnitCount is how many match Q, Page the page shown (from 1) of PageCount.
public sealed record ServiceView(int Year, IReadOnlyList<int> Years, DateOnly AsOf, decimal Schedule, string? Q, IReadOnlyList<ServiceUnit> Units,
    IReadOnlyList<ServiceProject> Projects, IReadOnlyList<ServiceWarning> Warnings, int UnitCount = 0, int Page = 1, int PageCount = 1);

public sealed record WarningCount(WarningRuleKind Rule, string RuleLabel, BudgetWarningStatus Status, string StatusLabel, int Count);

/// <summary>One congress below as the congress above sees it: execution totals and warning counts, links to its summaries.</summary>
public sealed record BelowCongress(string Code, string Name, decimal Indicator, decimal Paid, decimal? Rate, int Warnings, int OpenWarnings, IReadOnlyList<WarningCount> Counts);

public static class BudgetServiceQueries
{
    public const int MaxProjects = 50;
    public const int MaxWarnings = 100;
    public const int UnitPageSize = 10;

    /// <summary>The year a page opens on: the current one if it has data, else the latest with data (null: none at all).</summary>
    public static async Task<(int Year, bool Current, IReadOnlyList<int> Years)> DefaultYearAsync(RendaDbContext db, int congressId, int? year, CancellationToken ct)
    {
        var years = await BudgetAnalysis.YearsAsync(db, congressId, ct);
        var choice = YearChoice.Of(years, year, WorkCalendar.Today(db.Clock).Year);
        return (choice.Year, choice.Year == choice.ThisYear, years);
    }

    public static async Task<ServiceView> ServiceAsync(RendaDbContext db, BudgetReader reader, int? year, string? q, CancellationToken ct, int? page = null)
    {
        reader.RequireOwn("代表服务的明细");
        if (page is < 1) throw DomainException.Invalid("page", "页码须为正整数。");
        var (y, _, years) = await DefaultYearAsync(db, reader.CongressId, year, ct);
        q = q?.Trim();
        if (q is { Length: > 50 }) throw DomainException.Invalid("q", "检索词不超过 50 个字。");
        var filter = new BudgetFilter(y);
        var units = await BudgetAnalysis.TableAsync(db, reader, BudgetView.Units, filter, ct);
        var open = await db.Set<BudgetWarning>().AsNoTracking()
            .Where(w => w.CongressId == reader.CongressId && w.Year == y && w.BudgetUnitId != null && w.Status != BudgetWarningStatus.Closed && w.Status != BudgetWarningStatus.Dismissed)
            .GroupBy(w => w.BudgetUnitId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var unitCards = units.Rows.Where(r => !r.Total && (q is not { Length: > 0 } || Has(r, units, "unit", q) || Has(r, units, "code", q)))
            .Select(r =>
            {
                var id = int.Parse(r.Key!, System.Globalization.CultureInfo.InvariantCulture);
                return new ServiceUnit(id, Cell<string>(r, units, "code"), Cell<string>(r, units, "unit"), Cell<decimal>(r, units, "indicator"), Cell<decimal>(r, units, "paid"),
                    (decimal?)r.Cells[units.Column("rate")], (decimal?)r.Cells[units.Column("gap")], open.GetValueOrDefault(id), r.Drill.GetValueOrDefault("paid", ""));
            }).ToList();
        var projects = new List<ServiceProject>();
        if (q is { Length: > 0 })
        {
            var table = await BudgetAnalysis.TableAsync(db, reader, BudgetView.Projects, filter, ct);
            projects = table.Rows.Where(r => !r.Total && r.Key is not null && (Has(r, table, "project", q) || Has(r, table, "code", q))).Take(MaxProjects).Select(r =>
            {
                var key = r.Key!.Split(':');
                return new ServiceProject(int.Parse(key[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(key[1], System.Globalization.CultureInfo.InvariantCulture),
                    Cell<string>(r, table, "code"), Cell<string>(r, table, "project"), Cell<string>(r, table, "unit"), Cell<string>(r, table, "kind"), Cell<decimal>(r, table, "indicator"),
                    Cell<decimal>(r, table, "paid"), (decimal?)r.Cells[table.Column("rate")], (decimal?)r.Cells[table.Column("gap")], r.Drill.GetValueOrDefault("paid", ""));
            }).ToList();
        }
        var warnings = await WarningsAsync(db, reader, y, q, unitCards.Select(u => u.Id).ToList(), ct);
        var pages = Math.Max(1, (unitCards.Count + UnitPageSize - 1) / UnitPageSize);
        // A page past the end (the list shrank since the link was made) shows the last one.
        var shown = Math.Min(page ?? 1, pages);
        return new ServiceView(y, years, units.AsOf, units.Schedule, q, unitCards.Skip((shown - 1) * UnitPageSize).Take(UnitPageSize).ToList(), projects, warnings,
            unitCards.Count, shown, pages);
    }

    private static bool Has(BudgetRow r, BudgetTable t, string key, string q) => r.Cells[t.Column(key)] is string s && s.Contains(q, StringComparison.OrdinalIgnoreCase);

    private static T Cell<T>(BudgetRow r, BudgetTable t, string key) => (T)r.Cells[t.Column(key)]!;

    private static async Task<List<ServiceWarning>> WarningsAsync(RendaDbContext db, BudgetReader reader, int year, string? q, List<int> unitIds, CancellationToken ct)
    {
        var w = db.Set<BudgetWarning>().AsNoTracking().Where(x => x.CongressId == reader.CongressId && x.Year == year);
        if (reader.UnitIds is { } mine) w = w.Where(x => x.BudgetUnitId != null && mine.Contains(x.BudgetUnitId.Value));
        if (q is { Length: > 0 }) w = w.Where(x => x.Title.Contains(q) || (x.BudgetUnitId != null && unitIds.Contains(x.BudgetUnitId.Value)));
        var rows = await w.OrderByDescending(x => x.RaisedOn).ThenByDescending(x => x.Id).Take(MaxWarnings)
            .Select(x => new { x.Id, x.Title, x.Rule, x.Status, x.RaisedOn, x.BudgetUnitId }).ToListAsync(ct);
        var ids = rows.Where(r => r.BudgetUnitId != null).Select(r => r.BudgetUnitId!.Value).Distinct().ToList();
        var names = await db.Set<BudgetUnit>().AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        // Titles are written by the rules from unit and project names and figures, never from a payee's name (budget-rules.md).
        return rows.Select(r => new ServiceWarning(r.Id, r.Title, r.Rule, BudgetLabels.Of(r.Rule), r.Status, BudgetLabels.Of(r.Status), r.RaisedOn,
            r.BudgetUnitId is { } u ? names.GetValueOrDefault(u) : null)).ToList();
    }

    /// <summary>Warnings of a congress's year counted by rule and state (what the congress above sees of those below).</summary>
    public static async Task<List<WarningCount>> WarningCountsAsync(RendaDbContext db, int congressId, int year, CancellationToken ct)
    {
        var counts = await db.Set<BudgetWarning>().AsNoTracking().Where(w => w.CongressId == congressId && w.Year == year)
            .GroupBy(w => new { w.Rule, w.Status }).Select(g => new { g.Key.Rule, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        return counts.OrderBy(c => c.Rule).ThenBy(c => c.Status).Select(c => new WarningCount(c.Rule, BudgetLabels.Of(c.Rule), c.Status, BudgetLabels.Of(c.Status), c.Count)).ToList();
    }

    /// <summary>The congresses below the reader's own, each with its year's totals and warning counts.</summary>
    public static async Task<List<BelowCongress>> BelowAsync(RendaDbContext db, BudgetActor actor, int year, CancellationToken ct)
    {
        if (!actor.IsStaff && !actor.IsCouncil) throw DomainException.Forbidden("下级人大的预算执行汇总只向上级人大常委会工作人员开放。");
        var result = new List<BelowCongress>();
        foreach (var (id, code, name) in await BudgetReader.BelowAsync(db, actor.CongressId, ct))
        {
            var paid = await db.Set<BudgetExecutionUnitMonthly>().AsNoTracking().Where(x => x.CongressId == id && x.Year == year).SumAsync(x => x.Amount, ct);
            var indicator = await db.Set<BudgetIndicator>().AsNoTracking().Where(x => x.CongressId == id && x.Year == year).SumAsync(x => x.Amount, ct);
            var counts = await WarningCountsAsync(db, id, year, ct);
            result.Add(new BelowCongress(code, name, indicator, paid, BudgetAnalysis.Rate(paid, indicator), counts.Sum(c => c.Count),
                counts.Where(c => c.Status is not (BudgetWarningStatus.Closed or BudgetWarningStatus.Dismissed)).Sum(c => c.Count), counts));
        }
        return result;
    }
}
