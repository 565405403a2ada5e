#!/usr/bin/env bash
# The public portal under load (issue 19 part 2), on SQLite and on PostgreSQL in turn:
#   build (Release) → start the app with the demo story → multiply the public content ×100 (portal-seed: articles,
#   the congresses' regulations, published suggestions with answers, drafts for comment, reports heard, stations) →
#   rebuild the site search index (as the administrator, through the API) and wait for it →
#   64 connections: the site's CSS (the static-file baseline), home, news list and an article, in alternating slices →
#   the site search API (never cached), one query at a time → stop the app, drop the database.
# Figures go to stdout and to $RENDA_BENCH_OUT (default bench/results-portal-<time>.md).
#
# Environment (all optional): RENDA_BENCH_PG (server, default "Host=127.0.0.1;Port=55432;Username=postgres"),
# RENDA_BENCH_PORT (5149), RENDA_BENCH_TIMES (100), RENDA_BENCH_DURATION (30 s per page, in 3 slices),
# RENDA_BENCH_CONCURRENCY (64), RENDA_BENCH_RUNS (40 per query), RENDA_BENCH_PROVIDERS ("sqlite postgres"),
# RENDA_BENCH_LAWS (a folder of the national laws to load as well; default none), RENDA_BENCH_SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
pg_server=${RENDA_BENCH_PG:-"Host=127.0.0.1;Port=55432;Username=postgres"}
port=${RENDA_BENCH_PORT:-5149}
times=${RENDA_BENCH_TIMES:-100}
duration=${RENDA_BENCH_DURATION:-30}
concurrency=${RENDA_BENCH_CONCURRENCY:-64}
runs=${RENDA_BENCH_RUNS:-40}
password='Renda#Demo2026'
stamp=$(date -u +%Y%m%d-%H%M%S)
db="renda_bench_portal_${stamp//-/_}"
out=${RENDA_BENCH_OUT:-$root/bench/results-portal-$stamp.md}
data=$(mktemp -d /tmp/renda-bench-portal.XXXXXX)
base="http://127.0.0.1:$port"
# shellcheck source=bench/lib.sh
source bench/lib.sh

if [ -z "${RENDA_BENCH_SKIP_BUILD:-}" ]; then
  log "building (Release)"
  dotnet build src/Renda.Web -c Release -nologo -v q
  dotnet build bench/Renda.Bench.Load -c Release -nologo -v q
fi
bench=(dotnet bench/Renda.Bench.Load/bin/Release/net10.0/Renda.Bench.Load.dll)

start() { # provider
  local args=(--urls "$base" --Renda:DataDir="$data/$1" --Renda:Demo=true --Renda:DemoPassword="$password" --Renda:LawsDir="${RENDA_BENCH_LAWS:-}")
  [ "$1" = postgres ] && args+=(--Database:Provider=Postgres --ConnectionStrings:Renda="$conn")
  mkdir -p "$data/$1"
  dotnet src/Renda.Web/bin/Release/net10.0/renda.dll "${args[@]}" >"$data/$1/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 900); do curl -fsS "$base/health/ready" >/dev/null 2>&1 && return 0; kill -0 "$app_pid" || { tail -30 "$data/$1/app.log"; exit 1; }; sleep 1; done
  echo "app did not become ready"; exit 1
}
stop() { kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=; }
health() { curl -fsS -H "Authorization: Bearer $token" "$base/api/v1/portal/search-index"; }

{
  echo "### Run $stamp"
  echo
  echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); shared with other engineers' builds and tests; app, database and load client on the same machine"
  echo "- command: \`bench/run-portal-load.sh\` (content ×$times, $concurrency connections, ${duration} s per page in 3 alternating slices, $runs runs per search query)"
} | tee -a "$out"

require_free_port
for provider in ${RENDA_BENCH_PROVIDERS:-sqlite postgres}; do
  [ "$provider" = postgres ] && psql -q -d postgres -c "CREATE DATABASE \"$db\""
  log "$provider: starting the app with the demo story"
  start "$provider"
  if [ "$provider" = postgres ]; then seed_conn="$conn"; else seed_conn="Data Source=$data/$provider/renda.db"; fi
  log "$provider: multiplying the public content ×$times"
  "${bench[@]}" portal-seed --provider "$provider" --conn "$seed_conn" --times "$times" | tee -a "$out"
  token=$(curl -fsS -X POST "$base/api/v1/auth/token" -H 'content-type: application/json' -d "{\"userName\":\"sysadmin\",\"password\":\"$password\"}" | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])')
  t0=$(date +%s.%N)
  curl -fsS -X POST -H "Authorization: Bearer $token" "$base/api/v1/portal/search-index/rebuild" >/dev/null
  until health | python3 -c 'import sys,json;sys.exit(0 if not json.load(sys.stdin)["rebuilding"] else 1)'; do sleep 1; done
  t1=$(date +%s.%N)
  items=$(health | python3 -c 'import sys,json;d=json.load(sys.stdin);print(d["total"], "items:", ", ".join(s["section"] + " " + str(s["items"]) for s in d["sections"]), "; last error:", d["lastError"])')
  article=$(curl -fsS "$base/p/632800/news" | grep -o '/p/632800/news/[0-9]*' | head -1)
  {
    echo
    echo "#### $provider"
    echo
    echo "- index rebuilt in $(python3 -c "print(round($t1-$t0,1))") s: $items"
    echo "- load average before the pages: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
  } | tee -a "$out"
  "${bench[@]}" portal-load --url "$base" --article "$article" --concurrency "$concurrency" --duration "$duration" --out "$out"
  echo "- load average before the search: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"; echo >>"$out"
  "${bench[@]}" portal-search --url "$base" --runs "$runs" --out "$out"
  stop
done
log "figures in $out"
