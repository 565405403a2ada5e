#!/usr/bin/env bash
# Benchmark of the duty archive (issue 18): a deputy's archive with ten years of records of every kind, page and API
# p95 ≤ 50 ms; a province's yearly points for 60,000 deputies of all levels by query ≤ 2 × a scan of the duty records.
#   fresh PostgreSQL database → the real app with the demo story (migrations, demo deputies) → SQL generate_series:
#   60,000 deputies spread over the province's congresses (province, prefecture, counties, township) and, for each of them
#   and for the demo deputy daibiao, YEARS years × PER_YEAR records cycling through every kind (indexes dropped while
#   loading and built again after, then VACUUM ANALYZE) → (1) HTTP against the running app as daibiao (baseline
#   /health/ready) → (2) the points query in process against SELECT count(*) FROM "DutyRecords", alternated, same run.
#
# Environment (all optional): RENDA_BENCH_PG (default "Host=127.0.0.1;Port=55432;Username=postgres"), RENDA_BENCH_PORT
# (5113), RENDA_BENCH_DEPUTIES (60000), RENDA_BENCH_YEARS (10), RENDA_BENCH_PER_YEAR (30 → 18 M rows), RENDA_BENCH_RUNS
# (200 HTTP requests each), RENDA_BENCH_READY_SECONDS (120; a loaded machine needs more for the demo story), RENDA_BENCH_KEEP=1 keeps the database, RENDA_BENCH_SKIP_BUILD=1 uses the existing Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
pg_server=${RENDA_BENCH_PG:-"Host=127.0.0.1;Port=55432;Username=postgres"}
port=${RENDA_BENCH_PORT:-5113}
deputies=${RENDA_BENCH_DEPUTIES:-60000}
years=${RENDA_BENCH_YEARS:-10}
per_year=${RENDA_BENCH_PER_YEAR:-30}
runs=${RENDA_BENCH_RUNS:-200}
password='Renda#Demo2026'
stamp=$(date -u +%Y%m%d-%H%M%S)
db="renda_bench_duty_${stamp//-/_}"
data=$(mktemp -d /tmp/renda-bench-duty-XXXX)
source bench/lib.sh
require_free_port

if [ -z "${RENDA_BENCH_SKIP_BUILD:-}" ]; then
  log "building (Release)"
  dotnet build -c Release -v q src/Renda.Web >/dev/null
  dotnet build -c Release -v q bench/Renda.Bench.DutyArchive >/dev/null
fi
bench=bench/Renda.Bench.DutyArchive/bin/Release/net10.0/Renda.Bench.DutyArchive.dll
this_year=$(date -u +%Y)
first=$((this_year - years + 1))

log "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
psql -q -d postgres -c "CREATE DATABASE \"$db\"" >/dev/null
start_app src/Renda.Web/bin/Release/net10.0/renda.dll

log "generating $deputies deputies and $years years × $per_year records each ($first–$this_year)"
start=$(date +%s)
psql -q -v ON_ERROR_STOP=1 -d "$db" <<SQL
\timing on
CREATE TEMP TABLE bench_congress AS
WITH RECURSIVE sub AS (SELECT "Id" FROM "Congresses" WHERE "Code" = '630000' UNION ALL SELECT c."Id" FROM "Congresses" c JOIN sub ON c."ParentId" = sub."Id")
SELECT row_number() OVER (ORDER BY s."Id") - 1 AS n, s."Id" AS congress_id,
       (SELECT t."Id" FROM "Terms" t WHERE t."CongressId" = s."Id" ORDER BY t."Id" DESC LIMIT 1) AS term_id
FROM sub s;
DELETE FROM bench_congress WHERE term_id IS NULL;
INSERT INTO "People" ("Name", "Gender") SELECT '性能代表' || g, CASE WHEN g % 2 = 0 THEN 'Male' ELSE 'Female' END FROM generate_series(1, $deputies) g;
INSERT INTO "Deputies" ("PersonId", "CongressId", "TermId", "Status", "Delegation")
SELECT p."Id", c.congress_id, c.term_id, 'Serving', '性能测试代表团'
FROM "People" p JOIN bench_congress c ON c.n = p."Id" % (SELECT count(*) FROM bench_congress)
WHERE p."Name" LIKE '性能代表%';
CREATE TEMP TABLE bench_deputy AS
SELECT d."Id" FROM "Deputies" d JOIN "People" p ON p."Id" = d."PersonId" WHERE p."Name" LIKE '性能代表%'
UNION ALL
SELECT d."Id" FROM "Deputies" d JOIN "Accounts" a ON a."PersonId" = d."PersonId" JOIN "Congresses" c ON c."Id" = d."CongressId"
WHERE a."UserName" = 'daibiao' AND c."Code" = '632800';
DROP INDEX "IX_DutyRecords_DeputyId_On";
DROP INDEX "IX_DutyRecords_DeputyId_Kind_SourceType_SourceId";
DROP INDEX "IX_DutyRecords_On_DeputyId_Kind";
INSERT INTO "DutyRecords" ("DeputyId", "On", "Kind", "Title", "SourceType", "SourceId")
SELECT d."Id", make_date(y, 1, 1) + ((k * 12 + d."Id") % 365),
       (ARRAY['列席常委会会议','请假缺席会议','参加执法检查','参加代表视察','参加专题调研','参加专题询问','参与质询','对法规草案提出意见','领衔提出建议','附议建议',
              '参加民生实事票决','接待群众','办理群众意见','参加履职培训','参加代表论坛','联系群众和代表','参加四级代表集中视察','参加基层立法联系点工作','向选民述职'])[1 + (k % 19)],
       '性能测试履职活动', 'Bench', y * 1000 + k
FROM bench_deputy d, generate_series($first, $this_year) y, generate_series(0, $per_year - 1) k;
CREATE INDEX "IX_DutyRecords_DeputyId_On" ON "DutyRecords" ("DeputyId", "On");
CREATE UNIQUE INDEX "IX_DutyRecords_DeputyId_Kind_SourceType_SourceId" ON "DutyRecords" ("DeputyId", "Kind", "SourceType", "SourceId");
CREATE INDEX "IX_DutyRecords_On_DeputyId_Kind" ON "DutyRecords" ("On", "DeputyId", "Kind");
VACUUM ANALYZE "DutyRecords";
ANALYZE "Deputies";
SQL
echo "generated in $(( $(date +%s) - start )) s; $(psql -At -d "$db" -c 'SELECT count(*) FROM "DutyRecords"') duty records, size $(psql -At -d "$db" -c "SELECT pg_size_pretty(pg_total_relation_size('\"DutyRecords\"'))")"

log "(1) the demo deputy's archive over HTTP, $runs requests each (ms); load $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$bench" http "http://127.0.0.1:$port" daibiao "$password" "$this_year" --runs "$runs" || echo "(over 50 ms)"
log "(2) the province's yearly points by query against a scan of the duty records (ms); load $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$bench" points "$conn" 630000 "$this_year" --runs 5 || echo "(over 2 × the scan)"
log "plan of the points query"
psql -d "$db" -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT r.\"DeputyId\", d.\"CongressId\", sum(w.\"Weight\") FROM \"DutyRecords\" r JOIN \"Deputies\" d ON r.\"DeputyId\" = d.\"Id\" JOIN \"DutyPointWeights\" w ON d.\"CongressId\" = w.\"CongressId\" AND r.\"Kind\" = w.\"Kind\" WHERE r.\"On\" >= DATE '$this_year-01-01' AND r.\"On\" < DATE '$((this_year + 1))-01-01' GROUP BY r.\"DeputyId\", d.\"CongressId\"" | tail -25
