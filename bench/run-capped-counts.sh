#!/usr/bin/env bash
# The capped counts of two paged lists before and after they gained an order (issue #20, decision in NOTE-lists.md):
# EF Core now refuses Skip/Take without OrderBy in development, so the suggestion list counts its matches in Id order
# (SuggestionQueries.ListAsync: "counting") and the payments page in the order of the index serving its filter
# (BudgetPayments.PageAsync: date, or code then date).
# Both counts stop one past a limit (10,000 suggestions, 2,000 payments); the question is whether the order makes the
# database read more than the unordered LIMIT did.
#
#   build (Release) → fresh PostgreSQL database → the app migrates it and loads the demo → 200,000 suggestions for 632800
#   (Renda.Bench.Load seed, as run-load.sh) and RENDA_BENCH_ROWS payments (default 500,000) for the current year
#   (budget-analysis-generate.sql, as run-budget-analysis.sh) → ANALYZE → each count shape timed with EXPLAIN ANALYZE,
#   the unordered ("before", the baseline) and the ordered ("after") alternately, RENDA_BENCH_RUNS times each after
#   3 warm-ups; medians and the after/before ratio printed as Markdown.
#
# Environment: RENDA_BENCH_PG, RENDA_BENCH_PORT (default 5149), RENDA_BENCH_RUNS (default 15), RENDA_BENCH_ROWS,
# RENDA_BENCH_KEEP=1, RENDA_BENCH_SKIP_BUILD=1 (as the other scripts).
set -euo pipefail
cd "$(dirname "$0")/.."
pg_server=${RENDA_BENCH_PG:-"Host=127.0.0.1;Port=55432;Username=postgres"}
port=${RENDA_BENCH_PORT:-5149}
runs=${RENDA_BENCH_RUNS:-15}
rows=${RENDA_BENCH_ROWS:-500000}
password='Renda#Demo2026'
stamp=$(date -u +%Y%m%d-%H%M%S)
db="renda_bench_counts_${stamp//-/_}"
data=$(mktemp -d /tmp/renda-bench.XXXXXX)
year=$(date -u +%Y)
# shellcheck source=bench/lib.sh
source bench/lib.sh
if [ -z "${RENDA_BENCH_SKIP_BUILD:-}" ]; then
  log "building (Release)"
  dotnet build src/Renda.Web -c Release -nologo -v q
  dotnet build bench/Renda.Bench.Load -c Release -nologo -v q
fi
log "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg) (shared machine)"
psql -q -d postgres -c "CREATE DATABASE \"$db\""
require_free_port
start_app src/Renda.Web/bin/Release/net10.0/renda.dll
log "seeding 200000 suggestions for 632800"
dotnet bench/Renda.Bench.Load/bin/Release/net10.0/Renda.Bench.Load.dll seed --pg "$conn" --code 632800 --suggestions 200000 --others 630000:40000 \
  --deputies 10 --deputy-prefix benchdep --password "$password" --first-year $((year - 7)) --last-year "$year" >/dev/null
congress=$(psql -d "$db" -tAc "SELECT \"Id\" FROM \"Congresses\" WHERE \"Code\" = '632800'")
log "generating $rows payments for $year"
psql -q -d "$db" -v congress="$congress" -v rows="$rows" -v first="$year" -v last="$year" -f bench/budget-analysis-generate.sql >/dev/null
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=
psql -q -d "$db" -c 'VACUUM ANALYZE'
unit=$(psql -d "$db" -tAc "SELECT \"HandlingUnitId\" FROM \"SuggestionAssignments\" a JOIN \"Suggestions\" s ON s.\"Id\" = a.\"SuggestionId\" WHERE s.\"CongressId\" = $congress GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
bunit=$(psql -d "$db" -tAc "SELECT \"BudgetUnitId\" FROM \"TreasuryPayments\" WHERE \"CongressId\" = $congress AND \"Year\" = $year GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
log "load before timing $(cut -d' ' -f1-3 /proc/loadavg)"

# One count: EXPLAIN ANALYZE's execution time in ms. $1 = the inner SELECT without LIMIT, $2 = ORDER BY clause or empty, $3 = limit.
time_count() { psql -d "$db" -tAc "EXPLAIN (ANALYZE, TIMING OFF) SELECT count(*) FROM ($1 $2 LIMIT $3) t" | sed -n 's/^Execution Time: \([0-9.]*\) ms$/\1/p'; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

s="SELECT s.\"Id\" FROM \"Suggestions\" s WHERE s.\"CongressId\" = $congress AND s.\"Status\" <> 'Draft'"
p="SELECT p.\"Id\" FROM \"TreasuryPayments\" p WHERE p.\"CongressId\" = $congress AND p.\"Year\" = $year"
scenarios=(
  "suggestions, no filter|$s|ORDER BY s.\"Id\" DESC|10001"
  "suggestions, year=$((year - 1))|$s AND s.\"Year\" = $((year - 1))|ORDER BY s.\"Id\" DESC|10001"
  "suggestions, status=Assigned|$s AND s.\"Status\" = 'Assigned'|ORDER BY s.\"Id\" DESC|10001"
  "suggestions, year=$year&status=Submitted|$s AND s.\"Year\" = $year AND s.\"Status\" = 'Submitted'|ORDER BY s.\"Id\" DESC|10001"
  "suggestions, unit $unit (a unit's queue)|$s AND EXISTS (SELECT 1 FROM \"SuggestionAssignments\" a WHERE a.\"SuggestionId\" = s.\"Id\" AND a.\"HandlingUnitId\" = $unit AND a.\"Status\" <> 'Returned')|ORDER BY s.\"Id\" DESC|10001"
  "payments, year $year|$p|ORDER BY p.\"PaidOn\"|2001"
  "payments, year $year, unit $bunit|$p AND p.\"BudgetUnitId\" = $bunit|ORDER BY p.\"PaidOn\"|2001"
  "payments, year $year, function 205|$p AND p.\"FunctionCode\" >= '205' AND p.\"FunctionCode\" < '206'|ORDER BY p.\"FunctionCode\", p.\"PaidOn\"|2001"
)
echo
echo "| count (PostgreSQL, $runs runs each, alternating) | matches | before: LIMIT only, median ms | after: ORDER BY … LIMIT, median ms | after / before |"
echo "|---|---:|---:|---:|---:|"
for sc in "${scenarios[@]}"; do
  IFS='|' read -r name sql order limit <<<"$sc"
  matches=$(psql -d "$db" -tAc "SELECT count(*) FROM ($sql) t")
  for _ in 1 2 3; do time_count "$sql" "" "$limit" >/dev/null; time_count "$sql" "$order" "$limit" >/dev/null; done
  before=(); after=()
  for _ in $(seq 1 "$runs"); do before+=("$(time_count "$sql" "" "$limit")"); after+=("$(time_count "$sql" "$order" "$limit")"); done
  b=$(printf '%s\n' "${before[@]}" | median); a=$(printf '%s\n' "${after[@]}" | median)
  echo "| $name | $matches | $b | $a | $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", a / b}') |"
done
log "load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
