#!/usr/bin/env bash
# Where a build's CPU goes: `perf record` of one clean build of a generated corpus, then the
# top symbols and the samples grouped by concern (highlighting, HTML tokenizing, Markdown,
# templates, allocator, kernel file work…).
# Usage: bench/profile.sh [PAGES]   (default 1000; needs perf and python3)
# GOVSITE_BIN=path/to/govsite profiles another binary (e.g. an older build) instead.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-1000}
corpus=${CORPUS:-/tmp/govsite-bench-$pages}
generator=${GEN_CORPUS:-/work/shared/bench/gen_corpus.py}
[ -f "$generator" ] || generator=../shared/bench/gen_corpus.py

bin=${GOVSITE_BIN:-target/release/govsite}
[ -n "${GOVSITE_BIN:-}" ] || cargo build --release --quiet
[ -d "$corpus/govsite" ] || python3 "$generator" --pages "$pages" --out "$corpus" >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
perf record -q -o "$work/perf.data" -F 999 "$bin" build "$corpus/govsite" --output "$work/out" >/dev/null 2>&1
perf report -i "$work/perf.data" --no-children --sort symbol --stdio 2>/dev/null | grep '%' >"$work/report"
echo "top symbols ($pages pages):"
head -15 "$work/report" | awk '{ printf "  %7s %s %s\n", $1, $2, $3 }' | cut -c1-110

python3 - "$work/report" <<'EOF'
import re, sys
groups = [
    ("highlighting (syntect, onig)", r"syntect|onig|match_at|forward_search|search_in_range|onigenc|slow_search"),
    ("HTML tokenizing (html5ever)", r"html5ever|tendril|markup5ever|string_cache|buffer_queue"),
    ("Markdown (pulldown-cmark)", r"pulldown_cmark"),
    ("templates (tera)", r"tera::"),
    ("sanitizing (ammonia)", r"ammonia"),
    ("search index, sets and maps", r"btree|hashbrown|BTreeMap|HashMap|to_lowercase|search::"),
    ("JSON", r"serde_json"),
    ("allocator", r"malloc|free|realloc|_int_|unlink_chunk|mi_|consolidate"),
    ("memory copies and compares", r"memmove|memcpy|memcmp|memset|memchr"),
    ("kernel (files, folders, pages)", r"\[k\]"),
]
totals = {name: 0.0 for name, _ in groups}
other = 0.0
for line in open(sys.argv[1]):
    m = re.match(r"\s*([\d.]+)%\s+(.*)", line)
    if not m:
        continue
    share, symbol = float(m.group(1)), m.group(2)
    for name, pattern in groups:
        if re.search(pattern, symbol):
            totals[name] += share
            break
    else:
        other += share
print("samples by concern:")
for name, share in sorted(totals.items(), key=lambda x: -x[1]):
    print(f"  {share:5.1f}%  {name}")
print(f"  {other:5.1f}%  everything else")
EOF
