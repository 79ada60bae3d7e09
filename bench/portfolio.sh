#!/usr/bin/env bash
# A generated portfolio (OSPO mode) of 50, 100 and 200 projects: `build` time and peak memory
# for each size, and per project, to show how they grow. Each project is the govsite/ variant
# of ../shared/bench/gen_corpus.py at PAGES pages (governance documents, Markdown pages with
# code to highlight, links between them), under its own folder name; portfolio.yaml lists
# them all and shares the code of conduct from a defaults folder, as OSPOs do.
# Usage: bench/portfolio.sh [PAGES] [SIZES...]   (defaults 20, and 50 100 200; needs python3
# and /usr/bin/time). Median of 3 clean builds per size.
# GOVSITE_BIN=path/to/govsite measures another binary (e.g. an older build) instead.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-20}
shift || true
sizes=${*:-50 100 200}
generator=${GEN_CORPUS:-/work/shared/bench/gen_corpus.py}
[ -f "$generator" ] || generator=../shared/bench/gen_corpus.py

bin=${GOVSITE_BIN:-target/release/govsite}
[ -n "${GOVSITE_BIN:-}" ] || cargo build --release --quiet

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$generator" --pages "$pages" --out "$work/corpus" >/dev/null

# portfolio N: a portfolio folder of N copies of the corpus site, as $work/portfolio-N.
portfolio() {
  local n=$1 dir=$work/portfolio-$1
  mkdir -p "$dir/projects" "$dir/org-defaults/governance"
  for i in $(seq -w 1 "$n"); do
    cp -rL "$work/corpus/govsite" "$dir/projects/project-$i"
  done
  cp "$work/corpus/govsite/governance/code-of-conduct.yaml" "$dir/org-defaults/governance/"
  rm "$dir"/projects/*/governance/code-of-conduct.yaml
  {
    printf 'title: Benchmark OSPO\nbase_url: https://ospo.example.org/\ndefaults: org-defaults/\nprojects:\n'
    for i in $(seq -w 1 "$n"); do printf '  - projects/project-%s\n' "$i"; done
  } >"$dir/portfolio.yaml"
}

printf "%9s %8s %8s %9s %12s %14s\n" projects "wall s" "user s" "peak MiB" "ms/project" "KiB/project"
for n in $sizes; do
  portfolio "$n"
  for _ in 1 2 3; do
    rm -rf "$work/out"; sync
    /usr/bin/time -o "$work/time" -a -f "%e %U %M" "$bin" build "$work/portfolio-$n" --output "$work/out" >/dev/null 2>"$work/stderr" \
      || { echo "build of $n projects failed:"; tail -20 "$work/stderr"; exit 1; }
  done
  python3 - "$work/time" "$n" <<'EOF'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l[:1].isdigit()]
wall, user, rss = (statistics.median(c) for c in zip(*rows))
n = int(sys.argv[2])
print(f"{n:9d} {wall:8.2f} {user:8.2f} {rss / 1024:9.0f} {1000 * wall / n:12.1f} {rss / n:14.0f}")
EOF
  rm -f "$work/time"
  rm -rf "$work/portfolio-$n"
done
