-- 0035: the duty archive (issue 18, items 7-10): points weights per congress, correction requests, annual duty reports;
-- one record per (deputy, kind, source) — duplicates written before are removed first — and the index of the yearly points query.

CREATE TABLE "DutyCorrectionRequests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DutyCorrectionRequests" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "DeputyId" INTEGER NOT NULL,
    "DutyRecordId" INTEGER NULL,
    "Kind" TEXT NULL,
    "On" TEXT NULL,
    "Title" TEXT NULL,
    "Reason" TEXT NOT NULL,
    "RequestedByAccountId" INTEGER NOT NULL,
    "RequestedAt" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Decision" TEXT NULL,
    "DecidedByAccountId" INTEGER NULL,
    "DecidedAt" TEXT NULL
);
CREATE TABLE "DutyPointWeights" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DutyPointWeights" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Weight" REAL NOT NULL
);
CREATE TABLE "DutyReports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DutyReports" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "DeputyId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "PresentedOn" TEXT NULL,
    "LiaisonStationId" INTEGER NULL,
    "StationName" TEXT NULL,
    "Satisfied" INTEGER NULL,
    "BasicallySatisfied" INTEGER NULL,
    "Dissatisfied" INTEGER NULL
);

DELETE FROM "DutyRecords" WHERE "Id" NOT IN (SELECT MIN("Id") FROM "DutyRecords" GROUP BY "DeputyId", "Kind", "SourceType", "SourceId");

CREATE INDEX "IX_DutyCorrectionRequests_CongressId_Status" ON "DutyCorrectionRequests" ("CongressId", "Status");

CREATE INDEX "IX_DutyCorrectionRequests_DeputyId" ON "DutyCorrectionRequests" ("DeputyId");

CREATE UNIQUE INDEX "IX_DutyPointWeights_CongressId_Kind" ON "DutyPointWeights" ("CongressId", "Kind");

CREATE UNIQUE INDEX "IX_DutyRecords_DeputyId_Kind_SourceType_SourceId" ON "DutyRecords" ("DeputyId", "Kind", "SourceType", "SourceId");

CREATE INDEX "IX_DutyRecords_On_DeputyId_Kind" ON "DutyRecords" ("On", "DeputyId", "Kind");

CREATE INDEX "IX_DutyReports_CongressId_Year" ON "DutyReports" ("CongressId", "Year");

CREATE UNIQUE INDEX "IX_DutyReports_DeputyId_Year" ON "DutyReports" ("DeputyId", "Year");

