-- 0019: the laws import takes a text as published (a skipped chapter number, a missing article, a table of contents) and
-- records what it kept as printed on the law, one warning a line, for staff. NULL for laws imported before: the next
-- import fills it in without rewriting them.
ALTER TABLE "Laws" ADD COLUMN "ImportWarnings" text NULL;
