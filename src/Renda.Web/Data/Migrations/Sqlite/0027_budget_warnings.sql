-- 0027: budget warnings (issue 17, part B2): the deliberation opinions of a budget report cite warnings, and a partial index
-- finds the few payments to individuals (large and split payments) without reading the year's payments.
CREATE TABLE "BudgetWarningCitations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BudgetWarningCitations" PRIMARY KEY AUTOINCREMENT,
    "WarningId" INTEGER NOT NULL,
    "WorkReportId" INTEGER NOT NULL,
    "CitedOn" TEXT NOT NULL,
    "AccountId" INTEGER NOT NULL,
    CONSTRAINT "FK_BudgetWarningCitations_BudgetWarnings_WarningId" FOREIGN KEY ("WarningId") REFERENCES "BudgetWarnings" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_BudgetWarningCitations_WarningId" ON "BudgetWarningCitations" ("WarningId");

CREATE UNIQUE INDEX "IX_BudgetWarningCitations_WorkReportId_WarningId" ON "BudgetWarningCitations" ("WorkReportId", "WarningId");

CREATE INDEX "IX_TreasuryPayments_Individuals" ON "TreasuryPayments" ("CongressId", "Year", "BudgetUnitId") WHERE "PayeeKind" = 'Individual';
