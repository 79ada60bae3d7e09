#!/usr/bin/env bash
# Whether two govsite binaries write the same bytes: builds example-site (default and minimal
# theme, and with broken links), `init --template cncf|minimal`, a two-project portfolio and generated corpora with
# each, and compares the sha256 of every output file and `check --format json` of each site.
# Usage: bench/same_output.sh BEFORE_BIN AFTER_BIN [PAGES…]   (corpus sizes, default 1000;
# CORPUS_PREFIX=/tmp/govsite-bench- is where corpora are read from or generated)
# Prints one line per input and exits 1 on any difference (the differing files are listed).
set -euo pipefail
cd "$(dirname "$0")/.."
before=$(realpath "$1")
after=$(realpath "$2")
shift 2
sizes=("${@:-1000}")
generator=${GEN_CORPUS:-/work/shared/bench/gen_corpus.py}
[ -f "$generator" ] || generator=../shared/bench/gen_corpus.py

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in" "$work/before" "$work/after"

cp -r example-site "$work/in/example"
cp -r example-site "$work/in/example-minimal"
sed -i 's/^theme:.*//' "$work/in/example-minimal/site.yaml"
echo "theme: minimal" >>"$work/in/example-minimal/site.yaml"
# Broken links and anchors in Markdown, raw HTML and a template, for `links/broken`'s text and
# positions.
cp -r example-site "$work/in/example-broken"
printf '\n[gone](missing.md) [anchor](#no-such-id) [other](faq.md#nope) <a href="/nowhere/">raw</a> <img src="x.png">\n' \
  >>"$work/in/example-broken/content/faq.md"
mkdir -p "$work/in/example-broken/templates"
printf '{%% extends "base.html" %%}{%% block content %%}<a href="/not-here/">x</a><a id="a&amp;b" href="#a&amp;b">y</a>{%% endblock content %%}\n' \
  >"$work/in/example-broken/templates/page.html"
for template in cncf minimal; do
  "$before" init "$work/in/init-$template" --template "$template" >/dev/null
done
mkdir -p "$work/in/portfolio/projects" "$work/in/portfolio/org-defaults/governance"
for project in alpha beta; do
  cp -r "$work/in/init-minimal" "$work/in/portfolio/projects/$project"
  rm -rf "$work/in/portfolio/projects/$project/.github"
done
mv "$work/in/portfolio/projects/beta/governance/code-of-conduct.yaml" "$work/in/portfolio/org-defaults/governance/"
printf 'title: Acme OSPO\nbase_url: https://acme.example.org/ospo/\ndefaults: org-defaults/\nprojects: [projects/alpha, projects/beta]\n' \
  >"$work/in/portfolio/portfolio.yaml"
for pages in "${sizes[@]}"; do
  corpus=${CORPUS_PREFIX:-/tmp/govsite-bench-}$pages
  [ -d "$corpus/govsite" ] || python3 "$generator" --pages "$pages" --out "$corpus" >/dev/null
  ln -s "$corpus/govsite" "$work/in/corpus-$pages"
done

status=0
for site in "$work"/in/*; do
  name=$(basename "$site")
  for which in before after; do
    bin=${!which}
    out="$work/$which/$name"
    # The exit code and diagnostics of the build (a site with broken links fails), without its
    # timing.
    code=0
    "$bin" build "$site" --output "$out" >"$out.log" 2>&1 || code=$?
    { echo "exit $code"; sed -E "s/ in [0-9]+ ms//; s|$work/$which/||" "$out.log"; } >"$out.status"
    "$bin" check "$site" --format json >"$out.check.json" 2>/dev/null || true
    (cd "$out" 2>/dev/null && find . -type f | sort | xargs -d '\n' sha256sum) >"$out.sums" || true
  done
  files=$(wc -l <"$work/after/$name.sums")
  if cmp -s "$work/before/$name.sums" "$work/after/$name.sums" \
    && cmp -s "$work/before/$name.check.json" "$work/after/$name.check.json" \
    && cmp -s "$work/before/$name.status" "$work/after/$name.status"; then
    echo "same       $name ($files files, $(head -1 "$work/after/$name.status"), check --format json)"
  else
    echo "DIFFERENT  $name"
    diff "$work/before/$name.sums" "$work/after/$name.sums" | head -20 || true
    diff "$work/before/$name.check.json" "$work/after/$name.check.json" | head -10 || true
    diff "$work/before/$name.status" "$work/after/$name.status" | head -10 || true
    status=1
  fi
done
exit $status
