-- 0003: deputies' suggestions (提 → 交 → 办 → 督 → 评), and Deadline.Purpose to tell a subject's clocks apart.

ALTER TABLE "Deadlines" ADD "Purpose" TEXT NULL;

CREATE TABLE "Suggestions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Suggestions" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Number" TEXT NULL,
    "Title" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "Period" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "LeadDeputyId" INTEGER NOT NULL,
    "CreatedByAccountId" INTEGER NOT NULL,
    "IdempotencyKey" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "ReceivedOn" TEXT NULL,
    "AssignedOn" TEXT NULL,
    "Mode" TEXT NULL,
    "Round" INTEGER NOT NULL,
    "AnswerDueOn" TEXT NULL,
    "FirstAnsweredOn" TEXT NULL,
    "AnsweredOn" TEXT NULL,
    "AnswerCategory" TEXT NULL,
    "Rating" TEXT NULL,
    "RatingMissing" INTEGER NOT NULL,
    "RatingReminderSentAt" TEXT NULL,
    "ClosedOn" TEXT NULL,
    "ReturnReason" TEXT NULL,
    "ReturnNote" TEXT NULL,
    "MergedIntoId" INTEGER NULL,
    "IsKey" INTEGER NOT NULL,
    "KeyLeader" TEXT NULL,
    "KeyDesignatedOn" TEXT NULL,
    "Published" INTEGER NOT NULL,
    "PublishedAt" TEXT NULL,
    "PublicTitle" TEXT NULL,
    "PublicContent" TEXT NULL,
    "PublicAnswer" TEXT NULL
);

CREATE TABLE "SuggestionSettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SuggestionSettings" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "AssignWorkingDays" INTEGER NOT NULL,
    "UnitReturnWorkingDays" INTEGER NOT NULL,
    "ReassignWorkingDays" INTEGER NOT NULL,
    "FirstContactWorkingDays" INTEGER NOT NULL,
    "CoViewsMonths" INTEGER NOT NULL,
    "AnswerMonths" INTEGER NOT NULL,
    "AnswerMaxMonths" INTEGER NOT NULL,
    "RatingWorkingDays" INTEGER NOT NULL,
    "RatingReminderWorkingDays" INTEGER NOT NULL,
    "RehandlingMonths" INTEGER NOT NULL,
    "Categories" TEXT NOT NULL,
    "AnswerCategories" TEXT NOT NULL,
    "SimilarityThreshold" REAL NOT NULL,
    "SessionClosesOn" TEXT NULL
);

CREATE TABLE "Commitments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Commitments" PRIMARY KEY AUTOINCREMENT,
    "SuggestionId" INTEGER NOT NULL,
    "HandlingUnitId" INTEGER NOT NULL,
    "Promise" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "DoneOn" TEXT NULL,
    CONSTRAINT "FK_Commitments_Suggestions_SuggestionId" FOREIGN KEY ("SuggestionId") REFERENCES "Suggestions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SuggestionAnswers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SuggestionAnswers" PRIMARY KEY AUTOINCREMENT,
    "SuggestionId" INTEGER NOT NULL,
    "AssignmentId" INTEGER NOT NULL,
    "HandlingUnitId" INTEGER NOT NULL,
    "Round" INTEGER NOT NULL,
    "Category" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "SignedBy" TEXT NOT NULL,
    "DocumentAttachmentId" INTEGER NULL,
    "AnsweredOn" TEXT NOT NULL,
    "AnsweredAt" TEXT NOT NULL,
    "AnsweredByAccountId" INTEGER NOT NULL,
    CONSTRAINT "FK_SuggestionAnswers_Suggestions_SuggestionId" FOREIGN KEY ("SuggestionId") REFERENCES "Suggestions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SuggestionAssignments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SuggestionAssignments" PRIMARY KEY AUTOINCREMENT,
    "SuggestionId" INTEGER NOT NULL,
    "HandlingUnitId" INTEGER NOT NULL,
    "Role" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Round" INTEGER NOT NULL,
    "AssignedOn" TEXT NOT NULL,
    "ReturnedOn" TEXT NULL,
    "ReturnReason" TEXT NULL,
    "FirstContactOn" TEXT NULL,
    "CoViews" TEXT NULL,
    "CoViewsOn" TEXT NULL,
    CONSTRAINT "FK_SuggestionAssignments_Suggestions_SuggestionId" FOREIGN KEY ("SuggestionId") REFERENCES "Suggestions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SuggestionContacts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SuggestionContacts" PRIMARY KEY AUTOINCREMENT,
    "SuggestionId" INTEGER NOT NULL,
    "AssignmentId" INTEGER NOT NULL,
    "HandlingUnitId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "FaceToFace" INTEGER NOT NULL,
    "On" TEXT NOT NULL,
    "Notes" TEXT NULL,
    "RecordedByAccountId" INTEGER NOT NULL,
    CONSTRAINT "FK_SuggestionContacts_Suggestions_SuggestionId" FOREIGN KEY ("SuggestionId") REFERENCES "Suggestions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SuggestionEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SuggestionEvents" PRIMARY KEY AUTOINCREMENT,
    "SuggestionId" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "Round" INTEGER NOT NULL,
    "ActorAccountId" INTEGER NULL,
    "ActorName" TEXT NULL,
    "Action" TEXT NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_SuggestionEvents_Suggestions_SuggestionId" FOREIGN KEY ("SuggestionId") REFERENCES "Suggestions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SuggestionRatings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SuggestionRatings" PRIMARY KEY AUTOINCREMENT,
    "SuggestionId" INTEGER NOT NULL,
    "DeputyId" INTEGER NOT NULL,
    "Round" INTEGER NOT NULL,
    "Result" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "RatedOn" TEXT NOT NULL,
    CONSTRAINT "FK_SuggestionRatings_Suggestions_SuggestionId" FOREIGN KEY ("SuggestionId") REFERENCES "Suggestions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SuggestionSigners" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SuggestionSigners" PRIMARY KEY AUTOINCREMENT,
    "SuggestionId" INTEGER NOT NULL,
    "DeputyId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "InvitedAt" TEXT NOT NULL,
    "RespondedAt" TEXT NULL,
    CONSTRAINT "FK_SuggestionSigners_Suggestions_SuggestionId" FOREIGN KEY ("SuggestionId") REFERENCES "Suggestions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CommitmentProgress" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CommitmentProgress" PRIMARY KEY AUTOINCREMENT,
    "CommitmentId" INTEGER NOT NULL,
    "On" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    CONSTRAINT "FK_CommitmentProgress_Commitments_CommitmentId" FOREIGN KEY ("CommitmentId") REFERENCES "Commitments" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CommitmentProgress_CommitmentId" ON "CommitmentProgress" ("CommitmentId");

CREATE INDEX "IX_Commitments_HandlingUnitId_Status" ON "Commitments" ("HandlingUnitId", "Status");

CREATE INDEX "IX_Commitments_SuggestionId" ON "Commitments" ("SuggestionId");

CREATE INDEX "IX_SuggestionAnswers_SuggestionId" ON "SuggestionAnswers" ("SuggestionId");

CREATE INDEX "IX_SuggestionAssignments_HandlingUnitId_Status" ON "SuggestionAssignments" ("HandlingUnitId", "Status");

CREATE INDEX "IX_SuggestionAssignments_SuggestionId" ON "SuggestionAssignments" ("SuggestionId");

CREATE INDEX "IX_SuggestionContacts_HandlingUnitId" ON "SuggestionContacts" ("HandlingUnitId");

CREATE INDEX "IX_SuggestionContacts_SuggestionId" ON "SuggestionContacts" ("SuggestionId");

CREATE INDEX "IX_SuggestionEvents_SuggestionId" ON "SuggestionEvents" ("SuggestionId");

CREATE INDEX "IX_SuggestionRatings_SuggestionId" ON "SuggestionRatings" ("SuggestionId");

CREATE UNIQUE INDEX "IX_Suggestions_CongressId_Number" ON "Suggestions" ("CongressId", "Number");

CREATE INDEX "IX_Suggestions_CongressId_Year_Status" ON "Suggestions" ("CongressId", "Year", "Status");

CREATE UNIQUE INDEX "IX_Suggestions_CreatedByAccountId_IdempotencyKey" ON "Suggestions" ("CreatedByAccountId", "IdempotencyKey");

CREATE INDEX "IX_Suggestions_LeadDeputyId" ON "Suggestions" ("LeadDeputyId");

CREATE UNIQUE INDEX "IX_SuggestionSettings_CongressId" ON "SuggestionSettings" ("CongressId");

CREATE INDEX "IX_SuggestionSigners_DeputyId" ON "SuggestionSigners" ("DeputyId");

CREATE INDEX "IX_SuggestionSigners_SuggestionId" ON "SuggestionSigners" ("SuggestionId");
