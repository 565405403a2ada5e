-- 0024: budget online supervision (issue 17, 监督法 第三十条): the finance bureau's reference data (units, classification codes,
-- projects), its batches of indicators, treasury payments and debt, the monthly aggregates the analysis reads, warnings with
-- the records behind them and their replies, the congress's rule settings and periods. TreasuryPayments' key holds Year so
-- that the table can be partitioned by year on PostgreSQL.
CREATE TABLE "BudgetBatches" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BudgetBatches" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "ExternalId" TEXT NOT NULL,
    "ContentHash" TEXT NOT NULL,
    "FileName" TEXT NULL,
    "Year" INTEGER NOT NULL,
    "Month" INTEGER NULL,
    "CorrectsBudgetUnitId" INTEGER NULL,
    "RowCount" INTEGER NOT NULL,
    "AmountSum" TEXT NOT NULL,
    "ReceivedAt" TEXT NOT NULL,
    "AccountId" INTEGER NULL
);

CREATE TABLE "BudgetClassifications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BudgetClassifications" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL
);

CREATE TABLE "BudgetExecutionMonthly" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BudgetExecutionMonthly" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Month" INTEGER NOT NULL,
    "BudgetUnitId" INTEGER NOT NULL,
    "ProjectId" INTEGER NOT NULL,
    "FunctionCode" TEXT NOT NULL,
    "EconomicCode" TEXT NOT NULL,
    "FundNature" TEXT NOT NULL,
    "Amount" TEXT NOT NULL,
    "Payments" INTEGER NOT NULL
);

CREATE TABLE "BudgetIndicators" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BudgetIndicators" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "BatchId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "DocumentNumber" TEXT NOT NULL,
    "BudgetUnitId" INTEGER NOT NULL,
    "FunctionCode" TEXT NOT NULL,
    "EconomicCode" TEXT NOT NULL,
    "ProjectId" INTEGER NULL,
    "FundNature" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "Adjustment" TEXT NULL,
    "Amount" TEXT NOT NULL,
    "EffectiveOn" TEXT NOT NULL
);

CREATE TABLE "BudgetProjects" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BudgetProjects" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "BudgetUnitId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL
);

CREATE TABLE "BudgetSettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BudgetSettings" PRIMARY KEY AUTOINCREMENT,
    "DataDueWorkingDays" INTEGER NOT NULL,
    "WarningReplyWorkingDays" INTEGER NOT NULL,
    "FinanceBureauUnitId" INTEGER NULL,
    "MaxUploadMegabytes" INTEGER NOT NULL,
    "CongressId" INTEGER NOT NULL
);

CREATE TABLE "BudgetUnits" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BudgetUnits" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "ParentCode" TEXT NULL,
    "HandlingUnitId" INTEGER NULL,
    "Active" INTEGER NOT NULL
);

CREATE TABLE "BudgetWarnings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BudgetWarnings" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Rule" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Fingerprint" TEXT NOT NULL,
    "BudgetUnitId" INTEGER NULL,
    "ProjectId" INTEGER NULL,
    "Title" TEXT NOT NULL,
    "Figure" TEXT NOT NULL,
    "Threshold" TEXT NOT NULL,
    "Detail" TEXT NOT NULL,
    "RaisedOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "SentToHandlingUnitId" INTEGER NULL,
    "SentOn" TEXT NULL,
    "Round" INTEGER NOT NULL,
    "DismissReason" TEXT NULL,
    "ClosedOn" TEXT NULL
);

CREATE TABLE "DebtRepayments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DebtRepayments" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "BatchId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Instrument" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "AmountDue" TEXT NOT NULL,
    "PaidOn" TEXT NULL,
    "AmountPaid" TEXT NOT NULL
);

CREATE TABLE "GovernmentDebts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GovernmentDebts" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "BatchId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Limit" TEXT NOT NULL,
    "Balance" TEXT NOT NULL,
    "AsOf" TEXT NOT NULL
);

CREATE TABLE "TreasuryPayments" (
    "Year" INTEGER NOT NULL,
    "Id" INTEGER NOT NULL,
    "CongressId" INTEGER NOT NULL,
    "BatchId" INTEGER NOT NULL,
    "VoucherNumber" TEXT NOT NULL,
    "BudgetUnitId" INTEGER NOT NULL,
    "FunctionCode" TEXT NOT NULL,
    "EconomicCode" TEXT NOT NULL,
    "ProjectId" INTEGER NULL,
    "IndicatorDocumentNumber" TEXT NULL,
    "FundNature" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "Amount" TEXT NOT NULL,
    "ReversesVoucherNumber" TEXT NULL,
    "PayeeName" TEXT NOT NULL,
    "PayeeKind" TEXT NOT NULL,
    "PayeeBank" TEXT NULL,
    "Summary" TEXT NULL,
    "PaidOn" TEXT NOT NULL,
    "ClearedOn" TEXT NULL,
    CONSTRAINT "PK_TreasuryPayments" PRIMARY KEY ("Year", "Id")
);

CREATE TABLE "WarningRules" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WarningRules" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Enabled" INTEGER NOT NULL,
    "Threshold" TEXT NOT NULL,
    "SecondThreshold" TEXT NULL,
    "CutOffs" TEXT NULL,
    "Scope" TEXT NULL
);

CREATE TABLE "BudgetWarningEvidence" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BudgetWarningEvidence" PRIMARY KEY AUTOINCREMENT,
    "WarningId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "RecordId" INTEGER NOT NULL,
    CONSTRAINT "FK_BudgetWarningEvidence_BudgetWarnings_WarningId" FOREIGN KEY ("WarningId") REFERENCES "BudgetWarnings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "BudgetWarningReplies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BudgetWarningReplies" PRIMARY KEY AUTOINCREMENT,
    "WarningId" INTEGER NOT NULL,
    "Round" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Rectification" TEXT NULL,
    "On" TEXT NOT NULL,
    "AccountId" INTEGER NOT NULL,
    CONSTRAINT "FK_BudgetWarningReplies_BudgetWarnings_WarningId" FOREIGN KEY ("WarningId") REFERENCES "BudgetWarnings" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_BudgetBatches_CongressId_Kind_ExternalId" ON "BudgetBatches" ("CongressId", "Kind", "ExternalId");

CREATE INDEX "IX_BudgetBatches_CongressId_Year_Month" ON "BudgetBatches" ("CongressId", "Year", "Month");

CREATE UNIQUE INDEX "IX_BudgetClassifications_Kind_Code" ON "BudgetClassifications" ("Kind", "Code");

CREATE UNIQUE INDEX "IX_BudgetExecutionMonthly_CongressId_Year_Month_BudgetUnitId_ProjectId_FunctionCode_EconomicCode_FundNature" ON "BudgetExecutionMonthly" ("CongressId", "Year", "Month", "BudgetUnitId", "ProjectId", "FunctionCode", "EconomicCode", "FundNature");

CREATE INDEX "IX_BudgetIndicators_BatchId" ON "BudgetIndicators" ("BatchId");

CREATE INDEX "IX_BudgetIndicators_CongressId_Year_BudgetUnitId" ON "BudgetIndicators" ("CongressId", "Year", "BudgetUnitId");

CREATE INDEX "IX_BudgetIndicators_CongressId_Year_DocumentNumber" ON "BudgetIndicators" ("CongressId", "Year", "DocumentNumber");

CREATE INDEX "IX_BudgetProjects_BudgetUnitId" ON "BudgetProjects" ("BudgetUnitId");

CREATE UNIQUE INDEX "IX_BudgetProjects_CongressId_Code" ON "BudgetProjects" ("CongressId", "Code");

CREATE UNIQUE INDEX "IX_BudgetSettings_CongressId" ON "BudgetSettings" ("CongressId");

CREATE UNIQUE INDEX "IX_BudgetUnits_CongressId_Code" ON "BudgetUnits" ("CongressId", "Code");

CREATE INDEX "IX_BudgetWarningEvidence_Kind_Year_RecordId" ON "BudgetWarningEvidence" ("Kind", "Year", "RecordId");

CREATE INDEX "IX_BudgetWarningEvidence_WarningId" ON "BudgetWarningEvidence" ("WarningId");

CREATE INDEX "IX_BudgetWarningReplies_WarningId" ON "BudgetWarningReplies" ("WarningId");

CREATE UNIQUE INDEX "IX_BudgetWarnings_CongressId_Fingerprint" ON "BudgetWarnings" ("CongressId", "Fingerprint");

CREATE INDEX "IX_BudgetWarnings_CongressId_Status" ON "BudgetWarnings" ("CongressId", "Status");

CREATE INDEX "IX_BudgetWarnings_CongressId_Year_Rule" ON "BudgetWarnings" ("CongressId", "Year", "Rule");

CREATE INDEX "IX_BudgetWarnings_SentToHandlingUnitId" ON "BudgetWarnings" ("SentToHandlingUnitId");

CREATE INDEX "IX_DebtRepayments_CongressId_Year_DueOn" ON "DebtRepayments" ("CongressId", "Year", "DueOn");

CREATE INDEX "IX_GovernmentDebts_CongressId_Year_Kind" ON "GovernmentDebts" ("CongressId", "Year", "Kind");

CREATE INDEX "IX_TreasuryPayments_BatchId" ON "TreasuryPayments" ("BatchId");

CREATE INDEX "IX_TreasuryPayments_CongressId_Year_BudgetUnitId_PaidOn" ON "TreasuryPayments" ("CongressId", "Year", "BudgetUnitId", "PaidOn");

CREATE INDEX "IX_TreasuryPayments_CongressId_Year_ProjectId" ON "TreasuryPayments" ("CongressId", "Year", "ProjectId");

CREATE UNIQUE INDEX "IX_TreasuryPayments_CongressId_Year_VoucherNumber" ON "TreasuryPayments" ("CongressId", "Year", "VoucherNumber");

CREATE UNIQUE INDEX "IX_WarningRules_CongressId_Kind" ON "WarningRules" ("CongressId", "Kind");
