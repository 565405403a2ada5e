-- 0029: budget analysis (issue 17): the monthly sums rolled up to unit, functional code and fund nature (the views by unit,
-- function, fund and month read a tenth of the finer table's rows); the drill-down pages a year's payments in (date, id)
-- order by cursor; a payment's detail lists the refunds that name its voucher.
CREATE TABLE "BudgetExecutionUnitMonthly" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BudgetExecutionUnitMonthly" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Month" INTEGER NOT NULL,
    "BudgetUnitId" INTEGER NOT NULL,
    "FunctionCode" TEXT NOT NULL,
    "FundNature" TEXT NOT NULL,
    "Amount" TEXT NOT NULL,
    "Payments" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_BudgetExecutionUnitMonthly_CongressId_Year_Month_BudgetUnitId_FunctionCode_FundNature" ON "BudgetExecutionUnitMonthly" ("CongressId", "Year", "Month", "BudgetUnitId", "FunctionCode", "FundNature");

CREATE INDEX "IX_TreasuryPayments_CongressId_Year_PaidOn_Id" ON "TreasuryPayments" ("CongressId", "Year", "PaidOn", "Id");

CREATE INDEX "IX_TreasuryPayments_CongressId_ReversesVoucherNumber" ON "TreasuryPayments" ("CongressId", "ReversesVoucherNumber");
