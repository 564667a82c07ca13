#!/usr/bin/env bash
# README command (a): set up what is missing, then serve HourBank on SQLite with demo
# data at http://127.0.0.1:3000 (database: data/hourbank.db, created on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/env.sh
exec cargo leptos serve --release --precompress "$@"
