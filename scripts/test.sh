#!/usr/bin/env bash
# README command (b): set up what is missing, then run every test —
#   1. Rust tests on SQLite, 2. the same on the local PostgreSQL (each test makes and
#   drops its own database), 3. the Playwright suite in Chromium against a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
. scripts/env.sh

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }
start=$(date +%s)

# A one-off build gains nothing from incremental caches, which cost many GB of disk.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
export HOURBANK_TEST_PG_URL="${HOURBANK_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

drop_leftover_test_databases() {
  psql "$HOURBANK_TEST_PG_URL" -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'hb_test_%'" 2>/dev/null |
    while read -r db; do psql "$HOURBANK_TEST_PG_URL" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; done
}

for backend in sqlite postgres; do
  step "Rust tests on $backend"
  [ "$backend" = postgres ] && drop_leftover_test_databases
  HOURBANK_TEST_BACKEND=$backend cargo test -p app --features ssr
  HOURBANK_TEST_BACKEND=$backend cargo test -p server
done
drop_leftover_test_databases

step "release build (cargo leptos build --release)"
cargo leptos build --release

step "Playwright in Chromium"
(cd end2end && npx playwright test)

echo
echo "all tests passed in $(( $(date +%s) - start )) s"
