-- 0045: the public portal (issue 19, part 1): news and announcements of each congress's public site; the regulations database
-- takes in the regulations promulgated in Renda (their congress and bill) and records amending and repealing acts.

CREATE TABLE "NewsArticles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NewsArticles" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Section" TEXT NOT NULL,
    "AnnouncementKind" TEXT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CoverAttachmentId" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "PublishedOn" TEXT NULL,
    "UnpublishedAt" TEXT NULL,
    "UnpublishReason" TEXT NULL,
    "AuthorAccountId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);
CREATE INDEX "IX_NewsArticles_CongressId_Status_Section_PublishedOn" ON "NewsArticles" ("CongressId", "Status", "Section", "PublishedOn");

ALTER TABLE "Laws" ADD COLUMN "CongressId" INTEGER NULL;
ALTER TABLE "Laws" ADD COLUMN "BillId" INTEGER NULL;
ALTER TABLE "Laws" ADD COLUMN "AmendingAct" TEXT NULL;
ALTER TABLE "Laws" ADD COLUMN "AmendingActOn" TEXT NULL;
ALTER TABLE "Laws" ADD COLUMN "RepealingAct" TEXT NULL;
ALTER TABLE "Laws" ADD COLUMN "RepealedOn" TEXT NULL;
CREATE UNIQUE INDEX "IX_Laws_BillId" ON "Laws" ("BillId");
CREATE INDEX "IX_Laws_CongressId_VersionDate" ON "Laws" ("CongressId", "VersionDate");
