#!/usr/bin/env bash
# Load test of the suggestions module against PostgreSQL, end to end:
#   build (Release) → create a fresh database → start the real app on 127.0.0.1 (demo data) →
#   seed 200 000 suggestions for Haixi (632800) plus other congresses and 3 000 deputy accounts →
#   list endpoint under a mix of filters next to GET /api/v1/ping → session-close burst of
#   3 000 submissions → verify the audit chain → stop the app → drop the database.
# Figures go to stdout and to $RENDA_BENCH_OUT (default bench/results-<time>.md).
#
# Environment (all optional):
#   RENDA_BENCH_PG        server, default "Host=127.0.0.1;Port=55432;Username=postgres"
#   RENDA_BENCH_PORT      app port, default 5187
#   RENDA_BENCH_SUGGESTIONS  suggestions in 632800, default 200000
#   RENDA_BENCH_DURATION  seconds measured per list scenario, in 3 slices alternating with as many of ping; default 30
#   RENDA_BENCH_CONCURRENCY  list connections, default 64
#   RENDA_BENCH_APP_ARGS  extra app arguments (e.g. a pool size in the connection string is set below)
#   RENDA_BENCH_KEEP=1    keep the database (and the app's data folder) for inspection
#   RENDA_BENCH_SKIP_BUILD=1  use the existing Release build
#   RENDA_BENCH_DB_PREFIX  name of the database before its time stamp, default renda_bench_g
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

pg_server=${RENDA_BENCH_PG:-"Host=127.0.0.1;Port=55432;Username=postgres"}
port=${RENDA_BENCH_PORT:-5187}
suggestions=${RENDA_BENCH_SUGGESTIONS:-200000}
duration=${RENDA_BENCH_DURATION:-30}
concurrency=${RENDA_BENCH_CONCURRENCY:-64}
password='Renda#Demo2026'
stamp=$(date -u +%Y%m%d-%H%M%S)
db="${RENDA_BENCH_DB_PREFIX:-renda_bench_g}_${stamp//-/_}"
out=${RENDA_BENCH_OUT:-$root/bench/results-$stamp.md}
data=$(mktemp -d /tmp/renda-bench.XXXXXX)
current_year=$(date -u +%Y)
last_year=$((current_year - 1))

# shellcheck source=bench/lib.sh
source bench/lib.sh

if [ -z "${RENDA_BENCH_SKIP_BUILD:-}" ]; then
  log "building (Release)"
  dotnet build src/Renda.Web -c Release -nologo -v q
  dotnet build bench/Renda.Bench.Load -c Release -nologo -v q
fi
bench=(dotnet bench/Renda.Bench.Load/bin/Release/net10.0/Renda.Bench.Load.dll)


log "creating database $db"
psql -q -d postgres -c "CREATE DATABASE \"$db\""

require_free_port
start_app src/Renda.Web/bin/Release/net10.0/renda.dll

log "seeding $suggestions suggestions for 632800 (+ 40000 for 630000, 20000 for 632801) and 3000 deputy accounts"
"${bench[@]}" seed --pg "$conn" --code 632800 --suggestions "$suggestions" --others 630000:40000,632801:20000 \
  --deputies 3000 --deputy-prefix benchdep --password "$password" --first-year $((current_year - 7)) --last-year "$current_year"

{
  echo "### Run $stamp"
  echo
  echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB RAM; app, PostgreSQL and load generator share it"
  echo "- load average before the run: $(cut -d" " -f1-3 /proc/loadavg) (other work on the machine shows here)"
  echo "- PostgreSQL: $(psql -Atc 'SHOW server_version') ($PGHOST:$PGPORT), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' + uncommitted changes')"
  echo
} >>"$out"

log "list endpoint: $concurrency connections, ${duration} s per scenario in slices alternating with ping"
list_status=0
"${bench[@]}" list --url "http://127.0.0.1:$port" --user daigongwei --password "$password" --code 632800 \
  --concurrency "$concurrency" --warmup 5 --duration "$duration" --year "$last_year" --current-year "$current_year" --out "$out" || list_status=$?

log "list endpoint again with 4 connections (service time without the queue of 64)"
"${bench[@]}" list --url "http://127.0.0.1:$port" --user daigongwei --password "$password" --code 632800 \
  --concurrency 4 --warmup 3 --duration 12 --year "$last_year" --current-year "$current_year" --out "$out" || true

log "session-close burst: 3000 deputies, concurrency 100"
burst_status=0
"${bench[@]}" burst --url "http://127.0.0.1:$port" --pg "$conn" --code 632800 --deputy-prefix benchdep --password "$password" \
  --count 3000 --concurrency 100 --out "$out" || burst_status=$?

log "verifying the audit chain"
dotnet src/Renda.Web/bin/Release/net10.0/renda.dll verify-audit --Database:Provider=Postgres --ConnectionStrings:Renda="$conn" --Renda:DataDir="$data" \
  | tee -a "$out" | tail -3
echo >>"$out"

log "app errors logged during the run"
grep -c '"LogLevel":"Error"' "$data/app.log" || true

log "results written to $out"
exit $((list_status | burst_status))
