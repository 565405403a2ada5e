-- 0031: deputies' work, stations and receptions (issue 18 items 1-2): liaison stations and 代表之家 with the deputies of every
-- level assigned to them, their funding, reception days with those present, and constituents' opinions followed to the end.
-- Delegations and deputy groups become entities: every name already on a deputy's row creates one and is linked to it.
ALTER TABLE "Deputies" ADD COLUMN "DelegationId" INTEGER NULL;
ALTER TABLE "Deputies" ADD COLUMN "DeputyGroupId" INTEGER NULL;
ALTER TABLE "DeputySettings" ADD COLUMN "ReceptionReminderMonth" INTEGER NOT NULL DEFAULT 10;

CREATE TABLE "ConstituentOpinions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ConstituentOpinions" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "StationId" INTEGER NOT NULL,
    "ReceptionDayId" INTEGER NULL,
    "Source" TEXT NOT NULL,
    "ReceiptCode" TEXT NOT NULL,
    "PersonName" TEXT NOT NULL,
    "Contact" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "ReceivedOn" TEXT NOT NULL,
    "ReceivedAt" TEXT NOT NULL,
    "AddressHash" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Route" TEXT NULL,
    "Township" TEXT NULL,
    "HandlingUnitId" INTEGER NULL,
    "RoutedOn" TEXT NULL,
    "SuggestionId" INTEGER NULL,
    "Answer" TEXT NULL,
    "AnsweredOn" TEXT NULL,
    "Feedback" TEXT NULL,
    "FeedbackOn" TEXT NULL,
    "Satisfaction" TEXT NULL,
    "SatisfactionOn" TEXT NULL
);

CREATE TABLE "Delegations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Delegations" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL
);

CREATE TABLE "DeputyGroups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DeputyGroups" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL
);

CREATE TABLE "LiaisonStations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LiaisonStations" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Address" TEXT NOT NULL,
    "Township" TEXT NOT NULL,
    "OpeningHours" TEXT NULL,
    "ReceptionSchedule" TEXT NULL,
    "Facilities" TEXT NULL,
    "OpenedOn" TEXT NULL
);

CREATE TABLE "ReceptionDays" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReceptionDays" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "StationId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "On" TEXT NOT NULL,
    "Time" TEXT NOT NULL,
    "Topic" TEXT NULL,
    "PublishedOn" TEXT NOT NULL,
    "HeldOn" TEXT NULL,
    "Status" TEXT NOT NULL
);

CREATE TABLE "StationFundings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_StationFundings" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "StationId" INTEGER NULL,
    "Programme" TEXT NULL,
    "Source" TEXT NOT NULL,
    "Amount" TEXT NOT NULL,
    "Purpose" TEXT NOT NULL,
    "Year" INTEGER NOT NULL
);

CREATE TABLE "StationDeputies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_StationDeputies" PRIMARY KEY AUTOINCREMENT,
    "StationId" INTEGER NOT NULL,
    "DeputyId" INTEGER NOT NULL,
    "AssignedOn" TEXT NOT NULL,
    CONSTRAINT "FK_StationDeputies_LiaisonStations_StationId" FOREIGN KEY ("StationId") REFERENCES "LiaisonStations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReceptionAttendees" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReceptionAttendees" PRIMARY KEY AUTOINCREMENT,
    "ReceptionDayId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "DeputyId" INTEGER NULL,
    CONSTRAINT "FK_ReceptionAttendees_ReceptionDays_ReceptionDayId" FOREIGN KEY ("ReceptionDayId") REFERENCES "ReceptionDays" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ConstituentOpinions_AddressHash_ReceivedAt" ON "ConstituentOpinions" ("AddressHash", "ReceivedAt");

CREATE INDEX "IX_ConstituentOpinions_CongressId_ReceivedOn" ON "ConstituentOpinions" ("CongressId", "ReceivedOn");

CREATE INDEX "IX_ConstituentOpinions_CongressId_Status" ON "ConstituentOpinions" ("CongressId", "Status");

CREATE INDEX "IX_ConstituentOpinions_HandlingUnitId_Status" ON "ConstituentOpinions" ("HandlingUnitId", "Status");

CREATE UNIQUE INDEX "IX_ConstituentOpinions_ReceiptCode" ON "ConstituentOpinions" ("ReceiptCode");

CREATE INDEX "IX_ConstituentOpinions_ReceptionDayId" ON "ConstituentOpinions" ("ReceptionDayId");

CREATE INDEX "IX_ConstituentOpinions_SuggestionId" ON "ConstituentOpinions" ("SuggestionId");

CREATE UNIQUE INDEX "IX_Delegations_CongressId_Name" ON "Delegations" ("CongressId", "Name");

CREATE INDEX "IX_Deputies_DelegationId" ON "Deputies" ("DelegationId");

CREATE INDEX "IX_Deputies_DeputyGroupId" ON "Deputies" ("DeputyGroupId");

CREATE UNIQUE INDEX "IX_DeputyGroups_CongressId_Name" ON "DeputyGroups" ("CongressId", "Name");

CREATE UNIQUE INDEX "IX_LiaisonStations_CongressId_Name" ON "LiaisonStations" ("CongressId", "Name");

CREATE INDEX "IX_ReceptionAttendees_DeputyId" ON "ReceptionAttendees" ("DeputyId");

CREATE INDEX "IX_ReceptionAttendees_PersonId" ON "ReceptionAttendees" ("PersonId");

CREATE UNIQUE INDEX "IX_ReceptionAttendees_ReceptionDayId_PersonId" ON "ReceptionAttendees" ("ReceptionDayId", "PersonId");

CREATE INDEX "IX_ReceptionDays_CongressId_On" ON "ReceptionDays" ("CongressId", "On");

CREATE INDEX "IX_ReceptionDays_StationId_On" ON "ReceptionDays" ("StationId", "On");

CREATE INDEX "IX_StationDeputies_DeputyId" ON "StationDeputies" ("DeputyId");

CREATE UNIQUE INDEX "IX_StationDeputies_StationId_DeputyId" ON "StationDeputies" ("StationId", "DeputyId");

CREATE INDEX "IX_StationFundings_CongressId_Year" ON "StationFundings" ("CongressId", "Year");

CREATE INDEX "IX_StationFundings_StationId" ON "StationFundings" ("StationId");

INSERT INTO "Delegations" ("CongressId", "Name") SELECT DISTINCT "CongressId", "Delegation" FROM "Deputies" WHERE "Delegation" IS NOT NULL;
INSERT INTO "DeputyGroups" ("CongressId", "Name") SELECT DISTINCT "CongressId", "DeputyGroup" FROM "Deputies" WHERE "DeputyGroup" IS NOT NULL;
UPDATE "Deputies" SET "DelegationId" = (SELECT x."Id" FROM "Delegations" x WHERE x."CongressId" = "Deputies"."CongressId" AND x."Name" = "Deputies"."Delegation") WHERE "Delegation" IS NOT NULL;
UPDATE "Deputies" SET "DeputyGroupId" = (SELECT x."Id" FROM "DeputyGroups" x WHERE x."CongressId" = "Deputies"."CongressId" AND x."Name" = "Deputies"."DeputyGroup") WHERE "DeputyGroup" IS NOT NULL;
