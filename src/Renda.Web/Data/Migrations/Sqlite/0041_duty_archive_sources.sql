-- 0041: issue 18's last sources of the duty archive. A special inquiry's asker may be a deputy (专题询问发言); a legislative
-- contact point has deputies of any level, and the deputies who took part in a consultation are named with the point's
-- opinion (基层立法联系点征求意见); an invited deputy's attendance is recorded (请假、缺席 take the place of 列席).
-- The two placeholder kinds of the points scheme become these kinds, keeping any weight a congress has set.
ALTER TABLE "InquiryQuestions" ADD COLUMN "AskerDeputyId" INTEGER NULL;
ALTER TABLE "MeetingAttendees" ADD COLUMN "Status" TEXT NULL;
ALTER TABLE "MeetingAttendees" ADD COLUMN "Note" TEXT NULL;

CREATE TABLE "ContactPointDeputies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContactPointDeputies" PRIMARY KEY AUTOINCREMENT,
    "ContactPointId" INTEGER NOT NULL,
    "DeputyId" INTEGER NOT NULL,
    "AssignedOn" TEXT NOT NULL,
    CONSTRAINT "FK_ContactPointDeputies_LegislativeContactPoints_ContactPointId" FOREIGN KEY ("ContactPointId") REFERENCES "LegislativeContactPoints" ("Id") ON DELETE CASCADE
);

CREATE TABLE "BillCommentDeputies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BillCommentDeputies" PRIMARY KEY AUTOINCREMENT,
    "BillCommentId" INTEGER NOT NULL,
    "DeputyId" INTEGER NOT NULL,
    CONSTRAINT "FK_BillCommentDeputies_BillComments_BillCommentId" FOREIGN KEY ("BillCommentId") REFERENCES "BillComments" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_ContactPointDeputies_ContactPointId_DeputyId" ON "ContactPointDeputies" ("ContactPointId", "DeputyId");
CREATE INDEX "IX_ContactPointDeputies_DeputyId" ON "ContactPointDeputies" ("DeputyId");
CREATE UNIQUE INDEX "IX_BillCommentDeputies_BillCommentId_DeputyId" ON "BillCommentDeputies" ("BillCommentId", "DeputyId");
CREATE INDEX "IX_BillCommentDeputies_DeputyId" ON "BillCommentDeputies" ("DeputyId");

UPDATE "DutyPointWeights" SET "Kind" = '专题询问发言' WHERE "Kind" = '参加专题询问';
UPDATE "DutyPointWeights" SET "Kind" = '基层立法联系点征求意见' WHERE "Kind" = '参加基层立法联系点工作';
UPDATE "DutyRecords" SET "Kind" = '专题询问发言' WHERE "Kind" = '参加专题询问';
UPDATE "DutyRecords" SET "Kind" = '基层立法联系点征求意见' WHERE "Kind" = '参加基层立法联系点工作';
