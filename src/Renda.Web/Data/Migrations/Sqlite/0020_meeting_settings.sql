-- 0020: the meetings module's periods (notice, nomination, the oath organised by another organ) become configurable per
-- congress. A congress without a row has the statutory defaults, so nothing is inserted.
CREATE TABLE "MeetingSettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MeetingSettings" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "NoticeDays" INTEGER NOT NULL,
    "NominationDays" INTEGER NOT NULL,
    "OathOtherOrganWorkingDays" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_MeetingSettings_CongressId" ON "MeetingSettings" ("CongressId");
