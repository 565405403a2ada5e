-- 0004: the statistics of deputies' suggestions (办复率, 满意率 …, see docs/BENCHMARKS.md).
-- Suggestions.FaceToFaceContact: whether a unit has met the deputy face to face (见面率), set with
-- the contact as FirstAnsweredOn is with the answer, so that no figure needs a lookup per suggestion.
-- A covering index on (CongressId, Year, …every counted column…) lets a congress's year be counted
-- from the index alone; it starts with (CongressId, Year, Status) and so replaces that index.
-- The per-suggestion indexes of assignments and commitments carry the counted columns too and
-- replace the plain foreign-key indexes they start with.

ALTER TABLE "Suggestions" ADD "FaceToFaceContact" INTEGER NOT NULL DEFAULT 0;
UPDATE "Suggestions" SET "FaceToFaceContact" = 1
WHERE EXISTS (SELECT 1 FROM "SuggestionContacts" c WHERE c."SuggestionId" = "Suggestions"."Id" AND c."FaceToFace" = 1);

DROP INDEX "IX_Suggestions_CongressId_Year_Status";
CREATE INDEX "IX_Suggestions_Statistics" ON "Suggestions" ("CongressId", "Year", "Status", "Category", "LeadDeputyId", "AssignedOn", "AnswerDueOn", "FirstAnsweredOn", "AnswerCategory", "Rating", "RatingMissing", "FaceToFaceContact", "IsKey", "Id");

DROP INDEX "IX_SuggestionAssignments_SuggestionId";
CREATE INDEX "IX_SuggestionAssignments_Statistics" ON "SuggestionAssignments" ("SuggestionId", "Status", "Role", "HandlingUnitId");

DROP INDEX "IX_Commitments_SuggestionId";
CREATE INDEX "IX_Commitments_Statistics" ON "Commitments" ("SuggestionId", "Status", "HandlingUnitId");
