#!/usr/bin/env bash
# Installs what building and serving HourBank needs, skipping what is already there:
# the wasm32 target, cargo-leptos 0.3.10, wasm-bindgen-cli at Cargo.lock's version, and
# wasm-opt (npm binaryen@132, into .tools/). With --test also Debian's Chromium, Java
# (for the W3C HTML checker), promtool (Debian's prometheus, for the alerting rules) and
# the end2end npm packages (Playwright, axe, vnu-jar, the maildev SMTP sink).
# Source scripts/env.sh afterwards for PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

with_test=0
[ "${1:-}" = "--test" ] && with_test=1

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo clippy --version >/dev/null 2>&1; then
  say "adding clippy"
  rustup component add clippy
fi

LEPTOS_VERSION=0.3.10   # 0.3.11 needs Rust 1.96
if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$LEPTOS_VERSION" ]; then
  say "installing cargo-leptos $LEPTOS_VERSION (about 12 minutes on 2 cores)"
  cargo install cargo-leptos --locked --version "$LEPTOS_VERSION"
fi

# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  say "installing wasm-bindgen-cli $WB_VERSION"
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

# wasm-opt from npm's binaryen (never Debian's binaryen 108: it breaks hydration).
BINARYEN_VERSION=132
if [ ! -x .tools/node_modules/.bin/wasm-opt ] || ! .tools/node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION) into .tools/"
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION" >/dev/null
fi

if [ "$with_test" = 1 ]; then
  if [ ! -x /usr/bin/chromium ]; then
    say "installing Chromium from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  if ! command -v promtool >/dev/null; then
    say "installing promtool (Debian's prometheus package) for the alerting rules"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
  fi
  if ! command -v java >/dev/null; then
    say "installing Java (for the W3C HTML checker) from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
  fi
  if [ ! -d end2end/node_modules/@playwright/test ] || [ ! -f end2end/node_modules/vnu-jar/build/dist/vnu.jar ] \
     || [ ! -x end2end/node_modules/.bin/maildev ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
    say "installing the end2end npm packages"
    (cd end2end && npm ci --no-audit --no-fund --loglevel=error)
  fi
  if ! command -v psql >/dev/null || ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    say "PostgreSQL is not answering on 127.0.0.1:5432; trying to start it"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
    for _ in $(seq 1 20); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 0.5; done
    pg_isready -h 127.0.0.1 -p 5432 || { echo "PostgreSQL is not reachable on 127.0.0.1:5432" >&2; exit 1; }
  fi
fi
say "tools ready: $(cargo leptos --version), $(wasm-bindgen --version), $(wasm-opt --version)"
