#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it. Installs and starts what the tests need on a Debian machine
# (PostgreSQL, Chromium, RabbitMQ) when it is missing and we are root; otherwise uses what is configured.
set -euo pipefail
cd "$(dirname "$0")/.."
source build/services.sh

ensure_postgres
ensure_chromium
ensure_rabbitmq

results="$(pwd)/artifacts/test-results"
rm -rf "$results"
status=0
dotnet test Silkgate.slnx --nologo --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@" || status=$?

# One closing line for the whole suite, summed over every test assembly.
if compgen -G "$results/*.trx" > /dev/null; then
  grep -ho '<Counters [^>]*>' "$results"/*.trx | awk '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/[">\/]/, "", kv[2]); c[kv[1]] += kv[2] } }
    END { printf "%d passed, %d failed, %d skipped\n", c["passed"], c["failed"] + c["error"] + c["timeout"] + c["aborted"], c["notExecuted"] }'
fi
exit $status
