-- The legislation work's configurable rules per congress (LegislationSettings), replacing the installation-wide Renda:Legislation options.
CREATE TABLE "LegislationSettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LegislationSettings" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "CommentMinDays" INTEGER NOT NULL,
    "FilingDays" INTEGER NOT NULL,
    "ApprovalMonths" INTEGER NOT NULL,
    "CommentsPerAddressPerHour" INTEGER NOT NULL,
    "CommentMaxLength" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_LegislationSettings_CongressId" ON "LegislationSettings" ("CongressId");
