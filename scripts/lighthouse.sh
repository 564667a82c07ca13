#!/usr/bin/env bash
# The client as a member on a slow phone sees it: Lighthouse 12.2.3 (npm, into .tools/;
# 13 wants Node 22) in Debian's Chromium, mobile profile (its default: a Moto G Power's
# screen, simulated slow 4G at 150 ms RTT and 1.6 Mbps, 4x CPU slowdown), against the
# release build with demo data on a fresh SQLite database, on three pages:
#   home     /                 signed in as Tom
#   service  /services/<id>    signed in as Tom: Grace's service with its request form
#   request  /requests/<id>    signed in as Grace: Tom's request, mid-negotiation
# For each it prints the median of --runs runs (default 3): performance score, Total
# Blocking Time, Time to Interactive, Largest Contentful Paint, the JS + WASM bytes
# transferred (as served, compressed), the page's HTML and all bytes transferred. Reports are kept in
# target/lighthouse/. Usage: scripts/lighthouse.sh [--runs N] [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "usage: scripts/lighthouse.sh [--runs N] [--no-build]" >&2; exit 2 ;;
  esac
done
scripts/setup.sh --test
. scripts/env.sh

LH_VERSION=12.2.3
lh=.tools/lighthouse/node_modules/lighthouse/cli/index.js
if [ ! -f "$lh" ] || ! grep -q "\"version\": \"$LH_VERSION\"" .tools/lighthouse/node_modules/lighthouse/package.json; then
  echo "[lighthouse] installing lighthouse@$LH_VERSION into .tools/lighthouse"
  mkdir -p .tools/lighthouse
  npm install --prefix .tools/lighthouse --no-audit --no-fund --loglevel=error "lighthouse@$LH_VERSION" >/dev/null
fi
[ "$build" = 1 ] && cargo leptos build --release --precompress

out=target/lighthouse
rm -rf "$out"
mkdir -p "$out"
port="${LIGHTHOUSE_PORT:-3300}"
base="http://127.0.0.1:$port"
DATABASE_URL="sqlite://$out/hourbank.db" LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_ENV=PROD \
  HOURBANK_LOG=warn target/release/server serve --demo >"$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.2; done
curl -sf "$base/healthz" >/dev/null || { cat "$out/server.log" >&2; exit 1; }

# Signs in with the demo password; prints the session cookie.
session() {
  local jar="$out/$1.jar"
  curl -sf -o /dev/null -c "$jar" -H 'Accept: text/html' \
    --data-urlencode "email=$1@hourbank.demo" --data-urlencode "password=hourbank-demo" "$base/api/login"
  awk '$6 == "hb_session" { print $7 }' "$jar"
}
tom=$(session tom)
grace=$(session grace)
service=$(curl -sf -b "hb_session=$tom" -H 'Accept: application/json' --data-urlencode "search=" "$base/api/services" |
  python3 -c 'import json,sys; print(next(s["id"] for s in json.load(sys.stdin) if s["provider_name"].startswith("Grace")))')
# Tom asks for an hour and a half; Grace answers with a counter-offer.
request=$(curl -s -o /dev/null -w '%{redirect_url}' -b "hb_session=$tom" -H 'Accept: text/html' \
  --data-urlencode "service_id=$service" --data-urlencode "duration_minutes=90" --data-urlencode "rate=" \
  --data-urlencode "start=" --data-urlencode "message=Could you help me with my garden?" "$base/api/requests/submit" |
  sed 's|.*/requests/||')
version=$(curl -sf -b "hb_session=$grace" "$base/requests/$request" | grep -o 'name="version" value="[0-9]*"' | head -1 | grep -o '[0-9]*')
curl -sf -o /dev/null -b "hb_session=$grace" -H 'Accept: text/html' \
  --data-urlencode "request_id=$request" --data-urlencode "version=$version" --data-urlencode "action=counter" \
  --data-urlencode "duration_minutes=60" --data-urlencode "rate=1.00" --data-urlencode "message=One hour is enough, I think." \
  "$base/api/requests/act"
curl -sf -b "hb_session=$grace" "$base/requests/$request" | grep -q 'data-state="NEGOTIATING"' ||
  { echo "the request did not reach NEGOTIATING" >&2; exit 1; }

measure() { # name path cookie
  local name=$1 path=$2 cookie=$3
  printf '{"Cookie": "hb_session=%s"}' "$cookie" >"$out/$name.headers.json"
  for i in $(seq 1 "$runs"); do
    CHROME_PATH=/usr/bin/chromium node "$lh" "$base$path" --quiet --only-categories=performance \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" \
      --extra-headers="$out/$name.headers.json" --output=json --output-path="$out/$name-$i.json" >/dev/null
  done
}
measure home / "$tom"
measure service "/services/$service" "$tom"
measure request "/requests/$request" "$grace"

python3 - "$out" "$runs" <<'EOF'
import json, re, statistics, sys
out, runs = sys.argv[1], int(sys.argv[2])
print(f"Lighthouse 12.2.3, mobile profile (simulated slow 4G, 4x CPU), median of {runs} runs")
print(f"{'page':8} {'score':>5} {'TBT ms':>7} {'TTI ms':>7} {'LCP ms':>7} {'JS+WASM B':>10} {'HTML B':>7} {'all B':>8}")
for name in ["home", "service", "request"]:
    rows = []
    for i in range(1, runs + 1):
        r = json.load(open(f"{out}/{name}-{i}.json"))
        a = r["audits"]
        items = a["network-requests"]["details"]["items"]
        code = sum(x.get("transferSize", 0) for x in items if re.search(r"\.(js|wasm)(\?|$)", x["url"]))
        html = sum(x.get("transferSize", 0) for x in items if x.get("resourceType") == "Document")
        rows.append((r["categories"]["performance"]["score"] * 100, a["total-blocking-time"]["numericValue"],
                     a["interactive"]["numericValue"], a["largest-contentful-paint"]["numericValue"], code,
                     html, sum(x.get("transferSize", 0) for x in items)))
    m = [statistics.median(c) for c in zip(*rows)]
    print(f"{name:8} {m[0]:5.0f} {m[1]:7.0f} {m[2]:7.0f} {m[3]:7.0f} {m[4]:10.0f} {m[5]:7.0f} {m[6]:8.0f}")
EOF
