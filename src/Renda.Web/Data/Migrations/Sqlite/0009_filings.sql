-- 0009: filing and review of normative documents (备案审查): filings, reviews with findings and the communication log,
-- citizens' review suggestions, special reviews and cleanups, annual catalogues, settings and published annual reports.

CREATE TABLE "FilingCatalogues" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FilingCatalogues" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "FilerType" TEXT NOT NULL,
    "FilerHandlingUnitId" INTEGER NULL,
    "FilerCongressId" INTEGER NULL,
    "FilerName" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "SubmittedOn" TEXT NOT NULL,
    "Late" INTEGER NOT NULL
);

CREATE TABLE "FilingReports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FilingReports" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "PublishedOn" TEXT NOT NULL,
    "Text" TEXT NOT NULL
);

CREATE TABLE "Filings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Filings" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "FilerType" TEXT NOT NULL,
    "FilerHandlingUnitId" INTEGER NULL,
    "FilerCongressId" INTEGER NULL,
    "FilerName" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "DocumentNumber" TEXT NULL,
    "IssuingOrgan" TEXT NOT NULL,
    "PublishedOn" TEXT NOT NULL,
    "FiledOn" TEXT NOT NULL,
    "Late" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "Explanation" TEXT NULL,
    "Basis" TEXT NULL,
    "AttachmentId" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "Year" INTEGER NULL,
    "Serial" INTEGER NULL,
    "ReceivedOn" TEXT NULL,
    "ReturnedOn" TEXT NULL,
    "ReturnReason" TEXT NULL,
    "Resubmissions" INTEGER NOT NULL,
    "ReferredTo" TEXT NULL,
    "ClosedOn" TEXT NULL,
    "SourceType" TEXT NULL,
    "SourceId" INTEGER NULL,
    "SubmittedByAccountId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "FilingSettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FilingSettings" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "FormalCheckDays" INTEGER NOT NULL,
    "ResubmitDays" INTEGER NOT NULL,
    "PassWorkingDays" INTEGER NOT NULL,
    "CommitteeViewDays" INTEGER NOT NULL,
    "ReviewMonths" INTEGER NOT NULL,
    "ReviewExtensionMonths" INTEGER NOT NULL,
    "OpinionReplyDays" INTEGER NOT NULL,
    "SuggestionIncompleteWorkingDays" INTEGER NOT NULL,
    "SuggestionNotTakenUpDays" INTEGER NOT NULL
);

CREATE TABLE "ReviewCampaigns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReviewCampaigns" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Theme" TEXT NOT NULL,
    "Scope" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "StartedOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ClosedOn" TEXT NULL,
    "Summary" TEXT NULL
);

CREATE TABLE "Reviews" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Reviews" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "FilingId" INTEGER NULL,
    "DocumentTitle" TEXT NOT NULL,
    "Mode" TEXT NOT NULL,
    "RequestedBy" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Outcome" TEXT NULL,
    "CommitteeId" INTEGER NULL,
    "CommitteeName" TEXT NULL,
    "RegisteredOn" TEXT NOT NULL,
    "PassedOn" TEXT NULL,
    "Extended" INTEGER NOT NULL,
    "ClosedOn" TEXT NULL,
    "OutcomeNote" TEXT NULL,
    "CorrectionFilingId" INTEGER NULL,
    "CorrectionDocument" TEXT NULL,
    "ReferredTo" TEXT NULL,
    "MeetingId" INTEGER NULL,
    "AgendaItemId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "ReviewSuggestions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReviewSuggestions" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "TrackingCode" TEXT NOT NULL,
    "ProposerName" TEXT NOT NULL,
    "Organisation" TEXT NULL,
    "Contact" TEXT NOT NULL,
    "DocumentTitle" TEXT NOT NULL,
    "IssuingOrgan" TEXT NULL,
    "Content" TEXT NOT NULL,
    "ReceivedAt" TEXT NOT NULL,
    "ReceivedOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ReviewId" INTEGER NULL,
    "Reply" TEXT NULL,
    "RepliedOn" TEXT NULL
);

CREATE TABLE "CatalogueEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CatalogueEntries" PRIMARY KEY AUTOINCREMENT,
    "CatalogueId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "DocumentNumber" TEXT NULL,
    "PublishedOn" TEXT NOT NULL,
    "FollowedUpOn" TEXT NULL,
    "FollowUpNote" TEXT NULL,
    CONSTRAINT "FK_CatalogueEntries_FilingCatalogues_CatalogueId" FOREIGN KEY ("CatalogueId") REFERENCES "FilingCatalogues" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CampaignDocuments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CampaignDocuments" PRIMARY KEY AUTOINCREMENT,
    "CampaignId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "DocumentNumber" TEXT NULL,
    "IssuingOrgan" TEXT NOT NULL,
    "FilingId" INTEGER NULL,
    "Result" TEXT NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_CampaignDocuments_ReviewCampaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "ReviewCampaigns" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReviewCommunications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReviewCommunications" PRIMARY KEY AUTOINCREMENT,
    "ReviewId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "On" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "By" TEXT NULL,
    CONSTRAINT "FK_ReviewCommunications_Reviews_ReviewId" FOREIGN KEY ("ReviewId") REFERENCES "Reviews" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReviewFindings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReviewFindings" PRIMARY KEY AUTOINCREMENT,
    "ReviewId" INTEGER NOT NULL,
    "Standard" TEXT NOT NULL,
    "Problem" INTEGER NOT NULL,
    "Ground" TEXT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_ReviewFindings_Reviews_ReviewId" FOREIGN KEY ("ReviewId") REFERENCES "Reviews" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CampaignDocuments_CampaignId" ON "CampaignDocuments" ("CampaignId");

CREATE INDEX "IX_CatalogueEntries_CatalogueId" ON "CatalogueEntries" ("CatalogueId");

CREATE INDEX "IX_FilingCatalogues_CongressId_Year_FilerHandlingUnitId_FilerCongressId" ON "FilingCatalogues" ("CongressId", "Year", "FilerHandlingUnitId", "FilerCongressId");

CREATE UNIQUE INDEX "IX_FilingReports_CongressId_Year" ON "FilingReports" ("CongressId", "Year");

CREATE INDEX "IX_Filings_CongressId_FiledOn" ON "Filings" ("CongressId", "FiledOn");

CREATE INDEX "IX_Filings_CongressId_FilerHandlingUnitId_FilerCongressId" ON "Filings" ("CongressId", "FilerHandlingUnitId", "FilerCongressId");

CREATE INDEX "IX_Filings_CongressId_Status" ON "Filings" ("CongressId", "Status");

CREATE UNIQUE INDEX "IX_Filings_CongressId_Year_Serial" ON "Filings" ("CongressId", "Year", "Serial");

CREATE INDEX "IX_Filings_SourceType_SourceId" ON "Filings" ("SourceType", "SourceId");

CREATE UNIQUE INDEX "IX_FilingSettings_CongressId" ON "FilingSettings" ("CongressId");

CREATE INDEX "IX_ReviewCampaigns_CongressId_Year" ON "ReviewCampaigns" ("CongressId", "Year");

CREATE INDEX "IX_ReviewCommunications_ReviewId" ON "ReviewCommunications" ("ReviewId");

CREATE UNIQUE INDEX "IX_ReviewFindings_ReviewId_Standard" ON "ReviewFindings" ("ReviewId", "Standard");

CREATE INDEX "IX_Reviews_CongressId_Status" ON "Reviews" ("CongressId", "Status");

CREATE INDEX "IX_Reviews_FilingId" ON "Reviews" ("FilingId");

CREATE INDEX "IX_ReviewSuggestions_CongressId_Status" ON "ReviewSuggestions" ("CongressId", "Status");

CREATE UNIQUE INDEX "IX_ReviewSuggestions_TrackingCode" ON "ReviewSuggestions" ("TrackingCode");
