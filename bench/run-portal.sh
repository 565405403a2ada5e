#!/usr/bin/env bash
# Baseline of the public portal's pages (issue 19, part 1), before part 2 adds the anonymous page cache: sequential
# requests (one client) to the demo's public home, news list, an article, the regulations search for 冷湖天文 and the
# sitemap, each against /health/ready measured in the same run (the app's floor: routing, no page). Not the 64-connection
# load test of the issue (part 2). The app runs on SQLite with the demo story.
#
# Environment (optional): RENDA_BENCH_URL (an app already running, e.g. http://127.0.0.1:5145: nothing is started),
# RENDA_BENCH_PORT (5145), RENDA_BENCH_RUNS (200 per address), RENDA_BENCH_READY_SECONDS (600: the demo story loads first), RENDA_BENCH_SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${RENDA_BENCH_PORT:-5145}
runs=${RENDA_BENCH_RUNS:-200}
base=${RENDA_BENCH_URL:-}
log() { printf '\n== %s\n' "$*"; }
if [ -z "$base" ]; then
  [ -n "${RENDA_BENCH_SKIP_BUILD:-}" ] || dotnet build -c Release -v q src/Renda.Web >/dev/null
  data=$(mktemp -d /tmp/renda-bench-portal-XXXX)
  dotnet src/Renda.Web/bin/Release/net10.0/renda.dll --urls "http://127.0.0.1:$port" --Renda:DataDir="$data" --Renda:Demo=true \
    --Renda:DemoPassword='Renda#Demo2026' --Renda:LawsDir= >"$data/app.log" 2>&1 &
  app_pid=$!
  trap 'kill $app_pid 2>/dev/null || true' EXIT
  base="http://127.0.0.1:$port"
  for _ in $(seq 1 "${RENDA_BENCH_READY_SECONDS:-600}"); do curl -fsS "$base/health/ready" >/dev/null 2>&1 && break; sleep 1; done
fi
log "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $runs sequential requests per address after 20 warm-up"
q=$(python3 -c 'import urllib.parse;print(urllib.parse.quote("冷湖天文"))')
article=$(curl -fsS "$base/p/632800/news" | grep -o '/p/632800/news/[0-9]*' | head -1)
measure() {
  local url=$1
  for _ in $(seq 1 20); do curl -fsS -o /dev/null "$base$url"; done
  for _ in $(seq 1 "$runs"); do curl -fsS -o /dev/null -w '%{time_total}\n' "$base$url"; done | sort -n |
    awk -v u="$url" '{a[NR]=$1*1000} END {printf "%-34s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms\n", u, a[int(NR*0.5)], a[int(NR*0.95)], a[int(NR*0.99)]}'
}
for url in /health/ready /p/632800 /p/632800/news "$article" "/p/632800/laws?q=$q" /sitemap.xml; do measure "$url"; done
