-- 0011: final accounts and budget adjustments are approved by a vote: its outcome on the report.
ALTER TABLE "WorkReports" ADD "Approved" boolean;
ALTER TABLE "WorkReports" ADD "ApprovedOn" date;
