-- 0002: the Chinese similarity index (Platform/Search). A derived index, outside the EF model:
-- written only by SearchIndex with raw SQL, rebuildable from its sources, not audited.
-- See docs/decisions/0005-chinese-similarity-index.md.

-- One row per indexed text. doc_id is the FTS5 rowid; (kind, id) is the caller's key.
CREATE TABLE search_documents (
    doc_id INTEGER NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL,
    id INTEGER NOT NULL,
    congress_id INTEGER NOT NULL,
    year INTEGER NOT NULL,
    body TEXT NOT NULL
);
CREATE UNIQUE INDEX search_documents_kind_id ON search_documents (kind, id);

-- The tokens (CJK bigrams and words, computed in C# by ChineseText.Tokenize) space-separated; the
-- 'ascii' tokenizer only splits on the spaces, so FTS5 indexes exactly our tokens. Contentless
-- (the body lives in search_documents) with delete support; no positions are needed for
-- similarity, so detail=none keeps the index small.
CREATE VIRTUAL TABLE search_fts USING fts5(tokens, content='', contentless_delete=1, tokenize='ascii', detail='none');

-- Document frequency of every token, to pick a query's rarest tokens.
CREATE VIRTUAL TABLE search_fts_vocab USING fts5vocab(search_fts, 'row');
