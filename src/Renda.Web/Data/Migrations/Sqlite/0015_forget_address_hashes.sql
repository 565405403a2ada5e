-- 0015: the addresses behind public comments and review suggestions were stored as a plain SHA-256, which can be reversed
-- by hashing every IPv4 address. They are now an HMAC whose key is a file in <DataDir>/keys, not in the database
-- (Platform/Web/ClientAddress). The old values are dropped: they served only to count the last hour's submissions.
UPDATE "BillComments" SET "AddressHash" = NULL WHERE "AddressHash" IS NOT NULL;
UPDATE "ReviewSuggestions" SET "AddressHash" = NULL WHERE "AddressHash" IS NOT NULL;
