-- 0011: final accounts and budget adjustments are approved by a vote: its outcome on the report.
ALTER TABLE "WorkReports" ADD COLUMN "Approved" INTEGER NULL;
ALTER TABLE "WorkReports" ADD COLUMN "ApprovedOn" TEXT NULL;
