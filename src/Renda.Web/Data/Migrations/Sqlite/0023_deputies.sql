-- 0023: the deputies' work module (issue 18) starts with its settings; a congress without a row has the defaults.
CREATE TABLE "DeputySettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DeputySettings" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "ReceptionNoticeDays" INTEGER NOT NULL,
    "ReferralReplyWorkingDays" INTEGER NOT NULL,
    "ReceptionsPerDeputyPerYear" INTEGER NOT NULL,
    "OpinionsPerAddressPerHour" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_DeputySettings_CongressId" ON "DeputySettings" ("CongressId");
