-- 0006: meetings, votes (roll call and secret ballots), resolutions and decisions, appointments and oaths,
-- the deputies' ballot on livelihood projects, and deputies' duty records.
-- Ballot tables are append-only (decision 0008): triggers refuse UPDATE and DELETE.

CREATE TABLE "Appointments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Appointments" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "MeetingId" INTEGER NOT NULL,
    "AgendaItemId" INTEGER NULL,
    "Kind" TEXT NOT NULL,
    "PersonName" TEXT NOT NULL,
    "Gender" TEXT NULL,
    "BirthDate" TEXT NULL,
    "Post" TEXT NOT NULL,
    "Nominator" TEXT NOT NULL,
    "NominatedOn" TEXT NOT NULL,
    "LateNominationReason" TEXT NULL,
    "Biography" TEXT NULL,
    "LawExamRequired" INTEGER NOT NULL,
    "LawExamResult" TEXT NULL,
    "Status" TEXT NOT NULL,
    "VoteId" INTEGER NULL,
    "DecidedOn" TEXT NULL,
    "EffectiveOn" TEXT NULL,
    "CertificateNumber" TEXT NULL,
    "CertificateIssuedOn" TEXT NULL,
    "OathRequired" INTEGER NOT NULL,
    "OathOrganiser" TEXT NOT NULL,
    "OathId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "DutyRecords" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DutyRecords" PRIMARY KEY AUTOINCREMENT,
    "DeputyId" INTEGER NOT NULL,
    "On" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "SourceType" TEXT NOT NULL,
    "SourceId" INTEGER NOT NULL
);

CREATE TABLE "LivelihoodBallotPapers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LivelihoodBallotPapers" PRIMARY KEY,
    "BallotId" INTEGER NOT NULL,
    "Choices" TEXT NOT NULL
);

CREATE TABLE "LivelihoodBallotReceipts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LivelihoodBallotReceipts" PRIMARY KEY AUTOINCREMENT,
    "BallotId" INTEGER NOT NULL,
    "DeputyId" INTEGER NOT NULL
);

CREATE TABLE "LivelihoodEvaluations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LivelihoodEvaluations" PRIMARY KEY AUTOINCREMENT,
    "ProjectId" INTEGER NOT NULL,
    "DeputyId" INTEGER NOT NULL,
    "Result" TEXT NOT NULL,
    "At" TEXT NOT NULL
);

CREATE TABLE "LivelihoodProjectBallots" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LivelihoodProjectBallots" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Session" TEXT NOT NULL,
    "Places" INTEGER NOT NULL,
    "TieRule" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "OpenedAt" TEXT NULL,
    "ClosedAt" TEXT NULL,
    "BallotsCast" INTEGER NULL,
    "EligibleDeputies" INTEGER NULL,
    "BallotDigest" TEXT NULL,
    "TieNote" TEXT NULL,
    "EvaluationOpen" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "Meetings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Meetings" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "TermId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    "Place" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "NoticeSentAt" TEXT NULL,
    "ShortNoticeReason" TEXT NULL,
    "Minutes" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "Oaths" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Oaths" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "TakenOn" TEXT NOT NULL,
    "Place" TEXT NOT NULL,
    "Leader" TEXT NULL,
    "OrganisedBy" TEXT NOT NULL,
    "MeetingId" INTEGER NULL,
    "Text" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "Resolutions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Resolutions" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "MeetingId" INTEGER NOT NULL,
    "AgendaItemId" INTEGER NULL,
    "VoteId" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "Year" INTEGER NULL,
    "Serial" INTEGER NULL,
    "AdoptedOn" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "SecretBallotPapers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SecretBallotPapers" PRIMARY KEY,
    "VoteId" INTEGER NOT NULL,
    "Choice" TEXT NOT NULL
);

CREATE TABLE "VoteBallots" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_VoteBallots" PRIMARY KEY AUTOINCREMENT,
    "VoteId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "Choice" TEXT NULL,
    "CastAt" TEXT NOT NULL
);

CREATE TABLE "Votes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Votes" PRIMARY KEY AUTOINCREMENT,
    "MeetingId" INTEGER NOT NULL,
    "AgendaItemId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Secret" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "SeatedMembers" INTEGER NOT NULL,
    "PresentMembers" INTEGER NOT NULL,
    "OpenedAt" TEXT NULL,
    "ClosedAt" TEXT NULL,
    "Yes" INTEGER NULL,
    "No" INTEGER NULL,
    "Abstain" INTEGER NULL,
    "PresentNotVoting" INTEGER NULL,
    "Absent" INTEGER NULL,
    "Passed" INTEGER NULL,
    "BallotDigest" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "LivelihoodProjects" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LivelihoodProjects" PRIMARY KEY AUTOINCREMENT,
    "BallotId" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Department" TEXT NOT NULL,
    "Budget" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Votes" INTEGER NULL,
    "Rank" INTEGER NULL,
    "Adopted" INTEGER NOT NULL,
    CONSTRAINT "FK_LivelihoodProjects_LivelihoodProjectBallots_BallotId" FOREIGN KEY ("BallotId") REFERENCES "LivelihoodProjectBallots" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AgendaItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AgendaItems" PRIMARY KEY AUTOINCREMENT,
    "MeetingId" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "SubjectType" TEXT NULL,
    "SubjectId" INTEGER NULL,
    "Outcome" TEXT NOT NULL,
    "OutcomeNote" TEXT NULL,
    CONSTRAINT "FK_AgendaItems_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MeetingAttendance" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MeetingAttendance" PRIMARY KEY AUTOINCREMENT,
    "MeetingId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_MeetingAttendance_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MeetingAttendees" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MeetingAttendees" PRIMARY KEY AUTOINCREMENT,
    "MeetingId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Organisation" TEXT NOT NULL,
    "DeputyId" INTEGER NULL,
    CONSTRAINT "FK_MeetingAttendees_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "OathTakers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OathTakers" PRIMARY KEY AUTOINCREMENT,
    "OathId" INTEGER NOT NULL,
    "AppointmentId" INTEGER NOT NULL,
    "PersonName" TEXT NOT NULL,
    CONSTRAINT "FK_OathTakers_Oaths_OathId" FOREIGN KEY ("OathId") REFERENCES "Oaths" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ResolutionTasks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ResolutionTasks" PRIMARY KEY AUTOINCREMENT,
    "ResolutionId" INTEGER NOT NULL,
    "Description" TEXT NOT NULL,
    "HandlingUnitId" INTEGER NULL,
    "Responsible" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "DoneOn" TEXT NULL,
    "Report" TEXT NULL,
    CONSTRAINT "FK_ResolutionTasks_Resolutions_ResolutionId" FOREIGN KEY ("ResolutionId") REFERENCES "Resolutions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "VoteMembers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_VoteMembers" PRIMARY KEY AUTOINCREMENT,
    "VoteId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Present" INTEGER NOT NULL,
    "Result" TEXT NULL,
    CONSTRAINT "FK_VoteMembers_Votes_VoteId" FOREIGN KEY ("VoteId") REFERENCES "Votes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "LivelihoodProgress" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LivelihoodProgress" PRIMARY KEY AUTOINCREMENT,
    "ProjectId" INTEGER NOT NULL,
    "ReportedOn" TEXT NOT NULL,
    "PercentDone" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    CONSTRAINT "FK_LivelihoodProgress_LivelihoodProjects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "LivelihoodProjects" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AgendaItems_MeetingId" ON "AgendaItems" ("MeetingId");

CREATE INDEX "IX_AgendaItems_SubjectType_SubjectId" ON "AgendaItems" ("SubjectType", "SubjectId");

CREATE INDEX "IX_Appointments_CongressId_Status_DecidedOn_Kind" ON "Appointments" ("CongressId", "Status", "DecidedOn", "Kind");

CREATE INDEX "IX_Appointments_MeetingId" ON "Appointments" ("MeetingId");

CREATE INDEX "IX_DutyRecords_DeputyId_On" ON "DutyRecords" ("DeputyId", "On");

CREATE INDEX "IX_LivelihoodBallotPapers_BallotId" ON "LivelihoodBallotPapers" ("BallotId");

CREATE UNIQUE INDEX "IX_LivelihoodBallotReceipts_BallotId_DeputyId" ON "LivelihoodBallotReceipts" ("BallotId", "DeputyId");

CREATE UNIQUE INDEX "IX_LivelihoodEvaluations_ProjectId_DeputyId" ON "LivelihoodEvaluations" ("ProjectId", "DeputyId");

CREATE INDEX "IX_LivelihoodProgress_ProjectId" ON "LivelihoodProgress" ("ProjectId");

CREATE INDEX "IX_LivelihoodProjectBallots_CongressId_Year" ON "LivelihoodProjectBallots" ("CongressId", "Year");

CREATE INDEX "IX_LivelihoodProjects_BallotId" ON "LivelihoodProjects" ("BallotId");

CREATE UNIQUE INDEX "IX_MeetingAttendance_MeetingId_PersonId" ON "MeetingAttendance" ("MeetingId", "PersonId");

CREATE INDEX "IX_MeetingAttendees_MeetingId" ON "MeetingAttendees" ("MeetingId");

CREATE INDEX "IX_Meetings_CongressId_StartsOn" ON "Meetings" ("CongressId", "StartsOn");

CREATE UNIQUE INDEX "IX_Meetings_TermId_Number" ON "Meetings" ("TermId", "Number");

CREATE INDEX "IX_Oaths_CongressId_TakenOn" ON "Oaths" ("CongressId", "TakenOn");

CREATE UNIQUE INDEX "IX_OathTakers_AppointmentId" ON "OathTakers" ("AppointmentId");

CREATE INDEX "IX_OathTakers_OathId" ON "OathTakers" ("OathId");

CREATE UNIQUE INDEX "IX_Resolutions_CongressId_Year_Serial" ON "Resolutions" ("CongressId", "Year", "Serial");

CREATE INDEX "IX_Resolutions_MeetingId" ON "Resolutions" ("MeetingId");

CREATE INDEX "IX_ResolutionTasks_ResolutionId" ON "ResolutionTasks" ("ResolutionId");

CREATE INDEX "IX_SecretBallotPapers_VoteId" ON "SecretBallotPapers" ("VoteId");

CREATE UNIQUE INDEX "IX_VoteBallots_VoteId_PersonId" ON "VoteBallots" ("VoteId", "PersonId");

CREATE UNIQUE INDEX "IX_VoteMembers_VoteId_PersonId" ON "VoteMembers" ("VoteId", "PersonId");

CREATE INDEX "IX_Votes_AgendaItemId" ON "Votes" ("AgendaItemId");

CREATE INDEX "IX_Votes_MeetingId" ON "Votes" ("MeetingId");

CREATE TRIGGER "VoteBallots_no_update" BEFORE UPDATE ON "VoteBallots" BEGIN SELECT RAISE(ABORT, 'VoteBallots is append-only'); END;
CREATE TRIGGER "VoteBallots_no_delete" BEFORE DELETE ON "VoteBallots" BEGIN SELECT RAISE(ABORT, 'VoteBallots is append-only'); END;

CREATE TRIGGER "SecretBallotPapers_no_update" BEFORE UPDATE ON "SecretBallotPapers" BEGIN SELECT RAISE(ABORT, 'SecretBallotPapers is append-only'); END;
CREATE TRIGGER "SecretBallotPapers_no_delete" BEFORE DELETE ON "SecretBallotPapers" BEGIN SELECT RAISE(ABORT, 'SecretBallotPapers is append-only'); END;

CREATE TRIGGER "LivelihoodBallotReceipts_no_update" BEFORE UPDATE ON "LivelihoodBallotReceipts" BEGIN SELECT RAISE(ABORT, 'LivelihoodBallotReceipts is append-only'); END;
CREATE TRIGGER "LivelihoodBallotReceipts_no_delete" BEFORE DELETE ON "LivelihoodBallotReceipts" BEGIN SELECT RAISE(ABORT, 'LivelihoodBallotReceipts is append-only'); END;

CREATE TRIGGER "LivelihoodBallotPapers_no_update" BEFORE UPDATE ON "LivelihoodBallotPapers" BEGIN SELECT RAISE(ABORT, 'LivelihoodBallotPapers is append-only'); END;
CREATE TRIGGER "LivelihoodBallotPapers_no_delete" BEFORE DELETE ON "LivelihoodBallotPapers" BEGIN SELECT RAISE(ABORT, 'LivelihoodBallotPapers is append-only'); END;
