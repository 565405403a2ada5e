using System.Globalization;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>
/// Keeps BudgetExecutionMonthly equal to the sums of the raw payments for what a batch touched. The analysis and the warning
/// rules' sums read only these (a year of a prefecture is about a million payments; its monthly sums a few ten thousand rows), the drill-down reads
/// the payments. Recomputing the touched (unit, month) cells from the raw rows, rather than adding the batch's rows to them,
/// makes a correction batch (rows of a unit-month replaced) and a refund (a negative row) come out right with no special case.
/// Three tables: the monthly sums at the finest grain, their roll-up by unit, function and fund, and that roll-up by day.
/// </summary>
public static class BudgetAggregates
{
    public static async Task RefreshAsync(RendaDbContext db, BudgetBatchScope scope, CancellationToken ct)
    {
        if (scope.Kind != BudgetDataKind.Payments || scope.Months.Count == 0 || scope.BudgetUnitIds.Count == 0)
            return;
        // Ids and months are integers the import computed, never user text: inlining them keeps one statement per batch.
        var units = string.Join(",", scope.BudgetUnitIds.Order().Select(u => u.ToString(CultureInfo.InvariantCulture)));
        var months = string.Join(",", scope.Months.Order().Select(m => m.ToString(CultureInfo.InvariantCulture)));
        var from = new DateOnly(scope.Year, scope.Months.Min(), 1);
        var to = new DateOnly(scope.Year, scope.Months.Max(), 1).AddMonths(1).AddDays(-1);
        var postgres = db.Provider == DatabaseProvider.Postgres;
        // SQLite keeps decimals as text: EF's ef_sum adds them exactly (SUM would go through floating point).
        var month = postgres ? "CAST(EXTRACT(MONTH FROM \"PaidOn\") AS integer)" : "CAST(strftime('%m', \"PaidOn\") AS INTEGER)";
        var sum = postgres ? "SUM(\"Amount\")" : "ef_sum(\"Amount\")";
        var delete = $$"""
            DELETE FROM "BudgetExecutionMonthly"
            WHERE "CongressId" = {0} AND "Year" = {1} AND "Month" IN ({{months}}) AND "BudgetUnitId" IN ({{units}})
            """;
        var insert = $$"""
            INSERT INTO "BudgetExecutionMonthly" ("CongressId", "Year", "Month", "BudgetUnitId", "ProjectId", "FunctionCode", "EconomicCode", "FundNature", "IndicatorDocumentNumber", "Amount", "Payments")
            SELECT "CongressId", "Year", {{month}}, "BudgetUnitId", COALESCE("ProjectId", 0), "FunctionCode", "EconomicCode", "FundNature", COALESCE("IndicatorDocumentNumber", ''), {{sum}}, COUNT(*)
            FROM "TreasuryPayments"
            WHERE "CongressId" = {0} AND "Year" = {1} AND "BudgetUnitId" IN ({{units}}) AND "PaidOn" >= {2} AND "PaidOn" <= {3} AND {{month}} IN ({{months}})
            GROUP BY "CongressId", "Year", {{month}}, "BudgetUnitId", COALESCE("ProjectId", 0), "FunctionCode", "EconomicCode", "FundNature", COALESCE("IndicatorDocumentNumber", '')
            """;
        // The coarser roll-up, from the finer sums just written (a tenth of their rows).
        var deleteUnits = delete.Replace("\"BudgetExecutionMonthly\"", "\"BudgetExecutionUnitMonthly\"", StringComparison.Ordinal);
        var insertUnits = $$"""
            INSERT INTO "BudgetExecutionUnitMonthly" ("CongressId", "Year", "Month", "BudgetUnitId", "FunctionCode", "FundNature", "Amount", "Payments")
            SELECT "CongressId", "Year", "Month", "BudgetUnitId", "FunctionCode", "FundNature", {{sum}}, SUM("Payments")
            FROM "BudgetExecutionMonthly"
            WHERE "CongressId" = {0} AND "Year" = {1} AND "Month" IN ({{months}}) AND "BudgetUnitId" IN ({{units}})
            GROUP BY "CongressId", "Year", "Month", "BudgetUnitId", "FunctionCode", "FundNature"
            """;
        // The same roll-up by day, from the raw rows (an analysis as of a date inside a month reads the days it needs from it),
        // written in date order so that a half month's sums sit on a few hundred pages, not scattered over the year's.
        var day = postgres ? "CAST(EXTRACT(DAY FROM \"PaidOn\") AS integer)" : "CAST(strftime('%d', \"PaidOn\") AS INTEGER)";
        var deleteDays = delete.Replace("\"BudgetExecutionMonthly\"", "\"BudgetExecutionUnitDaily\"", StringComparison.Ordinal);
        var insertDays = $$"""
            INSERT INTO "BudgetExecutionUnitDaily" ("CongressId", "Year", "Month", "Day", "BudgetUnitId", "FunctionCode", "FundNature", "Amount", "Payments")
            SELECT "CongressId", "Year", {{month}}, {{day}}, "BudgetUnitId", "FunctionCode", "FundNature", {{sum}}, COUNT(*)
            FROM "TreasuryPayments"
            WHERE "CongressId" = {0} AND "Year" = {1} AND "BudgetUnitId" IN ({{units}}) AND "PaidOn" >= {2} AND "PaidOn" <= {3} AND {{month}} IN ({{months}})
            GROUP BY "CongressId", "Year", {{month}}, {{day}}, "BudgetUnitId", "FunctionCode", "FundNature"
            ORDER BY 3, 4
            """;
        await db.Database.ExecuteSqlRawAsync(delete, [scope.CongressId, scope.Year], ct);
        await db.Database.ExecuteSqlRawAsync(insert, [scope.CongressId, scope.Year, from, to], ct);
        await db.Database.ExecuteSqlRawAsync(deleteUnits, [scope.CongressId, scope.Year], ct);
        await db.Database.ExecuteSqlRawAsync(insertUnits, [scope.CongressId, scope.Year], ct);
        await db.Database.ExecuteSqlRawAsync(deleteDays, [scope.CongressId, scope.Year], ct);
        await db.Database.ExecuteSqlRawAsync(insertDays, [scope.CongressId, scope.Year, from, to], ct);
    }

    /// <summary>Every payment month of a congress's year, e.g. after the benchmark's generator or a repair; the same statements over all units.</summary>
    public static async Task RefreshYearAsync(RendaDbContext db, int congressId, int year, CancellationToken ct)
    {
        var units = await db.Set<TreasuryPayment>().Where(p => p.CongressId == congressId && p.Year == year).Select(p => p.BudgetUnitId).Distinct().ToListAsync(ct);
        var stale = await db.Set<BudgetExecutionMonthly>().Where(x => x.CongressId == congressId && x.Year == year).Select(x => x.BudgetUnitId).Distinct().ToListAsync(ct);
        await RefreshAsync(db, new BudgetBatchScope(congressId, BudgetDataKind.Payments, year, Enumerable.Range(1, 12).ToHashSet(), units.Union(stale).ToHashSet()), ct);
    }
}
