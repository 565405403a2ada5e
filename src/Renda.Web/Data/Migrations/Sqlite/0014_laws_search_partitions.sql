-- 0014: PostgreSQL splits the article index of the regulations database into partitions (see its 0014). Nothing changes
-- here: FTS5 returns a word's matches in rowid order and stops at the limit.
SELECT 1;
