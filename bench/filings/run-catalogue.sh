#!/usr/bin/env bash
# Benchmark of issue #6 against PostgreSQL: a filer's annual catalogue of 10,000 documents compared with its filings.
#   build (Release) → fresh database → the real app on 127.0.0.1 with the demo story → 9,000 filings of 海西州人民政府
#   for 2024 written by SQL (the bench's data, not audited) → the catalogue of 10,000 entries submitted through the API
#   (half of the filed ones listed with another bracket style, 1,000 never filed) → warm-up → rounds of
#   GET /api/v1/filing-catalogues/{id}/comparison interleaved with the baseline GET /api/v1/filings/{id} (one record
#   with its clocks, same account, same connection) → the unfiled count checked → app stopped, database dropped.
#
# Environment (all optional): RENDA_BENCH_PG (default "Host=127.0.0.1;Port=55432;Username=postgres"), RENDA_BENCH_PORT
# (default 5189), RENDA_BENCH_ENTRIES (10000), RENDA_BENCH_FILED (9000), RENDA_BENCH_ROUNDS (30), RENDA_BENCH_KEEP=1,
# RENDA_BENCH_SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

pg_server=${RENDA_BENCH_PG:-"Host=127.0.0.1;Port=55432;Username=postgres"}
port=${RENDA_BENCH_PORT:-5189}
entries=${RENDA_BENCH_ENTRIES:-10000}
filed=${RENDA_BENCH_FILED:-9000}
rounds=${RENDA_BENCH_ROUNDS:-30}
password='Renda#Demo2026'
stamp=$(date -u +%Y%m%d-%H%M%S)
db="renda_bench_filings_${stamp//-/_}"
data=$(mktemp -d /tmp/renda-bench-filings.XXXXXX)
app_dll=src/Renda.Web/bin/Release/net10.0/renda.dll

# shellcheck source=bench/lib.sh
source bench/lib.sh

if [ -z "${RENDA_BENCH_SKIP_BUILD:-}" ]; then
  log "building (Release)"
  dotnet build src/Renda.Web -c Release -nologo -v q
fi

log "creating database $db"
psql -q -d postgres -c "CREATE DATABASE \"$db\""
require_free_port
start_app "$app_dll"

log "seeding $filed filings of 海西州人民政府 for 2024"
psql -q -d "$db" -v ON_ERROR_STOP=1 <<SQL
INSERT INTO "Filings" ("CongressId","FilerType","FilerHandlingUnitId","FilerName","Kind","Title","DocumentNumber","IssuingOrgan","PublishedOn","FiledOn","Late",
  "Text","Status","Year","Serial","ReceivedOn","Resubmissions","CreatedAt")
SELECT c."Id", 'Government', u."Id", u."Name", 'Other', '海西州人民政府关于印发基准测试文件第' || i || '号的通知', '西政〔2024〕' || i || '号', u."Name",
  DATE '2024-01-01' + (i % 360), DATE '2024-01-05' + (i % 360), false, '正文', 'Archived', 2024, 100000 + i, DATE '2024-01-06' + (i % 360), 0, now()
FROM generate_series(1, $filed) AS i
JOIN "Congresses" c ON c."Code" = '632800'
JOIN "HandlingUnits" u ON u."CongressId" = c."Id" AND u."Kind" = 'Government';
ANALYZE "Filings";
SQL

python3 bench/filings/catalogue.py "http://127.0.0.1:$port" "$password" "$entries" "$filed" "$rounds"
