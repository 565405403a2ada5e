-- 0039: budget analysis as of a date inside a month (issue 17: execution by unit p95 ≤ 100 ms at 10 M payments): the roll-up
-- by unit, functional code and fund nature kept by day, so that the days of a month cut short are read from a few thousand
-- sums instead of the payments of those days. Filled from the payments already there (ef_sum: decimals kept as text, added exactly).
CREATE TABLE "BudgetExecutionUnitDaily" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BudgetExecutionUnitDaily" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Month" INTEGER NOT NULL,
    "Day" INTEGER NOT NULL,
    "BudgetUnitId" INTEGER NOT NULL,
    "FunctionCode" TEXT NOT NULL,
    "FundNature" TEXT NOT NULL,
    "Amount" TEXT NOT NULL,
    "Payments" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_BudgetExecutionUnitDaily_Cell" ON "BudgetExecutionUnitDaily" ("CongressId", "Year", "Month", "Day", "BudgetUnitId", "FunctionCode", "FundNature");

INSERT INTO "BudgetExecutionUnitDaily" ("CongressId", "Year", "Month", "Day", "BudgetUnitId", "FunctionCode", "FundNature", "Amount", "Payments")
SELECT "CongressId", "Year", CAST(strftime('%m', "PaidOn") AS INTEGER), CAST(strftime('%d', "PaidOn") AS INTEGER), "BudgetUnitId", "FunctionCode", "FundNature",
       ef_sum("Amount"), COUNT(*)
FROM "TreasuryPayments"
GROUP BY "CongressId", "Year", CAST(strftime('%m', "PaidOn") AS INTEGER), CAST(strftime('%d', "PaidOn") AS INTEGER), "BudgetUnitId", "FunctionCode", "FundNature"
ORDER BY 1, 2, 3, 4;
