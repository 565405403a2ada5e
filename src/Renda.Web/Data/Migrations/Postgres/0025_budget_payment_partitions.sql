-- 0025: treasury payments partitioned by budget year (issue 17: 10 M payments; a prefecture sends about a million a year).
-- A year's analysis and its warning rules read one partition; an old year can be detached and archived whole. The table
-- of 0024 is empty when this runs on a released database (nothing wrote it before), but its rows are carried over anyway.
-- Partitions are made by the import for the year it writes (BudgetPaymentWriter: CREATE TABLE … PARTITION OF); the
-- DEFAULT partition catches a row of a year without one (a test writing through EF), so a write never fails for want of a
-- partition. The indexes are declared on the parent, so each partition gets its own.
ALTER TABLE "TreasuryPayments" RENAME TO "TreasuryPayments_0024";
ALTER TABLE "TreasuryPayments_0024" RENAME CONSTRAINT "PK_TreasuryPayments" TO "PK_TreasuryPayments_0024";
DROP INDEX "IX_TreasuryPayments_BatchId";
DROP INDEX "IX_TreasuryPayments_CongressId_Year_BudgetUnitId_PaidOn";
DROP INDEX "IX_TreasuryPayments_CongressId_Year_ProjectId";
DROP INDEX "IX_TreasuryPayments_CongressId_Year_VoucherNumber";
CREATE TABLE "TreasuryPayments" (
    "Year" integer NOT NULL,
    "Id" bigint NOT NULL,
    "CongressId" integer NOT NULL,
    "BatchId" integer NOT NULL,
    "VoucherNumber" character varying(40) NOT NULL,
    "BudgetUnitId" integer NOT NULL,
    "FunctionCode" character varying(10) NOT NULL,
    "EconomicCode" character varying(10) NOT NULL,
    "ProjectId" integer,
    "IndicatorDocumentNumber" character varying(60),
    "FundNature" character varying(40) NOT NULL,
    "Method" character varying(40) NOT NULL,
    "Amount" numeric(18,2) NOT NULL,
    "ReversesVoucherNumber" character varying(40),
    "PayeeName" character varying(100) NOT NULL,
    "PayeeKind" character varying(40) NOT NULL,
    "PayeeBank" character varying(100),
    "Summary" character varying(200),
    "PaidOn" date NOT NULL,
    "ClearedOn" date,
    CONSTRAINT "PK_TreasuryPayments" PRIMARY KEY ("Year", "Id")
) PARTITION BY RANGE ("Year");
CREATE TABLE "TreasuryPayments_default" PARTITION OF "TreasuryPayments" DEFAULT;
CREATE INDEX "IX_TreasuryPayments_BatchId" ON "TreasuryPayments" ("BatchId");
CREATE INDEX "IX_TreasuryPayments_CongressId_Year_BudgetUnitId_PaidOn" ON "TreasuryPayments" ("CongressId", "Year", "BudgetUnitId", "PaidOn");
CREATE INDEX "IX_TreasuryPayments_CongressId_Year_ProjectId" ON "TreasuryPayments" ("CongressId", "Year", "ProjectId");
CREATE UNIQUE INDEX "IX_TreasuryPayments_CongressId_Year_VoucherNumber" ON "TreasuryPayments" ("CongressId", "Year", "VoucherNumber");
INSERT INTO "TreasuryPayments" SELECT * FROM "TreasuryPayments_0024";
DROP TABLE "TreasuryPayments_0024";
