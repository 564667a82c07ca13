#!/usr/bin/env bash
# Starts the release server for the Playwright suite: a fresh SQLite database, test mode,
# and a known admin account. Run by end2end/playwright.config.ts (webServer).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf target/e2e-data
mkdir -p target/e2e-data
export DATABASE_URL="sqlite://target/e2e-data/hourbank.db"
export LEPTOS_SITE_ADDR="127.0.0.1:${E2E_PORT:-3100}"
export LEPTOS_ENV=PROD
export HOURBANK_TEST_MODE=1
export HOURBANK_ADMIN_EMAIL="admin@e2e.test"
export HOURBANK_ADMIN_PASSWORD="e2e-admin-password"
export HOURBANK_STARTING_CREDIT_MINUTES=300
# E-mail to the local SMTP sink (scripts/mail-sink.sh): the suite reads what arrived.
export HOURBANK_SMTP_URL="${HOURBANK_TEST_SMTP_URL:-smtp://127.0.0.1:1025}"
export HOURBANK_PUBLIC_URL="http://127.0.0.1:${E2E_PORT:-3100}"
export HOURBANK_MAIL_INTERVAL_MS=100
# The whole suite signs up and logs in from one address, many times a minute.
export HOURBANK_AUTH_ATTEMPTS_PER_ADDR=100000
export HOURBANK_AUTH_ATTEMPTS_PER_ACCOUNT=100000
scripts/mail-sink.sh
exec ./target/release/server serve --no-demo
