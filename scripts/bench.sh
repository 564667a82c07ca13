#!/usr/bin/env bash
# README command (benchmark): sets up what is missing, builds a release
# (`cargo leptos build --release --precompress`: the server and the shipped WASM), then runs
# `server bench` on SQLite with synchronous=FULL, on SQLite with synchronous=NORMAL, and
# on the local PostgreSQL, then the scale run (`server bench --scale N`: N requests of
# history, every page's SSR p50/p99 and the bytes per request) on both databases, with
# N=$SCALE (default 20000; 0 skips it). Arguments go to every load run, e.g.
#   scripts/bench.sh --users 64 --seconds 30 --timers 100000
#   SCALE=100000 scripts/bench.sh
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
scale="${SCALE:-20000}"
if [ "$scale" -gt 0 ]; then
  for db in sqlite postgres; do
    echo | tee -a "$report"
    target/release/server bench --db "$db" --scale "$scale" | tee -a "$report"
  done
fi
echo
echo "report kept in $report"
