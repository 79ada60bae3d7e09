#!/usr/bin/env bash
# Benchmark of `govsite serve` (not a test): the time from a saved edit to the `reload` event
# that open pages receive (p50/p95 of 20 edits) on example-site and on a generated 1,000-page
# site, then the server's resident memory across 500 consecutive edits of example-site.
# Usage: bench/serve.sh [PAGES]   (default 1000; needs python3 and Linux /proc)
# Each site is copied to a temporary folder first; the originals are never edited.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-1000}
corpus=${CORPUS:-/tmp/govsite-bench-$pages}
generator=${GEN_CORPUS:-/work/shared/bench/gen_corpus.py}
[ -f "$generator" ] || generator=../shared/bench/gen_corpus.py

cargo build --release --quiet
bin=target/release/govsite
[ -d "$corpus/govsite" ] || python3 "$generator" --pages "$pages" --out "$corpus" >/dev/null

driver=bench/serve_bench.py
python3 "$driver" --bin "$bin" latency example-site "example-site"
python3 "$driver" --bin "$bin" latency "$corpus/govsite" "$pages-page corpus"
python3 "$driver" --bin "$bin" memory example-site --edits 500
