// govsite search: results as you type, from search-index.json (built with the site).
// Words match by prefix; Chinese, Japanese and Korean text matches by characters and
// character pairs, exactly as the index was built. Without JavaScript the form opens the
// search page, which lists every page.
(() => {
  "use strict";
  const form = document.querySelector(".site-search");
  if (!form) return;
  const input = form.querySelector("input");
  const list = form.querySelector(".search-results");
  const cjk = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;
  let index = null;
  let keys = null;
  let loading = null;

  function load() {
    if (!loading) {
      loading = fetch(form.dataset.index)
        .then((r) => r.json())
        .then((data) => {
          index = data;
          keys = Object.keys(data.terms).sort();
        })
        .catch(() => { loading = null; });
    }
    return loading;
  }

  // Query terms: [term, prefix?]. Words may be typed partly; CJK text is matched by its
  // character pairs (or the single character), exactly as the index holds it.
  function terms(query) {
    const out = [];
    let word = "";
    let run = "";
    const flushWord = () => {
      if (word) out.push([word, true]);
      word = "";
    };
    const flushRun = () => {
      const chars = [...run];
      if (chars.length === 1) out.push([chars[0], false]);
      for (let i = 0; i + 1 < chars.length; i++) out.push([chars[i] + chars[i + 1], false]);
      run = "";
    };
    for (const c of query.toLowerCase()) {
      if (cjk.test(c)) {
        flushWord();
        run += c;
      } else {
        flushRun();
        if (/[\p{L}\p{N}]/u.test(c)) word += c;
        else flushWord();
      }
    }
    flushWord();
    flushRun();
    return out;
  }

  function pagesFor([term, prefix]) {
    const found = new Set();
    if (!prefix) {
      for (const id of index.terms[term] || []) found.add(id);
      return found;
    }
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid] < term) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < keys.length && keys[i].startsWith(term); i++) {
      for (const id of index.terms[keys[i]]) found.add(id);
    }
    return found;
  }

  function search(query) {
    const wanted = terms(query);
    if (!wanted.length) return [];
    let hits = null;
    for (const t of wanted) {
      const pages = pagesFor(t);
      hits = hits === null ? pages : new Set([...hits].filter((id) => pages.has(id)));
      if (!hits.size) return [];
    }
    const q = query.toLowerCase();
    return [...hits]
      .map((id) => index.pages[id])
      .sort((a, b) => (b.t.toLowerCase().includes(q) ? 1 : 0) - (a.t.toLowerCase().includes(q) ? 1 : 0))
      .slice(0, 10);
  }

  function show(results, query) {
    list.replaceChildren();
    if (!query.trim()) {
      list.hidden = true;
      return;
    }
    if (!results.length) {
      const li = document.createElement("li");
      li.className = "search-empty";
      li.textContent = form.dataset.empty || "No page matches.";
      list.append(li);
    }
    for (const page of results) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = page.u;
      const title = document.createElement("strong");
      title.textContent = page.t;
      const snippet = document.createElement("span");
      snippet.textContent = page.s;
      a.append(title, snippet);
      li.append(a);
      list.append(li);
    }
    list.hidden = false;
  }

  input.addEventListener("focus", load);
  input.addEventListener("input", () => {
    const query = input.value;
    load().then(() => { if (index && input.value === query) show(search(query), query); });
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Escape") { input.value = ""; show([], ""); }
  });
  form.addEventListener("submit", (e) => {
    const first = list.querySelector("a");
    if (first) { e.preventDefault(); location.href = first.href; }
  });

  // Opened with ?q= (the form submitted before the index loaded, or a shared link): show
  // the results for that query at once.
  const asked = new URLSearchParams(location.search).get("q");
  if (asked) {
    input.value = asked;
    load().then(() => { if (index && input.value === asked) show(search(asked), asked); });
  }
})();
