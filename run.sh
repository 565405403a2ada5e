#!/usr/bin/env bash
# Runs Renda with the embedded SQLite database and the demo data (Qinghai, Haixi and its cities
# and counties), and prints the address and the demo accounts. Data lives in ./data.
# Needs the .NET 10 SDK; installs Node.js/npm from Debian if missing (the build restores the
# front-end packages with npm). Extra arguments go to the application (e.g. --urls http://0.0.0.0:8080).
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
fi
exec dotnet run --project src/Renda.Web -c Release -- \
  --Renda:Demo=true --Renda:Demo:BudgetScale="${RENDA_BUDGET_SCALE:-40}" --Renda:DataDir="${RENDA_DATA_DIR:-$PWD/data}" --urls "${RENDA_URLS:-http://127.0.0.1:5000}" "$@"
