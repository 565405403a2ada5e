#!/usr/bin/env bash
# Runs the whole test suite: unit and HTTP integration tests on SQLite and PostgreSQL, and the
# browser tests in Chromium. Installs what is missing (Debian packages: chromium, fonts-noto-cjk,
# postgresql, nodejs/npm), starts PostgreSQL on a free loopback port with a temporary data
# directory, and stops and removes it afterwards. Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*"; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

started_pg=
cleanup() {
  if [ -n "$started_pg" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PGDATA"
  fi
}
trap cleanup EXIT

if [ -z "${RENDA_TEST_POSTGRES:-}" ]; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  port=55432
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  PGDATA=$(mktemp -d /tmp/renda-pg.XXXXXX)
  chown postgres:postgres "$PGDATA"
  log "starting PostgreSQL on 127.0.0.1:$port ($PGDATA)"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
    -o "-p $port -k $PGDATA -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
  started_pg=1
  export RENDA_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Timeout=15"
fi
export RENDA_CHROMIUM="${RENDA_CHROMIUM:-$(command -v chromium)}"

log "building"
dotnet build Renda.slnx -c Release -nologo -v q

results=$(mktemp -d /tmp/renda-results.XXXXXX)
status=0
for project in tests/Renda.Tests tests/Renda.BrowserTests; do
  log "testing $project"
  dotnet test "$project" -c Release --no-build -nologo --logger "trx;LogFilePrefix=$(basename "$project")" \
    --results-directory "$results" "$@" || status=1
done

# One plain summary line over all projects, read from the TRX files.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find(".//{*}Counters")
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
