-- 0013: the public review-suggestion form is limited per network address and hour (configurable per congress, default 5).
-- The address is kept only as a hash (Platform/Web/ClientAddress).
ALTER TABLE "ReviewSuggestions" ADD "AddressHash" TEXT NULL;
CREATE INDEX "IX_ReviewSuggestions_AddressHash_ReceivedAt" ON "ReviewSuggestions" ("AddressHash", "ReceivedAt");
ALTER TABLE "FilingSettings" ADD "SuggestionsPerAddressPerHour" INTEGER NOT NULL DEFAULT 5;
