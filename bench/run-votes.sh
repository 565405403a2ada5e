#!/usr/bin/env bash
# Benchmark of the meetings module against PostgreSQL (issue #4), end to end:
#   build (Release) → create a fresh database → start the real app on 127.0.0.1 (demo data) →
#   seed (70 seated members of 630000 with accounts, 10 000 serving deputies of 632800 with accounts, 20 accounts
#   without a serving mandate; bearer tokens written as the app writes them) →
#   (a) a meeting today, 70 members present, rounds of 70 simultaneous ballots next to 70 simultaneous pings, each vote
#       closed and its result checked; then 2 rounds one by one (service time, CPU per request) →
#   (b) a livelihood-projects ballot with 12 candidates, 10 000 deputies voting (plus duplicates and non-deputies),
#       closed and checked in the database → verify the audit chain → stop the app → drop the database.
# Figures go to stdout and to $RENDA_BENCH_OUT (default bench/results-votes-<time>.md).
#
# Environment (all optional):
#   RENDA_BENCH_PG           server, default "Host=127.0.0.1;Port=55432;Username=postgres"
#   RENDA_BENCH_DB           database name, default renda_bench_votes_<time> (created, and dropped at the end)
#   RENDA_BENCH_PORT         app port, default 5188
#   RENDA_BENCH_ROUNDS       measured rounds of simultaneous ballots, default 20 (every 5th a secret ballot)
#   RENDA_BENCH_WARMUP       warm-up rounds before them (reported, not folded in), default 10: the first requests after
#                            the app starts run JIT-compiled code at tier 0 and cost about twice the CPU
#   RENDA_BENCH_DEPUTIES     deputies in the livelihood ballot, default 10000
#   RENDA_BENCH_CONCURRENCY  connections of the livelihood ballot, default 64
#   RENDA_BENCH_ONLY         "ballots" or "livelihood" to run one scenario only
#   RENDA_BENCH_APP_ARGS     extra app arguments
#   RENDA_BENCH_APP_DLL      the app to measure, default src/Renda.Web/bin/Release/net10.0/renda.dll (e.g. a copy of an
#                            earlier build, to compare two versions on the same machine within the hour)
#   RENDA_BENCH_KEEP=1       keep the database (and the app's data folder) for inspection
#   RENDA_BENCH_SKIP_BUILD=1 use the existing Release build
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

pg_server=${RENDA_BENCH_PG:-"Host=127.0.0.1;Port=55432;Username=postgres"}
port=${RENDA_BENCH_PORT:-5188}
rounds=${RENDA_BENCH_ROUNDS:-20}
warmup=${RENDA_BENCH_WARMUP:-10}
deputies=${RENDA_BENCH_DEPUTIES:-10000}
concurrency=${RENDA_BENCH_CONCURRENCY:-64}
only=${RENDA_BENCH_ONLY:-}
password='Renda#Demo2026'
stamp=$(date -u +%Y%m%d-%H%M%S)
db=${RENDA_BENCH_DB:-"renda_bench_votes_${stamp//-/_}"}
out=${RENDA_BENCH_OUT:-$root/bench/results-votes-$stamp.md}
data=$(mktemp -d /tmp/renda-bench-votes.XXXXXX)
app_dll=${RENDA_BENCH_APP_DLL:-src/Renda.Web/bin/Release/net10.0/renda.dll}

# shellcheck source=bench/lib.sh
source bench/lib.sh

if [ -z "${RENDA_BENCH_SKIP_BUILD:-}" ]; then
  log "building (Release)"
  dotnet build src/Renda.Web -c Release -nologo -v q
  dotnet build bench/Renda.Bench.Votes -c Release -nologo -v q
fi
bench=(dotnet bench/Renda.Bench.Votes/bin/Release/net10.0/Renda.Bench.Votes.dll)

log "creating database $db"
psql -q -d postgres -c "CREATE DATABASE \"$db\""

require_free_port
start_app "$app_dll"

log "seeding: 70 seated members of 630000, $deputies deputies of 632800, 20 accounts without a mandate; tokens"
"${bench[@]}" seed --pg "$conn" --tokens "$data/tokens.tsv" --password "$password" \
  --members-code 630000 --members 70 --deputies-code 632800 --deputies "$deputies" --non-deputies 20

{
  echo "### Run $stamp"
  echo
  echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB RAM; app, PostgreSQL and load generator share it"
  echo "- load average before the run: $(cut -d" " -f1-3 /proc/loadavg) (other work on the machine shows here)"
  echo "- PostgreSQL: $(psql -Atc 'SHOW server_version') ($PGHOST:$PGPORT), .NET $(dotnet --version), bench at commit $(git rev-parse --short HEAD); app $app_dll built from commit $(grep -aoE '[0-9]+\.[0-9]+\.[0-9]+\+[0-9a-f]{40}' "$app_dll" | head -1 | cut -d+ -f2 | cut -c1-7)$( [ "$app_dll" = src/Renda.Web/bin/Release/net10.0/renda.dll ] && ! git diff --quiet HEAD -- src && echo ' + uncommitted changes in src')"
  echo
} >>"$out"

ballots_status=0
if [ "$only" != livelihood ]; then
  log "(a) simultaneous ballots: 70 members, $rounds rounds (every 5th secret) after $warmup warm-up rounds"
  "${bench[@]}" ballots --url "http://127.0.0.1:$port" --pg "$conn" --tokens "$data/tokens.tsv" --code 630000 --user qh-staff --password "$password" \
    --rounds "$rounds" --secret-every 5 --warmup-rounds "$warmup" --sequential-rounds 2 --app-pid "$app_pid" --out "$out" || ballots_status=$?
  echo "- load average after (a): $(cut -d" " -f1-3 /proc/loadavg)" >>"$out"; echo >>"$out"
fi

livelihood_status=0
if [ "$only" != ballots ]; then
  log "(b) livelihood-projects ballot: $deputies deputies, concurrency $concurrency"
  "${bench[@]}" livelihood --url "http://127.0.0.1:$port" --pg "$conn" --tokens "$data/tokens.tsv" --code 632800 --user daigongwei --password "$password" \
    --concurrency "$concurrency" --duplicates 0.05 --candidates 12 --places 6 --ping-seconds 10 --app-pid "$app_pid" --out "$out" || livelihood_status=$?
  echo "- load average after (b): $(cut -d" " -f1-3 /proc/loadavg)" >>"$out"; echo >>"$out"
fi

log "verifying the audit chain"
audit_status=0
dotnet "$app_dll" verify-audit --Database:Provider=Postgres --ConnectionStrings:Renda="$conn" --Renda:DataDir="$data" \
  | tee -a "$out" | tail -3 || audit_status=$?
echo >>"$out"

log "app errors logged during the run"
grep -c '"LogLevel":"Error"' "$data/app.log" || true

log "results written to $out"
exit $((ballots_status | livelihood_status | audit_status))
