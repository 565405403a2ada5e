-- 0008: the regulations database (Features/Laws, decision 0013). "Laws" is in the EF model (audited: the record of
-- each imported version with its source text). The search_law_* tables are the derived article index, outside the
-- model like 0002's search index: written with raw SQL by LawIndex in the law's import transaction, rebuildable from
-- "LawSources"."Source" (renda reindex-laws).

CREATE TABLE "Laws" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Laws" PRIMARY KEY,
    "WorkKey" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "SourcePath" TEXT NOT NULL,
    "SourceHash" TEXT NOT NULL,
    "History" TEXT NOT NULL,
    "VersionDate" TEXT NULL,
    "AdoptedOn" TEXT NULL,
    "AmendedOn" TEXT NULL,
    "EffectiveOn" TEXT NULL,
    "ArticleCount" INTEGER NOT NULL,
    "SupersededById" INTEGER NULL,
    "Repealed" INTEGER NOT NULL,
    "ImportedAt" TEXT NOT NULL
);
-- The source text apart (EF entity splitting): lists and the search join read "Laws" rows only.
CREATE TABLE "LawSources" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LawSources" PRIMARY KEY,
    "Source" TEXT NOT NULL,
    CONSTRAINT "FK_LawSources_Laws_Id" FOREIGN KEY ("Id") REFERENCES "Laws" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_Laws_Category_VersionDate" ON "Laws" ("Category", "VersionDate");
CREATE UNIQUE INDEX "IX_Laws_SourcePath" ON "Laws" ("SourcePath");
CREATE INDEX "IX_Laws_SupersededById" ON "Laws" ("SupersededById");
CREATE INDEX "IX_Laws_VersionDate" ON "Laws" ("VersionDate");
CREATE INDEX "IX_Laws_WorkKey_VersionDate" ON "Laws" ("WorkKey", "VersionDate");

-- Each unit of a law: article (number, suffix for 之一, label 第十条, chapter/section path), preamble, block, appendix.
CREATE TABLE search_law_articles (
    id INTEGER NOT NULL PRIMARY KEY,
    law_id INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    kind TEXT NOT NULL,
    number INTEGER NOT NULL,
    suffix INTEGER NOT NULL,
    label TEXT NOT NULL,
    path TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE UNIQUE INDEX search_law_articles_law ON search_law_articles (law_id, ordinal);
CREATE INDEX search_law_articles_number ON search_law_articles (law_id, number, suffix);

-- Tokens (ChineseText.Tokenize: CJK bigrams, words) space-separated, with positions (detail=full, the default), so a
-- search term is a phrase query: its bigrams in a row, which is the term itself. rowid = search_law_articles.id.
CREATE VIRTUAL TABLE search_law_fts USING fts5(tokens, content='', contentless_delete=1, tokenize='ascii');
-- Titles, rowid = "Laws"."Id".
CREATE VIRTUAL TABLE search_law_title_fts USING fts5(tokens, content='', contentless_delete=1, tokenize='ascii');
