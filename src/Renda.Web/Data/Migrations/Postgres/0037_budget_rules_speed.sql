-- 0037: the warning rules read their sums from the monthly aggregates instead of grouping a year of payments (issue 17:
-- all rules ≤ 2 × one scan of the table). The monthly sums gain the indicator document the payments name ('' for none, a
-- key column so not null), recomputed here from the payments; the partial index of payments to individuals is ordered as
-- the split-payment rule walks them (unit, payee, date) and covers what the two rules on individuals read.
ALTER TABLE "BudgetExecutionMonthly" ADD COLUMN "IndicatorDocumentNumber" character varying(60) NOT NULL DEFAULT '';
ALTER TABLE "BudgetExecutionMonthly" ALTER COLUMN "IndicatorDocumentNumber" DROP DEFAULT;

DROP INDEX "IX_BudgetExecutionMonthly_CongressId_Year_Month_BudgetUnitId_P~";
DELETE FROM "BudgetExecutionMonthly";
INSERT INTO "BudgetExecutionMonthly" ("CongressId", "Year", "Month", "BudgetUnitId", "ProjectId", "FunctionCode", "EconomicCode", "FundNature", "IndicatorDocumentNumber", "Amount", "Payments")
SELECT "CongressId", "Year", CAST(EXTRACT(MONTH FROM "PaidOn") AS integer), "BudgetUnitId", COALESCE("ProjectId", 0), "FunctionCode", "EconomicCode", "FundNature",
    COALESCE("IndicatorDocumentNumber", ''), SUM("Amount"), COUNT(*)
FROM "TreasuryPayments"
GROUP BY "CongressId", "Year", CAST(EXTRACT(MONTH FROM "PaidOn") AS integer), "BudgetUnitId", COALESCE("ProjectId", 0), "FunctionCode", "EconomicCode", "FundNature",
    COALESCE("IndicatorDocumentNumber", '');
CREATE UNIQUE INDEX "IX_BudgetExecutionMonthly_CongressId_Year_Month_BudgetUnitId_P~" ON "BudgetExecutionMonthly" ("CongressId", "Year", "Month", "BudgetUnitId", "ProjectId", "FunctionCode", "EconomicCode", "FundNature", "IndicatorDocumentNumber");

DROP INDEX "IX_TreasuryPayments_Individuals";
CREATE INDEX "IX_TreasuryPayments_Individuals" ON "TreasuryPayments" ("CongressId", "Year", "BudgetUnitId", "PayeeName", "PaidOn", "Id") INCLUDE ("Amount", "ProjectId") WHERE "PayeeKind" = 'Individual';
