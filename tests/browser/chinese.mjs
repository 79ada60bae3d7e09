// A Chinese portal (language: zh-CN), checked in headless Chromium on a real `govsite build`.
//
//   node tests/browser/chinese.mjs --root DIR --base /example-project/ --strings FILE
//
// FILE is JSON written by tests/browser.rs from govsite's bundled locales:
// { "zh": [every zh-CN message, `{name}` placeholders kept], "en": [English interface
// fragments that differ in Chinese] }. For every page:
//   - the navigation, headings, labels, buttons, table headers, terms and tags are zh-CN
//     interface text: each is a zh-CN message (its placeholders matching anything), or, for
//     headings, text without a Latin letter (a Chinese title from the YAML);
//   - the visible text holds no English interface fragment;
//   - zero serious or critical axe-core violations;
// and: Chinese search finds a page by words of its body and lists it under its Chinese
// title; a search that matches nothing says so in Chinese; the Nu HTML checker finds no
// error in any .html file. Exit 0 when all pass, 1 otherwise.

import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { Checks, checkHtml, describeViolations, launch, run, runAxe, serve, since, walk } from './lib.mjs';

function parseArgs(argv) {
  const args = { base: '/', root: null, strings: null };
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (key === '--root') args.root = resolve(value);
    else if (key === '--base') args.base = value;
    else if (key === '--strings') args.strings = value;
    else {
      console.error(`unknown argument: ${key}`);
      process.exit(2);
    }
  }
  if (!args.root || !args.strings) {
    console.error('usage: node chinese.mjs --root DIR [--base /x/] --strings FILE');
    process.exit(2);
  }
  return args;
}

/** A message as a whole-string pattern: its placeholders match any text. */
function pattern(message) {
  const parts = message.split(/\{[A-Za-z0-9_]+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*'));
  return new RegExp(`^\\s*${parts.join('[\\s\\S]+?')}\\s*$`);
}

// Runs in the page: the interface elements' texts, by kind.
function interfaceTexts() {
  const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const out = [];
  const add = (kind, text) => {
    const t = clean(text);
    if (t) out.push({ kind, text: t });
  };
  for (const el of document.querySelectorAll('.site-nav a, nav.toc a[href^="#"]:not(.page-toc a)')) add('nav', el.textContent);
  for (const el of document.querySelectorAll('.skip-link, label, button, thead th, dt, .toc-title, .score-label, .scale-axis span, .tag, .site-footer .muted, caption, h4')) {
    add(el.tagName.toLowerCase() === 'dt' ? 'term' : 'label', el.textContent);
  }
  for (const el of document.querySelectorAll('[placeholder]')) add('label', el.getAttribute('placeholder'));
  for (const el of document.querySelectorAll('[aria-label]')) add('label', el.getAttribute('aria-label'));
  for (const el of document.querySelectorAll('[title]')) add('label', el.getAttribute('title'));
  for (const el of document.querySelectorAll('h1, h2, h3')) add('heading', el.textContent);
  return { texts: out, body: clean(document.body.innerText) };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const strings = JSON.parse(readFileSync(args.strings, 'utf8'));
  const zh = strings.zh.map(pattern);
  const english = strings.en;
  const checks = new Checks('chinese');
  const start = Date.now();
  const files = walk(args.root).filter((f) => f.endsWith('.html')).sort();
  const vnu = checkHtml(args.root, files);
  const server = await serve(args.root, args.base);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const { browser, close } = await launch();
  try {
    const page = await browser.newPage();
    for (const file of files) {
      const rel = relative(args.root, file).split(sep).join('/');
      const path = rel === 'index.html' ? '' : rel.replace(/index\.html$/, '');
      const name = rel === '404.html' ? '404' : `/${path}`;
      await page.goto(`${origin}${args.base}${rel === '404.html' ? 'no-such-page/' : path}`);
      const { texts, body } = await page.evaluate(interfaceTexts);
      const foreign = texts.filter(({ kind, text }) => {
        if (zh.some((re) => re.test(text))) return false;
        // A heading, a menu entry or a term may be the YAML's own (Chinese) words: never English.
        return !(kind !== 'label' && !/[A-Za-z]/.test(text));
      });
      checks.ok(foreign.length === 0, `${name}: every label, heading and button is zh-CN interface text`, foreign.map((f) => `${f.kind}: ${f.text}`).join('\n'));
      const leaked = english.filter((fragment) => body.includes(fragment));
      checks.ok(leaked.length === 0, `${name}: no English interface text`, leaked.join('\n'));
      const bad = (await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      checks.ok(bad.length === 0, `${name}: no serious or critical axe violations`, describeViolations(bad));
      console.log(`checked ${name} (${texts.length} interface texts, ${since(start)})`);
    }

    // Search: words of a page's body find it, listed under its Chinese title.
    await page.goto(`${origin}${args.base}`);
    const input = page.locator('#site-search-input');
    await input.fill('3 个工作日');
    const results = page.locator('#site-search-results li');
    await results.first().waitFor({ timeout: 10000 });
    const titles = await results.allTextContents();
    checks.ok(titles.some((t) => t.includes('治理说明')), 'searching "3 个工作日" finds the page 治理说明', titles.join('\n'));
    checks.ok(titles.every((t) => /[\u4e00-\u9fff]/.test(t)), 'every result title is Chinese', titles.join('\n'));
    await input.fill('须经委员会同意');
    await page.waitForFunction(() => [...document.querySelectorAll('#site-search-results li')].some((li) => li.textContent.includes('治理说明')), null, { timeout: 10000 }).catch(() => {});
    const again = await results.allTextContents();
    checks.ok(again.some((t) => t.includes('治理说明')), 'searching "须经委员会同意" finds the page by its body', again.join('\n'));
    await input.fill('不存在的词语');
    await page.waitForSelector('#site-search-results .search-empty', { timeout: 10000 }).catch(() => {});
    const empty = await page.locator('#site-search-results .search-empty').allTextContents();
    checks.ok(empty.length === 1 && zh.some((re) => re.test(empty[0])) && !/[A-Za-z]/.test(empty[0]), 'a search without result says so in Chinese', empty.join('\n'));
  } finally {
    await close();
    server.close();
  }
  const html = await vnu;
  if (html.failure) checks.fail('the Nu HTML checker ran', html.failure);
  else checks.ok(html.errors.length === 0, `valid HTML5: the Nu HTML checker finds no error in ${html.files} .html files`, html.errors.join('\n'));
  console.log(`total ${since(start)}`);
  return checks.finish();
}

run(main);
