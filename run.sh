#!/usr/bin/env bash
# Runs Renda with the embedded SQLite database and the demo data (Qinghai, Haixi and its cities
# and counties), and prints the address and the demo accounts. Data lives in ./data.
# Needs the .NET 10 SDK; installs Node.js/npm from Debian if missing (the build restores the
# front-end packages with npm). Extra arguments go to the application (e.g. --urls http://0.0.0.0:8080).
set -euo pipefail
cd "$(dirname "$0")"
# A first start takes a few minutes; each step says what it is doing (the application prints its own steps, timed).
echo "人大履职综合平台：启动演示（数据目录 ${RENDA_DATA_DIR:-$PWD/data}）"
if ! command -v npm >/dev/null 2>&1; then
  echo "[1/3] 安装 Node.js 和 npm（编译前端所需）…"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
else
  echo "[1/3] Node.js 已安装。"
fi
echo "[2/3] 还原依赖并编译（首次约 2–4 分钟，之后几秒钟）…"
dotnet build src/Renda.Web -c Release -nologo -v q -clp:NoSummary
echo "[3/3] 启动：迁移数据库、载入演示数据（首次约 1–2 分钟）…"
exec dotnet run --no-build --project src/Renda.Web -c Release -- \
  --Renda:StartupProgress=true --Renda:Demo=true --Renda:Demo:BudgetScale="${RENDA_BUDGET_SCALE:-40}" --Renda:DataDir="${RENDA_DATA_DIR:-$PWD/data}" --urls "${RENDA_URLS:-http://127.0.0.1:5000}" "$@"
