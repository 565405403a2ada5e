-- 0049: the public site's search index (issue 19, part 2). A derived index outside the EF model, written only by
-- PublicIndex with raw SQL from the public content of every module, rebuildable at any time, not audited.
-- See docs/decisions/0027-public-search.md.

-- One row per public item: its section and key (the item's stable identity), congress (0: the national laws, seen by
-- every site), address, title and text as shown, the same normalised (ChineseText.Normalize) for the exact check, the
-- publication time (Unix seconds) and a stamp of its content (what the indexer compares to find changes).
CREATE TABLE search_public_documents (
    doc_id INTEGER NOT NULL PRIMARY KEY,
    section TEXT NOT NULL,
    key TEXT NOT NULL,
    congress_id INTEGER NOT NULL,
    url TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    norm_title TEXT NOT NULL,
    norm_body TEXT NOT NULL,
    published_at INTEGER NOT NULL,
    stamp TEXT NOT NULL
);
CREATE UNIQUE INDEX search_public_documents_key ON search_public_documents (section, key);
CREATE INDEX search_public_documents_newest ON search_public_documents (congress_id, published_at);

-- The tokens (ChineseText.Tokenize of title and text: CJK bigrams, words) space-separated, as search_fts: contentless,
-- no positions (a hit is confirmed on the normalised text, which also keeps phrases exact).
CREATE VIRTUAL TABLE search_public_fts USING fts5(tokens, content='', contentless_delete=1, tokenize='ascii', detail='none');

-- The indexer's one row of health: when it last caught up, the oldest change not yet applied, the last error.
CREATE TABLE search_public_state (
    id INTEGER NOT NULL PRIMARY KEY,
    caught_up_at INTEGER,
    last_error TEXT,
    last_error_at INTEGER,
    rebuilt_at INTEGER
);
INSERT INTO search_public_state (id) VALUES (1);
