#!/usr/bin/env bash
# Checks the pages the rendering test wrote (server/tests/rendering.rs, with
# HOURBANK_RENDERED_PAGES_DIR set) with the W3C Nu HTML Checker (npm vnu-jar, Java 17).
# Any error fails, except the framework's own listed in scripts/vnu-framework-errors.txt
# (each with its reason; the README lists them too).
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:?usage: scripts/check-html.sh DIR-OF-PAGES}"
vnu=end2end/node_modules/vnu-jar/build/dist/vnu.jar
[ -f "$vnu" ] || { echo "vnu.jar missing: run scripts/setup.sh --test" >&2; exit 1; }
pages=$(find "$dir" -name '*.html' | wc -l)
[ "$pages" -gt 0 ] || { echo "no pages in $dir" >&2; exit 1; }
# --filterfile: one regular expression a line, '#' lines are comments.
if java -jar "$vnu" --errors-only --filterfile scripts/vnu-framework-errors.txt "$dir"; then
  echo "HTML check: $pages pages, no errors beyond the framework's own (scripts/vnu-framework-errors.txt)"
else
  echo "HTML check: the W3C checker found errors in the pages above" >&2
  exit 1
fi
