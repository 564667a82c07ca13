#!/usr/bin/env bash
# Starts the local SMTP sink the tests send e-mail to (npm maildev, from end2end/), unless
# one answers already: SMTP on 127.0.0.1:${MAILDEV_SMTP_PORT:-1025}, its API (what arrived)
# on http://127.0.0.1:${MAILDEV_WEB_PORT:-1080}. Nothing leaves the machine: maildev
# keeps every message (one file each, in target/maildev-mail/) and relays none. It runs
# until the machine stops, like PostgreSQL. --fresh: stop a running one first and delete
# what it kept, so a test run starts with an empty sink.
set -euo pipefail
cd "$(dirname "$0")/.."
smtp="${MAILDEV_SMTP_PORT:-1025}"
web="${MAILDEV_WEB_PORT:-1080}"
up() { curl -fsS -o /dev/null "http://127.0.0.1:$web/healthz" 2>/dev/null; }
if [ "${1:-}" = "--fresh" ] && up; then
  pkill -f "maildev --ip 127.0.0.1 --smtp $smtp " || true
  for _ in $(seq 1 50); do up || break; sleep 0.1; done
fi
if [ "${1:-}" = "--fresh" ] && ! up; then rm -rf target/maildev-mail; fi
if up; then exit 0; fi
[ -x end2end/node_modules/.bin/maildev ] || { echo "maildev missing: run scripts/setup.sh --test" >&2; exit 1; }
mkdir -p target/maildev-mail
nohup end2end/node_modules/.bin/maildev --ip 127.0.0.1 --smtp "$smtp" --web "$web" --silent \
  --mail-directory target/maildev-mail \
  > target/maildev.log 2>&1 &
for _ in $(seq 1 50); do up && exit 0; sleep 0.2; done
echo "maildev did not start (see target/maildev.log)" >&2
exit 1
