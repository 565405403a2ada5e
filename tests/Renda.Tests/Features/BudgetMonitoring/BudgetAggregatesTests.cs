using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.BudgetMonitoring;

namespace Renda.Tests.Features.BudgetMonitoring;

using static BudgetAnalysisData;

/// <summary>
/// The monthly aggregates (and their roll-ups by unit, by month and by day) equal the sums of the raw payments after a batch, a
/// correction of one unit-month and a refund, cell by cell down to the indicator document the warning rules read them by; and
/// the analysis as of a date inside a month (whole months from the monthly sums, the remaining days from the daily ones)
/// equals the raw payments up to that day.
/// </summary>
public abstract class BudgetAggregatesTests(RendaApp app)
{
    private sealed record Cell(int Month, int Unit, int Project, string Function, string Economic, FundNature Fund, string Document);

    [Fact]
    public async Task The_monthly_sums_equal_the_raw_payments_after_a_batch_a_correction_and_a_refund()
    {
        var set = await app.SeedAsync("AG", 2031, units: 3, payments: 300);
        await ShouldEqualRawAsync(set);
        await ShouldAnswerMidMonthAsync(set, new DateOnly(2031, 3, 15));

        // A correction batch replaces unit 2's March: its old rows go, three new ones come, the other units' March stays.
        var unit = set.Units[1].Id;
        var otherMarch = Expected(set).Where(e => e.Key.Month == 3 && e.Key.Unit != unit).ToList();
        otherMarch.ShouldNotBeEmpty();
        var correction = new List<Renda.Web.Features.BudgetMonitoring.TreasuryPayment>
        {
            Payment(set, unit, set.Projects.First(p => p.BudgetUnitId == unit).Id, "AGC0001", new DateOnly(2031, 3, 5), 1_000.10m, "青海通达建设有限公司", PayeeKind.Organisation),
            Payment(set, unit, null, "AGC0002", new DateOnly(2031, 3, 6), 2_000.20m, "张建国", PayeeKind.Individual, economic: "30211"),
            Payment(set, unit, null, "AGC0003", new DateOnly(2031, 3, 31), 0.01m, "张建国", PayeeKind.Individual, economic: "30211"),
        };
        await app.ApplyPaymentsAsync(set, correction, "AG-corr", replace: (unit, 3));
        await ShouldEqualRawAsync(set);
        var march = Expected(set).Where(e => e.Key.Month == 3 && e.Key.Unit == unit).ToList();
        march.Sum(e => e.Value.Amount).ShouldBe(3_000.31m);
        march.Sum(e => e.Value.Count).ShouldBe(3);
        (await AggregatesAsync(set)).Where(a => a.Key.Month == 3 && a.Key.Unit != unit).OrderBy(a => a.Key.ToString()).ShouldBe(otherMarch.OrderBy(a => a.Key.ToString()));
        await ShouldAnswerMidMonthAsync(set, new DateOnly(2031, 3, 5));
        await ShouldAnswerMidMonthAsync(set, new DateOnly(2031, 3, 30));

        // A refund in May reverses part of a January payment: May's cell goes down, January's stays.
        var paid = set.Payments.First(p => p.PaidOn.Month == 1 && p.Amount > 100);
        var refund = Payment(set, paid.BudgetUnitId, paid.ProjectId, "AGR0001", new DateOnly(2031, 5, 20), -100.05m, paid.PayeeName, paid.PayeeKind, paid.FunctionCode,
            paid.EconomicCode, paid.FundNature, reverses: paid.VoucherNumber);
        var mayBefore = Expected(set).Where(e => e.Key.Month == 5).Sum(e => e.Value.Amount);
        await app.ApplyPaymentsAsync(set, [refund], "AG-refund");
        await ShouldEqualRawAsync(set);
        (await AggregatesAsync(set)).Where(a => a.Key.Month == 5).Sum(a => a.Value.Amount).ShouldBe(mayBefore - 100.05m);
        await ShouldAnswerMidMonthAsync(set, new DateOnly(2031, 5, 19));
        await ShouldAnswerMidMonthAsync(set, new DateOnly(2031, 5, 20));
    }

    /// <summary>By unit, by functional code (the 项 level), by fund, by month and by project as of <paramref name="asOf"/>: the raw payments up to that day.</summary>
    private async Task ShouldAnswerMidMonthAsync(BudgetSet set, DateOnly asOf)
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var paid = set.Payments.Where(p => p.PaidOn <= asOf).ToList();
        paid.Count.ShouldBeLessThan(set.Payments.Count);
        var query = $"year={set.Year}&asOf={asOf:yyyy-MM-dd}";
        var units = (await staff.GetJsonOkAsync($"/api/v1/budget/analysis/units?{query}")).Rows();
        foreach (var u in set.Units)
        {
            var row = units.Single(r => r.Key == u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            row.Cells["paid"].Dec().ShouldBe(paid.Where(p => p.BudgetUnitId == u.Id).Sum(p => p.Amount), $"unit {u.Code} as of {asOf}");
            row.Cells["payments"].GetInt32().ShouldBe(paid.Count(p => p.BudgetUnitId == u.Id), $"unit {u.Code} as of {asOf}");
        }
        var functions = (await staff.GetJsonOkAsync($"/api/v1/budget/analysis/functions?{query}")).Rows();
        foreach (var f in paid.GroupBy(p => p.FunctionCode))
            functions.Single(r => !r.Total && r.Cells["code"].GetString() == f.Key).Cells["paid"].Dec().ShouldBe(f.Sum(p => p.Amount), $"function {f.Key} as of {asOf}");
        var funds = (await staff.GetJsonOkAsync($"/api/v1/budget/analysis/funds?{query}")).Rows();
        foreach (var f in paid.GroupBy(p => p.FundNature))
            funds.Single(r => r.Cells["fund"].GetString() == ((int)f.Key).ToString(System.Globalization.CultureInfo.InvariantCulture)).Cells["paid"].Dec().ShouldBe(f.Sum(p => p.Amount), $"fund {f.Key} as of {asOf}");
        var months = (await staff.GetJsonOkAsync($"/api/v1/budget/analysis/months?{query}")).Rows();
        months.Count.ShouldBe(asOf.Month);
        months[^1].Cells["paid"].Dec().ShouldBe(paid.Where(p => p.PaidOn.Month == asOf.Month).Sum(p => p.Amount));
        months[^1].Cells["cumulative"].Dec().ShouldBe(paid.Sum(p => p.Amount));
        var projects = (await staff.GetJsonOkAsync($"/api/v1/budget/analysis/projects?{query}")).Rows();
        projects.Single(r => r.Total).Cells["paid"].Dec().ShouldBe(paid.Sum(p => p.Amount));
    }

    /// <summary>What the test wrote, summed here: the expected aggregate cells.</summary>
    private static Dictionary<Cell, (decimal Amount, int Count)> Expected(BudgetSet set)
        => set.Payments.GroupBy(p => new Cell(p.PaidOn.Month, p.BudgetUnitId, p.ProjectId ?? 0, p.FunctionCode, p.EconomicCode, p.FundNature, p.IndicatorDocumentNumber ?? ""))
            .ToDictionary(g => g.Key, g => (g.Sum(p => p.Amount), g.Count()));

    private async Task<Dictionary<Cell, (decimal Amount, int Count)>> AggregatesAsync(BudgetSet set)
    {
        await using var scope = app.Db();
        var unitIds = set.Units.Select(u => u.Id).ToList();
        return (await scope.Context.Set<BudgetExecutionMonthly>().AsNoTracking()
                .Where(x => x.CongressId == set.CongressId && x.Year == set.Year && unitIds.Contains(x.BudgetUnitId)).ToListAsync())
            .ToDictionary(x => new Cell(x.Month, x.BudgetUnitId, x.ProjectId, x.FunctionCode, x.EconomicCode, x.FundNature, x.IndicatorDocumentNumber), x => (x.Amount, x.Payments));
    }

    private async Task ShouldEqualRawAsync(BudgetSet set)
    {
        var expected = Expected(set);
        var actual = await AggregatesAsync(set);
        actual.Count.ShouldBe(expected.Count);
        foreach (var (key, value) in expected)
            actual.GetValueOrDefault(key).ShouldBe(value, key.ToString());
        // And the raw rows in the database are the test's rows (nothing lost, nothing doubled).
        await using var scope = app.Db();
        var unitIds = set.Units.Select(u => u.Id).ToList();
        var raw = await scope.Context.Set<TreasuryPayment>().AsNoTracking().Where(p => p.CongressId == set.CongressId && p.Year == set.Year && unitIds.Contains(p.BudgetUnitId))
            .Select(p => p.Amount).ToListAsync();
        raw.Sum().ShouldBe(set.Payments.Sum(p => p.Amount));
        actual.Values.Sum(v => v.Amount).ShouldBe(raw.Sum());

        // The roll-up by unit, function and fund equals the same rows summed that way.
        var rolled = set.Payments.GroupBy(p => (p.PaidOn.Month, p.BudgetUnitId, p.FunctionCode, p.FundNature)).ToDictionary(g => g.Key, g => (g.Sum(p => p.Amount), g.Count()));
        var units = (await scope.Context.Set<BudgetExecutionUnitMonthly>().AsNoTracking()
                .Where(x => x.CongressId == set.CongressId && x.Year == set.Year && unitIds.Contains(x.BudgetUnitId)).ToListAsync())
            .ToDictionary(x => (x.Month, x.BudgetUnitId, x.FunctionCode, x.FundNature), x => (x.Amount, x.Payments));
        units.Count.ShouldBe(rolled.Count);
        foreach (var (key, value) in rolled)
            units.GetValueOrDefault(key).ShouldBe(value, key.ToString());

        // And the same roll-up by day.
        var daily = set.Payments.GroupBy(p => (p.PaidOn.Month, p.PaidOn.Day, p.BudgetUnitId, p.FunctionCode, p.FundNature)).ToDictionary(g => g.Key, g => (g.Sum(p => p.Amount), g.Count()));
        var days = (await scope.Context.Set<BudgetExecutionUnitDaily>().AsNoTracking()
                .Where(x => x.CongressId == set.CongressId && x.Year == set.Year && unitIds.Contains(x.BudgetUnitId)).ToListAsync())
            .ToDictionary(x => (x.Month, x.Day, x.BudgetUnitId, x.FunctionCode, x.FundNature), x => (x.Amount, x.Payments));
        days.Count.ShouldBe(daily.Count);
        foreach (var (key, value) in daily)
            days.GetValueOrDefault(key).ShouldBe(value, key.ToString());
    }
}

public sealed class BudgetAggregatesTests_Sqlite(SqliteApp app) : BudgetAggregatesTests(app), IClassFixture<SqliteApp>;
public sealed class BudgetAggregatesTests_Postgres(PostgresApp app) : BudgetAggregatesTests(app), IClassFixture<PostgresApp>;
