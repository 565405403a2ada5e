#!/usr/bin/env bash
# The public portal's follow features (issue 19, part 2): sequential requests (one client) to each section's Atom feed and
# to the receipt lookup (page and API), each against /health/ready measured in the same run (the app's floor: routing, no
# page) and against the static stylesheet (a file served by the same app). The app runs on SQLite with the demo story; the
# lookup's rate limit is raised for the run (it would answer 429 after 60 lookups from one address, as it should).
#
# Environment (optional): RENDA_BENCH_PORT (5148), RENDA_BENCH_RUNS (200 per address), RENDA_BENCH_READY_SECONDS (600),
# RENDA_BENCH_SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${RENDA_BENCH_PORT:-5148}
runs=${RENDA_BENCH_RUNS:-200}
log() { printf '\n== %s\n' "$*"; }
[ -n "${RENDA_BENCH_SKIP_BUILD:-}" ] || dotnet build -c Release -v q src/Renda.Web >/dev/null
data=$(mktemp -d /tmp/renda-bench-follow-XXXX)
dotnet src/Renda.Web/bin/Release/net10.0/renda.dll --urls "http://127.0.0.1:$port" --Renda:DataDir="$data" --Renda:Demo=true \
  --Renda:DemoPassword='Renda#Demo2026' --Renda:LawsDir= --Renda:PublicRateLimits:lookup:Limit=1000000 >"$data/app.log" 2>&1 &
app_pid=$!
trap 'kill $app_pid 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 "${RENDA_BENCH_READY_SECONDS:-600}"); do curl -fsS "$base/health/ready" >/dev/null 2>&1 && break; sleep 1; done
log "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $runs sequential requests per address after 20 warm-up"
css=$(curl -fsS "$base/p/632800" | grep -o '/css/site.css[^"]*' | head -1)
declare -A p50
measure() {
  local url=$1 line
  for _ in $(seq 1 20); do curl -sS -o /dev/null "$base$url"; done
  line=$(for _ in $(seq 1 "$runs"); do curl -sS -o /dev/null -w '%{time_total}\n' "$base$url"; done | sort -n |
    awk '{a[NR]=$1*1000} END {printf "%.2f %.2f %.2f", a[int(NR*0.5)], a[int(NR*0.95)], a[int(NR*0.99)]}')
  read -r m p95 p99 <<<"$line"
  p50[$url]=$m
  printf "%-46s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms" "$url" "$m" "$p95" "$p99"
  if [ -n "${p50[/health/ready]:-}" ] && [ "$url" != /health/ready ]; then
    awk -v a="$m" -v h="${p50[/health/ready]}" -v s="${p50[$css]:-0}" 'BEGIN {printf "  ×%.1f of ready", a/h; if (s > 0) printf ", ×%.1f of static", a/s}'
  fi
  printf '\n'
}
for url in /health/ready "$css" /p/632800/news/feed /p/632800/announcements/feed /p/632800/laws/feed /p/632800/legislation/comments/feed \
  /p/632800/suggestions/feed /p/632800/supervision/feed /api/v1/public/receipts/DEMOYJ0102 "/p/632800/receipt?code=DEMOYJ0102" \
  /api/v1/public/receipts/ABCDEFGHJK; do
  measure "$url"
done
