#!/usr/bin/env bash
# Two builds of the app side by side for scenario (a) of run-votes.sh (70 simultaneous ballots): each build on
# its own port with its own fresh database, both seeded alike, then the `ballots` command alternately against
# each, so that both meet the same load on a shared machine. Prints the folded figures and the CPU per
# request of each repeat; full tables in $RENDA_AB_OUT-before.md and -after.md.
#
#   bench/run-votes-ab.sh /path/to/before/renda.dll /path/to/after/renda.dll
#
# Build each version with `dotnet build src/Renda.Web -c Release` and copy src/Renda.Web/bin/Release/net10.0
# somewhere first. Environment: RENDA_BENCH_PG (default "Host=127.0.0.1;Port=55432;Username=postgres"),
# RENDA_AB_REPEATS (4), RENDA_AB_PORTS ("5295 5296"), RENDA_AB_OUT (bench/results-votes-ab-<time>),
# RENDA_AB_CONN_BEFORE / RENDA_AB_CONN_AFTER (appended to that app's connection string, e.g. "Max Auto Prepare=32":
# the same build twice, with and without a setting), RENDA_BENCH_SKIP_BUILD=1 (the load generator's existing build).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 BEFORE_DLL AFTER_DLL"; exit 2; }
declare -A dll=([before]=$1 [after]=$2) extra=([before]=${RENDA_AB_CONN_BEFORE:-} [after]=${RENDA_AB_CONN_AFTER:-}) port pid
read -r port[before] port[after] <<<"${RENDA_AB_PORTS:-5295 5296}"
pg_server=${RENDA_BENCH_PG:-"Host=127.0.0.1;Port=55432;Username=postgres"}
repeats=${RENDA_AB_REPEATS:-4}
stamp=$(date -u +%Y%m%d-%H%M%S)
out=${RENDA_AB_OUT:-$PWD/bench/results-votes-ab-$stamp}
password='Renda#Demo2026'
part() { tr ';' '\n' <<<"$pg_server" | awk -F= -v k="$1" 'tolower($1)==tolower(k){print $2}'; }
export PGHOST=$(part Host) PGPORT=$(part Port) PGUSER=$(part Username)
pw=$(part Password); [ -n "$pw" ] && export PGPASSWORD=$pw

if [ -z "${RENDA_BENCH_SKIP_BUILD:-}" ]; then dotnet build bench/Renda.Bench.Votes -c Release -nologo -v q; fi
bench=(dotnet bench/Renda.Bench.Votes/bin/Release/net10.0/Renda.Bench.Votes.dll)

declare -A db data
cleanup() {
  for v in before after; do
    if [ -n "${pid[$v]:-}" ]; then kill "${pid[$v]}" 2>/dev/null || true; fi
  done
  sleep 2
  for v in before after; do
    [ -n "${db[$v]:-}" ] && psql -q -d postgres -c "DROP DATABASE IF EXISTS \"${db[$v]}\" WITH (FORCE)" >/dev/null 2>&1 || true
    [ -n "${data[$v]:-}" ] && rm -rf "${data[$v]}"
  done
}
trap cleanup EXIT

for v in before after; do
  db[$v]="renda_bench_votes_ab_${v}_${stamp//-/_}"
  data[$v]=$(mktemp -d "/tmp/renda-bench-votes-ab-$v.XXXXXX")
  psql -q -d postgres -c "CREATE DATABASE \"${db[$v]}\""
  dotnet "${dll[$v]}" --urls "http://127.0.0.1:${port[$v]}" --Database:Provider=Postgres --ConnectionStrings:Renda="$pg_server;Database=${db[$v]}${extra[$v]:+;${extra[$v]}}" \
    --Renda:DataDir="${data[$v]}" --Renda:Demo=true --Renda:DemoPassword="$password" >"${data[$v]}/app.log" 2>&1 &
  pid[$v]=$!
done
for v in before after; do
  for i in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:${port[$v]}/health/ready" >/dev/null 2>&1 && break
    kill -0 "${pid[$v]}" 2>/dev/null || { tail -30 "${data[$v]}/app.log"; exit 1; }
    sleep 1
  done
  "${bench[@]}" seed --pg "$pg_server;Database=${db[$v]}" --tokens "${data[$v]}/tokens.tsv" --password "$password" --deputies 100 --non-deputies 2 >/dev/null
  echo "${v}: ${dll[$v]} (commit $(grep -aoE '[0-9]+\.[0-9]+\.[0-9]+\+[0-9a-f]{40}' "${dll[$v]}" | head -1 | cut -d+ -f2 | cut -c1-7)), port ${port[$v]}${extra[$v]:+, connection string + ${extra[$v]}}" | tee -a "$out-$v.md"
done
status=0
for k in $(seq 1 "$repeats"); do
  for v in before after; do
    [ "$k" -eq 1 ] && warm=10 || warm=1
    echo "== $v, repeat $k, load average $(cut -d' ' -f1 /proc/loadavg)"
    "${bench[@]}" ballots --url "http://127.0.0.1:${port[$v]}" --pg "$pg_server;Database=${db[$v]}" --tokens "${data[$v]}/tokens.tsv" \
      --code 630000 --user qh-staff --password "$password" --rounds 5 --secret-every 5 --warmup-rounds "$warm" --sequential-rounds 3 \
      --app-pid "${pid[$v]}" --out "$out-$v.md" \
      | grep -E '^\| (GET /api/v1/ping \(baseline\)|POST …/ballots, all rounds|one by one|ping, |ballots, )' || status=1
  done
done
echo "tables: $out-before.md, $out-after.md"
exit $status
