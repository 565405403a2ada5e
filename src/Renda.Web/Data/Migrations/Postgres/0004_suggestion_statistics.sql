-- 0004: indexes for the statistics of deputies' suggestions (办复率, 满意率 …, see docs/BENCHMARKS.md).
-- A covering index on (CongressId, Year, …every counted column…) lets a congress's year be counted
-- from the index alone; it starts with (CongressId, Year, Status) and so replaces that index.
-- The per-suggestion indexes of assignments, contacts and commitments carry the counted column too,
-- and replace the plain foreign-key indexes they start with.

DROP INDEX "IX_Suggestions_CongressId_Year_Status";
CREATE INDEX "IX_Suggestions_Statistics" ON "Suggestions" ("CongressId", "Year", "Status", "Category", "LeadDeputyId", "AssignedOn", "AnswerDueOn", "FirstAnsweredOn", "AnswerCategory", "Rating", "RatingMissing", "IsKey", "Id");

DROP INDEX "IX_SuggestionAssignments_SuggestionId";
CREATE INDEX "IX_SuggestionAssignments_Statistics" ON "SuggestionAssignments" ("SuggestionId", "Status", "Role", "HandlingUnitId");

DROP INDEX "IX_SuggestionContacts_SuggestionId";
CREATE INDEX "IX_SuggestionContacts_Statistics" ON "SuggestionContacts" ("SuggestionId", "FaceToFace");

DROP INDEX "IX_Commitments_SuggestionId";
CREATE INDEX "IX_Commitments_Statistics" ON "Commitments" ("SuggestionId", "Status");
