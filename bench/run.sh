#!/usr/bin/env bash
# Benchmarks: process time and peak memory of `build` and `check` on example-site and on a
# generated 1,000-page site (../shared/bench/gen_corpus.py, its govsite/ variant).
# Usage: bench/run.sh [PAGES]   (default 1000; needs python3 and /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-1000}
corpus=${CORPUS:-/tmp/govsite-bench-$pages}
generator=${GEN_CORPUS:-../shared/bench/gen_corpus.py}

cargo build --release --quiet
bin=target/release/govsite
[ -d "$corpus/govsite" ] || python3 "$generator" --pages "$pages" --out "$corpus" >/dev/null

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

measure() { # label, command...
  local label=$1; shift
  local best=""
  for _ in 1 2 3 4 5; do
    local line
    /usr/bin/time -o "$out/time" -f "%e %U %S %M" "$@" >/dev/null 2>&1 || true
    line=$(tail -1 "$out/time")
    # keep the run with the lowest wall time
    if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN{exit !(a<b)}'; then best=$line; fi
  done
  read -r wall user sys rss <<<"$best"
  printf "%-34s wall %6.2f s  user %5.2f s  sys %5.2f s  peak RSS %6.1f MiB\n" "$label" "$wall" "$user" "$sys" "$(awk -v k="$rss" 'BEGIN{print k/1024}')"
}

measure "build example-site" $bin build example-site --output "$out/example"
measure "check example-site" $bin check example-site
measure "build $pages-page corpus" $bin build "$corpus/govsite" --output "$out/corpus"
measure "check $pages-page corpus" $bin check "$corpus/govsite"
