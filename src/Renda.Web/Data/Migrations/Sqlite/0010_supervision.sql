-- 0010: supervision (监督): the annual plan and its topics, work reports with their loop (opinions, handling, judgement,
-- follow-up), law-enforcement inspections and their teams, special inquiries, surveys and deputies' inspections,
-- interpellations and their proposers, post-appointment appraisal, and the congress's supervision settings.
-- Appraisal receipts and papers are append-only, as ballots are (decision 0008): triggers refuse UPDATE and DELETE.

CREATE TABLE "AppraisalPapers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AppraisalPapers" PRIMARY KEY,
    "ReviewId" INTEGER NOT NULL,
    "Choice" TEXT NOT NULL
);

CREATE TABLE "AppraisalReceipts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AppraisalReceipts" PRIMARY KEY AUTOINCREMENT,
    "ReviewId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "At" TEXT NOT NULL
);

CREATE TABLE "Interpellations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Interpellations" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "MeetingId" INTEGER NULL,
    "OrganId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Questions" TEXT NOT NULL,
    "FiledOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Answer" TEXT NULL,
    "AnsweredBy" TEXT NULL,
    "AnsweredOn" TEXT NULL,
    "SecondAnswer" TEXT NULL,
    "SecondAnsweredOn" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "LawEnforcementInspections" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LawEnforcementInspections" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "ParentId" INTEGER NULL,
    "TopicId" INTEGER NULL,
    "Law" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    "Places" TEXT NULL,
    "UsesQuestionnaire" INTEGER NOT NULL,
    "UsesSpotCheck" INTEGER NOT NULL,
    "UsesThirdPartyAssessment" INTEGER NOT NULL,
    "Findings" TEXT NULL,
    "Status" TEXT NOT NULL,
    "ReportId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "PostAppointmentReviews" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PostAppointmentReviews" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "AppointmentId" INTEGER NOT NULL,
    "OfficialName" TEXT NOT NULL,
    "Post" TEXT NOT NULL,
    "MeetingId" INTEGER NULL,
    "WrittenReport" INTEGER NOT NULL,
    "PerformanceReport" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Choices" TEXT NULL,
    "AppraisalOn" TEXT NULL,
    "BallotDigest" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "SpecialInquiries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SpecialInquiries" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "TopicId" INTEGER NULL,
    "Title" TEXT NOT NULL,
    "MeetingId" INTEGER NULL,
    "WorkReportId" INTEGER NULL,
    "HeldOn" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "SupervisionPlans" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SupervisionPlans" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "PublishedOn" TEXT NULL
);

CREATE TABLE "SupervisionSettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SupervisionSettings" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "CommitteeLeadDays" INTEGER NOT NULL,
    "StandingCommitteeLeadDays" INTEGER NOT NULL,
    "MembersLeadDays" INTEGER NOT NULL,
    "OpinionsSendDays" INTEGER NOT NULL,
    "HandlingReportMonths" INTEGER NOT NULL,
    "AuditRectificationMonths" INTEGER NOT NULL,
    "AppraisalChoices" TEXT NOT NULL
);

CREATE TABLE "Surveys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Surveys" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "TopicId" INTEGER NULL,
    "Topic" TEXT NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    "Places" TEXT NULL,
    "Participants" TEXT NULL,
    "Findings" TEXT NULL,
    "Report" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "WorkReports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WorkReports" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "OrganId" INTEGER NOT NULL,
    "CommitteeId" INTEGER NULL,
    "TopicId" INTEGER NULL,
    "InspectionId" INTEGER NULL,
    "AuditReportId" INTEGER NULL,
    "MeetingId" INTEGER NULL,
    "AgendaItemId" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "LateReason" TEXT NULL,
    "ReportText" TEXT NULL,
    "SubmittedOn" TEXT NULL,
    "DistributedOn" TEXT NULL,
    "HeardOn" TEXT NULL,
    "Opinions" TEXT NULL,
    "OpinionsSentOn" TEXT NULL,
    "HandlingReport" TEXT NULL,
    "HandlingReportedOn" TEXT NULL,
    "Judgement" TEXT NULL,
    "JudgementNote" TEXT NULL,
    "FollowUpDueOn" TEXT NULL,
    "FollowUpReport" TEXT NULL,
    "FollowUpReportedOn" TEXT NULL,
    "ResolutionAgendaItemId" INTEGER NULL,
    "ResolutionAdopted" INTEGER NULL,
    "ResolutionDueOn" TEXT NULL,
    "ClosedOn" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "InterpellationProposers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_InterpellationProposers" PRIMARY KEY AUTOINCREMENT,
    "InterpellationId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Satisfied" INTEGER NULL,
    CONSTRAINT "FK_InterpellationProposers_Interpellations_InterpellationId" FOREIGN KEY ("InterpellationId") REFERENCES "Interpellations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "InspectionTeamMembers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_InspectionTeamMembers" PRIMARY KEY AUTOINCREMENT,
    "InspectionId" INTEGER NOT NULL,
    "Role" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "PersonId" INTEGER NULL,
    "DeputyId" INTEGER NULL,
    CONSTRAINT "FK_InspectionTeamMembers_LawEnforcementInspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES "LawEnforcementInspections" ("Id") ON DELETE CASCADE
);

CREATE TABLE "InquiryQuestions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_InquiryQuestions" PRIMARY KEY AUTOINCREMENT,
    "InquiryId" INTEGER NOT NULL,
    "Asker" TEXT NOT NULL,
    "AddressedOrgan" TEXT NOT NULL,
    "Question" TEXT NOT NULL,
    "AnsweredBy" TEXT NULL,
    "Answer" TEXT NULL,
    "Commitment" TEXT NULL,
    "CommitmentDoneOn" TEXT NULL,
    CONSTRAINT "FK_InquiryQuestions_SpecialInquiries_InquiryId" FOREIGN KEY ("InquiryId") REFERENCES "SpecialInquiries" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlanTopics" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanTopics" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "SourceNote" TEXT NULL,
    "SuggestionId" INTEGER NULL,
    "CommitteeId" INTEGER NULL,
    "OrganId" INTEGER NULL,
    "PlannedMonth" INTEGER NULL,
    CONSTRAINT "FK_PlanTopics_SupervisionPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "SupervisionPlans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SurveyDeputies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SurveyDeputies" PRIMARY KEY AUTOINCREMENT,
    "SurveyId" INTEGER NOT NULL,
    "DeputyId" INTEGER NOT NULL,
    CONSTRAINT "FK_SurveyDeputies_Surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "Surveys" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AppraisalPapers_ReviewId" ON "AppraisalPapers" ("ReviewId");

CREATE UNIQUE INDEX "IX_AppraisalReceipts_ReviewId_PersonId" ON "AppraisalReceipts" ("ReviewId", "PersonId");

CREATE INDEX "IX_InquiryQuestions_InquiryId" ON "InquiryQuestions" ("InquiryId");

CREATE INDEX "IX_InspectionTeamMembers_InspectionId" ON "InspectionTeamMembers" ("InspectionId");

CREATE UNIQUE INDEX "IX_InterpellationProposers_InterpellationId_PersonId" ON "InterpellationProposers" ("InterpellationId", "PersonId");

CREATE INDEX "IX_Interpellations_CongressId_Year" ON "Interpellations" ("CongressId", "Year");

CREATE INDEX "IX_LawEnforcementInspections_CongressId_Year" ON "LawEnforcementInspections" ("CongressId", "Year");

CREATE INDEX "IX_LawEnforcementInspections_ParentId" ON "LawEnforcementInspections" ("ParentId");

CREATE INDEX "IX_PlanTopics_PlanId" ON "PlanTopics" ("PlanId");

CREATE UNIQUE INDEX "IX_PostAppointmentReviews_AppointmentId_Year" ON "PostAppointmentReviews" ("AppointmentId", "Year");

CREATE INDEX "IX_PostAppointmentReviews_CongressId_Year" ON "PostAppointmentReviews" ("CongressId", "Year");

CREATE INDEX "IX_SpecialInquiries_CongressId_Year" ON "SpecialInquiries" ("CongressId", "Year");

CREATE UNIQUE INDEX "IX_SupervisionPlans_CongressId_Year" ON "SupervisionPlans" ("CongressId", "Year");

CREATE UNIQUE INDEX "IX_SupervisionSettings_CongressId" ON "SupervisionSettings" ("CongressId");

CREATE UNIQUE INDEX "IX_SurveyDeputies_SurveyId_DeputyId" ON "SurveyDeputies" ("SurveyId", "DeputyId");

CREATE INDEX "IX_Surveys_CongressId_Year_Kind" ON "Surveys" ("CongressId", "Year", "Kind");

CREATE INDEX "IX_WorkReports_CongressId_Year_Kind" ON "WorkReports" ("CongressId", "Year", "Kind");

CREATE INDEX "IX_WorkReports_MeetingId" ON "WorkReports" ("MeetingId");

CREATE INDEX "IX_WorkReports_TopicId" ON "WorkReports" ("TopicId");

CREATE TRIGGER "AppraisalReceipts_no_update" BEFORE UPDATE ON "AppraisalReceipts" BEGIN SELECT RAISE(ABORT, 'AppraisalReceipts is append-only'); END;
CREATE TRIGGER "AppraisalReceipts_no_delete" BEFORE DELETE ON "AppraisalReceipts" BEGIN SELECT RAISE(ABORT, 'AppraisalReceipts is append-only'); END;

CREATE TRIGGER "AppraisalPapers_no_update" BEFORE UPDATE ON "AppraisalPapers" BEGIN SELECT RAISE(ABORT, 'AppraisalPapers is append-only'); END;
CREATE TRIGGER "AppraisalPapers_no_delete" BEFORE DELETE ON "AppraisalPapers" BEGIN SELECT RAISE(ABORT, 'AppraisalPapers is append-only'); END;
