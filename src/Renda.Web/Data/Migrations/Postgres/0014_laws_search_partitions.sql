-- 0014: the article index of the regulations database in 16 hash partitions by law (decision 0013, "Bounded work").
-- GIN keeps no order: the first N matches of a common word cost a bitmap of the word's whole posting list. A LIMIT over
-- the partitioned table reads the partitions one after another and stops when it has enough, so a common word costs
-- one partition's posting list (a sixteenth), a rare one sixteen small look-ups; a law's articles stay in one partition.
-- The surrogate id goes (a partitioned table's primary key must hold law_id, and nothing on PostgreSQL used it).
-- The GIN index holds law_id beside the tokens (btree_gin, a trusted extension shipped with PostgreSQL): "does this law
-- hold the word" is then one index scan driven by the law's few entries (0.1 ms), where the law's B-tree ANDed with the
-- word's posting list read the whole list for every law checked (1–2 ms each, LawIndex.HoldingAsync).
CREATE EXTENSION IF NOT EXISTS btree_gin;
ALTER TABLE search_law_articles RENAME TO search_law_articles_0008;
ALTER INDEX search_law_articles_law RENAME TO search_law_articles_0008_law;
ALTER INDEX search_law_articles_number RENAME TO search_law_articles_0008_number;
ALTER INDEX search_law_articles_tokens RENAME TO search_law_articles_0008_tokens;
CREATE TABLE search_law_articles (
    law_id integer NOT NULL,
    ordinal integer NOT NULL,
    kind character varying(10) NOT NULL,
    number integer NOT NULL,
    suffix integer NOT NULL,
    label text NOT NULL,
    path text NOT NULL,
    body text NOT NULL,
    tokens tsvector NOT NULL,
    CONSTRAINT search_law_articles_law PRIMARY KEY (law_id, ordinal)
) PARTITION BY HASH (law_id);
CREATE TABLE search_law_articles_p00 PARTITION OF search_law_articles FOR VALUES WITH (MODULUS 16, REMAINDER 0);
CREATE TABLE search_law_articles_p01 PARTITION OF search_law_articles FOR VALUES WITH (MODULUS 16, REMAINDER 1);
CREATE TABLE search_law_articles_p02 PARTITION OF search_law_articles FOR VALUES WITH (MODULUS 16, REMAINDER 2);
CREATE TABLE search_law_articles_p03 PARTITION OF search_law_articles FOR VALUES WITH (MODULUS 16, REMAINDER 3);
CREATE TABLE search_law_articles_p04 PARTITION OF search_law_articles FOR VALUES WITH (MODULUS 16, REMAINDER 4);
CREATE TABLE search_law_articles_p05 PARTITION OF search_law_articles FOR VALUES WITH (MODULUS 16, REMAINDER 5);
CREATE TABLE search_law_articles_p06 PARTITION OF search_law_articles FOR VALUES WITH (MODULUS 16, REMAINDER 6);
CREATE TABLE search_law_articles_p07 PARTITION OF search_law_articles FOR VALUES WITH (MODULUS 16, REMAINDER 7);
CREATE TABLE search_law_articles_p08 PARTITION OF search_law_articles FOR VALUES WITH (MODULUS 16, REMAINDER 8);
CREATE TABLE search_law_articles_p09 PARTITION OF search_law_articles FOR VALUES WITH (MODULUS 16, REMAINDER 9);
CREATE TABLE search_law_articles_p10 PARTITION OF search_law_articles FOR VALUES WITH (MODULUS 16, REMAINDER 10);
CREATE TABLE search_law_articles_p11 PARTITION OF search_law_articles FOR VALUES WITH (MODULUS 16, REMAINDER 11);
CREATE TABLE search_law_articles_p12 PARTITION OF search_law_articles FOR VALUES WITH (MODULUS 16, REMAINDER 12);
CREATE TABLE search_law_articles_p13 PARTITION OF search_law_articles FOR VALUES WITH (MODULUS 16, REMAINDER 13);
CREATE TABLE search_law_articles_p14 PARTITION OF search_law_articles FOR VALUES WITH (MODULUS 16, REMAINDER 14);
CREATE TABLE search_law_articles_p15 PARTITION OF search_law_articles FOR VALUES WITH (MODULUS 16, REMAINDER 15);
INSERT INTO search_law_articles (law_id, ordinal, kind, number, suffix, label, path, body, tokens)
SELECT law_id, ordinal, kind, number, suffix, label, path, body, tokens FROM search_law_articles_0008 ORDER BY law_id, ordinal;
DROP TABLE search_law_articles_0008;
CREATE INDEX search_law_articles_number ON search_law_articles (law_id, number, suffix);
CREATE INDEX search_law_articles_tokens ON search_law_articles USING gin (law_id, tokens) WITH (fastupdate = off);
-- Without fastupdate, an import writes straight into the index. With it, new entries waited in a pending list that every
-- search read from end to end until autovacuum came by: a long title's search took 65 ms instead of 3 ms at 1,044 laws
-- right after an import. Laws are imported seldom and searched often.
ALTER INDEX search_law_titles_tokens SET (fastupdate = off);
SELECT gin_clean_pending_list('search_law_titles_tokens'::regclass);
ANALYZE search_law_articles;
