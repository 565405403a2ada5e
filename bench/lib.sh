# Shared by bench/run-*.sh: source it after setting pg_server, db, data, port and password.
# Gives PG* for psql, conn (the app's connection string), log, cleanup on exit (app stopped, database dropped
# unless RENDA_BENCH_KEEP is set) and start_app DLL, which starts the app with the demo story and waits until it is ready.

# psql connection parts from the Npgsql-style string.
part() { tr ';' '\n' <<<"$pg_server" | awk -F= -v k="$1" 'tolower($1)==tolower(k){print $2}'; }
export PGHOST=$(part Host) PGPORT=$(part Port) PGUSER=$(part Username)
pw=$(part Password); [ -n "$pw" ] && export PGPASSWORD=$pw
conn="$pg_server;Database=$db"

log() { printf '\n== %s\n' "$*"; }

app_pid=
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$app_pid" 2>/dev/null || true
  fi
  if [ -z "${RENDA_BENCH_KEEP:-}" ]; then
    psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$data"
  else
    echo "kept database $db and $data"
  fi
}
trap cleanup EXIT

# Another app on the port would answer the readiness check and take the load instead of ours.
require_free_port() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use on 127.0.0.1; choose another with RENDA_BENCH_PORT"; exit 1
  fi
}

start_app() {
  log "starting the app on 127.0.0.1:$port (log: $data/app.log)"
  # shellcheck disable=SC2086
  dotnet "$1" --urls "http://127.0.0.1:$port" \
    --Database:Provider=Postgres --ConnectionStrings:Renda="$conn" --Renda:DataDir="$data" \
    --Renda:Demo=true --Renda:DemoPassword="$password" ${RENDA_BENCH_APP_ARGS:-} >"$data/app.log" 2>&1 &
  app_pid=$!
  for i in $(seq 1 "${RENDA_BENCH_READY_SECONDS:-120}"); do
    if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then return 0; fi
    kill -0 "$app_pid" 2>/dev/null || { tail -50 "$data/app.log"; exit 1; }
    sleep 1
  done
  echo "app did not become ready"; tail -50 "$data/app.log"; exit 1
}
