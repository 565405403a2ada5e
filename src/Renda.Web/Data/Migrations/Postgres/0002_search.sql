-- 0002: the Chinese similarity index (Platform/Search). A derived index, outside the EF model:
-- written only by SearchIndex with raw SQL, rebuildable from its sources, not audited.
-- See docs/decisions/0005-chinese-similarity-index.md.

-- One row per indexed text. tokens: the text's distinct tokens (CJK bigrams and words, computed
-- in C# by ChineseText.Tokenize) as lexemes via array_to_tsvector, which takes them verbatim (no
-- parser or dictionary in between, so the index and the queries see exactly the same tokens).
CREATE TABLE search_documents (
    kind character varying(40) NOT NULL,
    id bigint NOT NULL,
    congress_id integer NOT NULL,
    year integer NOT NULL,
    tokens tsvector NOT NULL,
    body text NOT NULL,
    CONSTRAINT search_documents_pkey PRIMARY KEY (kind, id)
);
-- fastupdate off: each write updates the posting lists at once, so a query never has to scan a
-- pending list that grew since the last vacuum (writes are rare: a person submits a suggestion).
CREATE INDEX search_documents_tokens ON search_documents USING gin (tokens) WITH (fastupdate = off);

-- Document frequency per kind and token, kept exact by SearchIndex on every upsert and removal:
-- ts_stat over a million rows takes seconds, this is a primary-key lookup.
CREATE TABLE search_terms (
    kind character varying(40) NOT NULL,
    term text COLLATE "C" NOT NULL,
    df integer NOT NULL,
    CONSTRAINT search_terms_pkey PRIMARY KEY (kind, term)
);
