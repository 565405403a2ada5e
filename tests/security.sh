#!/usr/bin/env bash
# The security figures of docs/SECURITY.md, rerun: the authorization matrix, hostile input, expected refusals and
# observability (tests/Renda.Tests/Platform/Security) on SQLite and PostgreSQL; each test writes its counts to a file,
# printed at the end. PostgreSQL: set RENDA_TEST_POSTGRES to a connection string that may create databases
# (./test.sh starts a throwaway server when it is not set; this script does not).
set -uo pipefail
cd "$(dirname "$0")/.."
export RENDA_SECURITY_FIGURES="${RENDA_SECURITY_FIGURES:-$(mktemp -d /tmp/renda-security-XXXXXX)}"
rm -f "$RENDA_SECURITY_FIGURES"/*.txt
dotnet build Renda.slnx -c Release -nologo -v q || exit 1
start=$(date +%s)
dotnet test tests/Renda.Tests -c Release --no-build --filter "FullyQualifiedName~Renda.Tests.Platform.Security" -nologo
status=$?
echo
echo "Security figures ($(( $(date +%s) - start )) s in all; files in $RENDA_SECURITY_FIGURES):"
for f in "$RENDA_SECURITY_FIGURES"/*.txt; do
  [ -e "$f" ] || continue
  printf '%-34s' "$(basename "$f" .txt)"
  tr '\t\n' '= ' < "$f"
  echo
done
exit $status
