#!/usr/bin/env bash
# Benchmark of `govsite serve` (not a test): the time from a saved edit to the `reload` event
# that open pages receive (p50/p95 of 20 edits) on example-site and on a generated 1,000-page
# site, then the server's resident memory across 500 consecutive edits of example-site, then
# page latency (p50/p95) while a live-reload client that never reads is connected, before and
# after a megabytes-long problem report goes out and ten more pages open their streams.
# Usage: bench/serve.sh [PAGES]   (default 1000; needs python3 and Linux /proc)
# GOVSITE_BIN=path/to/govsite measures another binary (e.g. an older build) instead.
# Each site is copied to a temporary folder first; the originals are never edited.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-1000}
corpus=${CORPUS:-/tmp/govsite-bench-$pages}
generator=${GEN_CORPUS:-/work/shared/bench/gen_corpus.py}
[ -f "$generator" ] || generator=../shared/bench/gen_corpus.py

bin=${GOVSITE_BIN:-target/release/govsite}
[ -n "${GOVSITE_BIN:-}" ] || cargo build --release --quiet
[ -d "$corpus/govsite" ] || python3 "$generator" --pages "$pages" --out "$corpus" >/dev/null

driver=bench/serve_bench.py
python3 "$driver" --bin "$bin" latency example-site "example-site"
python3 "$driver" --bin "$bin" latency "$corpus/govsite" "$pages-page corpus"
python3 "$driver" --bin "$bin" memory example-site --edits 500
python3 "$driver" --bin "$bin" stalled example-site "example-site"
