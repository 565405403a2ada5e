-- 0005: registration numbers past 999 and under concurrent submissions (Suggestions.Serial, the
-- numeric part of Number, unique per congress and year), and indexes for the list: one per filter
-- shape (congress; + year; + status; + year and status) in the list's order (Id), each carrying
-- Status and CreatedByAccountId so the visibility rule, the count and the page's ids need no table
-- rows. The old (CongressId, Year, Status) index is a prefix of one of them. See docs/BENCHMARKS.md.

ALTER TABLE "Suggestions" ADD "Serial" INTEGER NULL;

-- Numbers are written as YYYY-NNN…; the year is also the row's Year.
UPDATE "Suggestions" SET "Serial" = CAST(substr("Number", 6) AS INTEGER) WHERE "Number" IS NOT NULL;

-- 0004 may already have replaced it by IX_Suggestions_Statistics.
DROP INDEX IF EXISTS "IX_Suggestions_CongressId_Year_Status";

CREATE INDEX "IX_Suggestions_CongressId_Id_Status_CreatedByAccountId" ON "Suggestions" ("CongressId", "Id", "Status", "CreatedByAccountId");

CREATE INDEX "IX_Suggestions_CongressId_Year_Id_Status_CreatedByAccountId" ON "Suggestions" ("CongressId", "Year", "Id", "Status", "CreatedByAccountId");

CREATE INDEX "IX_Suggestions_CongressId_Status_Id_CreatedByAccountId" ON "Suggestions" ("CongressId", "Status", "Id", "CreatedByAccountId");

CREATE INDEX "IX_Suggestions_CongressId_Year_Status_Id_CreatedByAccountId" ON "Suggestions" ("CongressId", "Year", "Status", "Id", "CreatedByAccountId");

CREATE UNIQUE INDEX "IX_Suggestions_CongressId_Year_Serial" ON "Suggestions" ("CongressId", "Year", "Serial");
