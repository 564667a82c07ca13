#!/usr/bin/env bash
# What the browser bundle is made of: the sizes of what a release build ships (raw, gzip
# -9, and the brotli file it is served as), then `twiggy top` (twiggy 0.8, installed into
# .tools/ by cargo the first time) over the module as rustc wrote it, before wasm-bindgen
# and wasm-opt (it still has its function names), grouped by crate as well.
# Usage: scripts/bundle-report.sh [--no-build] [-n ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=1
rows=30
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0; shift ;;
    -n) rows="$2"; shift 2 ;;
    *) echo "usage: scripts/bundle-report.sh [--no-build] [-n ROWS]" >&2; exit 2 ;;
  esac
done
scripts/setup.sh
. scripts/env.sh
if ! .tools/twiggy/bin/twiggy --version 2>/dev/null | grep -q "0.8"; then
  echo "[bundle] installing twiggy 0.8 into .tools/twiggy"
  cargo install --locked --root .tools/twiggy twiggy --version "^0.8" >/dev/null
fi
[ "$build" = 1 ] && cargo leptos build --release --precompress

echo "== shipped (target/site/pkg)"
total_raw=0; total_br=0; total_gz=0
for f in target/site/pkg/*.wasm target/site/pkg/*.js; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$([ -f "$f.br" ] && stat -c %s "$f.br" || echo "$raw")
  printf '%-52s %9d B raw %8d B gzip -9 %8d B served (brotli)\n' "$(basename "$f")" "$raw" "$gz" "$br"
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
done
printf '%-52s %9d B raw %8d B gzip -9 %8d B served (brotli)\n' "JS + WASM" "$total_raw" "$total_gz" "$total_br"

module=$(ls -t target/front/wasm32-unknown-unknown/wasm-release/*.wasm | head -1)
echo
echo "== twiggy top -n $rows $module (before wasm-bindgen and wasm-opt; the names"
echo "   subsection and wasm-bindgen's own section are not shipped)"
.tools/twiggy/bin/twiggy top -n "$rows" "$module"
echo
echo "== by crate (the same module: every function's own bytes, summed per crate; the"
echo "   sections wasm-bindgen removes before shipping are left out)"
.tools/twiggy/bin/twiggy top -f csv "$module" | python3 -c '
import csv, re, sys, collections
by = collections.Counter(); total = 0
crate = r"([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::"
for row in csv.DictReader(sys.stdin):
    name, size = row["Name"], int(row["ShallowSize"])
    # Names, wasm-bindgen's section and its describe functions: removed before shipping.
    if "subsection" in name or name.startswith("custom section") or "__wbindgen_describe" in name:
        continue
    total += size
    m = re.match(r"<(?:&(?:mut )?)?(?:" + crate + r")?.*? as " + crate, name)
    if m:
        key = m.group(1) or m.group(2)
    else:
        m = re.match(r"<?(?:&(?:mut )?)?" + crate, name)
        key = m.group(1) if m else ("data: " + name if name.startswith("data segment") else "other")
    by[key] += size
for k, v in by.most_common(25):
    print(f"{v:>9} B {100 * v / total:5.1f}%  {k}")
print(f"{total:>9} B  in all")
'
