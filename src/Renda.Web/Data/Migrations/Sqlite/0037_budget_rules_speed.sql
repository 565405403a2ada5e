-- 0037: the warning rules read their sums from the monthly aggregates instead of grouping a year of payments (issue 17:
-- all rules ≤ 2 × one scan of the table). The monthly sums gain the indicator document the payments name ('' for none, a
-- key column so not null), recomputed here from the payments (ef_sum: EF's exact sum of decimals kept as text); the partial
-- index of payments to individuals is ordered as the split-payment rule walks them (unit, payee, date).
ALTER TABLE "BudgetExecutionMonthly" ADD COLUMN "IndicatorDocumentNumber" TEXT NOT NULL DEFAULT '';

DROP INDEX "IX_BudgetExecutionMonthly_CongressId_Year_Month_BudgetUnitId_ProjectId_FunctionCode_EconomicCode_FundNature";
DELETE FROM "BudgetExecutionMonthly";
INSERT INTO "BudgetExecutionMonthly" ("CongressId", "Year", "Month", "BudgetUnitId", "ProjectId", "FunctionCode", "EconomicCode", "FundNature", "IndicatorDocumentNumber", "Amount", "Payments")
SELECT "CongressId", "Year", CAST(strftime('%m', "PaidOn") AS INTEGER), "BudgetUnitId", COALESCE("ProjectId", 0), "FunctionCode", "EconomicCode", "FundNature",
    COALESCE("IndicatorDocumentNumber", ''), ef_sum("Amount"), COUNT(*)
FROM "TreasuryPayments"
GROUP BY "CongressId", "Year", CAST(strftime('%m', "PaidOn") AS INTEGER), "BudgetUnitId", COALESCE("ProjectId", 0), "FunctionCode", "EconomicCode", "FundNature",
    COALESCE("IndicatorDocumentNumber", '');
CREATE UNIQUE INDEX "IX_BudgetExecutionMonthly_CongressId_Year_Month_BudgetUnitId_ProjectId_FunctionCode_EconomicCode_FundNature_IndicatorDocumentNumber" ON "BudgetExecutionMonthly" ("CongressId", "Year", "Month", "BudgetUnitId", "ProjectId", "FunctionCode", "EconomicCode", "FundNature", "IndicatorDocumentNumber");

DROP INDEX "IX_TreasuryPayments_Individuals";
CREATE INDEX "IX_TreasuryPayments_Individuals" ON "TreasuryPayments" ("CongressId", "Year", "BudgetUnitId", "PayeeName", "PaidOn", "Id") WHERE "PayeeKind" = 'Individual';
