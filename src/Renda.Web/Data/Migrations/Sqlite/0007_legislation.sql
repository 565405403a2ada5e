-- Legislation (issue #5): plan, bills and versions, readings, comparison reasons, public comment, contact points, filing hand-over, approval.

CREATE TABLE "Approvals" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Approvals" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "FromCongressId" INTEGER NULL,
    "BillId" INTEGER NULL,
    "SubmittedBy" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "SubmittedOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "LegalityFindings" TEXT NULL,
    "ConflictFound" INTEGER NOT NULL,
    "MeetingId" INTEGER NULL,
    "AgendaItemId" INTEGER NULL,
    "VoteId" INTEGER NULL,
    "DecidedOn" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "BillComments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BillComments" PRIMARY KEY AUTOINCREMENT,
    "CommentPeriodId" INTEGER NOT NULL,
    "BillId" INTEGER NOT NULL,
    "NodeId" TEXT NULL,
    "ArticleLabel" TEXT NULL,
    "Source" TEXT NOT NULL,
    "Name" TEXT NULL,
    "Contact" TEXT NULL,
    "AccountId" INTEGER NULL,
    "DeputyId" INTEGER NULL,
    "ContactPointId" INTEGER NULL,
    "Text" TEXT NOT NULL,
    "AddressHash" TEXT NULL,
    "TextHash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Handling" TEXT NOT NULL,
    "HandlingReason" TEXT NULL
);

CREATE TABLE "BillReadings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BillReadings" PRIMARY KEY AUTOINCREMENT,
    "BillId" INTEGER NOT NULL,
    "Ordinal" INTEGER NOT NULL,
    "Stage" TEXT NOT NULL,
    "MeetingId" INTEGER NOT NULL,
    "AgendaItemId" INTEGER NOT NULL,
    "VersionId" INTEGER NOT NULL,
    "MeetingOn" TEXT NOT NULL,
    "Final" INTEGER NOT NULL,
    "Explanation" TEXT NULL,
    "ResultReport" TEXT NULL,
    "RevisionReport" TEXT NULL
);

CREATE TABLE "Bills" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Bills" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Sponsor" TEXT NOT NULL,
    "CommitteeId" INTEGER NULL,
    "PlanProjectId" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "FewerReadingsReason" TEXT NULL,
    "LastReadingOn" TEXT NULL,
    "FinalVoteId" INTEGER NULL,
    "PassedOn" TEXT NULL,
    "AnnouncementNumber" INTEGER NULL,
    "PromulgatedOn" TEXT NULL,
    "TerminationReason" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "BillVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BillVersions" PRIMARY KEY AUTOINCREMENT,
    "BillId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "Label" TEXT NOT NULL,
    "DerivedFromId" INTEGER NULL,
    "Frozen" INTEGER NOT NULL,
    "Document" TEXT NOT NULL,
    "ArticleCount" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "CommentPeriods" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CommentPeriods" PRIMARY KEY AUTOINCREMENT,
    "BillId" INTEGER NOT NULL,
    "VersionId" INTEGER NOT NULL,
    "OpensOn" TEXT NOT NULL,
    "ClosesOn" TEXT NOT NULL,
    "ShortPeriodReason" TEXT NULL,
    "Status" TEXT NOT NULL,
    "SummaryText" TEXT NULL,
    "SummaryPublishedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "ComparisonReasons" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ComparisonReasons" PRIMARY KEY AUTOINCREMENT,
    "BillId" INTEGER NOT NULL,
    "FromVersionId" INTEGER NOT NULL,
    "ToVersionId" INTEGER NOT NULL,
    "RowKey" TEXT NOT NULL,
    "Reason" TEXT NOT NULL
);

CREATE TABLE "FilingHandovers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FilingHandovers" PRIMARY KEY AUTOINCREMENT,
    "BillId" INTEGER NOT NULL,
    "ToCongressId" INTEGER NOT NULL,
    "HandedOverAt" TEXT NOT NULL,
    "ReceiverFilingId" INTEGER NULL,
    "Note" TEXT NULL
);

CREATE TABLE "LegislativeContactPoints" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LegislativeContactPoints" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Location" TEXT NOT NULL,
    "EstablishedOn" TEXT NOT NULL,
    "National" INTEGER NOT NULL
);

CREATE TABLE "PlanProjects" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanProjects" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Category" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Sponsor" TEXT NOT NULL,
    "CommitteeId" INTEGER NULL,
    "TargetMeeting" TEXT NULL,
    "Status" TEXT NOT NULL,
    "BillId" INTEGER NULL
);

CREATE TABLE "CommentPeriodPoints" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CommentPeriodPoints" PRIMARY KEY AUTOINCREMENT,
    "CommentPeriodId" INTEGER NOT NULL,
    "ContactPointId" INTEGER NOT NULL,
    CONSTRAINT "FK_CommentPeriodPoints_CommentPeriods_CommentPeriodId" FOREIGN KEY ("CommentPeriodId") REFERENCES "CommentPeriods" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Approvals_BillId" ON "Approvals" ("BillId");

CREATE INDEX "IX_Approvals_CongressId_Status_DecidedOn" ON "Approvals" ("CongressId", "Status", "DecidedOn");

CREATE INDEX "IX_BillComments_AddressHash_CreatedAt" ON "BillComments" ("AddressHash", "CreatedAt");

CREATE INDEX "IX_BillComments_BillId_NodeId" ON "BillComments" ("BillId", "NodeId");

CREATE INDEX "IX_BillComments_CommentPeriodId_TextHash" ON "BillComments" ("CommentPeriodId", "TextHash");

CREATE INDEX "IX_BillComments_ContactPointId_CreatedAt" ON "BillComments" ("ContactPointId", "CreatedAt");

CREATE UNIQUE INDEX "IX_BillReadings_BillId_Ordinal" ON "BillReadings" ("BillId", "Ordinal");

CREATE INDEX "IX_Bills_CongressId_PromulgatedOn" ON "Bills" ("CongressId", "PromulgatedOn");

CREATE INDEX "IX_Bills_CongressId_Status" ON "Bills" ("CongressId", "Status");

CREATE UNIQUE INDEX "IX_BillVersions_BillId_Number" ON "BillVersions" ("BillId", "Number");

CREATE UNIQUE INDEX "IX_CommentPeriodPoints_CommentPeriodId_ContactPointId" ON "CommentPeriodPoints" ("CommentPeriodId", "ContactPointId");

CREATE INDEX "IX_CommentPeriods_BillId" ON "CommentPeriods" ("BillId");

CREATE UNIQUE INDEX "IX_ComparisonReasons_FromVersionId_ToVersionId_RowKey" ON "ComparisonReasons" ("FromVersionId", "ToVersionId", "RowKey");

CREATE INDEX "IX_FilingHandovers_BillId" ON "FilingHandovers" ("BillId");

CREATE UNIQUE INDEX "IX_LegislativeContactPoints_CongressId_Name" ON "LegislativeContactPoints" ("CongressId", "Name");

CREATE INDEX "IX_PlanProjects_CongressId_Year" ON "PlanProjects" ("CongressId", "Year");
