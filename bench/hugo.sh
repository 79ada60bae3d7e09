#!/usr/bin/env bash
# govsite against Hugo on one generated corpus (../shared/bench/gen_corpus.py: its govsite/ and
# hugo/ variants read the same Markdown), paired: each round runs govsite then Hugo, both as a
# clean build (the previous output renamed aside first, outside the timer, as in a fresh CI
# checkout). Prints every run, then the medians of wall, user, sys and peak RSS, the paired
# wall ratio (govsite / Hugo) of each round and its median, and `check`'s wall against a build's.
# Usage: bench/hugo.sh [PAGES] [ROUNDS]   (defaults 10000 and 3; needs python3, /usr/bin/time,
# and `hugo` — Debian: `apt-get install hugo`; without it only govsite is measured)
# GOVSITE_BIN=path/to/govsite measures another binary (e.g. an older build) instead.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10000}
rounds=${2:-3}
corpus=${CORPUS:-/tmp/govsite-bench-$pages}
generator=${GEN_CORPUS:-/work/shared/bench/gen_corpus.py}
[ -f "$generator" ] || generator=../shared/bench/gen_corpus.py

bin=${GOVSITE_BIN:-target/release/govsite}
[ -n "${GOVSITE_BIN:-}" ] || cargo build --release --quiet
[ -d "$corpus/govsite" ] || python3 "$generator" --pages "$pages" --out "$corpus" >/dev/null
hugo=$(command -v hugo || true)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/old"

# timed LABEL COMMAND...: one run; appends "label wall user sys rss_kib" to $work/runs.
timed() {
  local label=$1; shift
  /usr/bin/time -o "$work/time" -f "%e %U %S %M" "$@" >/dev/null 2>"$work/stderr" \
    || { echo "$label failed:"; cat "$work/stderr"; exit 1; }
  echo "$label $(tail -1 "$work/time")" | tee -a "$work/runs"
}

# aside DIR: moves a previous output out of the way (O(1)), then syncs, outside the timer.
aside() { [ ! -e "$1" ] || mv "$1" "$work/old/$RANDOM$RANDOM"; rm -rf "$work/old"/*; sync; }

for round in $(seq "$rounds"); do
  aside "$work/govsite-out"
  timed govsite "$bin" build "$corpus/govsite" --output "$work/govsite-out"
  if [ -n "$hugo" ]; then
    aside "$corpus/hugo/public"
    timed hugo "$hugo" --source "$corpus/hugo" --quiet
  fi
  timed check "$bin" check "$corpus/govsite"
  echo "round $round done" >&2
done

python3 - "$work/runs" "$pages" <<'EOF'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    label, *values = line.split()
    runs.setdefault(label, []).append([float(v) for v in values])
print(f"\n{sys.argv[2]} pages, median of {len(next(iter(runs.values())))} runs")
print(f"{'':8} {'wall s':>8} {'user s':>8} {'sys s':>8} {'peak MiB':>9}")
med = {}
for label, rows in runs.items():
    med[label] = [statistics.median(col) for col in zip(*rows)]
    w, u, s, m = med[label]
    print(f"{label:8} {w:8.2f} {u:8.2f} {s:8.2f} {m / 1024:9.0f}")
if "hugo" in runs:
    ratios = [g[0] / h[0] for g, h in zip(runs["govsite"], runs["hugo"])]
    print("paired wall ratio govsite/hugo: " + ", ".join(f"{r:.3f}" for r in ratios)
          + f"; median {statistics.median(ratios):.3f}")
print(f"check / build wall: {med['check'][0] / med['govsite'][0]:.3f}")
EOF
