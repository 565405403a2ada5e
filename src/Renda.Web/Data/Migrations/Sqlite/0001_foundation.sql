-- 0001: the platform foundation (organisations, people, identity, audit, calendar, deadlines, notifications, attachments).
CREATE TABLE "Attachments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Attachments" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "OwnerType" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "StoragePath" TEXT NOT NULL,
    "UploadedByAccountId" INTEGER NULL,
    "UploadedAt" TEXT NOT NULL
);


CREATE TABLE "AuditRecords" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditRecords" PRIMARY KEY AUTOINCREMENT,
    "Sequence" INTEGER NOT NULL,
    "Time" TEXT NOT NULL,
    "ActorId" INTEGER NULL,
    "ActorName" TEXT NULL,
    "ActorRoles" TEXT NULL,
    "CongressCode" TEXT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NULL,
    "Action" TEXT NOT NULL,
    "Changes" TEXT NULL,
    "ClientAddress" TEXT NULL,
    "Outcome" TEXT NOT NULL,
    "PreviousHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL
);


CREATE TABLE "CalendarDays" (
    "Date" TEXT NOT NULL CONSTRAINT "PK_CalendarDays" PRIMARY KEY,
    "IsOffDay" INTEGER NOT NULL,
    "Name" TEXT NOT NULL
);


CREATE TABLE "CalendarYears" (
    "Year" INTEGER NOT NULL CONSTRAINT "PK_CalendarYears" PRIMARY KEY,
    "LoadedAt" TEXT NOT NULL,
    "Source" TEXT NULL
);


CREATE TABLE "Congresses" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Congresses" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "RegionName" TEXT NOT NULL,
    "ShortName" TEXT NOT NULL,
    "Level" TEXT NOT NULL,
    "ParentId" INTEGER NULL,
    CONSTRAINT "FK_Congresses_Congresses_ParentId" FOREIGN KEY ("ParentId") REFERENCES "Congresses" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "Deadlines" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Deadlines" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "SubjectType" TEXT NOT NULL,
    "SubjectId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Rule" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "Unit" TEXT NOT NULL,
    "Amount" INTEGER NOT NULL,
    "DueOn" TEXT NOT NULL,
    "OwnerAccountId" INTEGER NULL,
    "OwnerHandlingUnitId" INTEGER NULL,
    "OwnerCommitteeId" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "CompletedAt" TEXT NULL,
    "EscalationLevel" INTEGER NOT NULL,
    "LastEscalatedAt" TEXT NULL,
    "CalendarProvisional" INTEGER NOT NULL
);


CREATE TABLE "LoginSessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LoginSessions" PRIMARY KEY,
    "AccountId" INTEGER NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "LastSeenAt" TEXT NOT NULL,
    "EndedAt" TEXT NULL,
    "ClientAddress" TEXT NULL
);


CREATE TABLE "Notifications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Notifications" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NULL,
    "Link" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ReadAt" TEXT NULL
);


CREATE TABLE "PasswordHistory" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PasswordHistory" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "PasswordHash" TEXT NOT NULL,
    "ChangedAt" TEXT NOT NULL
);


CREATE TABLE "People" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_People" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Gender" TEXT NOT NULL,
    "Ethnicity" TEXT NULL,
    "Party" TEXT NULL,
    "BirthDate" TEXT NULL,
    "IdNumber" TEXT NULL,
    "Phone" TEXT NULL,
    "Occupation" TEXT NULL
);


CREATE TABLE "SecurityPolicies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SecurityPolicies" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "MinPasswordLength" INTEGER NOT NULL,
    "MinCharacterClasses" INTEGER NOT NULL,
    "PasswordHistory" INTEGER NOT NULL,
    "PasswordMaxAgeDays" INTEGER NOT NULL,
    "LockoutThreshold" INTEGER NOT NULL,
    "LockoutMinutes" INTEGER NOT NULL,
    "IdleTimeoutMinutes" INTEGER NOT NULL,
    "ApiTokenHours" INTEGER NOT NULL
);


CREATE TABLE "Committees" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Committees" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ManagesDeputies" INTEGER NOT NULL,
    CONSTRAINT "FK_Committees_Congresses_CongressId" FOREIGN KEY ("CongressId") REFERENCES "Congresses" ("Id") ON DELETE CASCADE
);


CREATE TABLE "HandlingUnits" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_HandlingUnits" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Active" INTEGER NOT NULL,
    CONSTRAINT "FK_HandlingUnits_Congresses_CongressId" FOREIGN KEY ("CongressId") REFERENCES "Congresses" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Terms" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Terms" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NULL,
    CONSTRAINT "FK_Terms_Congresses_CongressId" FOREIGN KEY ("CongressId") REFERENCES "Congresses" ("Id") ON DELETE CASCADE
);


CREATE TABLE "DeadlineExtensions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DeadlineExtensions" PRIMARY KEY AUTOINCREMENT,
    "DeadlineId" INTEGER NOT NULL,
    "Unit" TEXT NOT NULL,
    "Amount" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "ApprovedByAccountId" INTEGER NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_DeadlineExtensions_Deadlines_DeadlineId" FOREIGN KEY ("DeadlineId") REFERENCES "Deadlines" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Accounts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Accounts" PRIMARY KEY AUTOINCREMENT,
    "UserName" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "CongressId" INTEGER NOT NULL,
    "PersonId" INTEGER NULL,
    "PasswordHash" TEXT NOT NULL,
    "PasswordChangedAt" TEXT NOT NULL,
    "MustChangePassword" INTEGER NOT NULL,
    "IsDemo" INTEGER NOT NULL,
    "Enabled" INTEGER NOT NULL,
    "FailedLogins" INTEGER NOT NULL,
    "LockedUntil" TEXT NULL,
    "Email" TEXT NULL,
    CONSTRAINT "FK_Accounts_Congresses_CongressId" FOREIGN KEY ("CongressId") REFERENCES "Congresses" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Accounts_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id")
);


CREATE TABLE "Deputies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Deputies" PRIMARY KEY AUTOINCREMENT,
    "PersonId" INTEGER NOT NULL,
    "CongressId" INTEGER NOT NULL,
    "TermId" INTEGER NOT NULL,
    "Delegation" TEXT NULL,
    "ElectoralUnit" TEXT NULL,
    "DeputyGroup" TEXT NULL,
    "Status" TEXT NOT NULL,
    "StatusChangedOn" TEXT NULL,
    CONSTRAINT "FK_Deputies_Congresses_CongressId" FOREIGN KEY ("CongressId") REFERENCES "Congresses" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Deputies_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Deputies_Terms_TermId" FOREIGN KEY ("TermId") REFERENCES "Terms" ("Id") ON DELETE CASCADE
);


CREATE TABLE "StandingCommitteeMembers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_StandingCommitteeMembers" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "TermId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "Post" TEXT NOT NULL,
    "SeatedOn" TEXT NOT NULL,
    "LeftOn" TEXT NULL,
    CONSTRAINT "FK_StandingCommitteeMembers_Congresses_CongressId" FOREIGN KEY ("CongressId") REFERENCES "Congresses" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_StandingCommitteeMembers_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_StandingCommitteeMembers_Terms_TermId" FOREIGN KEY ("TermId") REFERENCES "Terms" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ApiTokens" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ApiTokens" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    CONSTRAINT "FK_ApiTokens_Accounts_AccountId" FOREIGN KEY ("AccountId") REFERENCES "Accounts" ("Id") ON DELETE CASCADE
);


CREATE TABLE "RoleAssignments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RoleAssignments" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "Role" TEXT NOT NULL,
    "CommitteeId" INTEGER NULL,
    "HandlingUnitId" INTEGER NULL,
    CONSTRAINT "FK_RoleAssignments_Accounts_AccountId" FOREIGN KEY ("AccountId") REFERENCES "Accounts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_RoleAssignments_Committees_CommitteeId" FOREIGN KEY ("CommitteeId") REFERENCES "Committees" ("Id"),
    CONSTRAINT "FK_RoleAssignments_HandlingUnits_HandlingUnitId" FOREIGN KEY ("HandlingUnitId") REFERENCES "HandlingUnits" ("Id")
);


CREATE INDEX "IX_Accounts_CongressId" ON "Accounts" ("CongressId");


CREATE INDEX "IX_Accounts_PersonId" ON "Accounts" ("PersonId");


CREATE UNIQUE INDEX "IX_Accounts_UserName" ON "Accounts" ("UserName");


CREATE INDEX "IX_ApiTokens_AccountId" ON "ApiTokens" ("AccountId");


CREATE UNIQUE INDEX "IX_ApiTokens_TokenHash" ON "ApiTokens" ("TokenHash");


CREATE INDEX "IX_Attachments_OwnerType_OwnerId" ON "Attachments" ("OwnerType", "OwnerId");


CREATE INDEX "IX_AuditRecords_EntityType_EntityId" ON "AuditRecords" ("EntityType", "EntityId");


CREATE UNIQUE INDEX "IX_AuditRecords_Sequence" ON "AuditRecords" ("Sequence");


CREATE INDEX "IX_AuditRecords_Time" ON "AuditRecords" ("Time");


CREATE UNIQUE INDEX "IX_Committees_CongressId_Name" ON "Committees" ("CongressId", "Name");


CREATE UNIQUE INDEX "IX_Congresses_Code" ON "Congresses" ("Code");


CREATE INDEX "IX_Congresses_ParentId" ON "Congresses" ("ParentId");


CREATE INDEX "IX_DeadlineExtensions_DeadlineId" ON "DeadlineExtensions" ("DeadlineId");


CREATE INDEX "IX_Deadlines_CongressId_Status_DueOn" ON "Deadlines" ("CongressId", "Status", "DueOn");


CREATE INDEX "IX_Deadlines_SubjectType_SubjectId" ON "Deadlines" ("SubjectType", "SubjectId");


CREATE UNIQUE INDEX "IX_Deputies_CongressId_TermId_PersonId" ON "Deputies" ("CongressId", "TermId", "PersonId");


CREATE INDEX "IX_Deputies_PersonId" ON "Deputies" ("PersonId");


CREATE INDEX "IX_Deputies_TermId" ON "Deputies" ("TermId");


CREATE UNIQUE INDEX "IX_HandlingUnits_CongressId_Name" ON "HandlingUnits" ("CongressId", "Name");


CREATE INDEX "IX_LoginSessions_AccountId" ON "LoginSessions" ("AccountId");


CREATE INDEX "IX_Notifications_AccountId_ReadAt" ON "Notifications" ("AccountId", "ReadAt");


CREATE INDEX "IX_PasswordHistory_AccountId" ON "PasswordHistory" ("AccountId");


CREATE UNIQUE INDEX "IX_People_IdNumber" ON "People" ("IdNumber");


CREATE INDEX "IX_People_Name" ON "People" ("Name");


CREATE INDEX "IX_RoleAssignments_AccountId" ON "RoleAssignments" ("AccountId");


CREATE INDEX "IX_RoleAssignments_CommitteeId" ON "RoleAssignments" ("CommitteeId");


CREATE INDEX "IX_RoleAssignments_HandlingUnitId" ON "RoleAssignments" ("HandlingUnitId");


CREATE UNIQUE INDEX "IX_SecurityPolicies_CongressId" ON "SecurityPolicies" ("CongressId");


CREATE INDEX "IX_StandingCommitteeMembers_CongressId_SeatedOn" ON "StandingCommitteeMembers" ("CongressId", "SeatedOn");


CREATE INDEX "IX_StandingCommitteeMembers_PersonId" ON "StandingCommitteeMembers" ("PersonId");


CREATE INDEX "IX_StandingCommitteeMembers_TermId" ON "StandingCommitteeMembers" ("TermId");


CREATE UNIQUE INDEX "IX_Terms_CongressId_Number" ON "Terms" ("CongressId", "Number");




-- The audit trail is append-only: the application never updates or deletes a record.
CREATE TRIGGER "AuditRecords_no_update" BEFORE UPDATE ON "AuditRecords" BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER "AuditRecords_no_delete" BEFORE DELETE ON "AuditRecords" BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
