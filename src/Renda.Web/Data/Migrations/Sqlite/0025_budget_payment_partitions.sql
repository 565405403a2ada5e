-- 0025: on PostgreSQL, treasury payments are partitioned by year. SQLite has no partitions; its table of 0024 stays as it
-- is (the import writes it with batched prepared inserts in one transaction). Kept so both providers number alike.
SELECT 1;
