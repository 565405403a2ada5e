#!/usr/bin/env bash
# The workbench (issue #20): GET /api/v1/workbench for each demo role, against the authenticated /api/v1/ping measured in
# the same run (the floor of an authenticated API call: token check, no query). Sequential requests, one client; the app
# runs on SQLite with the demo story. The home page (/) runs the same queries plus the page.
#
# Environment (optional): RENDA_BENCH_URL (an app already running: nothing is started), RENDA_BENCH_PORT (5146),
# RENDA_BENCH_RUNS (200 per address), RENDA_BENCH_READY_SECONDS (600), RENDA_BENCH_SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${RENDA_BENCH_PORT:-5146}
runs=${RENDA_BENCH_RUNS:-200}
base=${RENDA_BENCH_URL:-}
password='Renda#Demo2026'
if [ -z "$base" ]; then
  [ -n "${RENDA_BENCH_SKIP_BUILD:-}" ] || dotnet build -c Release -v q src/Renda.Web >/dev/null
  data=$(mktemp -d /tmp/renda-bench-workbench-XXXX)
  dotnet src/Renda.Web/bin/Release/net10.0/renda.dll --urls "http://127.0.0.1:$port" --Renda:DataDir="$data" --Renda:Demo=true \
    --Renda:DemoPassword="$password" --Renda:LawsDir= >"$data/app.log" 2>&1 &
  app_pid=$!
  trap 'kill $app_pid 2>/dev/null || true' EXIT
  base="http://127.0.0.1:$port"
  for _ in $(seq 1 "${RENDA_BENCH_READY_SECONDS:-600}"); do curl -fsS "$base/health/ready" >/dev/null 2>&1 && break; sleep 1; done
fi
printf '\n== machine: %s cores, load %s, %s sequential requests per address after 20 warm-up\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$runs"
token() {
  curl -fsS -X POST "$base/api/v1/auth/token" -H 'content-type: application/json' -d "{\"userName\":\"$1\",\"password\":\"$password\"}" |
    python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])'
}
measure() {
  local label=$1 url=$2 tok=$3
  for _ in $(seq 1 20); do curl -fsS -o /dev/null -H "Authorization: Bearer $tok" "$base$url"; done
  for _ in $(seq 1 "$runs"); do curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $tok" "$base$url"; done | sort -n |
    awk -v u="$label" '{a[NR]=$1*1000} END {printf "%-30s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms\n", u, a[int(NR*0.5)], a[int(NR*0.95)], a[int(NR*0.99)]}'
}
staff=$(token daigongwei)
measure "ping (daigongwei, baseline)" /api/v1/ping "$staff"
for user in daigongwei jiaoyuju daibiao weiyuan zhuren sysadmin; do
  measure "workbench $user" /api/v1/workbench "$(token "$user")"
done
