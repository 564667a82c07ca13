#!/usr/bin/env bash
# The long crash and two-server runs of docs/RELIABILITY.md: a release build, then
#   1. SQLite, one server, 20 kill -9s under load;
#   2. PostgreSQL, one server, 20 kill -9s under load;
#   3. PostgreSQL, two servers sharing the database, 20 kill -9s (one server at a time).
# Each starts its own database and checks the audit, deadlines, restarts, every success
# the client saw, and every e-mail the outbox committed (sent to the local SMTP sink,
# scripts/mail-sink.sh). Extra options go to every run (e.g. --kills 50 --seed 7).
# The reports are kept in target/reliability/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
. scripts/env.sh
export HOURBANK_TEST_PG_URL="${HOURBANK_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
[ "${SKIP_BUILD:-0}" = 1 ] || cargo leptos build --release --precompress
scripts/mail-sink.sh --fresh
mail=(--smtp "${HOURBANK_TEST_SMTP_URL:-smtp://127.0.0.1:1025}" --maildev "${HOURBANK_TEST_MAILDEV_URL:-http://127.0.0.1:1080}")
mkdir -p target/reliability
run() {
  local name=$1; shift
  printf '\n\033[1m== crash test: %s ==\033[0m\n' "$name"
  HOURBANK_LOG=error target/release/server crash-test "$@" | tee "target/reliability/crash-$name.txt"
}
run sqlite --db sqlite "${mail[@]}" "$@"
run postgres --db postgres "${mail[@]}" "$@"
run postgres-two-servers --db postgres --servers 2 "${mail[@]}" "$@"
echo "all crash tests passed; reports in target/reliability/"
