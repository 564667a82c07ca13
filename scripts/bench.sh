#!/usr/bin/env bash
# README command (benchmark): sets up what is missing, builds a release
# (`cargo leptos build --release --precompress`: the server and the shipped WASM), then runs
# `server bench` on SQLite with synchronous=FULL, on SQLite with synchronous=NORMAL, and
# on the local PostgreSQL. Arguments go to every run, e.g.
#   scripts/bench.sh --users 64 --seconds 30 --timers 100000
# Each run prints its own report; all of them are kept in target/bench/report-*.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/env.sh
export HOURBANK_TEST_PG_URL="${HOURBANK_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export HOURBANK_LOG="${HOURBANK_LOG:-warn}"

cargo leptos build --release --precompress
mkdir -p target/bench
report="target/bench/report-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
} | tee "$report"
for run in "sqlite FULL" "sqlite NORMAL" "postgres -"; do
  read -r db sync <<<"$run"
  echo | tee -a "$report"
  if [ "$db" = sqlite ]; then
    target/release/server bench --db sqlite --synchronous "$sync" "$@" | tee -a "$report"
  else
    target/release/server bench --db postgres "$@" | tee -a "$report"
  fi
done
echo
echo "report kept in $report"
