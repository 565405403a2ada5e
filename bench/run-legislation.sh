#!/usr/bin/env bash
# Benchmark of the legislation module's comparison tables (issue #5: two versions of a 200-article regulation ≤ 200 ms):
#   build (Release) → (1) in process: parse the text (baseline), compare two versions sharing node ids, compare a pasted
#   version (similarity only) → (2) end to end: fresh PostgreSQL database, the real app on 127.0.0.1 with the demo story,
#   a 200-article bill pasted, derived and edited through the API, then GET compare against GET the version's text
#   (baseline) → stop the app → drop the database.
#
# Environment (all optional): RENDA_BENCH_PG (default "Host=127.0.0.1;Port=55432;Username=postgres"), RENDA_BENCH_PORT
# (default 5189), RENDA_BENCH_ARTICLES (200), RENDA_BENCH_RUNS (100), RENDA_BENCH_KEEP=1 keeps the database,
# RENDA_BENCH_SKIP_BUILD=1 uses the existing Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
pg_server=${RENDA_BENCH_PG:-"Host=127.0.0.1;Port=55432;Username=postgres"}
port=${RENDA_BENCH_PORT:-5189}
articles=${RENDA_BENCH_ARTICLES:-200}
runs=${RENDA_BENCH_RUNS:-100}
password='Renda#Demo2026'
stamp=$(date -u +%Y%m%d-%H%M%S)
db="renda_bench_legislation_${stamp//-/_}"
data=$(mktemp -d /tmp/renda-bench-legislation-XXXX)
source bench/lib.sh
require_free_port

if [ -z "${RENDA_BENCH_SKIP_BUILD:-}" ]; then
  log "building (Release)"
  dotnet build -c Release -v q src/Renda.Web >/dev/null
  dotnet build -c Release -v q bench/Renda.Bench.Legislation >/dev/null
fi
bench=bench/Renda.Bench.Legislation/bin/Release/net10.0/Renda.Bench.Legislation.dll

log "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
log "(1) in process, $articles articles, $runs runs each (ms: p50 | p95 | max | p50 ÷ baseline p50)"
dotnet "$bench" inproc --articles "$articles" --runs "$runs" || echo "(over 200 ms)"

psql -q -d postgres -c "CREATE DATABASE \"$db\"" >/dev/null
start_app src/Renda.Web/bin/Release/net10.0/renda.dll
log "(2) over HTTP on PostgreSQL, $articles articles, $runs runs each (ms: p50 | p95 | max | p50 ÷ baseline p50); load $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$bench" http "http://127.0.0.1:$port" qh-staff "$password" 630000 --articles "$articles" --runs "$runs" || echo "(over 200 ms)"
