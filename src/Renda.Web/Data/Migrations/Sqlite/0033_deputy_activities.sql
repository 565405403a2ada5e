-- 0033: deputies' work — trainings, forums, 六联系 contact records and four-level joint inspections (issue 18, items 3–6).
CREATE TABLE "Trainings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Trainings" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    "Topics" TEXT NULL,
    "Place" TEXT NULL,
    "Organiser" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Status" TEXT NOT NULL
);

CREATE TABLE "TrainingTrainees" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TrainingTrainees" PRIMARY KEY AUTOINCREMENT,
    "TrainingId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "DeputyId" INTEGER NULL,
    "Name" TEXT NOT NULL,
    "Affiliation" TEXT NULL,
    "Attendance" TEXT NOT NULL,
    "AbsenceReason" TEXT NULL,
    CONSTRAINT "FK_TrainingTrainees_Trainings_TrainingId" FOREIGN KEY ("TrainingId") REFERENCES "Trainings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Forums" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Forums" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Theme" TEXT NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "Place" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "ForumParticipants" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ForumParticipants" PRIMARY KEY AUTOINCREMENT,
    "ForumId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "DeputyId" INTEGER NULL,
    "Name" TEXT NOT NULL,
    CONSTRAINT "FK_ForumParticipants_Forums_ForumId" FOREIGN KEY ("ForumId") REFERENCES "Forums" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ForumOpinions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ForumOpinions" PRIMARY KEY AUTOINCREMENT,
    "ForumId" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "RaisedBy" TEXT NOT NULL,
    "Destination" TEXT NULL,
    "DestinationDetail" TEXT NULL,
    "RoutedOn" TEXT NULL,
    CONSTRAINT "FK_ForumOpinions_Forums_ForumId" FOREIGN KEY ("ForumId") REFERENCES "Forums" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ContactKinds" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContactKinds" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Contactors" TEXT NOT NULL,
    "YearlyMinimum" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Active" INTEGER NOT NULL
);

CREATE TABLE "ContactRecords" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContactRecords" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "KindId" INTEGER NOT NULL,
    "On" TEXT NOT NULL,
    "ContactorRole" TEXT NOT NULL,
    "ContactorPersonId" INTEGER NULL,
    "ContactorDeputyId" INTEGER NULL,
    "ContactorName" TEXT NOT NULL,
    "ContactedDeputyId" INTEGER NULL,
    "Constituents" TEXT NULL,
    "Method" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ContactRecords_ContactKinds_KindId" FOREIGN KEY ("KindId") REFERENCES "ContactKinds" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "JointInspections" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_JointInspections" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Topic" TEXT NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    "Places" TEXT NULL,
    "Findings" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "JointInspectionDeputies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_JointInspectionDeputies" PRIMARY KEY AUTOINCREMENT,
    "JointInspectionId" INTEGER NOT NULL,
    "DeputyId" INTEGER NOT NULL,
    "Level" TEXT NOT NULL,
    CONSTRAINT "FK_JointInspectionDeputies_JointInspections_JointInspectionId" FOREIGN KEY ("JointInspectionId") REFERENCES "JointInspections" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_ContactKinds_CongressId_Name" ON "ContactKinds" ("CongressId", "Name");

CREATE INDEX "IX_ContactRecords_CongressId_Year_KindId" ON "ContactRecords" ("CongressId", "Year", "KindId");

CREATE INDEX "IX_ContactRecords_KindId" ON "ContactRecords" ("KindId");

CREATE INDEX "IX_ForumOpinions_ForumId" ON "ForumOpinions" ("ForumId");

CREATE INDEX "IX_ForumParticipants_ForumId" ON "ForumParticipants" ("ForumId");

CREATE INDEX "IX_Forums_CongressId_Year" ON "Forums" ("CongressId", "Year");

CREATE UNIQUE INDEX "IX_JointInspectionDeputies_JointInspectionId_DeputyId" ON "JointInspectionDeputies" ("JointInspectionId", "DeputyId");

CREATE INDEX "IX_JointInspections_CongressId_Year" ON "JointInspections" ("CongressId", "Year");

CREATE INDEX "IX_Trainings_CongressId_Year" ON "Trainings" ("CongressId", "Year");

CREATE INDEX "IX_TrainingTrainees_DeputyId" ON "TrainingTrainees" ("DeputyId");

CREATE INDEX "IX_TrainingTrainees_TrainingId" ON "TrainingTrainees" ("TrainingId");
