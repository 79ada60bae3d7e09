#!/usr/bin/env bash
# A bilingual portal against a single-language one: build time and peak memory of the
# generated corpus (../shared/bench/gen_corpus.py, its govsite/ variant) as it is, and with
# `languages: [en, zh-CN]` and a `.zh-CN.md` copy beside every page (the second language's
# pages as translations of the first). The bilingual build should cost at most twice the single.
# Usage: bench/bilingual.sh [PAGES] [ROUNDS]   (default 1000 pages, 3 rounds; best wall kept)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-1000}
rounds=${2:-3}
corpus=${CORPUS:-/tmp/govsite-bench-$pages}
generator=${GEN_CORPUS:-../shared/bench/gen_corpus.py}
bin=${GOVSITE_BIN:-target/release/govsite}

[ -n "${GOVSITE_BIN:-}" ] || cargo build --release --quiet
[ -d "$corpus/govsite" ] || python3 "$generator" --pages "$pages" --out "$corpus" >/dev/null

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# The bilingual copy: site.yaml lists both languages, every page gets its translation.
bi="$out/bilingual"
cp -r "$corpus/govsite" "$bi"
sed -i '/^language:/d' "$bi/site.yaml"
printf 'languages: [en, zh-CN]\n' >>"$bi/site.yaml"
find "$bi/content" -name '*.md' ! -name '*.zh-CN.md' | while read -r page; do
  cp "$page" "${page%.md}.zh-CN.md"
done

measure() { # label, command...
  local label=$1; shift
  local best=""
  for _ in $(seq "$rounds"); do
    local line
    /usr/bin/time -o "$out/time" -f "%e %U %S %M" "$@" >/dev/null 2>&1 || true
    line=$(tail -1 "$out/time")
    if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN{exit !(a<b)}'; then best=$line; fi
  done
  read -r wall user sys rss <<<"$best"
  printf "%-34s wall %6.2f s  user %5.2f s  sys %5.2f s  peak RSS %6.1f MiB\n" "$label" "$wall" "$user" "$sys" "$(awk -v k="$rss" 'BEGIN{print k/1024}')"
}

$bin build "$bi" --output "$out/check-bi" >/dev/null 2>&1 || { echo "the bilingual corpus does not build:"; $bin build "$bi" --output "$out/check-bi"; exit 1; }
measure "build $pages pages, one language" $bin build "$corpus/govsite" --output "$out/single"
measure "build $pages pages, two languages" $bin build "$bi" --output "$out/double"
echo "files: $(find "$out/single" -type f | wc -l) single, $(find "$out/double" -type f | wc -l) bilingual"
