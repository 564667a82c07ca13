#!/usr/bin/env bash
# README command (b): set up what is missing, then run every test —
#   0. clippy on both feature sets (warnings are errors); the local SMTP sink (maildev)
#      is started first for the e-mail tests,
#   1. Rust tests on SQLite, 2. the same on the local PostgreSQL (each test makes and
#   drops its own database), 3. the W3C HTML checker over the pages the rendering test
#   read, 4. promtool over docs/alerts.yml, 5. the Playwright suite in Chromium against
#   a release build.
# --long: the same with longer randomized runs (10,000 proptest cases per property, a
#   20,000-action lifecycle simulation per seed, 400 fuzz payloads per server function),
#   then the full crash and two-server runs
#   of scripts/crash-test.sh (20 kills each) on the release build. About 10 minutes more.
set -euo pipefail
cd "$(dirname "$0")/.."
long=0
case "${1:-}" in
  --long) long=1 ;;
  "") ;;
  *) echo "usage: scripts/test.sh [--long]" >&2; exit 2 ;;
esac
if [ "$long" = 1 ]; then
  export PROPTEST_CASES="${PROPTEST_CASES:-10000}"
  export HOURBANK_SIM_ACTIONS="${HOURBANK_SIM_ACTIONS:-20000}"
  export HOURBANK_FUZZ_ROUNDS="${HOURBANK_FUZZ_ROUNDS:-400}"
fi
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

# The local SMTP sink every e-mail test sends to (nothing leaves the machine), empty.
scripts/mail-sink.sh --fresh
export HOURBANK_TEST_SMTP_URL="${HOURBANK_TEST_SMTP_URL:-smtp://127.0.0.1:1025}"
export HOURBANK_TEST_MAILDEV_URL="${HOURBANK_TEST_MAILDEV_URL:-http://127.0.0.1:1080}"

step "lints: clippy on the server and the browser feature sets, warnings as errors"
# unwrap/expect are denied outside tests (Cargo.toml [workspace.lints], clippy.toml).
cargo clippy -p app -p server --features app/ssr --all-targets -- -D warnings
cargo clippy -p app -p frontend --features app/hydrate --target wasm32-unknown-unknown -- -D warnings

# The rendering test writes every page it reads here; the W3C checker reads them after.
pages_dir="$PWD/target/rendered-pages"
rm -rf "$pages_dir"
for backend in sqlite postgres; do
  step "Rust tests on $backend"
  [ "$backend" = postgres ] && drop_leftover_test_databases
  HOURBANK_TEST_BACKEND=$backend cargo test -p app --features ssr
  if [ "$backend" = sqlite ]; then
    HOURBANK_RENDERED_PAGES_DIR="$pages_dir" HOURBANK_TEST_BACKEND=$backend cargo test -p server
  else
    HOURBANK_TEST_BACKEND=$backend cargo test -p server
  fi
done
drop_leftover_test_databases

step "HTML of every page the rendering test read, by the W3C Nu HTML Checker"
scripts/check-html.sh "$pages_dir"

step "alerting rules (promtool check and unit tests)"
(cd docs && promtool check rules alerts.yml && promtool test rules alerts_test.yml)

step "release build (cargo leptos build --release --precompress)"
cargo leptos build --release --precompress

step "Playwright in Chromium"
(cd end2end && npx playwright test)

if [ "$long" = 1 ]; then
  step "crash tests, 20 kills each (scripts/crash-test.sh)"
  SKIP_BUILD=1 scripts/crash-test.sh
fi

echo
echo "all tests passed in $(( $(date +%s) - start )) s"
